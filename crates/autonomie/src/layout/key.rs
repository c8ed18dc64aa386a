//! The key under the plot: the series of a chart whose rows are its panels (their
//! colours, said once rather than under every bar), the reliabilities (press-reported,
//! secondary sale, aggregate…) drawn with the same shapes as the bars or markers they
//! explain, and the signs drawn beside a timeline's markers: a figure that rests on weak
//! sources (`?`) and a lower bound (`>`).

use crate::chart::figure::{Figure, Reliability, Rgb, WEAK_SIGN};
use crate::data::model::ViewKind;
use crate::layout::bars::rows_are_panels;
use crate::layout::painter::Painter;
use crate::layout::plan::{Anchor, Shape};
use crate::units::format::MORE_THAN;
use crate::units::i18n::Ui;

/// An entry of the key.
enum Entry<'a> {
    /// A series: its colour and label.
    Series(Rgb, &'a str),
    /// A reliability, drawn as its bar or marker.
    Reliability(Reliability),
    /// A sign drawn beside what it marks, and its words.
    Sign(&'static str, Ui),
}

impl Painter<'_> {
    /// The key, when the figure needs one: its series when the rows are panels, its
    /// reliabilities when it uses more than plain official ones, the signs it draws.
    pub(crate) fn mark_key(&mut self, figure: &Figure, (left, right): (f64, f64), top: f64) -> f64 {
        let entries = key_entries(figure);
        if entries.is_empty() {
            return top;
        }
        let m = self.m;
        let (font, row) = (m.fonts.small, m.key_row);
        let (mut x, mut y) = (left, top);
        for entry in entries {
            let label = match entry {
                Entry::Series(_, label) => label,
                Entry::Reliability(reliability) => reliability.describe(figure.lang).unwrap_or_default(),
                Entry::Sign(_, words) => words.get(figure.lang),
            };
            let width = m.swatch + m.swatch_gap + self.widths.width(label, font) + m.key_entry_gap;
            if x + width > right && x > left {
                x = left;
                y += row;
            }
            let middle = y + row / 2.0;
            let corners = [
                (x.round() as i32, (middle - m.swatch_half_height).round() as i32),
                ((x + m.swatch).round() as i32, (middle + m.swatch_half_height).round() as i32),
            ];
            match (entry, figure.kind) {
                (Entry::Series(color, _), _) => {
                    self.shapes.push(Shape::Rect { corners, fill: Some(self.p.series(color)), stroke: None });
                }
                (Entry::Reliability(reliability), ViewKind::Bars) => self.bar_shape(corners, self.p.muted, reliability),
                (Entry::Reliability(reliability), ViewKind::Timeline) => {
                    self.marker((x + m.swatch_middle, middle), self.p.muted, reliability);
                }
                (Entry::Sign(sign, _), _) => {
                    self.text(sign.to_owned(), (x + m.swatch_middle, middle), font, self.p.ink, Anchor::Center);
                }
            }
            self.text(label.to_owned(), (x + m.key_label_offset, middle), font, self.p.muted, Anchor::Left);
            x += width;
        }
        y + row
    }
}

/// What the key of `figure` says, in order.
fn key_entries(figure: &Figure) -> Vec<Entry<'_>> {
    let mut entries: Vec<Entry> = Vec::new();
    if figure.kind == ViewKind::Bars && rows_are_panels(figure) {
        entries.extend(figure.legend.iter().filter(|l| l.visible).map(|l| Entry::Series(l.color, &l.label)));
    }
    if !figure.reliabilities.iter().all(|r| matches!(r, Reliability::Plain | Reliability::Official)) {
        let shown = figure.reliabilities.iter().filter(|r| **r != Reliability::Plain);
        entries.extend(shown.map(|r| Entry::Reliability(*r)));
    }
    let drawn = || figure.items().filter(|i| i.on_axis());
    if drawn().any(|i| i.weak) {
        entries.push(Entry::Sign(WEAK_SIGN, Ui::WeakSource));
    }
    // A bar's value says its own "more than"; a marker's sign needs the key.
    if figure.kind == ViewKind::Timeline && drawn().any(|i| i.lower_bound) {
        entries.push(Entry::Sign(MORE_THAN.trim_end(), Ui::LowerBound));
    }
    entries
}
