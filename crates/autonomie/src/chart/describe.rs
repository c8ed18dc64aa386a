//! Words and tables for what a figure shows: the text description read by screen
//! readers, the data table, and its CSV export. All in the figure's language, and
//! exactly what the chart shows (current view, currency, hidden series).

use crate::chart::figure::{Figure, Item, Reliability};
use crate::data::model::{Dataset, Measure, Source, ViewKind};
use crate::units::format::{self, Digits};
use crate::units::i18n::{fill, Lang, Ui, CSV_HEADERS};

/// A plain-text description of the figure, a few sentences long.
pub fn description(figure: &Figure) -> String {
    let lang = figure.lang;
    if figure.is_empty() {
        return format!("{} {}", sentence(&figure.title), Ui::NothingShown.get(lang));
    }
    let mut text = format!("{} {}", sentence(&figure.title), sentence(&figure.subtitle));
    match figure.kind {
        ViewKind::Bars => {
            for panel in &figure.panels {
                let listed: Vec<String> = panel.bars.iter().map(|bar| item_phrase(bar, lang)).collect();
                let intro = if panel.heading.is_empty() {
                    String::new()
                } else {
                    fill(Ui::PanelIntro.get(lang), &[("heading", &panel.heading)])
                };
                text.push_str(&format!(" {intro}{}.", listed.join(", ")));
                if let Some(comparison) = comparison(&panel.bars, lang) {
                    text.push(' ');
                    text.push_str(&comparison);
                }
            }
        }
        ViewKind::Timeline => {
            for line in &figure.lines {
                let (Some(first), Some(last)) = (line.points.first(), line.points.last()) else { continue };
                let count = line.points.len();
                let (first_date, last_date) = (format::date(first.date, lang), format::date(last.date, lang));
                text.push(' ');
                text.push_str(&fill(
                    Ui::LineSummary.get(lang),
                    &[
                        ("label", &line.label),
                        ("count", &count.to_string()),
                        ("first", &spoken(as_shown(first), lang)),
                        ("first_date", &first_date),
                        ("last", &spoken(as_shown(last), lang)),
                        ("last_date", &last_date),
                    ],
                ));
            }
        }
    }
    text
}

/// An item's value as the chart shows it; with "not converted" for an amount left in
/// its own currency.
fn as_shown(item: &Item) -> &str {
    if item.on_axis() {
        &item.shown_text
    } else {
        &item.value_text
    }
}

/// A value as a screen reader should say it: a lower bound's `>` in words
/// (`more than €21B`).
fn spoken(text: &str, lang: Lang) -> String {
    text.replace(format::MORE_THAN, &format!("{} ", Ui::MoreThan.get(lang)))
}

/// How the reader should take an item, in words: its reliability (left out for an
/// official figure in a sentence, `official` in the table), and whether it rests on
/// weak sources.
fn basis_words(item: &Item, lang: Lang, official: bool) -> Vec<&'static str> {
    let reliability = item.reliability.describe(lang).filter(|_| official || item.reliability != Reliability::Official);
    reliability.into_iter().chain(item.weak.then(|| Ui::WeakSource.get(lang))).collect()
}

fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '!', '?']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

fn item_phrase(item: &Item, lang: Lang) -> String {
    let mut phrase = format!("{} {}", item.label, spoken(&item.value_text, lang));
    let basis = basis_words(item, lang, false);
    if !basis.is_empty() {
        phrase.push_str(&format!(" ({})", basis.join(", ")));
    }
    phrase
}

