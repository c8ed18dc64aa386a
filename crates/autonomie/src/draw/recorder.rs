//! [`Recorder`]: a canvas 2D context that writes each call down, for native tests.

use std::cell::RefCell;

use crate::draw::backend::DrawError;
use crate::draw::canvas::Context2d;

/// A [`Context2d`] that draws nothing and writes every call down, in order: the native
/// stand-in for a browser's context, to count and check what a drawing asks of it. It
/// gives no text widths, so [`ContextTextWidths`](crate::draw::text_widths::ContextTextWidths) falls back on [`EstimatedWidths`](crate::layout::text::EstimatedWidths), as
/// SVG output does.
#[derive(Debug, Default)]
pub struct Recorder {
    calls: RefCell<Vec<String>>,
}

impl Recorder {
    /// A recorder with no calls yet.
    pub fn new() -> Self {
        Recorder::default()
    }

    /// The calls so far, each as its name and arguments, e.g. `fillRect(0, 0, 10, 20)`
    /// or `fillStyle = #ffffff`.
    pub fn calls(&self) -> Vec<String> {
        self.calls.borrow().clone()
    }

    /// How many calls so far.
    pub fn len(&self) -> usize {
        self.calls.borrow().len()
    }

    /// Whether no call was made.
    pub fn is_empty(&self) -> bool {
        self.calls.borrow().is_empty()
    }

    /// Forgets the calls so far.
    pub fn clear(&self) {
        self.calls.borrow_mut().clear();
    }

    fn call(&self, name: &str, args: &[f64]) {
        let args: Vec<String> = args.iter().map(f64::to_string).collect();
        self.calls.borrow_mut().push(format!("{name}({})", args.join(", ")));
    }

    fn set(&self, property: &str, value: &str) {
        self.calls.borrow_mut().push(format!("{property} = {value}"));
    }
}

impl Context2d for Recorder {
    fn set_size(&self, width: u32, height: u32) {
        self.set("size", &format!("{width}x{height}"));
    }
    fn set_fill_style(&self, css: &str) {
        self.set("fillStyle", css);
    }
    fn set_stroke_style(&self, css: &str) {
        self.set("strokeStyle", css);
    }
    fn set_line_width(&self, width: f64) {
        self.set("lineWidth", &width.to_string());
    }
    fn set_font(&self, css: &str) {
        self.set("font", css);
    }
    fn set_text_align(&self, align: &str) {
        self.set("textAlign", align);
    }
    fn set_text_baseline(&self, baseline: &str) {
        self.set("textBaseline", baseline);
    }
    fn fill_rect(&self, x: f64, y: f64, width: f64, height: f64) {
        self.call("fillRect", &[x, y, width, height]);
    }
    fn stroke_rect(&self, x: f64, y: f64, width: f64, height: f64) {
        self.call("strokeRect", &[x, y, width, height]);
    }
    fn begin_path(&self) {
        self.call("beginPath", &[]);
    }
    fn move_to(&self, x: f64, y: f64) {
        self.call("moveTo", &[x, y]);
    }
    fn line_to(&self, x: f64, y: f64) {
        self.call("lineTo", &[x, y]);
    }
    fn close_path(&self) {
        self.call("closePath", &[]);
    }
    fn arc(&self, x: f64, y: f64, radius: f64, start: f64, end: f64) -> Result<(), DrawError> {
        self.call("arc", &[x, y, radius, start, end]);
        Ok(())
    }
    fn fill(&self) {
        self.call("fill", &[]);
    }
    fn stroke(&self) {
        self.call("stroke", &[]);
    }
    fn fill_text(&self, text: &str, x: f64, y: f64) -> Result<(), DrawError> {
        self.calls.borrow_mut().push(format!("fillText({text:?}, {x}, {y})"));
        Ok(())
    }
    fn measure_text(&self, text: &str) -> Option<f64> {
        self.calls.borrow_mut().push(format!("measureText({text:?})"));
        None
    }
}
