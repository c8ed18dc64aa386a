//! Writes an SVG of each chart's default view, in French, for readers without
//! JavaScript: `autonomie-static OUTPUT_DIR`. Run by `scripts/build.sh`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::rc::Rc;

use autonomie::model::Dataset;
use autonomie::render::Theme;
use autonomie::session::Session;

fn main() -> ExitCode {
    let Some(directory) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: autonomie-static OUTPUT_DIR");
        return ExitCode::from(2);
    };
    match write_all(&directory) {
        Ok(count) => {
            eprintln!("autonomie-static: {count} SVG files in {}", directory.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("autonomie-static: {message}");
            ExitCode::FAILURE
        }
    }
}

fn write_all(directory: &std::path::Path) -> Result<usize, String> {
    let dataset = Rc::new(Dataset::embedded().map_err(|e| e.to_string())?);
    std::fs::create_dir_all(directory).map_err(|e| format!("{}: {e}", directory.display()))?;
    let mut count = 0;
    for chart in &dataset.charts {
        let session = Session::new(dataset.clone(), &chart.id).map_err(|e| e.to_string())?;
        let svg = session.svg(760.0, Theme::Light).map_err(|e| e.to_string())?;
        let path = directory.join(format!("{}.svg", chart.id));
        std::fs::write(&path, svg).map_err(|e| format!("{}: {e}", path.display()))?;
        count += 1;
    }
    Ok(count)
}
