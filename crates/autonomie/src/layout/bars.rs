//! Bar charts: one row per bar, labels, values, gridlines and ticks; the bar shapes of
//! each reliability (plain, press-reported, secondary, aggregate).

use crate::chart::figure::{Figure, Item, ItemIndex, Reliability, Rgb, WEAK_SIGN};
use crate::layout::axes::{axis_title, tick_text};
use crate::layout::painter::Painter;
use crate::layout::plan::{Anchor, Hit, Shape, NARROW_CSS_WIDTH};
use crate::layout::scale::ValueScale;
use crate::layout::text::ellipsize;
use crate::layout::theme::{contrast, mix};

/// Where the bars of a figure go, across: the same for every row.
struct Columns {
    /// The left and right edges of the drawing's inner area.
    left: f64,
    right: f64,
    /// On a narrow chart each label goes on its own line above its bar, so the bars
    /// keep most of the width.
    compact: bool,
    /// The room of the labels left of the bars (none when compact).
    label_width: f64,
    /// Where a bar starts, and the end of the longest one.
    x0: f64,
    x1: f64,
    scale: ValueScale,
    /// Device pixels added to every row, to reach a requested height.
    extra_per_row: f64,
}

impl Columns {
    /// Where `value` ends along the bars.
    fn x_of(&self, value: f64) -> f64 {
        self.x0 + (self.x1 - self.x0) * self.scale.fraction(value).clamp(0.0, 1.0)
    }
}

/// An item's value as drawn: with the weak mark when it rests on weak sources.
pub(crate) fn value_label(item: &Item) -> String {
    if item.weak {
        format!("{} {WEAK_SIGN}", item.value_text)
    } else {
        item.value_text.clone()
    }
}

/// The most of a narrow chart's width that names beside their bars may take.
const NARROW_LABEL_SHARE: f64 = 0.36;
/// The most of a wide chart's width that labels beside their bars may take.
const WIDE_LABEL_SHARE: f64 = 0.4;

/// Whether each panel of `figure` holds one bar under a heading (a country, a system):
/// the panels are then rows, named by their headings, and the key says the series.
pub(crate) fn rows_are_panels(figure: &Figure) -> bool {
    figure.panels.len() > 1 && figure.panels.iter().all(|p| p.bars.len() == 1 && !p.heading.is_empty())
}

/// Where a bar goes, down: its row and the bar inside it.
struct Row {
    /// The row's top (including a label above the bar on a narrow chart).
    top: f64,
    /// The row's bottom.
    bottom: f64,
    bar_top: f64,
    bar_bottom: f64,
}

impl Row {
    fn middle(&self) -> f64 {
        (self.bar_top + self.bar_bottom) / 2.0
    }
}

