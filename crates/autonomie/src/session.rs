//! One chart as the page sees it: a dataset, a reader's state, and the JSON the page
//! needs around the canvas (legend, views, notes, sources).
//!
//! Platform-neutral, so the whole JavaScript-facing API is tested natively;
//! [`crate::web`] only adds the canvas and converts errors.

use std::rc::Rc;

use crate::json::{self, Raw};

use crate::describe;
use crate::error::Error;
use crate::figure::Figure;
use crate::format;
use crate::model::Dataset;
use crate::render::{self, Canvas, Plan, Theme};
use crate::state::ViewState;
use crate::text::{EstimatedMetrics, MeasureText};

/// A chart, its dataset and the reader's choices.
#[derive(Debug, Clone)]
pub struct Session {
    dataset: Rc<Dataset>,
    /// The reader's choices; change them through the setters of [`ViewState`].
    pub state: ViewState,
}

impl Session {
    /// Opens chart `chart` of `dataset` in its default state.
    pub fn new(dataset: Rc<Dataset>, chart: &str) -> Result<Session, Error> {
        let state = ViewState::new(&dataset, chart)?;
        Ok(Session { dataset, state })
    }

    /// The dataset.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// What the current state shows.
    pub fn figure(&self) -> Result<Figure, Error> {
        Figure::build(&self.dataset, &self.state)
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
        Ok(render::plan(&figure, &self.dataset, &canvas_for(css_width, ratio, css_height, theme), measure))
    }

    /// Lays the chart out as [`Session::plan`] does, at a lower pixel ratio when the
    /// drawing would be larger than a browser canvas can be (see [`MAX_CANVAS_SIDE`]
    /// and [`MAX_CANVAS_PIXELS`]): a very tall chart on a high-density screen is drawn
    /// less sharp rather than not at all. Returns the plan and the ratio it uses.
    pub fn plan_for_canvas(
        &self,
        css_width: f64,
        ratio: f64,
        css_height: Option<f64>,
        theme: Theme,
        measure: &dyn MeasureText,
    ) -> Result<(Plan, f64), Error> {
        let figure = self.figure()?;
        let mut layout = canvas_for(css_width, ratio, css_height, theme);
        loop {
            let plan = render::plan(&figure, &self.dataset, &layout, measure);
            let (width, height) = (f64::from(plan.width.max(1)), f64::from(plan.height.max(1)));
            let shrink = (f64::from(MAX_CANVAS_SIDE) / height)
                .min(f64::from(MAX_CANVAS_SIDE) / width)
                .min((MAX_CANVAS_PIXELS as f64 / (width * height)).sqrt());
            if shrink >= 1.0 || layout.ratio <= MIN_RATIO {
                return Ok((plan, layout.ratio));
            }
            layout = canvas_for(css_width, (layout.ratio * shrink * 0.98).max(MIN_RATIO), css_height, theme);
        }
    }

    /// The item at device pixel (`x`, `y`) of `plan`, if any: a bar's row, or the
    /// nearest timeline marker within 12 CSS pixels.
    pub fn item_at(&self, plan: &Plan, ratio: f64, x: f64, y: f64) -> Option<usize> {
        plan.item_at(x, y, 12.0 * ratio.clamp(0.5, 8.0))
    }

    /// Everything about item `index` that a tooltip shows, as JSON: `label`, `group`,
    /// `value`, `published`, `date`, `basis`, `note`, `parts`, `unconverted` (why an
    /// amount is shown in its own currency), `source` (`publisher`, `title`, `url`,
    /// `date`), and `rect` (its box in device pixels, from `plan`; null for an amount of
    /// a timeline not drawn for want of a rate).
    pub fn item_json(&self, plan: &Plan, index: usize) -> Result<Option<String>, Error> {
        let figure = self.figure()?;
        let Some(item) = figure.items().nth(index) else { return Ok(None) };
        let rect = plan.hit(index).map(|h| h.rect);
        let lang = self.state.lang;
        Ok(Some(
            json::object(&[
                ("index", &index),
                ("count", &figure.items().count()),
                ("label", &item.label),
                ("group", &item.group),
                ("value", &if item.on_axis() { item.shown_text.clone() } else { item.value_text.clone() }),
                ("published", &item.published_text),
                ("date", &format::date(item.date, lang)),
                ("basis", &item.mark.describe(lang)),
                ("note", &item.note),
                ("parts", &item.parts),
                ("unconverted", &item.unconverted),
                ("source", &self.source_json(item.source)),
                ("rect", &rect.map(|[(x0, y0), (x1, y1)]| [x0, y0, x1, y1])),
            ])
            .0,
        ))
    }

