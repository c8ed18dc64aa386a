//! Autonomie: sourced charts of how far Europe trails the United States and China in AI.
//!
//! The pipeline is one-way, and the modules are grouped by its layers, each using only
//! the layers listed before it:
//!
//! - [`units`]: dates, money and ECB rates, number formats, languages;
//! - [`data`]: the dataset file, read by serde_json into [`data::spec`] types and checked
//!   into a [`data::model::Dataset`];
//! - [`chart`]: a reader's choices ([`chart::state::ViewState`]) select and convert what
//!   to show ([`chart::figure::Figure`]) and describe it ([`chart::describe`]);
//! - [`layout`]: a figure laid out as a [`layout::plan::Plan`] of shapes in device pixels;
//! - [`draw`]: [`draw::render`], the one drawing function, draws a plan on a plotters
//!   backend: SVG ([`draw::backend::svg`]) or a canvas 2D context ([`draw::canvas::draw`]:
//!   the browser's in the web crate, a recording one in native tests);
//! - [`session`]: a dataset and a state, the whole API the page uses, over all of them.
//!
//! [`error`] is shared by every layer; [`exercise`] drives the public operations for the
//! property tests and the fuzz target. `tests/it/layers.rs` fails on an import that goes
//! up the list.
//!
//! ```
//! use autonomie::chart::{figure::Figure, state::ViewState};
//! use autonomie::data::model::Dataset;
//! use autonomie::layout::{metrics::PixelRatio, plan, text::EstimatedMetrics, theme::Theme};
//!
//! let dataset = Dataset::embedded()?;
//! let mut state = ViewState::new(&dataset, "valuations")?;
//! state.set_lang("en")?;
//! let figure = Figure::build(&dataset, &state)?;
//! let canvas = plan::Canvas { width: 760, ratio: PixelRatio::new(1.0), height: None, theme: Theme::Light, footer: plan::Footer::Full };
//! let plan = plan::plan(&figure, &dataset, &canvas, &EstimatedMetrics);
//! let svg = autonomie::draw::backend::svg(&plan)?;
//! assert!(svg.contains("Anthropic"));
//! # Ok::<(), autonomie::error::Error>(())
//! ```

pub mod chart;
pub mod data;
pub mod draw;
pub mod error;
pub mod exercise;
pub mod layout;
pub mod session;
pub mod units;
