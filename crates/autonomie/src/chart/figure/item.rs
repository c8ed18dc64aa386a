//! One point of a series as the figure shows it: its value converted (or not) into the
//! state's currency, formatted, with its reliability, date, note, parts and source.

use super::{Item, Reliability, Rgb};
use crate::chart::state::ViewState;
use crate::data::model::{Bound, Dataset, Measure, Point};
use crate::units::format::{self, Digits};
use crate::units::i18n::Ui;
use crate::units::money::{convert, Currency, Rate};

pub(super) fn resolve_item(
    dataset: &Dataset,
    state: &ViewState,
    label: &crate::units::i18n::Text,
    color: Rgb,
    aggregate: bool,
    point: &Point,
) -> Item {
    let lang = state.lang;
    let view = state.resolve(dataset).map(|(_, v)| v).ok();
    let measure = view.map_or(Measure::Count, |v| v.measure);
    let shown = |value: f64, digits: Digits, currency: Currency| format::money(value, currency, digits, lang);
    let rate = point.rate.map(|r| &dataset.rate(r).rate);
    let unconverted = match (point.currency, rate, &point.no_rate) {
        (Some(from), None, Some(reason)) if from != state.currency => Some(reason.get(lang).to_owned()),
        _ => None,
    };
    let digits = point.decimals.map_or(Digits::Source, Digits::Fixed);
    let (value, shown_text, published_text) = match (point.currency, rate) {
        (Some(from), Some(rate)) if from != state.currency => {
            let converted = convert(point.value, from, state.currency, rate);
            let text = format!("≈{}", shown(converted, Digits::Computed, state.currency));
            (converted, text, Some(shown(point.value, digits, from)))
        }
        (Some(from), _) => (point.value, shown(point.value, digits, from), None),
        (None, _) if measure == Measure::Flops => (point.value, format::flops(point.value, digits, lang), None),
        (None, _) => (point.value, format::number(point.value, digits, lang), None),
    };
    // A lower bound is never said without its "more than", converted or not.
    let lower_bound = point.bound == Some(Bound::Lower);
    let more_than = |text: String| if lower_bound { format!("{}{text}", format::MORE_THAN) } else { text };
    let (shown_text, published_text) = (more_than(shown_text), published_text.map(more_than));
    let value_text = match (&published_text, &unconverted) {
        (Some(published), _) => format!("{shown_text} ({published})"),
        (None, Some(_)) => format!("{shown_text} ({})", Ui::NotConverted.get(lang)),
        (None, None) => shown_text.clone(),
    };
    let converted = published_text.is_some();
    let parts = parts_text(point, rate, state, measure);
    let view_groups = view.map(|v| &v.groups[..]).unwrap_or(&[]);
    let group = point
        .group
        .filter(|_| view_groups.len() > 1)
        .and_then(|g| view_groups.get(g.0))
        .map(|g| g.label.get(lang).to_owned());
    Item {
        label: label.get(lang).to_owned(),
        value,
        value_text,
        shown_text,
        published_text,
        published_value: point.value,
        published_currency: point.currency,
        rate: point.rate.filter(|_| converted),
        group,
        note: point.note.as_ref().map(|n| n.get(lang).to_owned()),
        date: point.date,
        reliability: Reliability::of(point, aggregate),
        color,
        sources: point.sources.clone(),
        lower_bound,
        weak: point.weak,
        parts,
        unconverted,
    }
}

/// The parts of a whole, each with its amount, shown as the whole is (converted or not):
/// each part's label and amount, joined by ` · `.
fn parts_text(point: &Point, rate: Option<&Rate>, state: &ViewState, measure: Measure) -> Option<String> {
    let lang = state.lang;
    let shown = |value: f64, digits: Digits, currency: Currency| format::money(value, currency, digits, lang);
    (!point.parts.is_empty()).then(|| {
        point
            .parts
            .iter()
            .map(|part| {
                let amount = match (point.currency, rate) {
                    (Some(from), Some(rate)) if from != state.currency => {
                        format!(
                            "≈{}",
                            shown(convert(part.value, from, state.currency, rate), Digits::Computed, state.currency)
                        )
                    }
                    (Some(from), _) => shown(part.value, Digits::Source, from),
                    (None, _) if measure == Measure::Flops => format::flops(part.value, Digits::Source, lang),
                    (None, _) => format::number(part.value, Digits::Source, lang),
                };
                format!("{} {amount}", part.label.get(lang))
            })
            .collect::<Vec<_>>()
            .join(" · ")
    })
}
