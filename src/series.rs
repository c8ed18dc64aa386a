//! The benchmark's variant only (feature `bench`): [`SeriesChart`], a long numeric series
//! drawn as a line on a canvas (the core's `SeriesChart`).

use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::canvas::WebContext;

/// A long numeric series drawn as a line on a canvas.
#[wasm_bindgen]
pub struct SeriesChart {
    context: WebContext,
    chart: autonomie::SeriesChart,
}

#[wasm_bindgen]
impl SeriesChart {
    /// A series chart on `canvas`, with no values yet.
    #[wasm_bindgen(constructor)]
    pub fn new(canvas: &HtmlCanvasElement) -> Result<SeriesChart, JsError> {
        let context = WebContext::of(canvas).ok_or_else(|| JsError::new("no 2D context"))?;
        let chart = autonomie::SeriesChart::new(Vec::new()).map_err(|e| JsError::new(&e))?;
        Ok(SeriesChart { context, chart })
    }

    /// Replaces the values (copied from `values`); every one must be finite and not
    /// negative.
    #[wasm_bindgen(js_name = setValues)]
    pub fn set_values(&mut self, values: &[f64]) -> Result<(), JsError> {
        let decimate = self.chart.decimate;
        self.chart = autonomie::SeriesChart::new(values.to_vec()).map_err(|e| JsError::new(&e))?;
        self.chart.decimate = decimate;
        Ok(())
    }

    /// Keeps every point instead of four per pixel column (slower; for comparisons).
    #[wasm_bindgen(js_name = setDecimation)]
    pub fn set_decimation(&mut self, on: bool) {
        self.chart.decimate = on;
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
        let frame = autonomie::Frame::screen(css_width, pixel_ratio, Some(css_height), theme)
            .map_err(|e| JsError::new(&e.to_string()))?;
        self.chart.draw(&self.context, &frame, log).map_err(|e| JsError::new(&e))
    }
}
