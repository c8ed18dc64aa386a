//! The tests of `autonomie-pictures`: what `autonomie-static` writes for a blogger's own
//! dataset (the embed codes' pictures and states' data of issue 20, the link previews of
//! issue 21), a refused dataset, and the previews themselves: 1200 × 630 PNGs of each
//! view, drawn by the core's `render` from the canvas's own plan, showing the chart.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::rc::Rc;

use autonomie::data::model::Dataset;
use autonomie::layout::plan::Shape;
use autonomie::layout::theme::Theme;
use autonomie::session::contract::{BANDS, PICTURE_NAME};
use autonomie::session::Session;
use autonomie_pictures::{preview_plan, preview_png, previews, Fonts, PREVIEW_HEIGHT, PREVIEW_WIDTH};

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

/// A PNG's size and its RGB pixels.
fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut reader = png::Decoder::new(bytes).read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgb);
    pixels.truncate(info.buffer_size());
    (info.width, info.height, pixels)
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
    // And each view's link preview, in each language: the session's own.
    let fonts = Fonts::load().unwrap();
    let mut previews_expected = Vec::new();
    for chart in &dataset.charts {
        for view in &chart.views {
            for lang in ["fr", "en"] {
                let mut session = Session::new(dataset.clone(), &chart.id).unwrap();
                session.set_view(&view.id).unwrap();
                session.state.set_lang(lang).unwrap();
                let name = format!("{}-{}-{lang}.png", chart.id, view.id);
                let written = std::fs::read(out.join("previews").join(&name)).unwrap();
                assert_eq!(written, preview_png(&session, &fonts).unwrap(), "{name}");
                previews_expected.push(name);
            }
        }
    }
    expected.push("previews".to_owned());
    let list = |dir: &Path| {
        let mut found: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        found.sort();
        found
    };
    expected.sort();
    expected.dedup();
    previews_expected.sort();
    assert_eq!(list(&out), expected);
    assert_eq!(list(&out.join("previews")), previews_expected);
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

#[test]
fn every_view_of_the_embedded_dataset_has_a_preview_in_each_language_that_shows_its_chart() {
    let dataset = Rc::new(Dataset::embedded().unwrap());
    let files = previews(&dataset).unwrap();
    let views: usize = dataset.charts.iter().map(|chart| chart.views.len()).sum();
    assert_eq!(files.len(), views * 2);
    let paper = Theme::Light.paper();
    for file in &files {
        let (chart, rest) = file.name.split_once('-').unwrap();
        let (view, lang) = rest.trim_end_matches(".png").rsplit_once('-').unwrap();
        let mut session = Session::new(dataset.clone(), chart).unwrap();
        session.set_view(view).unwrap();
        session.state.set_lang(lang).unwrap();
        let plan = preview_plan(&session).unwrap();
        // The chart fills the picture: laid out for its height, not cut.
        assert_eq!(plan.width, PREVIEW_WIDTH, "{}", file.name);
        assert!(plan.height <= PREVIEW_HEIGHT && plan.height + 2 >= PREVIEW_HEIGHT, "{}: {}", file.name, plan.height);
        let (width, height, pixels) = decode(&file.bytes);
        assert_eq!((width, height), (PREVIEW_WIDTH, PREVIEW_HEIGHT), "{}", file.name);
        let at = |x: i32, y: i32| {
            let i = 3 * (y as usize * width as usize + x as usize);
            (pixels[i], pixels[i + 1], pixels[i + 2])
        };
        // Every bar, key swatch and marker the plan fills is there in its colour.
        let mut marks = 0;
        for shape in &plan.shapes {
            if let Shape::Rect { corners: [(x0, y0), (x1, y1)], fill: Some(fill), .. } = shape {
                if *fill != paper && x1 - x0 >= 6 && y1 - y0 >= 6 {
                    let inside = (x0 + 2..x1 - 2).flat_map(|x| (y0 + 2..y1 - 2).map(move |y| (x, y)));
                    let (count, same) =
                        inside.fold((0, 0), |(n, s), (x, y)| (n + 1, s + usize::from(at(x, y) == *fill)));
                    assert!(same * 3 >= count, "{}: a mark in {fill:?} at {x0},{y0}", file.name);
                    marks += 1;
                }
            }
        }
        // Text: the title is written in ink where the plan put it.
        let Some(Shape::Text { at: (x, y), font, .. }) = plan.shapes.iter().find(|s| matches!(s, Shape::Text { .. }))
        else {
            panic!("{}: no title", file.name)
        };
        let half = (font.size / 2.0) as i32;
        let dark = (*x..*x + 300)
            .flat_map(|x| (y - half..y + half).map(move |y| (x, y)))
            .filter(|&(x, y)| at(x, y).0 < 100)
            .count();
        assert!(dark > 300, "{}: the title has {dark} dark pixels", file.name);
        let blank = pixels.chunks(3).filter(|p| (p[0], p[1], p[2]) == paper).count();
        assert!(blank * 100 < (width * height) as usize * 93, "{}: {blank} blank pixels", file.name);
        assert!(marks > 0 || plan.shapes.iter().any(|s| matches!(s, Shape::Line { .. })), "{}", file.name);
    }
}

#[test]
fn the_build_writes_the_previews_under_their_exact_names() {
    let out = fresh_dir("build");
    let status = bin().arg(&out).output().unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let dataset = Dataset::embedded().unwrap();
    for chart in &dataset.charts {
        for view in &chart.views {
            for lang in ["fr", "en"] {
                let path = out.join(format!("previews/{}-{}-{lang}.png", chart.id, view.id));
                let (width, height, _) = decode(&std::fs::read(&path).unwrap());
                assert_eq!((width, height), (1200, 630), "{}", path.display());
            }
        }
    }
    assert!(out.join("pictures/models-latest-linear-EUR-fr-light-375.svg").exists());
    assert!(out.join("valuations.svg").exists());
    std::fs::remove_dir_all(&out).unwrap();
}
