//! The two languages of the product and every fixed piece of interface text: the one
//! table of words.
//!
//! [`Ui`] holds the words that Rust draws or returns; [`PAGE_WORDS`] the words that
//! only the page's JavaScript shows (controls, tooltips, the embed panel, the messages
//! of JavaScript's own errors). [`words_js`] writes both, with the quotation marks and
//! the list separator of each language, as `www/words.js`, the module every script of
//! the page takes its words from (a native test keeps that file up to date). Error
//! messages of the dataset's checks are written in both languages where each problem
//! is found ([`crate::error`]).

mod formats;

pub use formats::{fill, Formats, CSV_HEADERS};

/// A reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// French.
    Fr,
    /// English: the language of a chart that is told none, or one it does not speak (the
    /// product's one default: the element, `embed.html` and the controller fall back on
    /// it through `www/contract.js`'s `DEFAULT_LANG`).
    #[default]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// After the chart's title in the canvas's accessible name.
    CanvasHint,
    /// Basis: a secondary sale reported by the press.
    PressReportedSecondary,
    /// Basis: a sum over a region.
    RegionalTotal,
    /// A timeline's line in the description: `{label}`, `{count}`, `{first}`,
    /// `{first_date}`, `{last}`, `{last_date}`.
    LineSummary,
    /// The description's comparison: `{largest}`, `{largest_value}`, `{times}`,
    /// `{smallest}`, `{smallest_value}`.
    Comparison,
    /// Before a panel's bars in the description: `{heading}`.
    PanelIntro,
    /// The table's headings.
    TableSeries,
    /// The table's heading of a panel.
    TablePanel,
    /// The table's heading of a date.
    TableDate,
    /// The table's heading of the published figure.
    TablePublished,
    /// The table's heading of the basis.
    TableBasis,
    /// The table's heading of the source.
    TableSource,
    /// The CSV's unit of a count.
    UnitCount,
    /// The CSV's unit of an amount: `{currency}`.
    UnitBillion,
    /// After a rate's date: a monthly mean.
    MonthlyMean,
    /// After a rate's date: an annual mean.
    AnnualMean,
    /// After the axis's label: computing speeds.
    AxisFlops,
    /// After the axis's label: amounts, `{currency}`.
    AxisMoney,
    /// Source kind: a company or an official body.
    KindOfficial,
    /// Source kind: a wire service.
    KindWire,
    /// Source kind: a newspaper.
    KindNewspaper,
    /// Source kind: the trade press.
    KindTradePress,
    /// Source kind: a blog or an aggregator.
    KindBlog,
    /// Said of a figure that rests on a blog or an aggregator only; in the key beside
    /// its drawn mark.
    WeakSource,
    /// Before a lower bound, in words (the description, the CSV).
    MoreThan,
    /// The key's words for the mark of a lower bound on a timeline.
    LowerBound,
}

impl Ui {
    /// Every word, in the order of `www/words.js`.
    pub const ALL: [Ui; 39] = [
        Ui::Source,
        Ui::Sources,
        Ui::RateIntro,
        Ui::Converted,
        Ui::NothingShown,
        Ui::LogScale,
        Ui::Official,
        Ui::PressReported,
        Ui::SecondarySale,
        Ui::NewestFigure,
        Ui::SourcesChecked,
        Ui::NotConverted,
        Ui::NotConvertedIntro,
        Ui::CanvasHint,
        Ui::PressReportedSecondary,
        Ui::RegionalTotal,
        Ui::LineSummary,
        Ui::Comparison,
        Ui::PanelIntro,
        Ui::TableSeries,
        Ui::TablePanel,
        Ui::TableDate,
        Ui::TablePublished,
        Ui::TableBasis,
        Ui::TableSource,
        Ui::UnitCount,
        Ui::UnitBillion,
        Ui::MonthlyMean,
        Ui::AnnualMean,
        Ui::AxisFlops,
        Ui::AxisMoney,
        Ui::KindOfficial,
        Ui::KindWire,
        Ui::KindNewspaper,
        Ui::KindTradePress,
        Ui::KindBlog,
        Ui::WeakSource,
        Ui::MoreThan,
        Ui::LowerBound,
    ];

