//! Native integration tests: one binary, one module per concern.
#![allow(clippy::unwrap_used)]

mod answer;
mod bad_inputs;
mod canvas;
mod colours;
mod contract;
mod dataset;
mod dependencies;
mod docs;
mod fuzz_regressions;
mod json;
mod layers;
mod layout;
mod phone;
mod pictures;
mod properties;
mod reading;
mod series;
mod snapshots;
mod state;
mod words;

/// The repository's root: the tests read the data, docs and catalogues kept there.
fn repo_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}
