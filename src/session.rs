//! One chart as the page sees it: a dataset, a reader's state, and the JSON the page
//! needs around the canvas (legend, views, notes, sources).
//!
//! Platform-neutral, so the whole JavaScript-facing API is tested natively;
//! [`crate::web`] only adds the canvas and converts errors.

use std::rc::Rc;

use serde_json::{json, Value};

use crate::error::Error;
use crate::figure::Figure;
use crate::format;
use crate::model::{Dataset, Measure};
use crate::render::{self, Plan};
use crate::state::ViewState;
use crate::text::MeasureText;

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
    /// pixels per CSS pixel.
    /// When `css_height` is given (a finite number of CSS pixels), the plot is stretched
    /// or shrunk to reach it where the view allows.
    pub fn plan(&self, css_width: f64, ratio: f64, css_height: Option<f64>, measure: &dyn MeasureText) -> Result<Plan, Error> {
        let figure = self.figure()?;
        let ratio = if ratio.is_finite() && ratio > 0.0 { ratio.clamp(0.5, 8.0) } else { 1.0 };
        let css_width = if css_width.is_finite() { css_width.clamp(200.0, 4000.0) } else { 760.0 };
        let width = (css_width * ratio).round() as u32;
        Ok(match css_height.filter(|h| h.is_finite() && *h > 0.0) {
            Some(height) => {
                let height = (height.clamp(100.0, 4000.0) * ratio).round() as u32;
                render::plan_to_height(&figure, &self.dataset, width, ratio, height, measure)
            }
            None => render::plan(&figure, &self.dataset, width, ratio, measure),
        })
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
    /// (`key`, `label`, `color`, `visible`), `notes`, `rates`, `sources` (`publisher`,
    /// `title`, `url`, `date`), `checked`, and `state`.
    pub fn info_json(&self) -> Result<String, Error> {
        let figure = self.figure()?;
        let (chart, view) = self.state.resolve(&self.dataset)?;
        let lang = self.state.lang;
        let views: Vec<Value> = chart
            .views
            .iter()
            .map(|v| json!({ "id": v.id, "label": v.label.get(lang), "active": v.id == view.id }))
            .collect();
        let legend: Vec<Value> = figure
            .legend
            .iter()
            .map(|entry| {
                let (r, g, b) = entry.color;
                json!({
                    "key": entry.key,
                    "label": entry.label,
                    "color": format!("#{r:02x}{g:02x}{b:02x}"),
                    "visible": entry.visible,
                })
            })
            .collect();
        let sources: Vec<Value> = figure.sources.iter().map(|&s| self.source_json(s)).collect();
        Ok(json!({
            "chart": chart.id,
            "title": figure.title,
            "subtitle": figure.subtitle,
            "measure": match view.measure { Measure::Count => "count", Measure::Money => "money" },
            "views": views,
            "legend": legend,
            "notes": figure.notes,
            "rates": figure.rates,
            "sources": sources,
            "checked": format::date(self.dataset.checked, lang),
            "state": serde_json::from_str::<Value>(&self.state.to_json()).unwrap_or(Value::Null),
        })
        .to_string())
    }

    fn source_json(&self, index: usize) -> Value {
        let source = &self.dataset.sources[index];
        json!({
            "publisher": source.publisher,
            "title": source.title,
            "url": source.url,
            "date": format::date(source.date, self.state.lang),
            "dateNote": source.date_note,
        })
    }
}

/// Every source of a dataset, for the page's sources section, as a JSON array in the
/// language `lang`.
pub fn all_sources_json(dataset: &Dataset, lang: crate::i18n::Lang) -> String {
    let list: Vec<Value> = dataset
        .sources
        .iter()
        .map(|s| {
            json!({
                "key": s.key,
                "publisher": s.publisher,
                "title": s.title,
                "url": s.url,
                "date": format::date(s.date, lang),
                "dateNote": s.date_note,
            })
        })
        .collect();
    json!({ "checked": format::date(dataset.checked, lang), "sources": list }).to_string()
}
