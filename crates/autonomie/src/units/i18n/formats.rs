//! The table of words' formats: how each language writes numbers, amounts, dates and
//! rates ([`Formats`], filled by `units::format`), the CSV's headings, and [`fill`], which
//! puts values into a phrase of the table.

use super::Lang;

/// `template` with each `{name}` replaced by its value in `values`.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').unwrap_or(0);
        match values.iter().find(|(name, _)| *name == &after[..close]) {
            Some((_, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The CSV's column headings: English, French.
pub const CSV_HEADERS: [(&str, &str); 16] = [
    ("series", "série"),
    ("panel", "panneau"),
    ("date", "date"),
    ("value", "valeur"),
    ("bound", "borne"),
    ("unit", "unité"),
    ("published value", "valeur publiée"),
    ("published currency", "devise publiée"),
    ("USD per EUR (ECB)", "USD pour 1 EUR (BCE)"),
    ("rate date", "date du cours"),
    ("basis", "nature"),
    ("source title", "titre de la source"),
    ("publisher", "éditeur"),
    ("source kind", "type de source"),
    ("source date", "date de la source"),
    ("URL", "URL"),
];

/// How a language writes numbers, amounts, dates and rates: the patterns that
/// `units::format` fills (`{number}`, `{unit}`, `{symbol}`, `{prefix}`, `{month}`,
/// `{day}`, `{year}`, `{rate}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    /// Between groups of three digits.
    pub thousands: char,
    /// Before the decimals.
    pub decimal: char,
    /// The unit's letters of billions.
    pub billions: &'static str,
    /// The unit's letters of millions.
    pub millions: &'static str,
    /// An amount.
    pub money: &'static str,
    /// A computing speed.
    pub flops: &'static str,
    /// The months' short names.
    pub months: [&'static str; 12],
    /// A month of a year.
    pub month_year: &'static str,
    /// A day of a month of a year.
    pub day_month_year: &'static str,
    /// How the first day of a month is written.
    pub first_day: &'static str,
    /// An exchange rate (dollars for one euro).
    pub rate: &'static str,
    /// Between the fields of the CSV (what the language's spreadsheets expect).
    pub csv_separator: char,
}

const FORMATS_EN: Formats = Formats {
    thousands: ',',
    decimal: '.',
    billions: "B",
    millions: "M",
    money: "{symbol}{number}{unit}",
    flops: "{number}\u{a0}{prefix}Flop/s",
    months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    month_year: "{month} {year}",
    day_month_year: "{month} {day}, {year}",
    first_day: "1",
    rate: "€1 = ${rate}",
    csv_separator: ',',
};

const FORMATS_FR: Formats = Formats {
    thousands: '\u{202f}',
    decimal: ',',
    billions: "Md",
    millions: "M",
    money: "{number}\u{a0}{unit}{symbol}",
    flops: "{number}\u{a0}{prefix}flop/s",
    months: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
    month_year: "{month} {year}",
    day_month_year: "{day} {month} {year}",
    first_day: "1er",
    rate: "1\u{a0}€ = {rate}\u{a0}$",
    csv_separator: ';',
};

impl Lang {
    /// How this language writes numbers, amounts, dates and rates.
    pub fn formats(self) -> &'static Formats {
        match self {
            Lang::En => &FORMATS_EN,
            Lang::Fr => &FORMATS_FR,
        }
    }

    /// A word of the table in this language: `en` or `fr`.
    pub fn pick(self, (en, fr): (&'static str, &'static str)) -> &'static str {
        match self {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }
}
