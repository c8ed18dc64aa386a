//! The test variant only (feature `test-exports`, scripts/build-test-variant.sh): a
//! panic on demand (tests/e2e/panic.test.mjs) and the plotters-canvas reference drawing
//! that the batching backend is compared with (tests/e2e/painter.test.mjs).

use std::cell::RefCell;

use autonomie::{Error, Session};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::ChartHandle;

thread_local! {
    /// The chart whose next drawing panics.
    static PANIC_WHEN_DRAWING: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The next drawings of chart `chart` panic.
#[wasm_bindgen(js_name = panicWhenDrawing)]
pub fn panic_when_drawing(chart: &str) {
    PANIC_WHEN_DRAWING.with(|slot| *slot.borrow_mut() = Some(chart.to_owned()));
}

/// Panics if `session`'s chart was asked to.
pub(crate) fn panic_if_asked(session: &Session) {
    if PANIC_WHEN_DRAWING.with(|chart| chart.borrow().as_deref() == Some(session.state.chart.as_str())) {
        panic!("chart {} was asked to panic, for a test", session.state.chart);
    }
}

#[wasm_bindgen]
impl ChartHandle {
    /// [`ChartHandle::draw_on`] through plotters-canvas instead of the batching backend.
    #[wasm_bindgen(js_name = drawOnWithPlottersCanvas)]
    pub fn draw_on_with_plotters_canvas(
        &mut self,
        canvas: &HtmlCanvasElement,
        css_width: f64,
        pixel_ratio: f64,
        theme: &str,
    ) -> Result<(), JsError> {
        let (context, frame) = self.export_to(canvas, css_width, pixel_ratio, theme)?;
        let target = canvas.clone();
        self.session
            .draw_with(&context, frame, move |plan| {
                let backend = plotters_canvas::CanvasBackend::with_canvas_object(target).ok_or(Error::NoContext)?;
                autonomie::render(backend, plan)
            })
            .map_err(|e| self.thrown(&e))?;
        Ok(())
    }
}
