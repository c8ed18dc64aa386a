//! The browser binding: a [`ChartHandle`] per chart, drawing on a `<canvas>`.
//!
//! With `canvas.rs`, the only code of the project that touches `web-sys`. Every
//! exported function returns a `Result`, so errors reach JavaScript as exceptions with
//! a message; a panic is recorded by the hook installed at start-up and can be read
//! with [`last_panic`].

mod canvas;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use autonomie::chart::figure::ItemIndex;
use autonomie::data::model::Dataset;
use autonomie::draw::measure::ContextMeasure;
use autonomie::error::Error;
use autonomie::layout::plan::{Footer, Plan};
use autonomie::layout::theme::Theme;
use autonomie::session::{all_sources_json, canvas_for, chart_ids_json, DrawRequest, Session};
use autonomie::units::i18n::Lang;

use canvas::WebContext;

thread_local! {
    static EMBEDDED: RefCell<Option<Rc<Dataset>>> = const { RefCell::new(None) };
    /// Test builds only: the chart whose next drawing panics.
    #[cfg(feature = "test-exports")]
    static PANIC_WHEN_DRAWING: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The embedded dataset between the two steps of [`prepare_embedded_dataset`].
    static EMBEDDED_PARSED: RefCell<Option<autonomie::data::spec::DatasetSpec>> = const { RefCell::new(None) };
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs the panic hook: the message goes to the console and is kept for
/// [`last_panic`], so the page can show it where the chart was.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&format!("autonomie: internal error: {message}")));
        LAST_PANIC.with(|slot| {
            if let Ok(mut slot) = slot.try_borrow_mut() {
                *slot = Some(message);
            }
        });
    }));
}

/// The message of the last panic, if any.
#[wasm_bindgen]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.with(|slot| slot.try_borrow().ok().and_then(|s| s.clone()))
}

/// `error` as a JavaScript exception, its message in `lang` (the chart's language).
fn js_error(error: &Error, lang: Lang) -> JsError {
    JsError::new(&error.describe(lang))
}

/// The language of `code` (`fr` or `en`); French when absent, as the page is.
fn lang_from(code: Option<String>) -> Result<Lang, JsError> {
    match code {
        None => Ok(Lang::default()),
        Some(code) => Lang::parse(&code).ok_or_else(|| {
            let error = Error::UnknownOption {
                option: "language",
                value: code,
                expected: Lang::ALL.iter().map(|l| l.code().to_owned()).collect(),
            };
            js_error(&error, Lang::En)
        }),
    }
}

fn dataset_from(json: Option<String>) -> Result<Rc<Dataset>, Error> {
    match json {
        Some(json) => Ok(Rc::new(Dataset::from_json(&json)?)),
        None => EMBEDDED.with(|slot| {
            if let Some(dataset) = slot.borrow().as_ref() {
                return Ok(dataset.clone());
            }
            let dataset = Rc::new(Dataset::embedded()?);
            *slot.borrow_mut() = Some(dataset.clone());
            Ok(dataset)
        }),
    }
}

/// Test builds only (feature `test-exports`): the next drawings of chart `chart`
/// panic.
#[cfg(feature = "test-exports")]
#[wasm_bindgen(js_name = panicWhenDrawing)]
pub fn panic_when_drawing(chart: &str) {
    PANIC_WHEN_DRAWING.with(|slot| *slot.borrow_mut() = Some(chart.to_owned()));
}

