//! [`ContextTextWidths`]: text widths from a canvas 2D context's own `measureText`, for
//! the layout of what is drawn on that canvas, cached in a [`WidthCache`] that outlives
//! one drawing.

use std::cell::RefCell;

use crate::draw::canvas::Context2d;
use crate::layout::text::{EstimatedWidths, Font, TextWidths};

/// Text widths already measured, per text and font (a session keeps one between its
/// drawings: the same fonts give the same widths on every canvas of a page). A vector
/// sorted by text and font, searched by bisection: a hash map would bring its hashing
/// and table code into the wasm for this one cache.
#[derive(Debug, Clone, Default)]
pub struct WidthCache(RefCell<Vec<(String, u64, bool, f64)>>);

/// Text widths from a context's own `measureText`, cached per text and font; the
/// estimate of [`EstimatedWidths`] when the context gives no believable width (a page
/// script or an extension may replace `measureText`: anti-fingerprinting tools return
/// noise).
#[derive(Debug)]
pub struct ContextTextWidths<'a, C: Context2d + ?Sized> {
    context: &'a C,
    cache: &'a WidthCache,
}

impl<'a, C: Context2d + ?Sized> ContextTextWidths<'a, C> {
    /// Measures with `context`, remembering in `cache`.
    pub fn new(context: &'a C, cache: &'a WidthCache) -> Self {
        ContextTextWidths { context, cache }
    }
}

impl<C: Context2d + ?Sized> TextWidths for ContextTextWidths<'_, C> {
    fn width(&self, text: &str, font: Font) -> f64 {
        let key = (text, font.size.to_bits(), font.bold);
        let found = self.cache.0.borrow().binary_search_by(|(t, size, bold, _)| (t.as_str(), *size, *bold).cmp(&key));
        let at = match found {
            Ok(at) => return self.cache.0.borrow()[at].3,
            Err(at) => at,
        };
        self.context.set_font(&font.css());
        let width = match self.context.measure_text(text) {
            Some(width) if width.is_finite() && width >= 0.0 => width,
            _ => EstimatedWidths.width(text, font),
        };
        let mut cache = self.cache.0.borrow_mut();
        if cache.len() > 4096 {
            cache.clear();
        }
        // A cache just emptied takes the width first.
        let at = at.min(cache.len());
        cache.insert(at, (text.to_owned(), key.1, key.2, width));
        width
    }
}
