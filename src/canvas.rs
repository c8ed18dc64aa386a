//! The browser's canvas 2D context as the core's [`Context2d`], so that the core draws on
//! it and measures text with it. Each method is the context's own; a call the browser
//! refuses (an extension or a page script may make it throw) becomes a [`DrawError`]
//! with the call's name.

use autonomie::{Context2d, DrawError};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A canvas's 2D context.
pub struct WebContext(pub CanvasRenderingContext2d);

impl WebContext {
    /// The 2D context of `canvas`, if the browser gives one.
    pub fn of(canvas: &HtmlCanvasElement) -> Option<WebContext> {
        let context = canvas.get_context("2d").ok().flatten()?;
        context.dyn_into::<CanvasRenderingContext2d>().ok().map(WebContext)
    }
}

/// The browser threw when asked to `call` (its message is not kept: reading it would
/// cost the module more than it tells).
fn refused(call: &str) -> DrawError {
    DrawError(format!("{call} threw"))
}

impl Context2d for WebContext {
    fn set_size(&self, width: u32, height: u32) {
        if let Some(canvas) = self.0.canvas() {
            if canvas.width() != width {
                canvas.set_width(width);
            }
            if canvas.height() != height {
                canvas.set_height(height);
            }
        }
    }
    /// The benchmark's variant only: the long series' round joins and caps.
    #[cfg(feature = "bench")]
    fn set_round_lines(&self) {
        self.0.set_line_join("round");
        self.0.set_line_cap("round");
    }
    fn set_fill_style(&self, css: &str) {
        self.0.set_fill_style_str(css);
    }
    fn set_stroke_style(&self, css: &str) {
        self.0.set_stroke_style_str(css);
    }
    fn set_line_width(&self, width: f64) {
        self.0.set_line_width(width);
    }
    fn set_font(&self, css: &str) {
        self.0.set_font(css);
    }
    fn set_text_align(&self, align: &str) {
        self.0.set_text_align(align);
    }
    fn set_text_baseline(&self, baseline: &str) {
        self.0.set_text_baseline(baseline);
    }
    fn fill_rect(&self, x: f64, y: f64, width: f64, height: f64) {
        self.0.fill_rect(x, y, width, height);
    }
    fn stroke_rect(&self, x: f64, y: f64, width: f64, height: f64) {
        self.0.stroke_rect(x, y, width, height);
    }
    fn begin_path(&self) {
        self.0.begin_path();
    }
    fn move_to(&self, x: f64, y: f64) {
        self.0.move_to(x, y);
    }
    fn line_to(&self, x: f64, y: f64) {
        self.0.line_to(x, y);
    }
    fn close_path(&self) {
        self.0.close_path();
    }
    fn arc(&self, x: f64, y: f64, radius: f64, start: f64, end: f64) -> Result<(), DrawError> {
        self.0.arc(x, y, radius, start, end).map_err(|_| refused("arc"))
    }
    fn fill(&self) {
        self.0.fill();
    }
    fn stroke(&self) {
        self.0.stroke();
    }
    fn fill_text(&self, text: &str, x: f64, y: f64) -> Result<(), DrawError> {
        self.0.fill_text(text, x, y).map_err(|_| refused("fillText"))
    }
    fn measure_text(&self, text: &str) -> Option<f64> {
        self.0.measure_text(text).ok().map(|metrics| metrics.width())
    }
}
