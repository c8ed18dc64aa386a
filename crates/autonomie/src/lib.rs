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
//! [`error`] is shared by every layer. Behind features, absent from the shipped wasm:
//! `exercise` (feature `exercise`) drives the public operations for the property tests
//! and the fuzz target; `layout::series` and `SeriesChart` (feature `series`) draw the
//! benchmark's long series. `tests/it/layers.rs` fails on an import that goes up the list.
//!
//! # The façade
//!
//! The re-exports below are the whole surface that the bindings crate (the wasm library
//! at the repository's root, `src/`) uses: a [`Session`] opened on a dataset, changed
//! with a [`Change`] that returns an [`Answer`], drawn for a [`Frame`] on any
//! [`Context2d`]. `tests/it/layers.rs` fails if the bindings crate names another path of
//! this crate. The modules stay public for the native tests, the benchmark and the
//! build-time tool.
//!
//! ```
//! use autonomie::chart::{figure::Figure, state::ViewState};
//! use autonomie::data::model::Dataset;
//! use autonomie::layout::{metrics::PixelRatio, plan, text::EstimatedWidths, theme::Theme};
//!
//! let dataset = Dataset::embedded()?;
//! let mut state = ViewState::new(&dataset, "valuations")?;
//! state.set_lang("en")?;
//! let figure = Figure::build(&dataset, &state)?;
//! let request = plan::LayoutRequest { width: 760, ratio: PixelRatio::new(1.0), height: None, theme: Theme::Light, footer: plan::Footer::Full };
//! let plan = plan::plan(&figure, &dataset, &request, &EstimatedWidths);
//! let svg = autonomie::draw::backend::svg(&plan)?;
//! assert!(svg.contains("Anthropic"));
//! # Ok::<(), autonomie::error::Error>(())
//! ```
//!
//! The page's way, through the façade: one change, one answer, one drawing (here on the
//! native recorder of canvas calls).
//!
//! ```
//! use autonomie::{Change, Frame, Session};
//!
//! let mut session = Session::open(None, Some("models"), Some("en"))?;
//! let answer = session.change(&Change { scale: Some("log".into()), ..Change::default() })?;
//! assert_eq!(answer.state.scale, "log");
//! assert!(answer.dirty.iter().any(|part| part == "canvas"));
//! let canvas = autonomie::draw::recorder::Recorder::new();
//! let drawn = session.draw(&canvas, Frame::screen(760.0, 2.0, None, "light")?)?;
//! assert_eq!(drawn.width, 1520);
//! assert!(session.item_at(700.0, drawn.css_height / 2.0).is_some());
//! # Ok::<(), autonomie::error::Error>(())
//! ```

pub mod chart;
pub mod data;
pub mod draw;
pub mod error;
#[cfg(feature = "exercise")]
pub mod exercise;
pub mod layout;
pub mod session;
pub mod units;

/// A place in a figure's items: what [`Session::item_at`] finds and [`Session::item`]
/// describes.
pub use chart::figure::ItemIndex;
/// The one drawing function (the plotters-canvas reference of the test variant calls it).
pub use draw::render;
/// The operations of a canvas 2D context that drawing and text measurement use, and the
/// error of a call the canvas refused.
pub use draw::{backend::DrawError, canvas::Context2d};
/// The one error type, with its message in either language.
pub use error::Error;
/// The benchmark's long series (feature `series`).
#[cfg(feature = "series")]
pub use session::SeriesChart;
/// The page's API: a session, its change and answer, its drawing.
pub use session::{
    all_sources, chart_ids, prepare_embedded, to_json, AllSources, Answer, Change, Drawn, Frame, ItemInfo,
    SeriesChange, Session,
};