impl Painter<'_> {
    /// Lays out the bars of `figure` between `left` and `right` from `top`; returns the
    /// `y` below their axis title.
    pub(crate) fn bars(&mut self, figure: &Figure, (left, right): (f64, f64), top: f64) -> f64 {
        let rows = rows_are_panels(figure);
        let columns = self.columns(figure, (left, right), rows);
        let mut y = top;
        let grid_index = self.shapes.len();
        let mut item_index = 0;
        for panel in &figure.panels {
            if !rows && !panel.heading.is_empty() {
                let at = (left, y + self.m.heading_middle);
                self.text_on_paper(panel.heading.clone(), at, self.m.fonts.heading, self.p.ink, Anchor::Left);
                y += self.m.heading_row;
            }
            for bar in &panel.bars {
                // A panel of one bar is a row named by the panel (a country, a system),
                // its series said by its colour and the key; a bar named like its panel
                // is not named twice.
                let label = if rows {
                    Some(panel.heading.as_str())
                } else {
                    Some(bar.label.as_str()).filter(|label| *label != panel.heading)
                };
                y = self.bar_row(bar, label, &columns, ItemIndex::new(item_index), y);
                item_index += 1;
            }
            if !rows {
                y += self.m.panel_gap;
            }
        }
        let (x0, x1) = (columns.x0, columns.x1);
        self.plot = [(x0.round() as i32, top.round() as i32), (x1.round() as i32, y.round() as i32)];
        let grid = self.bar_grid(figure, &columns, (top, y));
        // Gridlines go under the bars.
        self.shapes.splice(grid_index..grid_index, grid);
        let axis = axis_title(figure);
        let (m, muted) = (self.m, self.p.muted);
        self.paragraph(&axis, (x0, right), y + m.axis_title_drop, m.fonts.axis, muted, m.axis_leading)
    }

    /// The columns of `figure`'s bars between `left` and `right`.
    fn columns(&self, figure: &Figure, (left, right): (f64, f64), rows: bool) -> Columns {
        let m = self.m;
        let bars: Vec<&Item> = figure.panels.iter().flat_map(|p| &p.bars).collect();
        let extra_per_row = self.stretch.max(0.0) / bars.len().max(1) as f64;
        let labels: Vec<&str> = if rows {
            figure.panels.iter().map(|p| p.heading.as_str()).collect()
        } else {
            bars.iter().map(|b| b.label.as_str()).collect()
        };
        let widest_label = labels.iter().map(|l| self.widths.width(l, m.fonts.label)).fold(0.0, f64::max);
        // Rows named by their panels keep their names beside their bars, one line each,
        // when the names fit there whole (countries, even on a phone); longer names (a
        // system and its site) go above their bars rather than be cut. Other labels go
        // above their bars on a narrow chart only.
        let narrow = (right - left) / m.ratio < NARROW_CSS_WIDTH;
        let share = if narrow { NARROW_LABEL_SHARE } else { WIDE_LABEL_SHARE };
        let fits_beside = widest_label + m.label_room <= (right - left) * share;
        let compact = if rows { !fits_beside } else { narrow };
        let label_width =
            if compact { 0.0 } else { (widest_label + m.label_room).min((right - left) * WIDE_LABEL_SHARE) };
        let widest_value = bars.iter().map(|b| self.widths.width(&value_label(b), m.fonts.value)).fold(0.0, f64::max);
        // A narrow chart gives the bars the whole width: a value that does not fit after
        // its bar goes inside its end, on the paper's colour.
        let value_room =
            if narrow { m.compact_value_room } else { (widest_value + m.value_room).min((right - left) * 0.4) };
        let x0 = left + label_width;
        let x1 = (right - value_room).max(x0 + m.min_bars_width);
        let scale = ValueScale::fit(figure.scale, bars.iter().filter(|b| b.on_axis()).map(|b| b.value));
        Columns { left, right, compact, label_width, x0, x1, scale, extra_per_row }
    }

    /// Lays out one bar's row from `y`: its label, bar, value and parts; returns the `y`
    /// below it.
    fn bar_row(&mut self, bar: &Item, label: Option<&str>, columns: &Columns, item: ItemIndex, y: f64) -> f64 {
        let (m, ink) = (self.m, self.p.ink);
        let Columns { left, right, compact, x0, .. } = *columns;
        let mut y = y;
        let named = label.is_some();
        if let (true, Some(label)) = (compact, label) {
            let label = ellipsize(label, right - left, m.fonts.label, self.widths);
            self.text_on_paper(label, (left, y + m.compact_label_middle), m.fonts.label, ink, Anchor::Left);
            y += m.compact_label_row;
        }
        let row = if compact { m.compact_bar_row } else { m.bar_row } + columns.extra_per_row;
        let thickness = (row - m.bar_spacing).min(if compact { m.max_compact_bar } else { m.max_bar });
        // A narrow chart keeps each bar under its label and puts the room it was given
        // below the bar; a wide one centres the bar in its row.
        let bar_top = if compact { y + m.compact_bar_offset } else { y + (row - thickness) / 2.0 };
        let geometry = Row {
            top: if compact && named { y - m.compact_label_row } else { y },
            bottom: y + row,
            bar_top,
            bar_bottom: bar_top + thickness,
        };
        if let (false, Some(label)) = (compact, label) {
            let label = ellipsize(label, columns.label_width - m.label_margin, m.fonts.label, self.widths);
            self.text(label, (x0 - m.label_gap, geometry.middle()), m.fonts.label, ink, Anchor::Right);
        }
        if bar.on_axis() {
            self.bar_on_axis(bar, columns, &geometry, item);
        } else {
            self.bar_off_axis(bar, columns, &geometry, item);
        }
        y += row;
        if let Some(parts) = &bar.parts {
            let text = format!("= {parts}");
            let muted = self.p.muted;
            y = self.paragraph_on_paper(&text, (x0, right), y - m.parts_raise, m.fonts.small, muted, m.small_leading);
            y += m.parts_gap;
        }
        y
    }

    /// A bar on the axis, and its value after its end or inside it.
    fn bar_on_axis(&mut self, bar: &Item, columns: &Columns, row: &Row, item: ItemIndex) {
        let (m, ink, paper) = (self.m, self.p.ink, self.p.paper);
        let Columns { left, right, x0, .. } = *columns;
        let target = [(left.round() as i32, row.top.round() as i32), (right.round() as i32, row.bottom.round() as i32)];
        let end = columns.x_of(bar.value).max(x0 + m.min_bar);
        let corners =
            [(x0.round() as i32, row.bar_top.round() as i32), (end.round() as i32, row.bar_bottom.round() as i32)];
        self.bar_shape(corners, self.p.series(bar.color), bar.reliability);
        self.hits.push(Hit { item, rect: corners, target });
        let text = value_label(bar);
        let value_width = self.widths.width(&text, m.fonts.value);
        let inside = end + m.value_gap + value_width > right && end - m.value_gap - value_width > x0;
        let plain = matches!(bar.reliability, Reliability::Plain | Reliability::Official);
        let middle = row.middle();
        if !inside {
            let at = (end + m.value_gap, middle);
            self.text_on_paper(text, at, m.fonts.value, ink, Anchor::Left);
        } else if plain {
            // On a solid bar: the ink or the paper, whichever reads better on it.
            let fill = self.p.series(bar.color);
            let color = if contrast(ink, fill) >= contrast(paper, fill) { ink } else { paper };
            self.text(text, (end - m.value_gap, middle), m.fonts.value, color, Anchor::Right);
        } else {
            // On hatching or a light fill: on a patch of paper.
            let at = (end - m.value_gap, middle);
            self.text_on_paper(text, at, m.fonts.value, ink, Anchor::Right);
        }
    }

    /// An amount in another currency, with no rate to convert it: no bar on this axis,
    /// only the figure as published, said so.
    fn bar_off_axis(&mut self, bar: &Item, columns: &Columns, row: &Row, item: ItemIndex) {
        let m = self.m;
        let Columns { left, right, x0, .. } = *columns;
        let target = [(left.round() as i32, row.top.round() as i32), (right.round() as i32, row.bottom.round() as i32)];
        let text = ellipsize(&value_label(bar), (right - x0 - m.value_gap).max(0.0), m.fonts.value, self.widths);
        let width = self.widths.width(&text, m.fonts.value);
        let corners = [
            (x0.round() as i32, row.bar_top.round() as i32),
            ((x0 + m.value_gap + width).round() as i32, row.bar_bottom.round() as i32),
        ];
        self.hits.push(Hit { item, rect: corners, target });
        self.text_on_paper(text, (x0 + m.value_gap, row.middle()), m.fonts.value, self.p.muted, Anchor::Left);
    }

    /// The gridlines of the bars from `grid_top` to `grid_bottom` (returned, to go under
    /// the bars), and their tick labels under them.
    fn bar_grid(&mut self, figure: &Figure, columns: &Columns, (grid_top, grid_bottom): (f64, f64)) -> Vec<Shape> {
        let m = self.m;
        let Columns { left, right, x0, x1, .. } = *columns;
        let scale = &columns.scale;
        let max_ticks = self.tick_budget(figure, scale, x1 - x0, m.fonts.small);
        let mut grid = Vec::new();
        let mut last_label_end = f64::NEG_INFINITY;
        for tick in scale.ticks(max_ticks) {
            let x = columns.x_of(tick);
            grid.push(Shape::Line {
                points: vec![
                    (x.round() as i32, grid_top.round() as i32),
                    (x.round() as i32, grid_bottom.round() as i32),
                ],
                color: if tick == scale.min { self.p.axis } else { self.p.grid },
                width: m.hairline,
            });
            let text = tick_text(figure, tick);
            let half = self.widths.width(&text, m.fonts.small) / 2.0;
            let centre = x.clamp(left + half, (right - half).max(left + half));
            // Kept inside the canvas, the last label may move onto the one before it:
            // then its gridline stays and its label goes.
            if centre - half < last_label_end + m.tick_label_gap {
                continue;
            }
            last_label_end = centre + half;
            let at = (centre, grid_bottom + m.tick_label_drop);
            self.text(text, at, m.fonts.small, self.p.muted, Anchor::Center);
        }
        grid
    }

    /// A bar's rectangle, filled and outlined by its reliability.
    pub(crate) fn bar_shape(&mut self, corners: [(i32, i32); 2], base: Rgb, reliability: Reliability) {
        let thin = self.m.thin_stroke;
        match reliability {
            Reliability::Plain | Reliability::Official => {
                self.shapes.push(Shape::Rect { corners, fill: Some(base), stroke: None })
            }
            Reliability::PressReported => self.shapes.push(Shape::Rect {
                corners,
                fill: Some(mix(base, self.p.paper, 0.6)),
                stroke: Some((base, thin)),
            }),
            Reliability::Secondary | Reliability::PressReportedSecondary => {
                let fill = if reliability == Reliability::Secondary {
                    mix(base, self.p.paper, 0.35)
                } else {
                    mix(base, self.p.paper, 0.7)
                };
                self.shapes.push(Shape::Rect { corners, fill: Some(fill), stroke: None });
                self.hatch(corners, base);
                self.shapes.push(Shape::Rect { corners, fill: None, stroke: Some((base, thin)) });
            }
            Reliability::Aggregate => self.shapes.push(Shape::Rect {
                corners,
                fill: Some(mix(base, self.p.paper, 0.85)),
                stroke: Some((base, self.m.thick_stroke)),
            }),
        }
    }

    /// Diagonal hatching clipped to a rectangle.
    fn hatch(&mut self, [(x0, y0), (x1, y1)]: [(i32, i32); 2], color: Rgb) {
        let (x0, y0, x1, y1) = (f64::from(x0), f64::from(y0), f64::from(x1), f64::from(y1));
        let step = self.m.hatch_step;
        let mut c = x0 + y0 + step;
        while c < x1 + y1 {
            let lo = x0.max(c - y1);
            let hi = x1.min(c - y0);
            if lo < hi {
                self.line(&[(lo, c - lo), (hi, c - hi)], color, self.m.hairline_width);
            }
            c += step;
        }
    }
}
