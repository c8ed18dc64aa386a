//! Writes SVGs of each chart's default view. Run by `scripts/build.sh`.
//!
//! `autonomie-static OUTPUT_DIR`, for the embedded dataset:
//!
//! - `OUTPUT_DIR/<chart>.svg`: in French, with the full footer, for readers without
//!   JavaScript.
//! - `OUTPUT_DIR/first/<chart>-<lang>-<theme>-<width>.svg`: the first view that
//!   `<autonomie-chart>` shows before its wasm arrives, exactly what the canvas will
//!   show (the short footer of the screen, the same height) in each language and theme,
//!   at each width where the layout changes ([`FIRST_VIEW_WIDTHS`], the contract's).
//! - `OUTPUT_DIR/first/<chart>-<lang>.json`: the chart's first answer, in the shape the
//!   wasm answers the page (`Session::first_answer`: the state and every part: controls,
//!   legend, notes, sources, reading), and the picture's height per width, so that the
//!   element builds its controls, legend and notes with the same code as the live ones,
//!   at their final height, and takes a press, before the wasm arrives.
//!
//! `autonomie-static --data FILE --out DIR`, for a blogger's own dataset: the first views
//! of each of its charts (the two kinds of `first/` file above), written into `DIR`, which
//! an element with `src="FILE"` is pointed at with `first-view="DIR/"`. A dataset that
//! the element would refuse is refused here, with the same message.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use autonomie::data::model::Dataset;
use autonomie::layout::theme::Theme;
use autonomie::session::contract::FIRST_VIEW_WIDTHS;
use autonomie::session::Session;

const USAGE: &str = "usage: autonomie-static OUTPUT_DIR\n       autonomie-static --data DATASET.json --out DIR";

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let result = match args.as_slice() {
        [directory] if directory != "--data" && directory != "--help" => write_all(Path::new(directory)),
        [flag, file, out, directory] if flag == "--data" && out == "--out" => {
            write_custom(Path::new(file), Path::new(directory))
        }
        [flag, directory, data, file] if flag == "--out" && data == "--data" => {
            write_custom(Path::new(file), Path::new(directory))
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok((count, directory)) => {
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

fn write_all(directory: &Path) -> Result<(usize, PathBuf), String> {
    let dataset = Rc::new(Dataset::embedded().map_err(|e| e.to_string())?);
    let first = directory.join("first");
    let mut count = 0;
    for chart in &dataset.charts {
        let mut session = Session::new(dataset.clone(), &chart.id).map_err(|e| e.to_string())?;
        // For the page's <noscript>, which is in French.
        session.state.set_lang("fr").map_err(|e| e.to_string())?;
        std::fs::create_dir_all(directory).map_err(|e| format!("{}: {e}", directory.display()))?;
        write(
            &directory.join(format!("{}.svg", chart.id)),
            &session.svg(760.0, Theme::Light).map_err(|e| e.to_string())?,
        )?;
        count += 1;
    }
    count += write_first_views(&dataset, &first)?;
    Ok((count, directory.to_path_buf()))
}

/// The first views of a blogger's dataset `file`, into `directory`.
fn write_custom(file: &Path, directory: &Path) -> Result<(usize, PathBuf), String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let dataset = Rc::new(Dataset::from_json(&text).map_err(|e| format!("{}: {e}", file.display()))?);
    Ok((write_first_views(&dataset, directory)?, directory.to_path_buf()))
}

/// Each chart's first views (both languages, both themes, each width) and controls'
/// words, into `directory`; returns how many files.
fn write_first_views(dataset: &Rc<Dataset>, directory: &Path) -> Result<usize, String> {
    std::fs::create_dir_all(directory).map_err(|e| format!("{}: {e}", directory.display()))?;
    let mut count = 0;
    for chart in &dataset.charts {
        let mut session = Session::new(dataset.clone(), &chart.id).map_err(|e| e.to_string())?;
        for lang in ["fr", "en"] {
            session.state.set_lang(lang).map_err(|e| e.to_string())?;
            let mut heights = serde_json::Map::new();
            for (theme, theme_name) in [(Theme::Light, "light"), (Theme::Dark, "dark")] {
                for width in FIRST_VIEW_WIDTHS {
                    let svg = session.screen_svg(f64::from(width), theme).map_err(|e| e.to_string())?;
                    heights.insert(width.to_string(), svg_height(&svg)?.into());
                    let name = format!("{}-{lang}-{theme_name}-{width}.svg", chart.id);
                    write(&directory.join(name), &svg)?;
                    count += 1;
                }
            }
            write(&directory.join(format!("{}-{lang}.json", chart.id)), &controls_json(&session, heights)?)?;
            count += 1;
        }
    }
    Ok(count)
}

/// The height of a picture (its root's `height`, in CSS pixels; both themes have the same).
fn svg_height(svg: &str) -> Result<u32, String> {
    let root = svg.split('>').next().unwrap_or_default();
    root.split(" height=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .and_then(|value| value.parse().ok())
        .ok_or_else(|| "a first view without a height".to_owned())
}

/// The first view's data: the chart's whole first answer (every part, in the shape the
/// element's parts read from the wasm: `www/contract.js`'s `Answer`), and the picture's
/// height at each width, so that its place is kept before it arrives.
fn controls_json(session: &Session, heights: serde_json::Map<String, serde_json::Value>) -> Result<String, String> {
    let answer = session.first_answer().map_err(|e| e.to_string())?;
    let mut json = serde_json::to_value(&answer).map_err(|e| e.to_string())?;
    if let Some(object) = json.as_object_mut() {
        object.insert("heights".to_owned(), serde_json::Value::Object(heights));
    }
    serde_json::to_string(&json).map_err(|e| e.to_string())
}
