//! Native integration tests: one binary, one module per concern.
#![allow(clippy::unwrap_used)]

mod bad_inputs;
mod dataset;
mod dependencies;
mod docs;
mod fuzz_regressions;
mod json;
mod layout;
mod properties;
mod reading;
mod series;
mod snapshots;
mod state;
