//! Writes the pictures of the charts, drawn at build time by the same session and drawing
//! function as the canvas. Run by `scripts/build.sh`.
//!
//! `autonomie-static OUTPUT_DIR`, for the embedded dataset:
//!
//! - `OUTPUT_DIR/<chart>.svg`: each chart's default view in French, with the full footer
//!   (notes, rates, sources), for the page's `<noscript>`.
//! - `OUTPUT_DIR/pictures/`: the embed codes' pictures, every state in every width band,
//!   and each state's data (`autonomie_pictures::pictures`).
//! - `OUTPUT_DIR/previews/<chart>-<view>-<lang>.png`: the link previews, 1200 × 630
//!   (`autonomie_pictures::previews`).
//!
//! `autonomie-static --data FILE --out DIR`, for a blogger's own dataset: the pictures and
//! data of each of its charts, written into `DIR`, which the embed code of an element
//! with `src="FILE"` names, and their previews in `DIR/previews/`
//! (`autonomie_pictures::dataset_files`, the same files as the npm package's
//! `autonomie-pictures` command). A dataset that the element would refuse is refused
//! here, with the same message.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use autonomie::data::model::Dataset;
use autonomie::layout::theme::Theme;
use autonomie::session::Session;
use autonomie_pictures::{dataset_files, pictures, previews, File};

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

/// Writes `files` into `directory` (and the subdirectories their names give); returns
/// how many.
fn write(directory: &Path, files: &[File]) -> Result<usize, String> {
    for file in files {
        let path = directory.join(&file.name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, &file.bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(files.len())
}

fn write_all(directory: &Path) -> Result<(usize, PathBuf), String> {
    let dataset = Rc::new(Dataset::embedded().map_err(|e| e.to_string())?);
    let mut noscript = Vec::new();
    for chart in &dataset.charts {
        let mut session = Session::new(dataset.clone(), &chart.id).map_err(|e| e.to_string())?;
        // For the page's <noscript>, which is in French.
        session.state.set_lang("fr").map_err(|e| e.to_string())?;
        let svg = session.svg(760.0, Theme::Light).map_err(|e| e.to_string())?;
        noscript.push(File { name: format!("{}.svg", chart.id), bytes: svg.into_bytes() });
    }
    let count = write(directory, &noscript)?
        + write(&directory.join("pictures"), &pictures(&dataset)?)?
        + write(&directory.join("previews"), &previews(&dataset)?)?;
    Ok((count, directory.to_path_buf()))
}

/// The pictures and previews of a blogger's dataset `file`, into `directory`.
fn write_custom(file: &Path, directory: &Path) -> Result<(usize, PathBuf), String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let files = dataset_files(&text, None).map_err(|e| format!("{}: {e}", file.display()))?;
    Ok((write(directory, &files)?, directory.to_path_buf()))
}