/// Prepares the embedded dataset in steps that a page can run in separate tasks, so
/// that no task of a cold start is long: step 0 reads the file, step 1 checks it.
/// Returns whether the dataset is ready. Optional: the first chart prepares it anyway.
#[wasm_bindgen(js_name = prepareEmbeddedDataset)]
pub fn prepare_embedded_dataset(step: u32) -> Result<bool, JsError> {
    if EMBEDDED.with(|slot| slot.borrow().is_some()) {
        return Ok(true);
    }
    if step == 0 {
        let spec = Dataset::parse(autonomie::data::model::EMBEDDED_JSON).map_err(|e| js_error(&e, Lang::En))?;
        EMBEDDED_PARSED.with(|slot| *slot.borrow_mut() = Some(spec));
        return Ok(false);
    }
    let dataset = match EMBEDDED_PARSED.with(|slot| slot.borrow_mut().take()) {
        Some(spec) => Dataset::check(spec),
        None => Dataset::embedded(),
    }
    .map_err(|e| js_error(&e, Lang::En))?;
    EMBEDDED.with(|slot| *slot.borrow_mut() = Some(Rc::new(dataset)));
    Ok(true)
}

/// Chart ids of a dataset (the embedded one when `dataset_json` is absent), as a JSON
/// array; an error is said in `lang` (`fr`, the default, or `en`).
#[wasm_bindgen]
pub fn chart_ids(dataset_json: Option<String>, lang: Option<String>) -> Result<String, JsError> {
    let lang = lang_from(lang)?;
    let dataset = dataset_from(dataset_json).map_err(|e| js_error(&e, lang))?;
    Ok(chart_ids_json(&dataset))
}

/// Every source of the embedded dataset and the day it was last checked, as JSON.
#[wasm_bindgen]
pub fn sources(lang: &str) -> Result<String, JsError> {
    let lang = lang_from(Some(lang.to_owned()))?;
    let dataset = dataset_from(None).map_err(|e| js_error(&e, lang))?;
    Ok(all_sources_json(&dataset, lang))
}

/// Text widths from the canvas's own `measureText`, cached per text and font.
type CanvasMeasure = ContextMeasure<WebContext>;

/// Measures with `canvas`'s 2D context, the one its drawings use.
fn measure_for(canvas: &HtmlCanvasElement, lang: Lang) -> Result<CanvasMeasure, JsError> {
    let context = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| no_context(lang))?;
    Ok(ContextMeasure::new(WebContext(context)))
}

/// A canvas without a 2D context.
fn no_context(lang: Lang) -> JsError {
    JsError::new(match lang {
        Lang::Fr => "ce navigateur ne donne pas de contexte 2D de canvas",
        Lang::En => "this browser gives no 2D canvas context",
    })
}

fn theme_from(name: &str, lang: Lang) -> Result<Theme, JsError> {
    Theme::parse(name).ok_or_else(|| {
        let expected = ["light", "dark", "contrast"].map(str::to_owned).to_vec();
        js_error(&Error::UnknownOption { option: "theme", value: name.to_owned(), expected }, lang)
    })
}

/// Lays out and draws `session` on `canvas`, sizing its backing store to the plan;
/// returns the plan and the pixel ratio it was drawn at (lower than asked when the
/// browser's canvas limits require).
fn draw_on(
    session: &Session,
    canvas: &HtmlCanvasElement,
    measure: &CanvasMeasure,
    request: &DrawRequest,
) -> Result<(Plan, f64), JsError> {
    let lang = session.state.lang;
    let (plan, ratio) = session.plan_for_canvas(request, measure).map_err(|e| js_error(&e, lang))?;
    paint(canvas, measure.context(), &plan, lang)?;
    Ok((plan, ratio))
}

/// Sizes `canvas`'s backing store to `plan` (which resets the context's state).
fn fit(canvas: &HtmlCanvasElement, plan: &Plan) {
    if canvas.width() != plan.width {
        canvas.set_width(plan.width);
    }
    if canvas.height() != plan.height {
        canvas.set_height(plan.height);
    }
}

