//! Data: the dataset file's types ([`spec`], read by serde) and their checks
//! ([`model`]), which build the typed, valid [`model::Dataset`]. Uses [`crate::units`]
//! only.

mod check;
pub mod model;
pub mod spec;
