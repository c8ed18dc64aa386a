//! `autonomie-pictures` for Node: [`dataset_files`] (`datasetFiles` in JavaScript) makes
//! the files of `autonomie_pictures::dataset_files` (a dataset's pictures, states' data
//! and link previews) from the dataset's text and hands them over one by one. Built by
//! `scripts/build.sh` into `target/tool/pkg/`, shipped in the npm package beside its
//! command, `package/autonomie-pictures.mjs`, which reads the dataset and writes the
//! files. Only a binding: every byte is made by the crate the build itself runs.

use wasm_bindgen::prelude::*;

/// The files made for a dataset, read by index.
#[wasm_bindgen]
pub struct Files(Vec<autonomie_pictures::File>);

#[wasm_bindgen]
impl Files {
    /// How many files.
    #[must_use]
    pub fn count(&self) -> usize {
        self.0.len()
    }

    /// The name of file `index`, relative to the output directory (`previews/…` for a
    /// preview).
    #[must_use]
    pub fn name(&self, index: usize) -> Option<String> {
        self.0.get(index).map(|file| file.name.clone())
    }

    /// The bytes of file `index`.
    #[must_use]
    pub fn bytes(&self, index: usize) -> Option<Vec<u8>> {
        self.0.get(index).map(|file| file.bytes.clone())
    }
}

/// Everything made for the dataset `json` (its text), or why the dataset is refused (the
/// element's own message, in the language of code `lang`: `fr` or `en`).
#[wasm_bindgen(js_name = datasetFiles)]
pub fn dataset_files(json: &str, lang: Option<String>) -> Result<Files, JsError> {
    autonomie_pictures::dataset_files(json, lang.as_deref()).map(Files).map_err(|message| JsError::new(&message))
}