/// Sizes `canvas`'s backing store to `plan` and draws it with `context`, the canvas's
/// 2D context, through the project's batching backend ([`autonomie::draw::canvas`]), or
/// plotters-canvas when built with the feature `plotters-canvas`.
fn paint(canvas: &HtmlCanvasElement, context: &WebContext, plan: &Plan, lang: Lang) -> Result<(), JsError> {
    fit(canvas, plan);
    #[cfg(not(feature = "plotters-canvas"))]
    let drawn = autonomie::draw::canvas::draw(context, plan);
    #[cfg(feature = "plotters-canvas")]
    let drawn = {
        let _ = context;
        let backend =
            plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone()).ok_or_else(|| no_context(lang))?;
        autonomie::draw::render(backend, plan)
    };
    drawn.map_err(|e| refused(&e, lang))
}

/// A drawing that failed: the canvas refused a call.
fn refused(error: &Error, lang: Lang) -> JsError {
    let error = error.describe(lang);
    JsError::new(&match lang {
        Lang::Fr => format!(
            "le navigateur a refusé de dessiner sur le canvas (une extension du navigateur ou un script de la page peut le bloquer) : {error}"
        ),
        Lang::En => format!(
            "the browser refused to draw on the canvas (a browser extension or a script of the page may block it): {error}"
        ),
    })
}

/// One chart on one canvas.
#[wasm_bindgen]
pub struct ChartHandle {
    session: Session,
    canvas: HtmlCanvasElement,
    measure: CanvasMeasure,
    /// The last drawing, for pointing at items.
    plan: Option<Plan>,
}

#[wasm_bindgen]
impl ChartHandle {
    /// Opens chart `chart` on `canvas`, from `dataset_json` or the embedded dataset, in
    /// `lang` (`fr`, the default, or `en`): its texts and every error it throws, this
    /// one's included.
    #[wasm_bindgen(constructor)]
    pub fn new(
        canvas: HtmlCanvasElement,
        chart: &str,
        dataset_json: Option<String>,
        lang: Option<String>,
    ) -> Result<ChartHandle, JsError> {
        let lang = lang_from(lang)?;
        let dataset = dataset_from(dataset_json).map_err(|e| js_error(&e, lang))?;
        let mut session = Session::new(dataset, chart).map_err(|e| js_error(&e, lang))?;
        session.state.lang = lang;
        let measure = measure_for(&canvas, lang)?;
        Ok(ChartHandle { session, canvas, measure, plan: None })
    }

    /// The chart's language, the one of its errors.
    fn lang(&self) -> Lang {
        self.session.state.lang
    }

    /// Draws the chart `css_width` CSS pixels wide on a screen of `pixel_ratio` device
    /// pixels per CSS pixel, aiming at `css_height` when given, in `theme` (`light`,
    /// `dark` or `contrast`); sizes the canvas's backing store to match and returns the
    /// height in CSS pixels that the canvas should be given.
    pub fn draw(
        &mut self,
        css_width: f64,
        pixel_ratio: f64,
        css_height: Option<f64>,
        theme: &str,
    ) -> Result<f64, JsError> {
        #[cfg(feature = "test-exports")]
        if PANIC_WHEN_DRAWING.with(|chart| chart.borrow().as_deref() == Some(self.session.state.chart.as_str())) {
            panic!("chart {} was asked to panic, for a test", self.session.state.chart);
        }
        let theme = theme_from(theme, self.lang())?;
        let request = DrawRequest { css_width, ratio: pixel_ratio, css_height, theme, footer: Footer::Short };
        let (plan, ratio) = draw_on(&self.session, &self.canvas, &self.measure, &request)?;
        let height = f64::from(plan.height) / ratio;
        self.plan = Some(plan);
        Ok(height)
    }

    /// Draws the chart on another canvas (an export), with its own size and ratio, and
    /// the full footer: notes, rates and every source.
    #[wasm_bindgen(js_name = drawOn)]
    pub fn draw_on(
        &self,
        canvas: &HtmlCanvasElement,
        css_width: f64,
        pixel_ratio: f64,
        theme: &str,
    ) -> Result<(), JsError> {
        let measure = measure_for(canvas, self.lang())?;
        let request = DrawRequest {
            css_width,
            ratio: pixel_ratio,
            css_height: None,
            theme: theme_from(theme, self.lang())?,
            footer: Footer::Full,
        };
        draw_on(&self.session, canvas, &measure, &request)?;
        Ok(())
    }

