//! The top layer, over all the others: one chart as the page sees it. A [`Session`] is a
//! dataset, a reader's state, and the last drawing; the page speaks to it in two calls
//! per change:
//!
//! - [`Session::change`] applies a [`Change`] and returns one [`Answer`]: the new state,
//!   the dirty parts (computed from what the session last answered for each part) and
//!   the data of exactly those parts;
//! - [`Session::draw`] lays the chart out for a [`Frame`] (a CSS width, a ratio, a theme,
//!   a footer; within a browser canvas's limits), sizes the target and draws it through
//!   [`crate::draw::render`], and keeps the plan and the ratio it drew with, so that
//!   [`Session::item_at`] answers a pointer in CSS pixels without reading the page.
//!
//! Platform-neutral, so the whole JavaScript-facing API is tested natively; the bindings
//! crate only converts JavaScript values and errors. The answers are typed
//! (`answer.rs`), written by serde_json, and their TypeScript forms are written out for
//! the page by [`contract`].

mod answer;
pub mod contract;
mod frame;
pub(crate) mod reply;
#[cfg(feature = "series")]
mod series;
pub(crate) mod shape;

use std::cell::RefCell;
use std::rc::Rc;

use crate::chart::describe;
use crate::chart::figure::{Figure, ItemIndex};
use crate::chart::state::ViewState;
use crate::data::model::Dataset;
use crate::draw::canvas::Context2d;
use crate::draw::text_widths::{ContextTextWidths, WidthCache};
use crate::error::Error;
use crate::layout::metrics::PixelRatio;
use crate::layout::plan::{self, Footer, Plan};
use crate::layout::text::{ArialWidths, EstimatedWidths, TextWidths};
use crate::layout::theme::Theme;

pub use answer::{
    Answer, Change, Controls, Legend, LegendEntry, Notes, Part, Reading, SeriesChange, Source, Sources, State,
    TableText, ViewChoice,
};
pub use frame::{Drawn, Frame, MAX_CANVAS_PIXELS, MAX_CANVAS_SIDE};
pub use reply::{all_sources, chart_ids, prepare_embedded, AllSources, ItemInfo};

#[cfg(feature = "series")]
pub use series::SeriesChart;

use frame::Shown;

/// `value` as JSON text. serde_json fails only on a map whose keys are not strings, or
/// when a `Serialize` impl reports an error; the answers of this module (strings,
/// numbers, booleans, options, lists and derived structs) have neither, so the empty
/// fallback is never used.
pub fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// A chart, its dataset, the reader's choices and the last drawing.
#[derive(Debug, Clone)]
pub struct Session {
    dataset: Rc<Dataset>,
    /// The reader's choices; change them with [`Session::change`] (or the setters of
    /// [`ViewState`], natively).
    pub state: ViewState,
    /// The figure of the last state asked about: a state change builds the figure once,
    /// and the answers of that state (the parts, the drawing, the items) all read it.
    built: RefCell<Option<(ViewState, Rc<Figure>)>>,
    /// What the last answer said of each part (its JSON), and the state it drew for:
    /// a part is dirty when what it would say now differs.
    answered: RefCell<reply::Answered>,
    /// The last drawing on the session's own canvas.
    shown: Option<Shown>,
    /// Text widths measured on canvases, kept between drawings.
    widths: WidthCache,
}

impl Session {
    /// Opens chart `chart` of `dataset` in its default state.
    pub fn new(dataset: Rc<Dataset>, chart: &str) -> Result<Session, Error> {
        let state = ViewState::new(&dataset, chart)?;
        Ok(Session {
            dataset,
            state,
            built: RefCell::new(None),
            answered: RefCell::new(reply::Answered::default()),
            shown: None,
            widths: WidthCache::default(),
        })
    }

    /// Opens chart `chart` (the dataset's first when `None`) of the dataset `json` (the
    /// embedded one when `None`, read once), in the language `lang` (the default when
    /// `None`): what the page's `ChartHandle` starts with.
    pub fn open(json: Option<&str>, chart: Option<&str>, lang: Option<&str>) -> Result<Session, Error> {
        let lang = reply::lang_from(lang)?;
        let dataset = reply::dataset(json)?;
        let chart = match chart {
            Some(chart) => chart.to_owned(),
            None => dataset.charts.first().map(|c| c.id.clone()).unwrap_or_default(),
        };
        let mut session = Session::new(dataset, &chart)?;
        session.state.lang = lang;
        Ok(session)
    }

    /// The state as the page sees it.
    pub fn page_state(&self) -> State {
        reply::state_of(&self.state)
    }

    /// The dataset.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// What the current state shows, built once per state.
    pub fn figure(&self) -> Result<Rc<Figure>, Error> {
        if let Some((state, figure)) = self.built.borrow().as_ref() {
            if *state == self.state {
                return Ok(Rc::clone(figure));
            }
        }
        let figure = Rc::new(Figure::build(&self.dataset, &self.state)?);
        *self.built.borrow_mut() = Some((self.state.clone(), Rc::clone(&figure)));
        Ok(figure)
    }

