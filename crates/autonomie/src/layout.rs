//! Layout: a [`crate::chart::figure::Figure`] laid out in device pixels, as a
//! [`plan::Plan`] of shapes. Theme and palettes, scales, text measurement and wrapping,
//! and one module per kind of mark; no backend (that is [`crate::draw`]).

mod arial_widths;
mod axes;
mod bars;
mod footer;
mod key;
pub mod metrics;
mod painter;
pub mod plan;
pub mod scale;
#[cfg(feature = "series")]
pub mod series;
pub mod text;
pub mod theme;
mod timeline;