    /// Test builds only (feature `test-exports`): [`ChartHandle::draw_on`] through
    /// plotters-canvas instead of the batching backend, the reference that backend is
    /// compared with (tests/e2e/painter.test.mjs).
    #[cfg(feature = "test-exports")]
    #[wasm_bindgen(js_name = drawOnWithPlottersCanvas)]
    pub fn draw_on_with_plotters_canvas(
        &self,
        canvas: &HtmlCanvasElement,
        css_width: f64,
        pixel_ratio: f64,
        theme: &str,
    ) -> Result<(), JsError> {
        let lang = self.lang();
        let measure = measure_for(canvas, lang)?;
        let (plan, _) = self
            .session
            .plan_for_canvas(
                &DrawRequest {
                    css_width,
                    ratio: pixel_ratio,
                    css_height: None,
                    theme: theme_from(theme, lang)?,
                    footer: Footer::Full,
                },
                &measure,
            )
            .map_err(|e| js_error(&e, lang))?;
        fit(canvas, &plan);
        let backend = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone())
            .ok_or_else(|| JsError::new("no 2D context"))?;
        autonomie::draw::render(backend, &plan).map_err(|e| refused(&e, lang))
    }

    /// The item under the point (`x`, `y`) in CSS pixels of the last drawing.
    #[wasm_bindgen(js_name = itemAt)]
    pub fn item_at(&self, x: f64, y: f64) -> Option<u32> {
        let plan = self.plan.as_ref()?;
        let ratio = f64::from(self.canvas.width()) / f64::from(self.canvas.client_width().max(1));
        self.session.item_at(plan, ratio, x * ratio, y * ratio).map(|i| i.get() as u32)
    }

    /// What a tooltip shows for item `index`, as JSON (`rect` in the canvas's device
    /// pixels), or nothing when there is no such item.
    pub fn item(&self, index: u32) -> Result<Option<String>, JsError> {
        let Some(plan) = self.plan.as_ref() else { return Ok(None) };
        self.session.item_json(plan, ItemIndex::new(index as usize)).map_err(|e| js_error(&e, self.lang()))
    }

    /// How many items the last drawing shows.
    #[wasm_bindgen(js_name = itemCount)]
    pub fn item_count(&self) -> u32 {
        self.plan.as_ref().map_or(0, |p| p.hits.len() as u32)
    }

    /// A text description of what is shown.
    pub fn description(&self) -> Result<String, JsError> {
        self.session.description().map_err(|e| js_error(&e, self.lang()))
    }

    /// The data table of what is shown, as JSON.
    pub fn table(&self) -> Result<String, JsError> {
        self.session.table_json().map_err(|e| js_error(&e, self.lang()))
    }

    /// What is shown, as CSV.
    pub fn csv(&self) -> Result<String, JsError> {
        self.session.csv().map_err(|e| js_error(&e, self.lang()))
    }

    /// What is shown, as an SVG document.
    pub fn svg(&self, css_width: f64, theme: &str) -> Result<String, JsError> {
        self.session.svg(css_width, theme_from(theme, self.lang())?).map_err(|e| js_error(&e, self.lang()))
    }

    /// A file name for an export made on `day` (`YYYY-MM-DD`).
    #[wasm_bindgen(js_name = fileName)]
    pub fn file_name(&self, day: &str, extension: &str) -> String {
        self.session.file_name(day, extension)
    }

    /// Switches to view `id`.
    #[wasm_bindgen(js_name = setView)]
    pub fn set_view(&mut self, id: &str) -> Result<(), JsError> {
        self.session.set_view(id).map_err(|e| js_error(&e, self.lang()))
    }

    /// Sets the scale: `linear` or `log`.
    #[wasm_bindgen(js_name = setScale)]
    pub fn set_scale(&mut self, scale: &str) -> Result<(), JsError> {
        self.session.state.set_scale(scale).map_err(|e| js_error(&e, self.lang()))
    }

    /// Sets the currency: `EUR` or `USD`.
    #[wasm_bindgen(js_name = setCurrency)]
    pub fn set_currency(&mut self, currency: &str) -> Result<(), JsError> {
        self.session.state.set_currency(currency).map_err(|e| js_error(&e, self.lang()))
    }

    /// Sets the language: `fr` or `en`.
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&mut self, lang: &str) -> Result<(), JsError> {
        self.session.state.set_lang(lang).map_err(|e| js_error(&e, self.lang()))
    }

    /// Shows or hides series `key`.
    #[wasm_bindgen(js_name = setSeriesVisible)]
    pub fn set_series_visible(&mut self, key: &str, visible: bool) -> Result<(), JsError> {
        self.session.set_series_visible(key, visible).map_err(|e| js_error(&e, self.lang()))
    }

    /// The state as JSON.
    pub fn state(&self) -> String {
        self.session.state.to_json()
    }

    /// What the page shows around the canvas, as JSON (see `Session::info_json`).
    pub fn info(&self) -> Result<String, JsError> {
        self.session.info_json().map_err(|e| js_error(&e, self.lang()))
    }
}

