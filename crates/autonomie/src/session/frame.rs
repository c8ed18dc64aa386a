//! A drawing on a canvas as the page asks for it ([`Frame`]), the layout request it
//! becomes ([`LayoutRequest`](crate::layout::plan::LayoutRequest)), and what a drawing
//! leaves behind ([`Drawn`], kept by the session for pointing at items).

use serde::Serialize;

use crate::error::Error;
use crate::layout::metrics::PixelRatio;
use crate::layout::plan::{Footer, LayoutRequest, Plan};
use crate::layout::theme::Theme;

/// A drawing on a canvas, as the page asks for it: CSS sizes, the screen's ratio, a
/// theme and a footer. Any number a browser may report is accepted; [`Frame::layout`]
/// bounds it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Width in CSS pixels.
    pub css_width: f64,
    /// Device pixels per CSS pixel (lowered when the canvas would be too large).
    pub ratio: f64,
    /// Height to aim at, in CSS pixels (a timeline's plot stretches or shrinks, bars
    /// only grow); `None` for the natural height.
    pub css_height: Option<f64>,
    /// Colour scheme.
    pub theme: Theme,
    /// [`Footer::Short`] on screen, where the page shows the notes and sources in HTML;
    /// [`Footer::Full`] for an export.
    pub footer: Footer,
}

impl Frame {
    /// A drawing for the screen (the short footer), its theme by name (`light`, `dark`
    /// or `contrast`, [`Theme::NAMES`]).
    pub fn screen(css_width: f64, ratio: f64, css_height: Option<f64>, theme: &str) -> Result<Frame, Error> {
        Ok(Frame { css_width, ratio, css_height, theme: Theme::named(theme)?, footer: Footer::Short })
    }

    /// A drawing that travels alone (an export: the full footer), at its natural height.
    pub fn export(css_width: f64, ratio: f64, theme: &str) -> Result<Frame, Error> {
        Ok(Frame { css_width, ratio, css_height: None, theme: Theme::named(theme)?, footer: Footer::Full })
    }

    /// The layout request of this frame at `ratio` device pixels per CSS pixel: widths
    /// between 200 and 4000 CSS pixels, ratios between 0.5 and 8, defaults for anything
    /// not finite.
    pub fn layout(&self, ratio: f64) -> LayoutRequest {
        let ratio = PixelRatio::new(ratio);
        let css_width = if self.css_width.is_finite() { self.css_width.clamp(200.0, 4000.0) } else { 760.0 };
        let height = self
            .css_height
            .filter(|h| h.is_finite() && *h > 0.0)
            .map(|h| (h.clamp(100.0, 4000.0) * ratio.get()).round() as u32);
        LayoutRequest {
            width: (css_width * ratio.get()).round() as u32,
            ratio,
            height,
            theme: self.theme,
            footer: self.footer,
        }
    }
}

/// The longest side of a canvas that browsers draw (Chromium and Firefox: 32,767).
pub const MAX_CANVAS_SIDE: u32 = 32_767;

/// The most pixels a canvas may have in every browser (Safari on iOS: 4,096²).
pub const MAX_CANVAS_PIXELS: u64 = 16_777_216;

/// How much to shrink the pixel ratio for `plan` to fit a browser canvas (1 or more:
/// it fits).
pub(crate) fn shrink_to_fit(plan: &Plan) -> f64 {
    let (width, height) = (f64::from(plan.width.max(1)), f64::from(plan.height.max(1)));
    (f64::from(MAX_CANVAS_SIDE) / height)
        .min(f64::from(MAX_CANVAS_SIDE) / width)
        .min((MAX_CANVAS_PIXELS as f64 / (width * height)).sqrt())
}

/// What a drawing on a canvas gave: its backing store's size and the ratio it was drawn
/// at. The page sets the canvas's CSS height to `css_height`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Drawn {
    /// Backing-store width in device pixels.
    pub width: u32,
    /// Backing-store height in device pixels.
    pub height: u32,
    /// Device pixels per CSS pixel it was drawn at: the one asked for, or lower when the
    /// browser's canvas limits required ([`MAX_CANVAS_SIDE`], [`MAX_CANVAS_PIXELS`]).
    pub ratio: f64,
    /// The height in CSS pixels to give the canvas.
    pub css_height: f64,
}

/// The last drawing on the session's own canvas: its plan and ratio, for pointing at
/// items without reading the page's layout.
#[derive(Debug, Clone)]
pub(crate) struct Shown {
    pub(crate) plan: Plan,
    pub(crate) ratio: f64,
}
