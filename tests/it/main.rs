//! Native integration tests: one binary, one module per concern.
#![allow(clippy::unwrap_used)]

mod dataset;
mod docs;
mod snapshots;
mod state;