    /// The words that the page's scripts show too, written into `www/words.js`.
    pub const IN_PAGE: [Ui; 3] = [Ui::Source, Ui::NewestFigure, Ui::SourcesChecked];

    /// The word's key in `www/words.js`.
    pub fn key(self) -> &'static str {
        UI_WORDS[self as usize].0
    }

    /// The string in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        let (_, en, fr) = UI_WORDS[self as usize];
        lang.pick((en, fr))
    }
}

/// The words of [`Ui`], in its order: key (in `www/words.js`), English, French.
const UI_WORDS: [(&str, &str, &str); 39] = [
    ("source", "Source:", "Source :"),
    ("sources", "Sources:", "Sources :"),
    ("rateIntro", "Converted at the ECB reference rate of each amount's date:", "Conversion au cours de référence BCE du jour de chaque montant :"),
    ("converted", "converted", "converti"),
    ("nothingShown", "Every series is hidden: use the legend to show one.", "Toutes les séries sont masquées : cliquez sur la légende pour en afficher."),
    ("logScale", "log scale", "échelle logarithmique"),
    ("official", "official announcement", "annonce officielle"),
    ("pressReported", "press-reported", "rapporté par la presse"),
    ("secondarySale", "secondary sale", "cession secondaire"),
    ("newestFigure", "Newest figure:", "Chiffre le plus récent :"),
    ("sourcesChecked", "sources checked on", "sources vérifiées le"),
    ("notConverted", "not converted", "non converti"),
    ("notConvertedIntro", "Amounts not converted, shown as published:", "Montants non convertis, affichés tels que publiés :"),
    ("canvasHint", "use the arrow keys to read each value", "utilisez les flèches pour lire chaque valeur"),
    ("pressReportedSecondary", "press-reported secondary sale", "cession secondaire rapportée par la presse"),
    ("regionalTotal", "regional total", "total régional"),
    ("lineSummary", "{label}: {count} figures, from {first} ({first_date}) to {last} ({last_date}).", "{label} : {count} chiffres, de {first} ({first_date}) à {last} ({last_date})."),
    ("comparison", "The largest, {largest} ({largest_value}), is about {times} times the smallest, {smallest} ({smallest_value}).", "Le plus élevé, {largest} ({largest_value}), vaut environ {times} fois le plus faible, {smallest} ({smallest_value})."),
    ("panelIntro", "{heading}: ", "{heading} : "),
    ("tableSeries", "Series", "Série"),
    ("tablePanel", "Panel", "Panneau"),
    ("tableDate", "Date", "Date"),
    ("tablePublished", "As published", "Chiffre publié"),
    ("tableBasis", "Basis", "Nature"),
    ("tableSource", "Source", "Source"),
    ("unitCount", "count", "nombre"),
    ("unitBillion", "billion {currency}", "milliard {currency}"),
    ("monthlyMean", ", monthly mean", ", moyenne mensuelle"),
    ("annualMean", ", annual mean", ", moyenne annuelle"),
    ("axisFlops", ", EFlop/s", ", en Eflop/s"),
    ("axisMoney", ", {currency}", ", en {currency}"),
    ("kindOfficial", "company or official body", "entreprise ou organisme officiel"),
    ("kindWire", "wire service", "agence de presse"),
    ("kindNewspaper", "newspaper", "journal"),
    ("kindTradePress", "trade press", "presse spécialisée"),
    ("kindBlog", "blog or aggregator", "blog ou agrégateur"),
    ("weakSource", "weak source: a blog or an aggregator only", "source fragile : un blog ou un agrégateur seulement"),
    ("moreThan", "more than", "plus de"),
    ("lowerBound", "more than the value shown", "plus que la valeur indiquée"),
];

