//! The wasm library: the browser binding of the `autonomie` core. A [`ChartHandle`] per
//! chart, drawing on its `<canvas>`; the few functions a page calls before it has a
//! chart; and the panic hook.
//!
//! A binding only: it converts JavaScript values, calls the core's façade (the
//! re-exports of `autonomie`'s `lib.rs`, the only core paths used here, checked by
//! tests/it/layers.rs) and turns the core's errors into exceptions in the chart's
//! language. It plans, sizes and draws nothing itself: [`Session::draw`] does. With
//! `canvas.rs`, the only code of the project that touches `web-sys`.

mod canvas;
#[cfg(feature = "bench")]
mod series;
#[cfg(feature = "test-exports")]
mod test_exports;

use std::cell::RefCell;

use autonomie::{Change, Error, Frame, ItemIndex, SeriesChange, Session};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use canvas::WebContext;

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs the panic hook: Rust's own message goes to the console, and is kept so that
/// [`last_panic`] tells the page that one happened (the page shows a sentence of its own,
/// in its language, where the chart was).
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

/// The message of the last panic, if any (Rust's own words, for the console).
#[wasm_bindgen]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.with(|slot| slot.try_borrow().ok().and_then(|s| s.clone()))
}

/// `error` as a JavaScript exception, its message in the language of code `lang`.
fn thrown(error: &Error, lang: Option<&str>) -> JsError {
    JsError::new(&error.describe_in(lang))
}

/// Prepares the embedded dataset in steps that a page can run in separate tasks (step 0
/// reads, step 1 checks); returns whether it is ready.
#[wasm_bindgen(js_name = prepareEmbeddedDataset)]
pub fn prepare_embedded_dataset(step: u32) -> Result<bool, JsError> {
    autonomie::prepare_embedded(step).map_err(|e| thrown(&e, Some("en")))
}

/// Chart ids of a dataset (the embedded one when `dataset_json` is absent), as a JSON
/// array; an error is said in `lang`.
#[wasm_bindgen]
pub fn chart_ids(dataset_json: Option<String>, lang: Option<String>) -> Result<String, JsError> {
    let ids = autonomie::chart_ids(dataset_json.as_deref()).map_err(|e| thrown(&e, lang.as_deref()))?;
    Ok(autonomie::to_json(&ids))
}

/// Every source of the embedded dataset and the day it was last checked, as JSON.
#[wasm_bindgen]
pub fn sources(lang: &str) -> Result<String, JsError> {
    let all = autonomie::all_sources(None, Some(lang)).map_err(|e| thrown(&e, Some(lang)))?;
    Ok(autonomie::to_json(&all))
}

/// One chart on one canvas.
#[wasm_bindgen]
pub struct ChartHandle {
    session: Session,
    context: WebContext,
}

#[wasm_bindgen]
impl ChartHandle {
    /// Opens chart `chart` on `canvas`, from `dataset_json` or the embedded dataset, in
    /// `lang` (`fr` or `en`; the default when absent): its texts and every error it
    /// throws, this one's included.
    #[wasm_bindgen(constructor)]
    pub fn new(
        canvas: &HtmlCanvasElement,
        chart: Option<String>,
        dataset_json: Option<String>,
        lang: Option<String>,
    ) -> Result<ChartHandle, JsError> {
        let session = Session::open(dataset_json.as_deref(), chart.as_deref(), lang.as_deref())
            .map_err(|e| thrown(&e, lang.as_deref()))?;
        let context = WebContext::of(canvas).ok_or_else(|| thrown(&Error::NoContext, lang.as_deref()))?;
        Ok(ChartHandle { session, context })
    }

    /// An error in the chart's language.
    fn thrown(&self, error: &Error) -> JsError {
        thrown(error, Some(self.session.state.lang.code()))
    }

