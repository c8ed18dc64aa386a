//! The top layer, over all the others. One chart as the page sees it: a dataset, a reader's state, and the JSON the page
//! needs around the canvas (legend, views, notes, sources, the item under the pointer).
//!
//! Platform-neutral, so the whole JavaScript-facing API is tested natively; the web
//! crate only adds the canvas and converts errors. Each JSON answer is a `Serialize`
//! type below, written by serde_json; the page's scripts (`www/`) read these shapes.

use std::cell::RefCell;
use std::rc::Rc;

use serde::Serialize;

use crate::chart::describe;
use crate::chart::figure::{Figure, ItemIndex};
use crate::chart::state::{StateJson, ViewState};
use crate::data::model::{Dataset, Source};
use crate::error::Error;
use crate::layout::metrics::PixelRatio;
use crate::layout::plan::{self, Canvas, Footer, Plan};
use crate::layout::text::{ArialMetrics, EstimatedMetrics, MeasureText};
use crate::layout::theme::Theme;
use crate::units::format;
use crate::units::i18n::Lang;

/// `value` as JSON text. serde_json fails only on a map whose keys are not strings, or
/// when a `Serialize` impl reports an error; the answers of this module (strings,
/// numbers, booleans, options, lists and derived structs) have neither, so the empty
/// fallback is never used.
pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// What a tooltip shows about one item ([`Session::item_json`]).
#[derive(Serialize)]
struct ItemJson<'a> {
    index: usize,
    count: usize,
    label: &'a str,
    group: Option<&'a str>,
    value: &'a str,
    published: Option<&'a str>,
    date: String,
    basis: Option<&'static str>,
    note: Option<&'a str>,
    parts: Option<&'a str>,
    unconverted: Option<&'a str>,
    source: SourceJson<'a>,
    rect: Option<[i32; 4]>,
}

/// A cited document, dates in the reader's language. `key` only in the list of every
/// source ([`all_sources_json`]).
#[derive(Serialize)]
struct SourceJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    key: Option<&'a str>,
    publisher: &'a str,
    title: &'a str,
    url: &'a str,
    date: String,
    #[serde(rename = "dateNote")]
    date_note: Option<&'a str>,
}

impl<'a> SourceJson<'a> {
    fn new(source: &'a Source, lang: Lang, with_key: bool) -> SourceJson<'a> {
        SourceJson {
            key: with_key.then_some(source.key.as_str()),
            publisher: source.publisher.get(lang),
            title: &source.title,
            url: &source.url,
            date: format::date(source.date, lang),
            date_note: source.date_note.as_ref().map(|note| note.get(lang)),
        }
    }
}

/// Everything the page shows around the canvas ([`Session::info_json`]).
#[derive(Serialize)]
struct InfoJson<'a> {
    chart: &'a str,
    title: &'a str,
    subtitle: &'a str,
    measure: &'static str,
    views: Vec<ViewJson<'a>>,
    legend: Vec<LegendJson<'a>>,
    notes: &'a [String],
    rates: &'a [String],
    unconverted: &'a [String],
    sources: Vec<SourceJson<'a>>,
    newest: Option<String>,
    checked: String,
    state: StateJson<'a>,
}

/// An entry of the view switch.
#[derive(Serialize)]
struct ViewJson<'a> {
    id: &'a str,
    label: &'a str,
    active: bool,
}

/// A legend entry.
#[derive(Serialize)]
struct LegendJson<'a> {
    key: &'a str,
    label: &'a str,
    color: String,
    visible: bool,
}

/// Every source of a dataset ([`all_sources_json`]).
#[derive(Serialize)]
struct AllSourcesJson<'a> {
    checked: String,
    newest: Option<String>,
    sources: Vec<SourceJson<'a>>,
}

/// A chart, its dataset and the reader's choices.
#[derive(Debug, Clone)]
pub struct Session {
    dataset: Rc<Dataset>,
    /// The reader's choices; change them through the setters of [`ViewState`].
    pub state: ViewState,
    /// The figure of the last state asked about: a state change builds the figure once,
    /// and the answers of that state (information, description, table, drawing, the
    /// item under the pointer) all read it.
    built: RefCell<Option<(ViewState, Rc<Figure>)>>,
}

