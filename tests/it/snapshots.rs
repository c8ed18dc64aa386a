//! SVG snapshots of every chart in every view, scale, currency and language.
//!
//! Each case renders through the same `plan::plan` + `draw::render` as the
//! browser, to plotters' SVG backend through `backend::svg` (text sizes matched to the
//! canvas), with the deterministic `EstimatedWidths`. The
//! SVG is normalised (numbers rounded to 3 decimals) and compared with
//! `tests/snapshots/<name>.svg`. On a mismatch the new drawing is written next to it as
//! `<name>-changed.svg`. To accept changes: `UPDATE_SNAPSHOTS=1 cargo test --test it`.

use autonomie::chart::figure::Figure;
use autonomie::chart::state::ViewState;
use autonomie::data::model::Dataset;
use autonomie::layout::metrics::PixelRatio;
use autonomie::layout::plan::{self, LayoutRequest};
use autonomie::layout::text::EstimatedWidths;
use autonomie::layout::theme::Theme;

pub fn svg_of(dataset: &Dataset, state: &ViewState, width: u32, ratio: f64) -> String {
    svg_in_theme(dataset, state, width, ratio, Theme::Light)
}

pub fn svg_in_theme(dataset: &Dataset, state: &ViewState, width: u32, ratio: f64, theme: Theme) -> String {
    let figure = Figure::build(dataset, state).unwrap();
    let canvas = LayoutRequest {
        width,
        ratio: PixelRatio::new(ratio),
        height: None,
        theme,
        footer: autonomie::layout::plan::Footer::Full,
    };
    let plan = plan::plan(&figure, dataset, &canvas, &EstimatedWidths);
    autonomie::draw::backend::svg(&plan).unwrap()
}

/// Rounds every decimal number inside tags (coordinates, sizes) to 3 places so that
/// float noise does not fail a test; text content is kept as it is.
fn normalise(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut number = String::new();
    let mut in_tag = false;
    let flush = |number: &mut String, out: &mut String| {
        match number.parse::<f64>() {
            Ok(value) if number.contains('.') && !number.ends_with('.') => {
                let text = format!("{value:.3}");
                out.push_str(text.trim_end_matches('0').trim_end_matches('.'));
            }
            _ => out.push_str(number),
        }
        number.clear();
    };
    for c in svg.chars() {
        if in_tag && (c.is_ascii_digit() || (c == '.' && !number.is_empty())) {
            number.push(c);
            continue;
        }
        flush(&mut number, &mut out);
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ => {}
        }
        out.push(c);
    }
    flush(&mut number, &mut out);
    out
}

fn check_snapshot(name: &str, svg: &str) -> Result<(), String> {
    let dir = crate::repo_root().join("tests/snapshots");
    let expected_path = dir.join(format!("{name}.svg"));
    let changed_path = dir.join(format!("{name}-changed.svg"));
    let actual = normalise(svg);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&expected_path, &actual).map_err(|e| e.to_string())?;
        let _ = std::fs::remove_file(&changed_path);
        return Ok(());
    }
    match std::fs::read_to_string(&expected_path) {
        Ok(expected) if expected == actual => {
            let _ = std::fs::remove_file(&changed_path);
            Ok(())
        }
        Ok(_) => {
            std::fs::write(&changed_path, &actual).map_err(|e| e.to_string())?;
            Err(format!("{name}: differs from its snapshot; see {}", changed_path.display()))
        }
        Err(_) => {
            std::fs::write(&changed_path, &actual).map_err(|e| e.to_string())?;
            Err(format!("{name}: no snapshot yet; review {} and bless with UPDATE_SNAPSHOTS=1", changed_path.display()))
        }
    }
}

#[test]
fn every_chart_view_scale_currency_and_language_matches_its_snapshot() {
    let dataset = Dataset::embedded().unwrap();
    let mut failures = Vec::new();
    let mut count = 0;
    for chart in &dataset.charts {
        for view in &chart.views {
            for scale in ["linear", "log"] {
                for currency in ["EUR", "USD"] {
                    if view.measure != autonomie::data::model::Measure::Money && currency == "USD" {
                        continue;
                    }
                    for lang in ["fr", "en"] {
                        let mut state = ViewState::new(&dataset, &chart.id).unwrap();
                        state.set_view(&dataset, &view.id).unwrap();
                        state.set_scale(scale).unwrap();
                        state.set_currency(currency).unwrap();
                        state.set_lang(lang).unwrap();
                        let name = if view.measure != autonomie::data::model::Measure::Money {
                            format!("{}-{}-{scale}-{lang}", chart.id, view.id)
                        } else {
                            format!("{}-{}-{scale}-{}-{lang}", chart.id, view.id, currency.to_lowercase())
                        };
                        let svg = svg_of(&dataset, &state, 760, 1.0);
                        count += 1;
                        if let Err(message) = check_snapshot(&name, &svg) {
                            failures.push(message);
                        }
                    }
                }
            }
        }
    }
    assert!(count >= 40, "only {count} snapshots");
    assert!(failures.is_empty(), "{} of {count} snapshots differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn hidden_series_and_narrow_hidpi_layouts_match_their_snapshots() {
    let dataset = Dataset::embedded().unwrap();
    let mut state = ViewState::new(&dataset, "valuations").unwrap();
    state.set_lang("fr").unwrap();
    state.set_series_visible(&dataset, "openai", false).unwrap();
    check_snapshot("valuations-latest-hidden-openai", &svg_of(&dataset, &state, 760, 1.0)).unwrap();
    for key in ["mistral", "anthropic"] {
        state.set_series_visible(&dataset, key, false).unwrap();
    }
    check_snapshot("valuations-latest-all-hidden", &svg_of(&dataset, &state, 760, 1.0)).unwrap();
    let mut phone = ViewState::new(&dataset, "funding").unwrap();
    phone.set_lang("fr").unwrap();
    phone.set_view(&dataset, "countries").unwrap();
    check_snapshot("funding-countries-phone-2x", &svg_of(&dataset, &phone, 2 * 340, 2.0)).unwrap();
    let history = {
        let mut state = ViewState::new(&dataset, "valuations").unwrap();
        state.set_lang("fr").unwrap();
        state.set_view(&dataset, "history").unwrap();
        state
    };
    check_snapshot("valuations-history-dark", &svg_in_theme(&dataset, &history, 760, 1.0, Theme::Dark)).unwrap();
    check_snapshot("valuations-history-contrast", &svg_in_theme(&dataset, &history, 760, 1.0, Theme::Contrast))
        .unwrap();
    // The compute chart on a phone (one heading per system above its bar) and in the dark;
    // the newest valuations in euros on a phone (amounts without a rate: text, no bar).
    let mut compute = ViewState::new(&dataset, "compute").unwrap();
    compute.set_lang("fr").unwrap();
    check_snapshot("compute-june-2026-phone-2x", &svg_of(&dataset, &compute, 2 * 340, 2.0)).unwrap();
    let mut november = compute.clone();
    november.set_view(&dataset, "november-2025").unwrap();
    november.set_lang("en").unwrap();
    check_snapshot("compute-november-2025-dark", &svg_in_theme(&dataset, &november, 760, 1.0, Theme::Dark)).unwrap();
    let mut euros = ViewState::new(&dataset, "valuations").unwrap();
    euros.set_lang("fr").unwrap();
    euros.set_currency("EUR").unwrap();
    check_snapshot("valuations-latest-eur-phone-2x", &svg_of(&dataset, &euros, 2 * 340, 2.0)).unwrap();
}
