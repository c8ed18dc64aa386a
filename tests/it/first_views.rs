//! `autonomie-static --data FILE --out DIR`: a blogger's own dataset gets the first
//! views of each of its charts, drawn by the same session as the canvas, and a dataset
//! the element would refuse is refused here, with its message.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::rc::Rc;

use autonomie::data::model::Dataset;
use autonomie::layout::theme::Theme;
use autonomie::session::Session;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_autonomie-static"))
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/data/mistral-levees.json")
}

fn fresh_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("autonomie-first-views-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn a_custom_dataset_gets_the_first_views_of_each_of_its_charts() {
    let out = fresh_dir("custom");
    let status = bin().arg("--data").arg(example()).arg("--out").arg(&out).output().unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));

    let text = std::fs::read_to_string(example()).unwrap();
    let dataset = Rc::new(Dataset::from_json(&text).unwrap());
    let mut expected = Vec::new();
    for chart in &dataset.charts {
        let mut session = Session::new(dataset.clone(), &chart.id).unwrap();
        for lang in ["fr", "en"] {
            session.state.set_lang(lang).unwrap();
            expected.push(format!("{}-{lang}.json", chart.id));
            let info: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(out.join(format!("{}-{lang}.json", chart.id))).unwrap())
                    .unwrap();
            assert_eq!(info["state"]["chart"], chart.id.as_str());
            assert_eq!(info["state"]["lang"], lang);
            assert!(info["legend"]["entries"].as_array().is_some_and(|l| !l.is_empty()));
            for (theme, name) in [(Theme::Light, "light"), (Theme::Dark, "dark")] {
                for width in [390u32, 760] {
                    let file = format!("{}-{lang}-{name}-{width}.svg", chart.id);
                    let written = std::fs::read_to_string(out.join(&file)).unwrap();
                    // Exactly the picture the canvas's session draws at that width.
                    assert_eq!(written, session.screen_svg(f64::from(width), theme).unwrap(), "{file}");
                    expected.push(file);
                }
            }
        }
    }
    let mut found: Vec<String> =
        std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    found.sort();
    expected.sort();
    assert_eq!(found, expected);
    assert_eq!(found.len(), dataset.charts.len() * 10);
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