    /// Applies `change` (all of it, or nothing on an error) and answers with the new
    /// state, the dirty parts and their data. The first answer has every part dirty.
    pub fn change(&mut self, change: &Change) -> Result<Answer, Error> {
        let mut state = self.state.clone();
        reply::apply(&mut state, &self.dataset, change)?;
        let changed = state != self.state;
        self.state = state;
        self.answer(changed)
    }

    /// [`Session::change`] answered as JSON, as the page reads it.
    pub fn change_json(&mut self, change: &Change) -> Result<String, Error> {
        Ok(to_json(&self.change(change)?))
    }

    /// The answer for the current state, each part only when it differs from the last
    /// answer's.
    fn answer(&self, changed: bool) -> Result<Answer, Error> {
        let figure = self.figure()?;
        reply::answer(&self.dataset, &self.state, &figure, &mut self.answered.borrow_mut(), changed)
    }

    /// The first view's data: the whole answer for the current state, every part given,
    /// as `autonomie-static` writes it next to the first view's pictures.
    pub fn first_answer(&self) -> Result<Answer, Error> {
        let figure = self.figure()?;
        reply::answer(&self.dataset, &self.state, &figure, &mut reply::Answered::default(), false)
    }

    /// Lays the chart out for `frame` with the text widths of `widths`, at a lower pixel
    /// ratio when the drawing would be larger than a browser canvas can be (see
    /// [`MAX_CANVAS_SIDE`] and [`MAX_CANVAS_PIXELS`]): a very tall chart on a
    /// high-density screen is drawn less sharp rather than not at all. Returns the plan
    /// and the ratio it uses.
    pub fn plan_frame(&self, frame: &Frame, widths: &dyn TextWidths) -> Result<(Plan, f64), Error> {
        let figure = self.figure()?;
        let mut ratio = frame.ratio;
        loop {
            let request = frame.layout(ratio);
            let plan = plan::plan(&figure, &self.dataset, &request, widths);
            let shrink = frame::shrink_to_fit(&plan);
            if shrink >= 1.0 || request.ratio.get() <= PixelRatio::MIN {
                return Ok((plan, request.ratio.get()));
            }
            ratio = (request.ratio.get() * shrink * 0.98).max(PixelRatio::MIN);
        }
    }

    /// Lays the chart out at `css_width` CSS pixels for a screen of `ratio` device
    /// pixels per CSS pixel, with the full footer, natively (no canvas limit).
    pub fn plan(
        &self,
        css_width: f64,
        ratio: f64,
        css_height: Option<f64>,
        theme: Theme,
        widths: &dyn TextWidths,
    ) -> Result<Plan, Error> {
        let figure = self.figure()?;
        let frame = Frame { css_width, ratio, css_height, theme, footer: Footer::Full };
        Ok(plan::plan(&figure, &self.dataset, &frame.layout(ratio), widths))
    }

    /// Draws the chart for `frame` on `target`: plans it (its text measured by the
    /// target), sizes the target's backing store to the plan and draws the plan through
    /// [`crate::draw::render`]. On the session's own canvas (`Footer::Short`), keeps the
    /// plan and the ratio for [`Session::item_at`] and [`Session::item`].
    pub fn draw(&mut self, target: &impl Context2d, frame: Frame) -> Result<Drawn, Error> {
        self.draw_with(target, frame, |plan| crate::draw::canvas::draw(target, plan))
    }

    /// [`Session::draw`] with another painter of the plan (the plotters-canvas reference
    /// of the test variant); `target` is still measured and sized.
    pub fn draw_with(
        &mut self,
        target: &impl Context2d,
        frame: Frame,
        paint: impl FnOnce(&Plan) -> Result<(), Error>,
    ) -> Result<Drawn, Error> {
        let widths = ContextTextWidths::new(target, &self.widths);
        let (plan, ratio) = self.plan_frame(&frame, &widths)?;
        target.set_size(plan.width, plan.height);
        paint(&plan).map_err(|e| Error::Refused(e.to_string()))?;
        let drawn = Drawn { width: plan.width, height: plan.height, ratio, css_height: f64::from(plan.height) / ratio };
        if frame.footer == Footer::Short {
            self.shown = Some(Shown { plan, ratio });
        }
        Ok(drawn)
    }

    /// The item under the point (`css_x`, `css_y`) of the last drawing, in CSS pixels:
    /// a bar's row, or the nearest timeline marker within 12 CSS pixels.
    pub fn item_at(&self, css_x: f64, css_y: f64) -> Option<ItemIndex> {
        let shown = self.shown.as_ref()?;
        Session::item_in(&shown.plan, shown.ratio, css_x * shown.ratio, css_y * shown.ratio)
    }