    /// A text description of what is shown, for screen readers.
    pub fn description(&self) -> Result<String, Error> {
        Ok(describe::description(&self.figure()?))
    }

    /// The table of what is shown, as JSON: `caption`, `headers`, `rows`.
    pub fn table_json(&self) -> Result<String, Error> {
        let table = describe::table(&self.figure()?, &self.dataset);
        Ok(json::object(&[("caption", &table.caption), ("headers", &table.headers), ("rows", &table.rows)]).0)
    }

    /// What is shown, as CSV (see [`describe::csv`]).
    pub fn csv(&self) -> Result<String, Error> {
        Ok(describe::csv(&self.figure()?, &self.dataset))
    }

    /// What is shown, as an SVG document `css_width` pixels wide, drawn by the same
    /// layout as the canvas.
    pub fn svg(&self, css_width: f64, theme: Theme) -> Result<String, Error> {
        crate::backend::svg(&self.plan(css_width, 1.0, None, theme, &EstimatedMetrics)?)
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
        let views: Vec<Raw> = chart
            .views
            .iter()
            .map(|v| json::object(&[("id", &v.id), ("label", &v.label.get(lang)), ("active", &(v.id == view.id))]))
            .collect();
        let legend: Vec<Raw> = figure
            .legend
            .iter()
            .map(|entry| {
                let (r, g, b) = entry.color;
                json::object(&[
                    ("key", &entry.key),
                    ("label", &entry.label),
                    ("color", &format!("#{r:02x}{g:02x}{b:02x}")),
                    ("visible", &entry.visible),
                ])
            })
            .collect();
        let sources: Vec<Raw> = figure.sources.iter().map(|&s| self.source_json(s)).collect();
        let measure = view.measure.name();
        Ok(json::object(&[
            ("chart", &chart.id),
            ("title", &figure.title),
            ("subtitle", &figure.subtitle),
            ("measure", &measure),
            ("views", &views),
            ("legend", &legend),
            ("notes", &figure.notes),
            ("rates", &figure.rates),
            ("unconverted", &figure.unconverted),
            ("sources", &sources),
            ("newest", &figure.newest.map(|d| format::date(d, lang))),
            ("checked", &format::date(self.dataset.checked, lang)),
            ("state", &Raw(self.state.to_json())),
        ])
        .0)
    }

    fn source_json(&self, index: usize) -> Raw {
        let source = &self.dataset.sources[index];
        json::object(&[
            ("publisher", &source.publisher),
            ("title", &source.title),
            ("url", &source.url),
            ("date", &format::date(source.date, self.state.lang)),
            ("dateNote", &source.date_note),
        ])
    }
}

/// Turns page measurements (CSS pixels, any number a browser may report) into a
/// drawable [`Canvas`]: widths between 200 and 4000 CSS pixels, ratios between 0.5
/// and 8, and defaults for anything not finite.
pub fn canvas_for(css_width: f64, ratio: f64, css_height: Option<f64>, theme: Theme) -> Canvas {
    let ratio = if ratio.is_finite() && ratio > 0.0 { ratio.clamp(MIN_RATIO, 8.0) } else { 1.0 };
    let css_width = if css_width.is_finite() { css_width.clamp(200.0, 4000.0) } else { 760.0 };
    let height =
        css_height.filter(|h| h.is_finite() && *h > 0.0).map(|h| (h.clamp(100.0, 4000.0) * ratio).round() as u32);
    Canvas { width: (css_width * ratio).round() as u32, ratio, height, theme }
}

/// The lowest pixel ratio a chart is drawn at.
const MIN_RATIO: f64 = 0.5;

/// The longest side of a canvas that browsers draw (Chromium and Firefox: 32,767).
pub const MAX_CANVAS_SIDE: u32 = 32_767;

/// The most pixels a canvas may have in every browser (Safari on iOS: 4,096²).
pub const MAX_CANVAS_PIXELS: u64 = 16_777_216;

/// Every source of a dataset, for the page's sources section, as a JSON object in the
/// language `lang`: `checked` (the day the sources were last checked), `newest` (the date
/// of the newest figure of every chart) and `sources`.
pub fn all_sources_json(dataset: &Dataset, lang: crate::i18n::Lang) -> String {
    let list: Vec<Raw> = dataset
        .sources
        .iter()
        .map(|s| {
            json::object(&[
                ("key", &s.key),
                ("publisher", &s.publisher),
                ("title", &s.title),
                ("url", &s.url),
                ("date", &format::date(s.date, lang)),
                ("dateNote", &s.date_note),
            ])
        })
        .collect();
    json::object(&[
        ("checked", &format::date(dataset.checked, lang)),
        ("newest", &dataset.newest().map(|d| format::date(d, lang))),
        ("sources", &list),
    ])
    .0
}
