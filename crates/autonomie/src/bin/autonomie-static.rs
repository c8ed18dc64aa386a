//! Writes SVGs of each chart's default view: `autonomie-static OUTPUT_DIR`. Run by
//! `scripts/build.sh`.
//!
//! - `OUTPUT_DIR/<chart>.svg`: in French, with the full footer, for readers without
//!   JavaScript.
//! - `OUTPUT_DIR/first/<chart>-<lang>-<theme>-<width>.svg`: the first view that
//!   `<autonomie-chart>` shows before its wasm arrives, exactly what the canvas will
//!   show (the short footer of the screen, the same height) in each language and theme,
//!   at each width where the layout changes ([`FIRST_VIEW_WIDTHS`]).
//! - `OUTPUT_DIR/first/<chart>-<lang>.json`: what the controls above it show (the part
//!   of `Session::info_json` they read: `views`, `measure`, `legend`, `state`), for the
//!   element to lay out their place, and take a press, before the wasm arrives.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use autonomie::data::model::Dataset;
use autonomie::layout::theme::Theme;
use autonomie::session::Session;

/// The widths of the first views, in CSS pixels: a phone (the narrow layout, under
/// 480 CSS pixels) and a desktop column. `www/autonomie-chart.js` picks the bucket of
/// its own width (`FIRST_VIEW_WIDTHS` there: keep both lists equal).
const FIRST_VIEW_WIDTHS: [u32; 2] = [390, 760];

fn main() -> ExitCode {
    let Some(directory) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: autonomie-static OUTPUT_DIR");
        return ExitCode::from(2);
    };
    match write_all(&directory) {
        Ok(count) => {
            eprintln!("autonomie-static: {count} files in {}", directory.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("autonomie-static: {message}");
            ExitCode::FAILURE
        }
    }
}

fn write(path: &Path, svg: &str) -> Result<(), String> {
    std::fs::write(path, svg).map_err(|e| format!("{}: {e}", path.display()))
}

fn write_all(directory: &Path) -> Result<usize, String> {
    let dataset = Rc::new(Dataset::embedded().map_err(|e| e.to_string())?);
    let first = directory.join("first");
    std::fs::create_dir_all(&first).map_err(|e| format!("{}: {e}", first.display()))?;
    let mut count = 0;
    for chart in &dataset.charts {
        let mut session = Session::new(dataset.clone(), &chart.id).map_err(|e| e.to_string())?;
        write(
            &directory.join(format!("{}.svg", chart.id)),
            &session.svg(760.0, Theme::Light).map_err(|e| e.to_string())?,
        )?;
        count += 1;
        for lang in ["fr", "en"] {
            session.state.set_lang(lang).map_err(|e| e.to_string())?;
            write(&first.join(format!("{}-{lang}.json", chart.id)), &controls_json(&session)?)?;
            count += 1;
            for (theme, theme_name) in [(Theme::Light, "light"), (Theme::Dark, "dark")] {
                for width in FIRST_VIEW_WIDTHS {
                    let svg = session.screen_svg(f64::from(width), theme).map_err(|e| e.to_string())?;
                    let name = format!("{}-{lang}-{theme_name}-{width}.svg", chart.id);
                    write(&first.join(name), &svg)?;
                    count += 1;
                }
            }
        }
    }
    Ok(count)
}

/// The controls' part of the chart's information, as JSON.
fn controls_json(session: &Session) -> Result<String, String> {
    let info: serde_json::Value =
        serde_json::from_str(&session.info_json().map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    let mut kept = serde_json::Map::new();
    for key in ["views", "measure", "legend", "state"] {
        kept.insert(key.to_owned(), info.get(key).cloned().unwrap_or(serde_json::Value::Null));
    }
    serde_json::to_string(&kept).map_err(|e| e.to_string())
}
