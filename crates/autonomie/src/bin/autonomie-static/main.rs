//! Writes the pictures of the charts, drawn at build time by the same session and drawing
//! function as the canvas. Run by `scripts/build.sh`.
//!
//! `autonomie-static OUTPUT_DIR`, for the embedded dataset:
//!
//! - `OUTPUT_DIR/<chart>.svg`: each chart's default view in French, with the full footer
//!   (notes, rates, sources), for the page's `<noscript>`.
//! - `OUTPUT_DIR/pictures/`: the embed codes' pictures, every state in every width band,
//!   and each state's data (see `pictures.rs`).
//!
//! `autonomie-static --data FILE --out DIR`, for a blogger's own dataset: the pictures and
//! data of each of its charts (the second kind above), written into `DIR`, which the
//! embed code of an element with `src="FILE"` names. A dataset that the element would
//! refuse is refused here, with the same message.

mod pictures;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use autonomie::data::model::Dataset;
use autonomie::layout::theme::Theme;
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

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn write_all(directory: &Path) -> Result<(usize, PathBuf), String> {
    let dataset = Rc::new(Dataset::embedded().map_err(|e| e.to_string())?);
    std::fs::create_dir_all(directory).map_err(|e| format!("{}: {e}", directory.display()))?;
    let mut count = 0;
    for chart in &dataset.charts {
        let mut session = Session::new(dataset.clone(), &chart.id).map_err(|e| e.to_string())?;
        // For the page's <noscript>, which is in French.
        session.state.set_lang("fr").map_err(|e| e.to_string())?;
        write(
            &directory.join(format!("{}.svg", chart.id)),
            &session.svg(760.0, Theme::Light).map_err(|e| e.to_string())?,
        )?;
        count += 1;
    }
    count += pictures::write_pictures(&dataset, &directory.join("pictures"))?;
    Ok((count, directory.to_path_buf()))
}

/// The pictures of a blogger's dataset `file`, into `directory`.
fn write_custom(file: &Path, directory: &Path) -> Result<(usize, PathBuf), String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let dataset = Rc::new(Dataset::from_json(&text).map_err(|e| format!("{}: {e}", file.display()))?);
    Ok((pictures::write_pictures(&dataset, directory)?, directory.to_path_buf()))
}
