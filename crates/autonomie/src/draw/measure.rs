//! [`ContextMeasure`]: text widths from a canvas 2D context's own `measureText`, for the
//! layout of what is drawn on that canvas.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::draw::canvas::Context2d;
use crate::layout::text::{EstimatedMetrics, Font, MeasureText};

/// Text widths from a context's own `measureText`, cached per text and font; the
/// estimate of [`EstimatedMetrics`] when the context gives no believable width (a page
/// script or an extension may replace `measureText`: anti-fingerprinting tools return
/// noise).
#[derive(Debug)]
pub struct ContextMeasure<C: Context2d> {
    context: C,
    cache: RefCell<HashMap<(String, u64, bool), f64>>,
}

impl<C: Context2d> ContextMeasure<C> {
    /// Measures with `context`.
    pub fn new(context: C) -> Self {
        ContextMeasure { context, cache: RefCell::new(HashMap::new()) }
    }

    /// The context it measures with.
    pub fn context(&self) -> &C {
        &self.context
    }
}

impl<C: Context2d> MeasureText for ContextMeasure<C> {
    fn width(&self, text: &str, font: Font) -> f64 {
        let key = (text.to_owned(), font.size.to_bits(), font.bold);
        if let Some(width) = self.cache.borrow().get(&key) {
            return *width;
        }
        self.context.set_font(&font.css());
        let width = match self.context.measure_text(text) {
            Some(width) if width.is_finite() && width >= 0.0 => width,
            _ => EstimatedMetrics.width(text, font),
        };
        let mut cache = self.cache.borrow_mut();
        if cache.len() > 4096 {
            cache.clear();
        }
        cache.insert(key, width);
        width
    }
}
