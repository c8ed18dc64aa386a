//! The two languages of the product and every fixed piece of interface text.

/// A reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// French: the default of the page.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Both languages, in the order the switch shows them.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// Parses `fr` or `en`.
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Between the items of a list: `; ` in English; in French a no-break space before
    /// the semicolon, so that a line never starts with it.
    pub fn list_separator(self) -> &'static str {
        match self {
            Lang::En => "; ",
            Lang::Fr => "\u{a0}; ",
        }
    }

    /// Quotation marks around a title: « » with no-break spaces in French, “ ” in English.
    pub fn quotes(self) -> (&'static str, &'static str) {
        match self {
            Lang::Fr => ("«\u{a0}", "\u{a0}»"),
            Lang::En => ("\u{201c}", "\u{201d}"),
        }
    }

    /// The language code, as in an HTML `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

/// A text in both languages, checked to be non-empty in each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// English.
    pub en: String,
    /// French.
    pub fr: String,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// Fixed interface strings, drawn on the canvas or returned to the page.
#[derive(Debug, Clone, Copy)]
pub enum Ui {
    /// Prefix of a source line.
    Source,
    /// Prefix of a list of sources.
    Sources,
    /// Plural prefix for several rates.
    RateIntro,
    /// Said of a converted amount.
    Converted,
    /// Said when every series is hidden.
    NothingShown,
    /// Log-scale mark next to the axis label.
    LogScale,
    /// Basis: announced by the company or publisher.
    Official,
    /// Basis: reported by the press.
    PressReported,
    /// Deal: sale of existing shares.
    SecondarySale,
    /// Before the date of the newest figure of a chart.
    NewestFigure,
    /// Before the day the sources were last checked.
    SourcesChecked,
    /// Said of an amount shown in its own currency because no rate is available.
    NotConverted,
    /// Before the list of amounts shown in their own currency.
    NotConvertedIntro,
}

impl Ui {
    /// The string in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        use Lang::{En, Fr};
        match (self, lang) {
            (Ui::Source, Fr) => "Source :",
            (Ui::Source, En) => "Source:",
            (Ui::Sources, Fr) => "Sources :",
            (Ui::Sources, En) => "Sources:",
            (Ui::RateIntro, Fr) => "Conversion au cours de référence BCE du jour de chaque montant :",
            (Ui::RateIntro, En) => "Converted at the ECB reference rate of each amount's date:",
            (Ui::Converted, Fr) => "converti",
            (Ui::Converted, En) => "converted",
            (Ui::NothingShown, Fr) => "Toutes les séries sont masquées : cliquez sur la légende pour en afficher.",
            (Ui::NothingShown, En) => "Every series is hidden: use the legend to show one.",
            (Ui::LogScale, Fr) => "échelle logarithmique",
            (Ui::LogScale, En) => "log scale",
            (Ui::Official, Fr) => "annonce officielle",
            (Ui::Official, En) => "official announcement",
            (Ui::PressReported, Fr) => "rapporté par la presse",
            (Ui::PressReported, En) => "press-reported",
            (Ui::SecondarySale, Fr) => "cession secondaire",
            (Ui::SecondarySale, En) => "secondary sale",
            (Ui::NewestFigure, Fr) => "Chiffre le plus récent :",
            (Ui::NewestFigure, En) => "Newest figure:",
            (Ui::SourcesChecked, Fr) => "sources vérifiées le",
            (Ui::SourcesChecked, En) => "sources checked on",
            (Ui::NotConverted, Fr) => "non converti",
            (Ui::NotConverted, En) => "not converted",
            (Ui::NotConvertedIntro, Fr) => "Montants non convertis, affichés tels que publiés :",
            (Ui::NotConvertedIntro, En) => "Amounts not converted, shown as published:",
        }
    }
}

/// The short source line of a chart with many sources: how many, from when to when, and
/// that the page lists them under the chart.
pub fn sources_summary(lang: Lang, count: usize, first: &str, last: &str) -> String {
    match lang {
        Lang::Fr => format!("Sources : {count} publications, de {first} à {last}, listées sous le graphique."),
        Lang::En => format!("Sources: {count} publications, {first} to {last}, listed below the chart."),
    }
}