impl Session {
    /// Opens chart `chart` of `dataset` in its default state.
    pub fn new(dataset: Rc<Dataset>, chart: &str) -> Result<Session, Error> {
        let state = ViewState::new(&dataset, chart)?;
        Ok(Session { dataset, state, built: RefCell::new(None) })
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

    /// Lays the chart out at `css_width` CSS pixels for a screen of `ratio` device
    /// pixels per CSS pixel. When `css_height` is given (a finite number of CSS pixels),
    /// the plot is stretched or shrunk to reach it where the view allows.
    pub fn plan(
        &self,
        css_width: f64,
        ratio: f64,
        css_height: Option<f64>,
        theme: Theme,
        measure: &dyn MeasureText,
    ) -> Result<Plan, Error> {
        let figure = self.figure()?;
        Ok(plan::plan(&figure, &self.dataset, &canvas_for(css_width, ratio, css_height, theme), measure))
    }

    /// Lays the chart out as `request` asks, at a lower pixel ratio when the drawing
    /// would be larger than a browser canvas can be (see [`MAX_CANVAS_SIDE`] and
    /// [`MAX_CANVAS_PIXELS`]): a very tall chart on a high-density screen is drawn less
    /// sharp rather than not at all. Returns the plan and the ratio it uses.
    pub fn plan_for_canvas(&self, request: &DrawRequest, measure: &dyn MeasureText) -> Result<(Plan, f64), Error> {
        let figure = self.figure()?;
        let DrawRequest { css_width, ratio, css_height, theme, footer } = *request;
        let mut layout = Canvas { footer, ..canvas_for(css_width, ratio, css_height, theme) };
        loop {
            let plan = plan::plan(&figure, &self.dataset, &layout, measure);
            let (width, height) = (f64::from(plan.width.max(1)), f64::from(plan.height.max(1)));
            let shrink = (f64::from(MAX_CANVAS_SIDE) / height)
                .min(f64::from(MAX_CANVAS_SIDE) / width)
                .min((MAX_CANVAS_PIXELS as f64 / (width * height)).sqrt());
            if shrink >= 1.0 || layout.ratio.get() <= PixelRatio::MIN {
                return Ok((plan, layout.ratio.get()));
            }
            layout = Canvas {
                footer,
                ..canvas_for(css_width, (layout.ratio.get() * shrink * 0.98).max(PixelRatio::MIN), css_height, theme)
            };
        }
    }

    /// The item at device pixel (`x`, `y`) of `plan`, if any: a bar's row, or the
    /// nearest timeline marker within 12 CSS pixels.
    pub fn item_at(&self, plan: &Plan, ratio: f64, x: f64, y: f64) -> Option<ItemIndex> {
        plan.item_at(x, y, 12.0 * PixelRatio::new(ratio).get())
    }

    /// Everything about item `index` that a tooltip shows, as JSON: `label`, `group`,
    /// `value`, `published`, `date`, `basis`, `note`, `parts`, `unconverted` (why an
    /// amount is shown in its own currency), `source` (`publisher`, `title`, `url`,
    /// `date`), and `rect` (its box in device pixels, from `plan`; null for an amount of
    /// a timeline not drawn for want of a rate).
    pub fn item_json(&self, plan: &Plan, index: ItemIndex) -> Result<Option<String>, Error> {
        let figure = self.figure()?;
        let Some(item) = figure.item(index) else { return Ok(None) };
        let rect = plan.hit(index).map(|h| h.rect);
        let lang = self.state.lang;
        Ok(Some(to_json(&ItemJson {
            index: index.get(),
            count: figure.items().count(),
            label: &item.label,
            group: item.group.as_deref(),
            value: if item.on_axis() { &item.shown_text } else { &item.value_text },
            published: item.published_text.as_deref(),
            date: format::date(item.date, lang),
            basis: item.mark.describe(lang),
            note: item.note.as_deref(),
            parts: item.parts.as_deref(),
            unconverted: item.unconverted.as_deref(),
            source: SourceJson::new(self.dataset.source(item.source), lang, false),
            rect: rect.map(|[(x0, y0), (x1, y1)]| [x0, y0, x1, y1]),
        })))
    }

    /// A text description of what is shown, for screen readers.
    pub fn description(&self) -> Result<String, Error> {
        Ok(describe::description(&*self.figure()?))
    }

    /// The table of what is shown, as JSON: `caption`, `headers`, `rows`.
    pub fn table_json(&self) -> Result<String, Error> {
        let table = describe::table(&*self.figure()?, &self.dataset);
        Ok(to_json(&table))
    }

    /// What is shown, as CSV (see [`describe::csv`]).
    pub fn csv(&self) -> Result<String, Error> {
        Ok(describe::csv(&*self.figure()?, &self.dataset))
    }

    /// What is shown, as an SVG document `css_width` pixels wide, drawn by the same
    /// layout as the canvas.
    pub fn svg(&self, css_width: f64, theme: Theme) -> Result<String, Error> {
        crate::draw::backend::svg(&self.plan(css_width, 1.0, None, theme, &EstimatedMetrics)?)
    }

    /// The canvas's picture as an SVG document: what [`Session::plan_for_canvas`] lays
    /// out on a screen of one device pixel per CSS pixel at `css_width` CSS pixels, with
    /// the screen's short footer, so the same size as the canvas, its text measured as
    /// the usual `sans-serif` of browsers measures it ([`ArialMetrics`]). The page shows
    /// it before the wasm arrives (`autonomie-static`'s first views).
    pub fn screen_svg(&self, css_width: f64, theme: Theme) -> Result<String, Error> {
        let request = DrawRequest { css_width, ratio: 1.0, css_height: None, theme, footer: Footer::Short };
        crate::draw::backend::svg(&self.plan_for_canvas(&request, &ArialMetrics)?.0)
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

    /// Everything the page shows around the canvas, as a JSON object:
    /// `title`, `subtitle`, `measure`, `views` (`id`, `label`, `active`), `legend`
    /// (`key`, `label`, `color`, `visible`), `notes`, `rates`, `unconverted` (amounts
    /// shown in their own currency, with the reason), `sources` (`publisher`, `title`,
    /// `url`, `date`), `newest` (date of the view's newest figure), `checked`, and
    /// `state`.
    pub fn info_json(&self) -> Result<String, Error> {
        let figure = self.figure()?;
        let (chart, view) = self.state.resolve(&self.dataset)?;
        let lang = self.state.lang;
        let views = chart
            .views
            .iter()
            .map(|v| ViewJson { id: &v.id, label: v.label.get(lang), active: v.id == view.id })
            .collect();
        let legend = figure
            .legend
            .iter()
            .map(|entry| {
                let (r, g, b) = entry.color;
                LegendJson {
                    key: &entry.key,
                    label: &entry.label,
                    color: format!("#{r:02x}{g:02x}{b:02x}"),
                    visible: entry.visible,
                }
            })
            .collect();
        let sources = figure.sources.iter().map(|&s| SourceJson::new(self.dataset.source(s), lang, false)).collect();
        Ok(to_json(&InfoJson {
            chart: &chart.id,
            title: &figure.title,
            subtitle: &figure.subtitle,
            measure: view.measure.name(),
            views,
            legend,
            notes: &figure.notes,
            rates: &figure.rates,
            unconverted: &figure.unconverted,
            sources,
            newest: figure.newest.map(|d| format::date(d, lang)),
            checked: format::date(self.dataset.checked, lang),
            state: self.state.json(),
        }))
    }
}

/// A drawing on a canvas, as the page asks for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DrawRequest {
    /// Width in CSS pixels.
    pub css_width: f64,
    /// Device pixels per CSS pixel (lowered when the canvas would be too large).
    pub ratio: f64,
    /// Height to aim at, in CSS pixels (a timeline's plot stretches or shrinks, bars
    /// only grow); `None` for the natural height.
    pub css_height: Option<f64>,
    /// Colour scheme.
    pub theme: Theme,
    /// [`Footer::Short`] on screen, where the page shows the notes and sources in HTML;
    /// [`Footer::Full`] for an export.
    pub footer: Footer,
}

/// Turns page measurements (CSS pixels, any number a browser may report) into a
/// drawable [`Canvas`]: widths between 200 and 4000 CSS pixels, ratios between 0.5
/// and 8, and defaults for anything not finite.
pub fn canvas_for(css_width: f64, ratio: f64, css_height: Option<f64>, theme: Theme) -> Canvas {
    let ratio = PixelRatio::new(ratio);
    let css_width = if css_width.is_finite() { css_width.clamp(200.0, 4000.0) } else { 760.0 };
    let height =
        css_height.filter(|h| h.is_finite() && *h > 0.0).map(|h| (h.clamp(100.0, 4000.0) * ratio.get()).round() as u32);
    Canvas { width: (css_width * ratio.get()).round() as u32, ratio, height, theme, footer: Footer::Full }
}

/// The longest side of a canvas that browsers draw (Chromium and Firefox: 32,767).
pub const MAX_CANVAS_SIDE: u32 = 32_767;

/// The most pixels a canvas may have in every browser (Safari on iOS: 4,096²).
pub const MAX_CANVAS_PIXELS: u64 = 16_777_216;

/// Every source of a dataset, for the page's sources section, as a JSON object in the
/// language `lang`: `checked` (the day the sources were last checked), `newest` (the date
/// of the newest figure of every chart) and `sources` (`key`, `publisher`, `title`, `url`,
/// `date`, `dateNote`).
pub fn all_sources_json(dataset: &Dataset, lang: Lang) -> String {
    to_json(&AllSourcesJson {
        checked: format::date(dataset.checked, lang),
        newest: dataset.newest().map(|d| format::date(d, lang)),
        sources: dataset.sources().iter().map(|s| SourceJson::new(s, lang, true)).collect(),
    })
}

/// The chart ids of a dataset, in page order, as a JSON array.
pub fn chart_ids_json(dataset: &Dataset) -> String {
    let ids: Vec<&str> = dataset.charts.iter().map(|c| c.id.as_str()).collect();
    to_json(&ids)
}