/// The short source line of a chart with many sources: how many, from when to when, and
/// that the page lists them under the chart.
pub fn sources_summary(lang: Lang, count: usize, first: &str, last: &str) -> String {
    match lang {
        Lang::Fr => format!("Sources : {count} publications, de {first} à {last}, listées sous le graphique."),
        Lang::En => format!("Sources: {count} publications, {first} to {last}, listed below the chart."),
    }
}

/// The words that only the page's JavaScript shows: key, English, French. `{name}` is a
/// value the script puts in (see `say` in `www/words.js`). Not compiled into the wasm:
/// only [`words_js`] reads this table.
pub const PAGE_WORDS: &[(&str, &str, &str)] = &[
    // The controls.
    ("view", "View", "Vue"),
    ("scale", "Scale", "Échelle"),
    ("currency", "Currency", "Devise"),
    ("scaleLinear", "Linear", "Linéaire"),
    ("scaleLog", "Log", "Log"),
    ("scaleLinearName", "Linear", "Linéaire"),
    ("scaleLogName", "Log, logarithmic", "Log, logarithmique"),
    ("currencyEUR", "€ euros", "€ euros"),
    ("currencyUSD", "$ US dollars", "$ dollars américains"),
    ("more", "Options", "Options"),
    ("series", "Series (click to show or hide)", "Séries (cliquer pour afficher ou masquer)"),
    ("table", "Table", "Tableau"),
    ("download", "Download", "Télécharger"),
    ("downloadFormat", "Download {format}", "Télécharger {format}"),
    // Under the chart.
    ("moreNotes", "{n} more notes", "{n} autres notes"),
    ("ratesTitle", "ECB exchange rates ({n})", "Taux de change BCE ({n})"),
    ("rates", "ECB exchange rates:", "Taux de change BCE :"),
    ("sourcesTitle", "Sources ({n})", "Sources ({n})"),
    // The tooltip.
    ("published", "as published:", "chiffre publié :"),
    ("parts", "Split:", "Répartition :"),
    // The page's embed panel.
    ("embed", "Embed this chart", "Intégrer ce graphique"),
    ("close", "Close", "Fermer"),
    ("copy", "Copy", "Copier"),
    ("copied", "Copied.", "Copié."),
    (
        "embedElement",
        "HTML element (recommended): paste it into your post’s HTML editor",
        "Élément HTML (recommandé) : à coller dans l’éditeur HTML de votre article",
    ),
    (
        "embedIframe",
        "Iframe: for platforms that do not accept scripts (the optional second line fits the height)",
        "Iframe : pour les plateformes qui n’acceptent pas les scripts (la seconde ligne, facultative, ajuste la hauteur)",
    ),
    (
        "embedUnavailable",
        "Embed codes are unavailable: the release files (dist/manifest.json) could not be read.",
        "Les codes d’intégration ne sont pas disponibles : les fichiers publiés (dist/manifest.json) n’ont pas pu être lus.",
    ),
    // Errors found by the scripts; the wasm's own come in the chart's language.
    ("error", "This chart cannot be shown:", "Ce graphique ne peut pas s’afficher :"),
    (
        "internal",
        "an internal error stopped it (the browser's console has the details); the other charts of the page keep working.",
        "une erreur interne l’a arrêté (la console du navigateur en donne le détail) ; les autres graphiques de la page fonctionnent toujours.",
    ),
    ("notStarted", "the chart has not started", "le graphique n’a pas démarré"),
    ("noChart", "no chart to export", "aucun graphique à exporter"),
    (
        "unknownTheme",
        "unknown theme \"{value}\"; expected one of: {expected}",
        "thème inconnu « {value} » ; valeurs possibles : {expected}",
    ),
    (
        "unknownFormat",
        "unknown export format \"{value}\"; expected one of: png, svg, csv",
        "format d’export inconnu « {value} » ; valeurs possibles : png, svg, csv",
    ),
    ("pngFailed", "the PNG could not be made", "l’image PNG n’a pas pu être créée"),
    ("fetchTimeout", "the dataset {url} did not answer within {s} s", "le fichier de données {url} n’a pas répondu en {s} s"),
    (
        "fetchNetwork",
        "the dataset {url} could not be loaded: network error, or the server does not allow this page (CORS: it must send Access-Control-Allow-Origin)",
        "le fichier de données {url} n’a pas pu être chargé : réseau indisponible, ou le serveur n’autorise pas cette page (CORS : il doit envoyer Access-Control-Allow-Origin)",
    ),
    ("fetchStatus", "the dataset {url} returned HTTP {status}", "le fichier de données {url} a renvoyé l’erreur HTTP {status}"),
    ("fetchTooLarge", "the dataset {url} is larger than 5 MB", "le fichier de données {url} dépasse 5 Mo"),
    ("fetchPage", "{url} returned a page ({type}) instead of a JSON file", "{url} a renvoyé une page ({type}) au lieu d’un fichier JSON"),
    (
        "wasmNetwork",
        "the WebAssembly file {url} could not be loaded: network error, or the server does not allow this page (CORS: it must send Access-Control-Allow-Origin)",
        "le fichier WebAssembly {url} n’a pas pu être chargé : réseau indisponible, ou le serveur n’autorise pas cette page (CORS : il doit envoyer Access-Control-Allow-Origin)",
    ),
    ("wasmStatus", "the WebAssembly file {url} returned HTTP {status}", "le fichier WebAssembly {url} a renvoyé l’erreur HTTP {status}"),
    (
        "wasmAltered",
        "the WebAssembly file {url} is not the one this script was built with (expected SHA-256 {expected}, got {actual}): it was altered or replaced, so it is not run",
        "le fichier WebAssembly {url} n’est pas celui de cette version du script (SHA-256 attendu {expected}, reçu {actual}) : il a été modifié ou remplacé, il n’est donc pas exécuté",
    ),
    // Under an embed code's picture, when this page cannot run the chart (issue 20).
    ("notInteractive", "This copy of the chart is not interactive here.", "Cette copie du graphique n’est pas interactive ici."),
    ("interactiveChart", "Open the interactive chart", "Ouvrir le graphique interactif"),
];

