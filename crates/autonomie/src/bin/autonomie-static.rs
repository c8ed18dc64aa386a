//! Writes SVGs of each chart's default view. Run by `scripts/build.sh`.
//!
//! `autonomie-static OUTPUT_DIR`, for the embedded dataset:
//!
//! - `OUTPUT_DIR/<chart>.svg`: in French, with the full footer, for readers without
//!   JavaScript.
//! - `OUTPUT_DIR/first/<chart>-<lang>-<theme>-<width>.svg`: the first view that
//!   `<autonomie-chart>` shows before its wasm arrives, exactly what the canvas will
//!   show (the short footer of the screen, the same height) in each language and theme,
//!   at each width where the layout changes ([`FIRST_VIEW_WIDTHS`]).
//! - `OUTPUT_DIR/first/<chart>-<lang>.json`: what the controls above it and the notes
//!   under it show (the part of `Session::info_json` they read: `views`, `measure`,
//!   `legend`, `state`, `notes`, `rates`, `unconverted`, `sources`, `newest`,
//!   `checked`), for the element to lay them out at their final height, and take a
//!   press, before the wasm arrives.
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
use autonomie::session::Session;

/// The widths of the first views, in CSS pixels: a phone (the narrow layout, under
/// 480 CSS pixels) and a desktop column. `www/autonomie-chart.js` picks the bucket of
/// its own width (`FIRST_VIEW_WIDTHS` there: keep both lists equal).
const FIRST_VIEW_WIDTHS: [u32; 2] = [390, 760];

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
        let session = Session::new(dataset.clone(), &chart.id).map_err(|e| e.to_string())?;
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

/// The part of the chart's information that the first view shows around its picture
/// (the controls, the legend, and the notes and sources under it), as JSON.
/// The height of a picture (its root's `height`, in CSS pixels; both themes have the same).
fn svg_height(svg: &str) -> Result<u32, String> {
    let root = svg.split('>').next().unwrap_or_default();
    root.split(" height=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .and_then(|value| value.parse().ok())
        .ok_or_else(|| "a first view without a height".to_owned())
}

fn controls_json(session: &Session, heights: serde_json::Map<String, serde_json::Value>) -> Result<String, String> {
    let info: serde_json::Value =
        serde_json::from_str(&session.info_json().map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    let mut kept = serde_json::Map::new();
    for key in ["views", "measure", "legend", "state", "notes", "rates", "unconverted", "sources", "newest", "checked"]
    {
        kept.insert(key.to_owned(), info.get(key).cloned().unwrap_or(serde_json::Value::Null));
    }
    // The picture's height at each width, so that its place is kept before it arrives.
    kept.insert("heights".to_owned(), serde_json::Value::Object(heights));
    serde_json::to_string(&kept).map_err(|e| e.to_string())
}
