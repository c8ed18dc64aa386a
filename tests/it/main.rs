//! Native integration tests: one binary, one module per concern.
#![allow(clippy::unwrap_used)]

mod dataset;
mod docs;
mod reading;
mod snapshots;
mod state;