/// The words of the site's own pages that no chart shows (issue 21): the permalink pages
/// (written by the build) and the page's links to them, keyed as in [`PAGE_WORDS`]. Apart
/// from them so that the element's script, which never shows them, does not carry them:
/// `www/words.js` exports them as `SITE_WORDS`, which the bundler leaves out of it.
pub const SITE_WORDS: &[(&str, &str, &str)] = &[
    (
        "embedLink",
        "Link: paste it into WordPress, Ghost, Notion, Mastodon, Bluesky, LinkedIn… (it shows this view, or its picture)",
        "Lien : à coller dans WordPress, Ghost, Notion, Mastodon, Bluesky, LinkedIn… (il affiche cette vue, ou son image)",
    ),
    ("viewLink", "Link to this view", "Lien vers cette vue"),
    ("permalinksTitle", "A link for every chart", "Un lien pour chaque graphique"),
    ("permalinkTitle", "{title} ({view})", "{title} ({view})"),
    ("allCharts", "All the charts", "Tous les graphiques"),
    ("otherLanguage", "This chart in French", "Ce graphique en anglais"),
    ("notesTitle", "Notes", "Notes"),
    ("citeTitle", "Cite or reuse this chart", "Citer ou réutiliser ce graphique"),
    ("citeName", "Title", "Titre"),
    ("citePublisher", "Publisher", "Éditeur"),
    ("citeNewest", "Newest figure", "Chiffre le plus récent"),
    ("citeChecked", "Sources checked on", "Sources vérifiées le"),
    ("citeAddress", "Address", "Adresse"),
    ("citeLicences", "Licences", "Licences"),
    ("licenceCode", "the code: MIT licence", "le code : licence MIT"),
    ("licenceText", "the text and the dataset: CC BY 4.0 (credit Autonomie with a link here)", "le texte et le jeu de données : CC BY 4.0 (citez Autonomie avec un lien vers cette page)"),
    ("licenceFigures", "each figure remains its source’s: cite the source given with it", "chaque chiffre reste celui de sa source : citez la source donnée avec lui"),
    ("citeAs", "Cite as:", "Citer ainsi :"),
    ("otherViews", "The other charts and views", "Les autres graphiques et vues"),
];

