//! The key to the marks (press-reported, secondary sale, aggregate…), drawn with the
//! same shapes as the bars or markers it explains.

use crate::chart::figure::{Figure, Reliability};
use crate::data::model::ViewKind;
use crate::layout::painter::Painter;
use crate::layout::plan::Anchor;

impl Painter<'_> {
    /// The key to the marks, when the figure uses more than plain official bars.
    pub(crate) fn mark_key(&mut self, figure: &Figure, (left, right): (f64, f64), top: f64) -> f64 {
        if figure.reliabilities.iter().all(|m| matches!(m, Reliability::Plain | Reliability::Official)) {
            return top;
        }
        let m = self.m;
        let (font, row) = (m.fonts.small, m.key_row);
        let (mut x, mut y) = (left, top);
        for reliability in figure.reliabilities.iter().filter(|m| **m != Reliability::Plain) {
            let label = reliability.describe(figure.lang).unwrap_or_default();
            let width = m.swatch + m.swatch_gap + self.widths.width(label, font) + m.key_entry_gap;
            if x + width > right && x > left {
                x = left;
                y += row;
            }
            let middle = y + row / 2.0;
            match figure.kind {
                ViewKind::Bars => {
                    let corners = [
                        (x.round() as i32, (middle - m.swatch_half_height).round() as i32),
                        ((x + m.swatch).round() as i32, (middle + m.swatch_half_height).round() as i32),
                    ];
                    self.bar_shape(corners, self.p.muted, *reliability);
                }
                ViewKind::Timeline => {
                    self.marker((x + m.swatch_middle, middle), self.p.muted, *reliability);
                }
            }
            self.text(label, (x + m.key_label_offset, middle), font, self.p.muted, Anchor::Left);
            x += width;
        }
        y + row
    }
}