/// "The largest, A (x), is about N times the smallest, B (y)." for 2 or more bars
/// whose extremes differ at least twofold; regional totals are left out.
fn comparison(bars: &[Item], lang: Lang) -> Option<String> {
    let plain: Vec<&Item> = bars.iter().filter(|b| b.reliability != Reliability::Aggregate && b.on_axis()).collect();
    let largest = plain.iter().max_by(|a, b| a.value.total_cmp(&b.value))?;
    let smallest = plain.iter().min_by(|a, b| a.value.total_cmp(&b.value))?;
    let ratio = largest.value / smallest.value;
    if plain.len() < 2 || !(ratio.is_finite() && ratio >= 2.0) {
        return None;
    }
    let times = if ratio >= 10.0 {
        format::number(ratio.round(), Digits::Source, lang)
    } else {
        format::number((ratio * 10.0).round() / 10.0, Digits::Source, lang)
    };
    Some(fill(
        Ui::Comparison.get(lang),
        &[
            ("largest", &largest.label),
            ("largest_value", &spoken(&largest.shown_text, lang)),
            ("times", &times),
            ("smallest", &smallest.label),
            ("smallest_value", &spoken(&smallest.shown_text, lang)),
        ],
    ))
}

/// The data behind the figure, as a table of texts (written as JSON for the page by
/// [`crate::session::Session::table_json`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Table {
    /// Caption: the chart's title and subtitle.
    pub caption: String,
    /// Column headings.
    pub headers: Vec<String>,
    /// One row per drawn item, in drawing order.
    pub rows: Vec<Vec<String>>,
}

/// The table of what the figure shows.
pub fn table(figure: &Figure, dataset: &Dataset) -> Table {
    let lang = figure.lang;
    let items: Vec<&Item> = figure.items().collect();
    let grouped = items.iter().any(|i| i.group.is_some());
    let converted = items.iter().any(|i| i.published_text.is_some());
    let words = |word: Ui| word.get(lang).to_owned();
    let mut headers = vec![words(Ui::TableSeries)];
    if grouped {
        headers.push(words(Ui::TablePanel));
    }
    headers.push(words(Ui::TableDate));
    let value_heading = match figure.measure {
        Measure::Count | Measure::Flops => figure.axis_label.clone(),
        Measure::Money => format!("{} ({})", figure.axis_label, figure.currency.code()),
    };
    headers.push(value_heading);
    if converted {
        headers.push(words(Ui::TablePublished));
    }
    headers.push(words(Ui::TableBasis));
    headers.push(words(Ui::TableSource));
    let rows = items
        .iter()
        .map(|item| {
            let mut row = vec![item.label.clone()];
            if grouped {
                row.push(item.group.clone().unwrap_or_default());
            }
            row.push(format::date(item.date, lang));
            // An amount that could not be converted says so in its own cell.
            row.push(if item.on_axis() { item.shown_text.clone() } else { item.value_text.clone() });
            if converted {
                row.push(item.published_text.clone().unwrap_or_default());
            }
            row.push(basis_words(item, lang, true).join(", "));
            let sources = item.sources.iter().map(|&id| {
                let source = dataset.source(id);
                let (publisher, kind) = (source.publisher.get(lang), source.kind.words().get(lang));
                format!("{publisher} ({kind}), {} ({})", source.title.get(lang), format::date(source.date, lang))
            });
            row.push(sources.collect::<Vec<_>>().join(lang.list_separator()));
            row
        })
        .collect();
    Table { caption: format!("{} {}", sentence(&figure.title), sentence(&figure.subtitle)), headers, rows }
}

