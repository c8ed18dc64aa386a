//! The charts' pictures, made ahead of time by the core's own session and drawing
//! function (`autonomie::render`), for readers and platforms that run no chart:
//!
//! - [`pictures`]: the embed codes' SVG pictures of every state in every width band and
//!   theme, and each state's data (issue 20; `pictures.rs`);
//! - [`previews`]: a 1200 × 630 PNG of each view in each language, for link previews
//!   (issue 21; `preview.rs`, drawn on plotters' `BitMapBackend` by `raster.rs`).
//!
//! Files are made in memory ([`File`]): the build's `autonomie-static` writes them to
//! disk, and the npm package's `autonomie-pictures` command gets the same bytes from this
//! crate compiled to wasm (`crates/autonomie-pictures-wasm`), run by Node alone. Nothing
//! here is in the shipped wasm: the widget's crate does not depend on this one.
//!
//! ```
//! let json = include_str!("../../../examples/data/mistral-levees.json");
//! let files = autonomie_pictures::dataset_files(json, None).unwrap();
//! let preview = files.iter().find(|f| f.name == "previews/mistral-rounds-latest-fr.png").unwrap();
//! assert_eq!(&preview.bytes[1..4], b"PNG");
//! ```

mod pictures;
mod preview;
mod raster;

use std::rc::Rc;

use autonomie::data::model::Dataset;
use autonomie::session::Session;

pub use pictures::pictures;
pub use preview::{preview_plan, preview_png, PREVIEW_HEIGHT, PREVIEW_WIDTH};
pub use raster::{Fonts, Raster};

/// A file made for a dataset: its name, relative to the directory it goes into, and its
/// bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// The file's name (`previews/…` for a preview in [`dataset_files`]).
    pub name: String,
    /// Its contents.
    pub bytes: Vec<u8>,
}

/// The directory of the previews in a dataset's files.
pub const PREVIEWS: &str = "previews/";

/// The link previews of every view of every chart of `dataset`, in each language:
/// `<chart>-<view>-<lang>.png`, each view in its default scale and currency.
pub fn previews(dataset: &Rc<Dataset>) -> Result<Vec<File>, String> {
    let fonts = Fonts::load()?;
    let mut files = Vec::new();
    for chart in &dataset.charts {
        for view in &chart.views {
            for lang in ["fr", "en"] {
                // From the chart's default state, a view brings its own scale, and its
                // currency when the chart's cannot show it: what a reader sees first.
                let mut session = Session::new(dataset.clone(), &chart.id).map_err(|e| e.to_string())?;
                session.set_view(&view.id).map_err(|e| e.to_string())?;
                session.state.set_lang(lang).map_err(|e| e.to_string())?;
                let bytes = preview_png(&session, &fonts)?;
                files.push(File { name: format!("{}-{}-{lang}.png", chart.id, view.id), bytes });
            }
        }
    }
    Ok(files)
}

/// Everything made for a blogger's dataset `json` (its text), as the element with
/// `src` set to that file asks for it: the pictures and states' data ([`pictures`]), then
/// the previews ([`previews`]) under [`PREVIEWS`]. A dataset the element would refuse is
/// refused with the same message, in the language of code `lang` (English when `None`).
pub fn dataset_files(json: &str, lang: Option<&str>) -> Result<Vec<File>, String> {
    let dataset = Rc::new(Dataset::from_json(json).map_err(|e| e.describe_in(lang))?);
    let mut files = pictures(&dataset)?;
    for preview in previews(&dataset)? {
        files.push(File { name: format!("{PREVIEWS}{}", preview.name), bytes: preview.bytes });
    }
    Ok(files)
}