    /// Applies a change (the core's `Change`, one argument per field, absent when
    /// unchanged: a view, a scale, a currency, a language, exactly the hidden series as
    /// comma-separated keys, one series flipped, one series shown or hidden) and answers,
    /// as JSON, with the new state, the dirty parts and their data (the core's `Answer`).
    /// With no argument it changes nothing (the first answer has every part).
    #[allow(clippy::too_many_arguments)]
    pub fn change(
        &mut self,
        view: Option<String>,
        scale: Option<String>,
        currency: Option<String>,
        lang: Option<String>,
        hidden: Option<String>,
        toggle: Option<String>,
        series: Option<String>,
        visible: Option<bool>,
    ) -> Result<String, JsError> {
        let hidden =
            hidden.map(|keys| keys.split(',').map(str::trim).filter(|k| !k.is_empty()).map(str::to_owned).collect());
        let series = series.map(|key| SeriesChange { key, visible: visible.unwrap_or(true) });
        let change = Change { view, scale, currency, lang, hidden, series, toggle };
        self.session.change_json(&change).map_err(|e| self.thrown(&e))
    }

    /// Draws the chart on its canvas `css_width` CSS pixels wide on a screen of
    /// `pixel_ratio` device pixels per CSS pixel, aiming at `css_height` when given, in
    /// `theme` (`light`, `dark` or `contrast`); returns the height in CSS pixels that the
    /// canvas should be given.
    pub fn draw(
        &mut self,
        css_width: f64,
        pixel_ratio: f64,
        css_height: Option<f64>,
        theme: &str,
    ) -> Result<f64, JsError> {
        #[cfg(feature = "test-exports")]
        test_exports::panic_if_asked(&self.session);
        let frame = Frame::screen(css_width, pixel_ratio, css_height, theme).map_err(|e| self.thrown(&e))?;
        let drawn = self.session.draw(&self.context, frame).map_err(|e| self.thrown(&e))?;
        Ok(drawn.css_height)
    }

    /// Draws the chart on another canvas (an export), with its own size and ratio, and
    /// the full footer: notes, rates and every source.
    #[wasm_bindgen(js_name = drawOn)]
    pub fn draw_on(
        &mut self,
        canvas: &HtmlCanvasElement,
        css_width: f64,
        pixel_ratio: f64,
        theme: &str,
    ) -> Result<(), JsError> {
        let (context, frame) = self.export_to(canvas, css_width, pixel_ratio, theme)?;
        self.session.draw(&context, frame).map_err(|e| self.thrown(&e))?;
        Ok(())
    }

    /// The context of `canvas` and the frame of an export on it.
    fn export_to(
        &self,
        canvas: &HtmlCanvasElement,
        css_width: f64,
        pixel_ratio: f64,
        theme: &str,
    ) -> Result<(WebContext, Frame), JsError> {
        let context = WebContext::of(canvas).ok_or_else(|| self.thrown(&Error::NoContext))?;
        let frame = Frame::export(css_width, pixel_ratio, theme).map_err(|e| self.thrown(&e))?;
        Ok((context, frame))
    }

    /// The item under the point (`x`, `y`) in CSS pixels of the last drawing.
    #[wasm_bindgen(js_name = itemAt)]
    pub fn item_at(&self, x: f64, y: f64) -> Option<u32> {
        self.session.item_at(x, y).map(|i| i.get() as u32)
    }

    /// What a tooltip shows for item `index`, as JSON (`rect` in the canvas's device
    /// pixels), or nothing when there is no such item.
    pub fn item(&self, index: u32) -> Result<Option<String>, JsError> {
        let item = self.session.item(ItemIndex::new(index as usize)).map_err(|e| self.thrown(&e))?;
        Ok(item.map(|item| autonomie::to_json(&item)))
    }

    /// How many items the last drawing shows.
    #[wasm_bindgen(js_name = itemCount)]
    pub fn item_count(&self) -> u32 {
        self.session.item_count() as u32
    }

    /// What is shown, as CSV.
    pub fn csv(&self) -> Result<String, JsError> {
        self.session.csv().map_err(|e| self.thrown(&e))
    }

    /// What is shown, as an SVG document.
    pub fn svg(&self, css_width: f64, theme: &str) -> Result<String, JsError> {
        let frame = Frame::export(css_width, 1.0, theme).map_err(|e| self.thrown(&e))?;
        self.session.svg(frame.css_width, frame.theme).map_err(|e| self.thrown(&e))
    }

    /// A file name for an export made on `day` (`YYYY-MM-DD`).
    #[wasm_bindgen(js_name = fileName)]
    pub fn file_name(&self, day: &str, extension: &str) -> String {
        self.session.file_name(day, extension)
    }

    /// The state as JSON.
    pub fn state(&self) -> String {
        autonomie::to_json(&self.session.page_state())
    }
}
