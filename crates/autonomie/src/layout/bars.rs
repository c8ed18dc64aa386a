//! Bar charts: one row per bar, labels, values, gridlines and ticks; the bar shapes of
//! each mark (plain, press-reported, secondary, aggregate).

use crate::chart::figure::{Figure, Item, Mark, Rgb};
use crate::layout::axes::{axis_title, tick_text};
use crate::layout::painter::Painter;
use crate::layout::plan::{Anchor, Hit, Shape, NARROW_CSS_WIDTH};
use crate::layout::scale::ValueScale;
use crate::layout::text::{ellipsize, Font};
use crate::layout::theme::{contrast, mix};

impl Painter<'_> {
    pub(crate) fn bars(&mut self, figure: &Figure, (left, right): (f64, f64), top: f64) -> f64 {
        let r = self.r;
        let label_font = Font::regular(13.0 * r);
        let value_font = Font::regular(12.5 * r);
        let heading_font = Font::bold(12.5 * r);
        let tick_font = Font::regular(11.5 * r);
        let bars: Vec<&Item> = figure.panels.iter().flat_map(|p| &p.bars).collect();
        let extra_per_row = self.stretch.max(0.0) / bars.len().max(1) as f64;
        // On a narrow chart each label goes on its own line above its bar, so the bars
        // keep most of the width.
        let compact = (right - left) / r < NARROW_CSS_WIDTH;
        let widest_label = bars.iter().map(|b| self.measure.width(&b.label, label_font)).fold(0.0, f64::max);
        let label_width = if compact { 0.0 } else { (widest_label + 12.0 * r).min((right - left) * 0.4) };
        let widest_value = bars.iter().map(|b| self.measure.width(&b.value_text, value_font)).fold(0.0, f64::max);
        // A narrow chart gives the bars the whole width: a value that does not fit after
        // its bar goes inside its end, on the paper's colour.
        let value_room = if compact { 2.0 * r } else { (widest_value + 10.0 * r).min((right - left) * 0.4) };
        let x0 = left + label_width;
        let x1 = (right - value_room).max(x0 + 20.0 * r);
        let scale = ValueScale::fit(figure.scale, bars.iter().filter(|b| b.on_axis()).map(|b| b.value));
        let x_of = |value: f64| x0 + (x1 - x0) * scale.fraction(value).clamp(0.0, 1.0);
        let grid_top = top;
        let mut y = top;
        let grid_index = self.shapes.len();
        let mut item_index = 0;
        for panel in &figure.panels {
            if !panel.heading.is_empty() {
                self.text_on_paper(panel.heading.clone(), (left, y + 11.0 * r), heading_font, self.p.ink, Anchor::Left);
                y += 22.0 * r;
            }
            for bar in &panel.bars {
                // A bar named like its panel (one country, one region) is not named twice.
                let named = bar.label != panel.heading;
                if compact && named {
                    let label = ellipsize(&bar.label, right - left, label_font, self.measure);
                    self.text_on_paper(label, (left, y + 9.0 * r), label_font, self.p.ink, Anchor::Left);
                    y += 16.0 * r;
                }
                let row = if compact { 24.0 * r } else { 28.0 * r } + extra_per_row;
                let thickness = (row - 10.0 * r).min(if compact { 44.0 } else { 34.0 } * r);
                // A narrow chart keeps each bar under its label and puts the room it
                // was given below the bar; a wide one centres the bar in its row.
                let bar_top = if compact { y + 4.0 * r } else { y + (row - thickness) / 2.0 };
                let bar_bottom = bar_top + thickness;
                let middle = (bar_top + bar_bottom) / 2.0;
                if !compact && named {
                    let label = ellipsize(&bar.label, label_width - 10.0 * r, label_font, self.measure);
                    self.text(label, (x0 - 8.0 * r, middle), label_font, self.p.ink, Anchor::Right);
                }
                let row_top = if compact && named { y - 16.0 * r } else { y };
                let target =
                    [(left.round() as i32, row_top.round() as i32), (right.round() as i32, (y + row).round() as i32)];
                if bar.on_axis() {
                    let end = x_of(bar.value).max(x0 + 2.0 * r);
                    let corners =
                        [(x0.round() as i32, bar_top.round() as i32), (end.round() as i32, bar_bottom.round() as i32)];
                    self.bar_shape(corners, self.p.series(bar.color), bar.mark);
                    self.hits.push(Hit { item: item_index, rect: corners, target });
                    let value_width = self.measure.width(&bar.value_text, value_font);
                    let inside = end + 6.0 * r + value_width > right && end - 6.0 * r - value_width > x0;
                    let plain = matches!(bar.mark, Mark::Plain | Mark::Official);
                    if !inside {
                        let at = (end + 6.0 * r, middle);
                        self.text_on_paper(bar.value_text.clone(), at, value_font, self.p.ink, Anchor::Left);
                    } else if plain {
                        // On a solid bar: the ink or the paper, whichever reads better on it.
                        let fill = self.p.series(bar.color);
                        let color = if contrast(self.p.ink, fill) >= contrast(self.p.paper, fill) {
                            self.p.ink
                        } else {
                            self.p.paper
                        };
                        self.text(bar.value_text.clone(), (end - 6.0 * r, middle), value_font, color, Anchor::Right);
                    } else {
                        // On hatching or a light fill: on a patch of paper.
                        let at = (end - 6.0 * r, middle);
                        self.text_on_paper(bar.value_text.clone(), at, value_font, self.p.ink, Anchor::Right);
                    }
                } else {
                    // An amount in another currency, with no rate to convert it: no bar
                    // on this axis, only the figure as published, said so.
                    let text = ellipsize(&bar.value_text, (right - x0 - 6.0 * r).max(0.0), value_font, self.measure);
                    let width = self.measure.width(&text, value_font);
                    let corners = [
                        (x0.round() as i32, bar_top.round() as i32),
                        ((x0 + 6.0 * r + width).round() as i32, bar_bottom.round() as i32),
                    ];
                    self.hits.push(Hit { item: item_index, rect: corners, target });
                    self.text_on_paper(text, (x0 + 6.0 * r, middle), value_font, self.p.muted, Anchor::Left);
                }
                item_index += 1;
                y += row;
                if let Some(parts) = &bar.parts {
                    y = self.paragraph_on_paper(
                        &format!("= {parts}"),
                        (x0, right),
                        y - 2.0 * r,
                        Font::regular(11.5 * r),
                        self.p.muted,
                        15.0,
                    );
                    y += 4.0 * r;
                }
            }
            y += 6.0 * r;
        }
        let grid_bottom = y;
        self.plot = [(x0.round() as i32, grid_top.round() as i32), (x1.round() as i32, grid_bottom.round() as i32)];
        let max_ticks = self.tick_budget(figure, &scale, x1 - x0, tick_font);
        let mut grid = Vec::new();
        let mut last_label_end = f64::NEG_INFINITY;
        for tick in scale.ticks(max_ticks) {
            let x = x_of(tick);
            grid.push(Shape::Line {
                points: vec![
                    (x.round() as i32, grid_top.round() as i32),
                    (x.round() as i32, grid_bottom.round() as i32),
                ],
                color: if tick == scale.min { self.p.axis } else { self.p.grid },
                width: self.stroke(1.0),
            });
            let text = tick_text(figure, tick);
            let half = self.measure.width(&text, tick_font) / 2.0;
            let centre = x.clamp(left + half, (right - half).max(left + half));
            // Kept inside the canvas, the last label may move onto the one before it:
            // then its gridline stays and its label goes.
            if centre - half < last_label_end + 6.0 * r {
                continue;
            }
            last_label_end = centre + half;
            self.text(text, (centre, grid_bottom + 10.0 * r), tick_font, self.p.muted, Anchor::Center);
        }
        // Gridlines go under the bars.
        self.shapes.splice(grid_index..grid_index, grid);
        let axis = axis_title(figure);
        self.paragraph(&axis, (x0, right), grid_bottom + 22.0 * r, Font::regular(12.0 * r), self.p.muted, 16.0)
    }

    pub(crate) fn bar_shape(&mut self, corners: [(i32, i32); 2], base: Rgb, mark: Mark) {
        let thin = self.stroke(1.5);
        match mark {
            Mark::Plain | Mark::Official => self.shapes.push(Shape::Rect { corners, fill: Some(base), stroke: None }),
            Mark::PressReported => self.shapes.push(Shape::Rect {
                corners,
                fill: Some(mix(base, self.p.paper, 0.6)),
                stroke: Some((base, thin)),
            }),
            Mark::Secondary | Mark::PressReportedSecondary => {
                let fill =
                    if mark == Mark::Secondary { mix(base, self.p.paper, 0.35) } else { mix(base, self.p.paper, 0.7) };
                self.shapes.push(Shape::Rect { corners, fill: Some(fill), stroke: None });
                self.hatch(corners, base);
                self.shapes.push(Shape::Rect { corners, fill: None, stroke: Some((base, thin)) });
            }
            Mark::Aggregate => self.shapes.push(Shape::Rect {
                corners,
                fill: Some(mix(base, self.p.paper, 0.85)),
                stroke: Some((base, self.stroke(2.0))),
            }),
        }
    }

    /// Diagonal hatching clipped to a rectangle.
    pub(crate) fn hatch(&mut self, [(x0, y0), (x1, y1)]: [(i32, i32); 2], color: Rgb) {
        let (x0, y0, x1, y1) = (f64::from(x0), f64::from(y0), f64::from(x1), f64::from(y1));
        let step = 6.0 * self.r;
        let mut c = x0 + y0 + step;
        while c < x1 + y1 {
            let lo = x0.max(c - y1);
            let hi = x1.min(c - y0);
            if lo < hi {
                self.line(&[(lo, c - lo), (hi, c - hi)], color, self.r.max(1.0));
            }
            c += step;
        }
    }
}
