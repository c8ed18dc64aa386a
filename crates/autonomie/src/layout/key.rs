//! The key to the marks (press-reported, secondary sale, aggregate…), drawn with the
//! same shapes as the bars or markers it explains.

use crate::chart::figure::{Figure, Mark};
use crate::data::model::ViewKind;
use crate::layout::painter::Painter;
use crate::layout::plan::Anchor;
use crate::layout::text::Font;

impl Painter<'_> {
    /// The key to the marks, when the figure uses more than plain official bars.
    pub(crate) fn mark_key(&mut self, figure: &Figure, (left, right): (f64, f64), top: f64) -> f64 {
        if figure.marks.iter().all(|m| matches!(m, Mark::Plain | Mark::Official)) {
            return top;
        }
        let r = self.r;
        let font = Font::regular(11.5 * r);
        let row = 18.0 * r;
        let (mut x, mut y) = (left, top);
        for mark in figure.marks.iter().filter(|m| **m != Mark::Plain) {
            let label = mark.describe(figure.lang).unwrap_or_default();
            let width = 14.0 * r + 6.0 * r + self.measure.width(label, font) + 16.0 * r;
            if x + width > right && x > left {
                x = left;
                y += row;
            }
            let middle = y + row / 2.0;
            match figure.kind {
                ViewKind::Bars => {
                    let corners = [
                        (x.round() as i32, (middle - 5.0 * r).round() as i32),
                        ((x + 14.0 * r).round() as i32, (middle + 5.0 * r).round() as i32),
                    ];
                    self.bar_shape(corners, self.p.muted, *mark);
                }
                ViewKind::Timeline => {
                    self.marker((x + 7.0 * r, middle), self.p.muted, *mark);
                }
            }
            self.text(label, (x + 20.0 * r, middle), font, self.p.muted, Anchor::Left);
            x += width;
        }
        y + row
    }
}
