//! Autonomie: sourced charts of how far Europe trails the United States and China in AI.
//!
//! The pipeline is one-way: a dataset file, read by serde_json into [`spec`] types, is
//! checked into a [`model::Dataset`]; a reader's choices ([`state::ViewState`]) select
//! and convert what to show ([`figure::Figure`]); [`render`] lays that out as a
//! [`render::Plan`], which [`render::render`], the one drawing function, draws on a
//! plotters backend: SVG ([`backend::svg`]) or a canvas 2D context ([`canvas::draw`]:
//! the browser's in the web crate, a recording one in native tests).
//!
//! ```
//! use autonomie::{model::Dataset, state::ViewState, figure::Figure, render, text::EstimatedMetrics};
//!
//! let dataset = Dataset::embedded()?;
//! let mut state = ViewState::new(&dataset, "valuations")?;
//! state.set_lang("en")?;
//! let figure = Figure::build(&dataset, &state)?;
//! let canvas = render::Canvas { width: 760, ratio: 1.0, height: None, theme: render::Theme::Light, footer: render::Footer::Full };
//! let plan = render::plan(&figure, &dataset, &canvas, &EstimatedMetrics);
//! let svg = autonomie::backend::svg(&plan)?;
//! assert!(svg.contains("Anthropic"));
//! # Ok::<(), autonomie::error::Error>(())
//! ```

mod arial_widths;
pub mod backend;
pub mod canvas;
pub mod date;
pub mod describe;
pub mod error;
pub mod exercise;
pub mod figure;
pub mod format;
pub mod i18n;
pub mod model;
pub mod money;
pub mod render;
pub mod scale;
pub mod series;
pub mod session;
pub mod spec;
pub mod state;
pub mod text;