    /// The item at device pixel (`x`, `y`) of `plan`, drawn at `ratio`, if any.
    pub fn item_in(plan: &Plan, ratio: f64, x: f64, y: f64) -> Option<ItemIndex> {
        plan.item_at(x, y, 12.0 * PixelRatio::new(ratio).get())
    }

    /// How many items the last drawing shows.
    pub fn item_count(&self) -> usize {
        self.shown.as_ref().map_or(0, |shown| shown.plan.hits.len())
    }

    /// What a tooltip shows about item `index` of the last drawing.
    pub fn item(&self, index: ItemIndex) -> Result<Option<ItemInfo>, Error> {
        let Some(shown) = self.shown.as_ref() else { return Ok(None) };
        self.item_info(&shown.plan, index)
    }

    /// What a tooltip shows about item `index` as laid out in `plan` (`rect` in its
    /// device pixels; null for an amount of a timeline not drawn for want of a rate).
    pub fn item_info(&self, plan: &Plan, index: ItemIndex) -> Result<Option<ItemInfo>, Error> {
        let figure = self.figure()?;
        Ok(reply::item_info(&self.dataset, &figure, plan, index, self.state.lang))
    }

    /// [`Session::item_info`] as JSON.
    pub fn item_json(&self, plan: &Plan, index: ItemIndex) -> Result<Option<String>, Error> {
        Ok(self.item_info(plan, index)?.map(|item| to_json(&item)))
    }

    /// A text description of what is shown, for screen readers.
    pub fn description(&self) -> Result<String, Error> {
        Ok(describe::description(&*self.figure()?))
    }

    /// The table of what is shown, as JSON: `caption`, `headers`, `rows`.
    pub fn table_json(&self) -> Result<String, Error> {
        Ok(to_json(&describe::table(&*self.figure()?, &self.dataset)))
    }

    /// What is shown, as CSV (see [`describe::csv`]).
    pub fn csv(&self) -> Result<String, Error> {
        Ok(describe::csv(&*self.figure()?, &self.dataset))
    }

    /// What is shown, as an SVG document `css_width` pixels wide: an export, laid out as
    /// [`Session::draw`] lays out a PNG export (the full footer, the same planning), its
    /// text measured by [`EstimatedWidths`] (an SVG has no canvas to measure with).
    pub fn svg(&self, css_width: f64, theme: Theme) -> Result<String, Error> {
        let frame = Frame { css_width, ratio: 1.0, css_height: None, theme, footer: Footer::Full };
        crate::draw::backend::svg(&self.plan_frame(&frame, &EstimatedWidths)?.0)
    }

    /// The canvas's picture as an SVG document, and its height: what [`Session::draw`]
    /// lays out on a screen of one device pixel per CSS pixel at `css_width` CSS pixels,
    /// with the screen's short footer, so the canvas is this picture scaled, its text
    /// measured as the usual `sans-serif` of browsers measures it ([`ArialWidths`]); then
    /// `room` CSS pixels left blank under it (the element's toolbar lies there). An embed
    /// code shows it before the wasm arrives (`autonomie-static`'s pictures).
    pub fn picture_svg(&self, css_width: f64, room: u32, theme: Theme) -> Result<(String, u32), Error> {
        let frame = Frame { css_width, ratio: 1.0, css_height: None, theme, footer: Footer::Short };
        let (mut plan, _) = self.plan_frame(&frame, &ArialWidths)?;
        plan.height += room;
        // The paper, the plan's first shape, covers the room too.
        if let Some(crate::layout::plan::Shape::Rect { corners, .. }) = plan.shapes.first_mut() {
            corners[1].1 = plan.height as i32;
        }
        // Text laid out as drawn, scaled without hinting: the canvas draws it at the scaled
        // size, and hinted glyphs drift along a line when the picture is scaled.
        let svg = crate::draw::backend::svg(&plan)?.replacen("<svg ", "<svg text-rendering=\"geometricPrecision\" ", 1);
        Ok((svg, plan.height))
    }

    /// A file name for an export: `autonomie-valuations-history-2026-11-23.csv`.
    pub fn file_name(&self, day: &str, extension: &str) -> String {
        let day: String = day.chars().filter(|c| c.is_ascii_digit() || *c == '-').take(10).collect();
        format!("autonomie-{}-{}-{day}.{extension}", self.state.chart, self.state.view)
    }

    /// Shows or hides a series of the current view.
    pub fn set_series_visible(&mut self, key: &str, visible: bool) -> Result<(), Error> {
        self.state.set_series_visible(&self.dataset, key, visible)
    }

    /// Switches view.
    pub fn set_view(&mut self, id: &str) -> Result<(), Error> {
        self.state.set_view(&self.dataset, id)
    }

    /// Everything the page shows around the canvas, every part, as JSON (the first
    /// answer's shape; see [`Answer`]).
    pub fn info_json(&self) -> Result<String, Error> {
        Ok(to_json(&self.first_answer()?))
    }
}