/// The one table of words as the JavaScript module `www/words.js`: `WORDS.fr` and
/// `WORDS.en` (the [`Ui::IN_PAGE`] words, every [`PAGE_WORDS`] entry, `quoteOpen`,
/// `quoteClose` and `listSeparator`) and `say(lang, key, values)`.
pub fn words_js() -> String {
    let mut out = String::from(
        "// The words of the interface in both languages, written from the one table of\n\
         // crates/autonomie/src/units/i18n.rs: do not edit; `UPDATE_WORDS=1 cargo test -q words` rewrites it.\n\n\
         export const WORDS = {\n",
    );
    for lang in Lang::ALL {
        let (open, close) = lang.quotes();
        let mut entries: Vec<(&str, &str)> = Ui::IN_PAGE.iter().map(|word| (word.key(), word.get(lang))).collect();
        entries.extend(PAGE_WORDS.iter().map(|&(key, en, fr)| (key, if lang == Lang::Fr { fr } else { en })));
        entries.extend([("quoteOpen", open), ("quoteClose", close), ("listSeparator", lang.list_separator())]);
        write_entries(&mut out, lang, &entries);
    }
    out.push_str(
        "};\n\n\
         /** The words of the site's own pages (the permalinks, the page's links to them), never shown by a chart. */\n\
         export const SITE_WORDS = {\n",
    );
    for lang in Lang::ALL {
        let entries: Vec<(&str, &str)> =
            SITE_WORDS.iter().map(|&(key, en, fr)| (key, if lang == Lang::Fr { fr } else { en })).collect();
        write_entries(&mut out, lang, &entries);
    }
    out.push_str(
        "};\n\n\
         /** The word `key` in `lang` (`fr` or `en`; French otherwise), each `{name}` replaced by `values[name]`. */\n\
         export function say(lang, key, values = {}) {\n\
         \x20 const text = (WORDS[lang] ?? WORDS.fr)[key];\n\
         \x20 if (text === undefined) throw new Error(`no word ${key}`);\n\
         \x20 return text.replace(/\\{(\\w+)\\}/g, (whole, name) => (name in values ? String(values[name]) : whole));\n\
         }\n",
    );
    out
}

/// One language's entries of a table of `words_js`, as the lines of a JavaScript object.
fn write_entries(out: &mut String, lang: Lang, entries: &[(&str, &str)]) {
    let quote = |text: &str| serde_json::to_string(text).unwrap_or_default();
    out.push_str(&format!("  {}: {{\n", lang.code()));
    for (key, text) in entries {
        out.push_str(&format!("    {key}: {},\n", quote(text)));
    }
    out.push_str("  },\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_are_in_the_order_of_the_enum() {
        for (index, word) in Ui::ALL.iter().enumerate() {
            assert_eq!(*word as usize, index, "{word:?}");
        }
        assert_eq!(fill("{a} et {b}, {c}", &[("a", "1"), ("b", "{a}")]), "1 et {a}, {c}");
    }

    #[test]
    fn every_key_is_given_once() {
        let mut keys: Vec<&str> = Ui::ALL.iter().map(|w| w.key()).collect();
        keys.extend(PAGE_WORDS.iter().chain(SITE_WORDS).map(|w| w.0));
        keys.extend(["quoteOpen", "quoteClose", "listSeparator"]);
        let count = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), count, "a key is given twice");
        for (key, en, fr) in PAGE_WORDS.iter().chain(SITE_WORDS) {
            assert!(!en.is_empty() && !fr.is_empty(), "{key}");
        }
    }
}
