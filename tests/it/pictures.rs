//! The embed codes' pictures (`autonomie-static`, issue 20): every state of every chart,
//! in each language, theme and width band, drawn by the same session as the canvas, with
//! the toolbar's room under it, and each state's data; the bands themselves; a blogger's
//! own dataset gets the same, and a dataset the element would refuse is refused here,
//! with its message.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::rc::Rc;

use autonomie::data::model::Dataset;
use autonomie::layout::plan::NARROW_LAYOUT_BELOW;
use autonomie::layout::text::ArialWidths;
use autonomie::layout::theme::Theme;
use autonomie::session::contract::{band_for, BANDS, PICTURE_NAME};
use autonomie::session::{Frame, Session};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_autonomie-static"))
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/data/mistral-levees.json")
}

fn fresh_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("autonomie-pictures-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn the_bands_cover_280_to_1400_px_each_scaled_by_at_most_15_percent_and_the_narrow_layout_ends_at_an_edge() {
    for pair in BANDS.windows(2) {
        assert!(pair[0].from < pair[1].from && pair[0].width < pair[1].width);
        // The widths of a band, from its own edge to the next one's, scale its layout by
        // at most 15 % either way.
        let (low, high) = (
            f64::from(pair[0].from.max(280)) / f64::from(pair[0].width),
            f64::from(pair[1].from) / f64::from(pair[0].width),
        );
        assert!(low >= 0.85 && high <= 1.15, "{:?}: {low:.3} to {high:.3}", pair[0]);
    }
    let last = BANDS[BANDS.len() - 1];
    assert!(1400.0 / f64::from(last.width) <= 1.15);
    assert!(
        BANDS.iter().any(|band| f64::from(band.from) == NARROW_LAYOUT_BELOW),
        "the narrow layout ends at a band's edge"
    );
    for band in BANDS {
        assert_eq!(band.rows, if f64::from(band.width) < NARROW_LAYOUT_BELOW { 2 } else { 1 });
        assert_eq!(band_for(f64::from(band.from)), band);
        assert_eq!(band_for(f64::from(band.width)), band);
    }
    assert_eq!(band_for(372.0).width, 375);
    assert_eq!(band_for(200.0), BANDS[0]);
    assert_eq!(band_for(5000.0), last);
}

#[test]
fn a_picture_is_the_canvas_of_its_band_with_the_toolbar_room_under_it() {
    let dataset = Rc::new(Dataset::embedded().unwrap());
    let mut session = Session::new(dataset.clone(), "valuations").unwrap();
    session.state.set_view(&dataset, "history").unwrap();
    for band in BANDS {
        let (svg, height) = session.picture_svg(f64::from(band.width), band.toolbar, Theme::Dark).unwrap();
        let root = format!("<svg text-rendering=\"geometricPrecision\" width=\"{}\" height=\"{height}\" ", band.width);
        assert!(svg.starts_with(&root), "{}", &svg[..80]);
        // The canvas's own layout at that width, one device pixel per CSS pixel.
        let frame = Frame::screen(f64::from(band.width), 1.0, None, "dark").unwrap();
        let (canvas, _) = session.plan_frame(&frame, &ArialWidths).unwrap();
        assert_eq!(canvas.height + band.toolbar, height, "the canvas, then the toolbar's room");
    }
}

#[test]
fn a_custom_dataset_gets_the_pictures_and_data_of_every_state_of_each_of_its_charts() {
    let out = fresh_dir("custom");
    let status = bin().arg("--data").arg(example()).arg("--out").arg(&out).output().unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));

    let text = std::fs::read_to_string(example()).unwrap();
    let dataset = Rc::new(Dataset::from_json(&text).unwrap());
    let mut expected = Vec::new();
    for chart in &dataset.charts {
        let mut session = Session::new(dataset.clone(), &chart.id).unwrap();
        let default_currency = session.state.currency.code();
        for view in &chart.views {
            for (scale, currency) in [("linear", "EUR"), ("linear", "USD"), ("log", "EUR"), ("log", "USD")] {
                for lang in ["fr", "en"] {
                    session.state.set_view(&dataset, &view.id).unwrap();
                    session.state.set_scale(scale).unwrap();
                    session.state.set_currency(currency).unwrap();
                    session.state.set_lang(lang).unwrap();
                    // A view without money has its chart's currency only.
                    if !session.first_answer().unwrap().controls.unwrap().money && currency != default_currency {
                        continue;
                    }
                    let state = format!("{}-{}-{scale}-{currency}-{lang}", chart.id, view.id);
                    expected.push(format!("{state}.json"));
                    let data: serde_json::Value =
                        serde_json::from_str(&std::fs::read_to_string(out.join(format!("{state}.json"))).unwrap())
                            .unwrap();
                    assert_eq!(data["state"]["chart"], chart.id.as_str());
                    assert_eq!(data["state"]["lang"], lang);
                    assert_eq!(data["state"]["scale"], scale);
                    assert!(data["legend"]["entries"].as_array().is_some_and(|l| !l.is_empty()));
                    assert!(data["reading"]["description"].as_str().is_some_and(|d| !d.is_empty()));
                    assert!(data["reading"].get("table").is_none(), "no table: the chart's own");
                    assert_eq!(data["defaults"]["currency"], default_currency);
                    for (theme, name) in [(Theme::Light, "light"), (Theme::Dark, "dark")] {
                        for band in BANDS {
                            let file = PICTURE_NAME
                                .replace("{chart}", &chart.id)
                                .replace("{view}", &view.id)
                                .replace("{scale}", scale)
                                .replace("{currency}", currency)
                                .replace("{lang}", lang)
                                .replace("{theme}", name)
                                .replace("{band}", &band.width.to_string());
                            let written = std::fs::read_to_string(out.join(format!("{file}.svg"))).unwrap();
                            // Exactly the picture the canvas's session draws in that band.
                            let (svg, height) =
                                session.picture_svg(f64::from(band.width), band.toolbar, theme).unwrap();
                            assert_eq!(written, svg, "{file}");
                            assert_eq!(data["heights"][band.width.to_string()], height, "{file}");
                            expected.push(format!("{file}.svg"));
                        }
                    }
                }
            }
        }
    }
    let mut found: Vec<String> =
        std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    found.sort();
    expected.sort();
    expected.dedup();
    assert_eq!(found, expected);
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn a_dataset_the_element_would_refuse_is_refused_with_its_message_and_nothing_is_written() {
    let out = fresh_dir("refused");
    let bad = std::env::temp_dir().join(format!("autonomie-bad-{}.json", std::process::id()));
    std::fs::write(&bad, r#"{ "format": 1, "checked": "2026-11-23", "charts": [], "sources": {} }"#).unwrap();
    let result = bin().arg("--data").arg(&bad).arg("--out").arg(&out).output().unwrap();
    assert_eq!(result.status.code(), Some(1));
    let message = String::from_utf8_lossy(&result.stderr);
    assert!(message.contains("charts") && message.contains(&*bad.to_string_lossy()), "{message}");
    assert!(!out.exists(), "nothing written for a refused dataset");
    std::fs::remove_file(&bad).unwrap();

    let usage = bin().arg("--data").arg(example()).output().unwrap();
    assert_eq!(usage.status.code(), Some(2), "an incomplete command line prints the usage");
    assert!(String::from_utf8_lossy(&usage.stderr).contains("--data DATASET.json --out DIR"));
}