/// The figure's data as CSV, UTF-8 with a byte-order mark so that spreadsheets detect
/// the encoding. In French the separator is `;` and the decimal mark `,` (what French
/// spreadsheet software expects); in English `,` and `.`. Numbers are written in full,
/// as published, with the conversion (rate and its date) in its own columns.
pub fn csv(figure: &Figure, dataset: &Dataset) -> String {
    let lang = figure.lang;
    let (separator, decimal) = (lang.formats().csv_separator, lang.formats().decimal);
    let number = |value: f64| {
        let text = format!("{:.6}", value);
        let text = text.trim_end_matches('0').trim_end_matches('.');
        text.replace('.', &decimal.to_string())
    };
    let headers = CSV_HEADERS.map(|pair| lang.pick(pair));
    let mut out = String::from('\u{feff}');
    push_row(&mut out, headers.iter().map(|h| (*h).to_owned()), separator);
    for item in figure.items() {
        // A figure with several sources lists each in the same columns, apart by ` | `.
        let sources: Vec<&Source> = item.sources.iter().map(|&id| dataset.source(id)).collect();
        let each =
            |field: fn(&Source, Lang) -> &str| sources.iter().map(|s| field(s, lang)).collect::<Vec<_>>().join(" | ");
        let rate = item.rate.map(|r| &dataset.rate(r).rate);
        // An amount that could not be converted stays in its own currency.
        let currency =
            if item.on_axis() { figure.currency } else { item.published_currency.unwrap_or(figure.currency) };
        let unit = match figure.measure {
            Measure::Count => Ui::UnitCount.get(lang).to_owned(),
            Measure::Money => fill(Ui::UnitBillion.get(lang), &[("currency", currency.code())]),
            Measure::Flops => "exaflop/s".to_owned(),
        };
        let fields = [
            item.label.clone(),
            item.group.clone().unwrap_or_default(),
            item.date.to_string(),
            number(item.value),
            if item.lower_bound { Ui::MoreThan.get(lang).to_owned() } else { String::new() },
            unit,
            number(item.published_value),
            item.published_currency.map(|c| c.code().to_owned()).unwrap_or_default(),
            rate.map(|r| number(r.usd_per_eur)).unwrap_or_default(),
            rate.map(|r| r.date.to_string()).unwrap_or_default(),
            basis_words(item, lang, true).join(", "),
            each(|s, lang| s.title.get(lang)),
            each(|s, lang| s.publisher.get(lang)),
            each(|s, lang| s.kind.words().get(lang)),
            sources.iter().map(|s| s.date.to_string()).collect::<Vec<_>>().join(" | "),
            each(|s, _| &s.url),
        ];
        push_row(&mut out, fields.into_iter(), separator);
    }
    out
}

fn push_row(out: &mut String, fields: impl Iterator<Item = String>, separator: char) {
    let mut first = true;
    for field in fields {
        if !first {
            out.push(separator);
        }
        first = false;
        // Quote every field that could be misread, and defuse spreadsheet formulas (a
        // signed number such as -5.8 is left as it is).
        let field =
            if field.starts_with(['=', '+', '-', '@']) && !is_number(&field) { format!("'{field}") } else { field };
        if field.contains([separator, '"', '\n', '\r']) || field.starts_with(' ') {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

/// Whether `text` is a decimal number: an optional sign, digits with an optional
/// decimal point (at least one digit), an optional exponent (`-5.8`, `+.5`, `1e-3`).
/// A syntax check, not `str::parse::<f64>`: parsing floats would bring core's
/// Eisel-Lemire tables (10 KB) into the wasm for this one test.
fn is_number(text: &str) -> bool {
    let bytes = text.strip_prefix(['+', '-']).unwrap_or(text).as_bytes();
    let digits =
        |from: usize| bytes.get(from..).map_or(0, |rest| rest.iter().take_while(|b| b.is_ascii_digit()).count());
    let whole = digits(0);
    let mut at = whole;
    let mut fraction = 0;
    if bytes.get(at) == Some(&b'.') {
        fraction = digits(at + 1);
        at += 1 + fraction;
    }
    if whole + fraction == 0 {
        return false;
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        let exponent = digits(at);
        if exponent == 0 {
            return false;
        }
        at += exponent;
    }
    at == bytes.len()
}

#[cfg(test)]
mod tests {
    use super::is_number;

    #[test]
    fn a_number_is_what_rust_parses_as_a_decimal_number() {
        for text in [
            "0", "-5.8", "+5.8", "5.", ".5", "-.5", "1e3", "1E+3", "-1e-3", "007", "1.5e10", "", "-", "+", ".", "-.",
            "e3", "1e", "1e+", "1.2.3", "1e3.5", "--1", "+-1", " 1", "1 ", "=1+2", "-1+2", "@SUM(A1)", "-inf", "+NaN",
            "1_000", "0x10", "-٣",
        ] {
            let rust = text.parse::<f64>().is_ok() && !text.to_ascii_lowercase().contains(['i', 'n']);
            assert_eq!(is_number(text), rust, "{text:?}");
        }
    }
}