/// A long numeric series drawn as a line on a canvas (see [`autonomie::layout::series`]): the values
/// stay in wasm memory between drawings, and a drawing costs the canvas width, not the
/// number of values.
#[wasm_bindgen]
pub struct SeriesChart {
    canvas: HtmlCanvasElement,
    measure: CanvasMeasure,
    series: autonomie::layout::series::Series,
    decimate: bool,
}

#[wasm_bindgen]
impl SeriesChart {
    /// A series chart on `canvas`, with no values yet.
    #[wasm_bindgen(constructor)]
    pub fn new(canvas: HtmlCanvasElement) -> Result<SeriesChart, JsError> {
        let measure = measure_for(&canvas, Lang::En)?;
        let series = autonomie::layout::series::Series::new(Vec::new()).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(SeriesChart { canvas, measure, series, decimate: true })
    }

    /// Replaces the values (copied from `values`); every one must be finite and not
    /// negative.
    #[wasm_bindgen(js_name = setValues)]
    pub fn set_values(&mut self, values: &[f64]) -> Result<(), JsError> {
        self.series =
            autonomie::layout::series::Series::new(values.to_vec()).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(())
    }

    /// Keeps every point instead of four per pixel column (slower; for comparisons).
    #[wasm_bindgen(js_name = setDecimation)]
    pub fn set_decimation(&mut self, on: bool) {
        self.decimate = on;
    }

    /// Draws the series `css_width` × `css_height` CSS pixels at `pixel_ratio`, on a log
    /// y axis when `log`, sizing the canvas's backing store to match.
    pub fn draw(
        &self,
        css_width: f64,
        pixel_ratio: f64,
        css_height: f64,
        log: bool,
        theme: &str,
    ) -> Result<(), JsError> {
        let layout = canvas_for(css_width, pixel_ratio, Some(css_height), theme_from(theme, Lang::En)?);
        let scale = if log { autonomie::data::model::Scale::Log } else { autonomie::data::model::Scale::Linear };
        let plan = autonomie::layout::series::plan(&self.series, scale, &layout, &self.measure, self.decimate)
            .map_err(|e| JsError::new(&e.to_string()))?;
        // Round joins and caps: the stroke is then every point within half the line's
        // width of the polyline, which decimation leaves unchanged (miter joins would
        // add spikes at each turn of the whole series).
        fit(&self.canvas, &plan);
        self.measure.context().0.set_line_join("round");
        self.measure.context().0.set_line_cap("round");
        paint(&self.canvas, self.measure.context(), &plan, Lang::En)
    }
}
