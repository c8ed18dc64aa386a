//! [`Painter`]: the layout's pen. It collects the [`Shape`]s and item rectangles of a
//! plan, with the helpers every kind of mark uses (text, lines, wrapped paragraphs, text
//! on a patch of paper).

use crate::chart::figure::Rgb;
use crate::layout::metrics::Metrics;
use crate::layout::plan::{Anchor, Hit, Shape};
use crate::layout::text::{wrap, Font, TextWidths};
use crate::layout::theme::Palette;

/// The pen of one plan: what is laid out so far, and how.
pub(crate) struct Painter<'a> {
    pub(crate) shapes: Vec<Shape>,
    pub(crate) hits: Vec<Hit>,
    /// The plot area, once laid out.
    pub(crate) plot: [(i32, i32); 2],
    /// The sizes, in device pixels.
    pub(crate) m: Metrics,
    /// Device pixels to add to (or take from) the plot to reach a requested height.
    pub(crate) stretch: f64,
    /// Colours.
    pub(crate) p: Palette,
    pub(crate) widths: &'a dyn TextWidths,
}

impl Painter<'_> {
    pub(crate) fn text(&mut self, text: impl Into<String>, at: (f64, f64), font: Font, color: Rgb, anchor: Anchor) {
        self.shapes.push(Shape::Text {
            text: text.into(),
            at: (at.0.round() as i32, at.1.round() as i32),
            font,
            color,
            anchor,
        });
    }

    pub(crate) fn line(&mut self, points: &[(f64, f64)], color: Rgb, width: f64) {
        self.shapes.push(Shape::Line {
            points: points.iter().map(|&(x, y)| (x.round() as i32, y.round() as i32)).collect(),
            color,
            width: width.round().max(1.0) as u32,
        });
    }

    /// Wrapped text starting at `y`; returns the `y` below it. `leading` is the step from line
    /// to line, in device pixels.
    pub(crate) fn paragraph(
        &mut self,
        text: &str,
        columns: (f64, f64),
        y: f64,
        font: Font,
        color: Rgb,
        leading: f64,
    ) -> f64 {
        self.lines(text, columns, y, font, color, leading, false)
    }

    /// [`Painter::paragraph`] over the plot, each line on paper.
    pub(crate) fn paragraph_on_paper(
        &mut self,
        text: &str,
        columns: (f64, f64),
        y: f64,
        font: Font,
        color: Rgb,
        leading: f64,
    ) -> f64 {
        self.lines(text, columns, y, font, color, leading, true)
    }

    /// Wraps `text` between `left` and `right` from `y`; returns the `y` below it.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn lines(
        &mut self,
        text: &str,
        (left, right): (f64, f64),
        y: f64,
        font: Font,
        color: Rgb,
        leading: f64,
        on_paper: bool,
    ) -> f64 {
        let mut y = y;
        let step = leading;
        for line in wrap(text, right - left, font, self.widths) {
            let at = (left, y + step / 2.0);
            if on_paper {
                self.text_on_paper(line, at, font, color, Anchor::Left);
            } else {
                self.text(line, at, font, color, Anchor::Left);
            }
            y += step;
        }
        y
    }

    /// A text over the plot: a box of the paper's colour behind it keeps gridlines from
    /// running through its letters.
    pub(crate) fn text_on_paper(
        &mut self,
        text: impl Into<String>,
        at: (f64, f64),
        font: Font,
        color: Rgb,
        anchor: Anchor,
    ) {
        let text = text.into();
        let width = self.widths.width(&text, font);
        let (x0, x1) = match anchor {
            Anchor::Left => (at.0, at.0 + width),
            Anchor::Right => (at.0 - width, at.0),
            Anchor::Center => (at.0 - width / 2.0, at.0 + width / 2.0),
        };
        let (pad, half) = (self.m.paper_pad, font.size * 0.62);
        self.shapes.push(Shape::Rect {
            corners: [
                ((x0 - pad).round() as i32, (at.1 - half).round() as i32),
                ((x1 + pad).round() as i32, (at.1 + half).round() as i32),
            ],
            fill: Some(self.p.paper),
            stroke: None,
        });
        self.text(text, at, font, color, anchor);
    }
}
