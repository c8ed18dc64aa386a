//! Timelines: one stepped line per series on a value scale against time, markers for
//! each point, year ticks and end labels pushed apart.

use crate::chart::figure::{Figure, Item, ItemIndex, Reliability, Rgb, WEAK_SIGN};
use crate::layout::axes::{axis_title, tick_text};
use crate::layout::bars::value_label;
use crate::layout::painter::Painter;
use crate::layout::plan::{Anchor, Hit, Shape};
use crate::layout::scale::{TimeScale, ValueScale};
use crate::layout::text::ellipsize;
use crate::units::format::MORE_THAN;

/// A timeline's plot: where it is, and its two scales.
struct PlotBox {
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
    time: TimeScale,
    scale: ValueScale,
}

impl PlotBox {
    /// Where the time `year` (a year with its fraction) is, across.
    fn x_of(&self, year: f64) -> f64 {
        self.x0 + (self.x1 - self.x0) * self.time.fraction(year)
    }

    /// Where `value` is, down.
    fn y_of(&self, value: f64) -> f64 {
        self.y1 - (self.y1 - self.y0) * self.scale.fraction(value).clamp(0.0, 1.0)
    }
}

/// A line's end label: where its last point is, the series' name, the value, the colour.
type EndLabel<'a> = (f64, &'a str, String, Rgb);

impl Painter<'_> {
    /// Lays out the lines of `figure` between `left` and `right` from `top`; returns the
    /// `y` below them.
    pub(crate) fn timeline(&mut self, figure: &Figure, (left, right): (f64, f64), top: f64) -> f64 {
        let m = self.m;
        let axis = axis_title(figure);
        let y =
            self.paragraph(&axis, (left, right), top, m.fonts.axis, self.p.muted, m.axis_leading) + m.axis_title_gap;
        // Amounts without a rate to the axis's currency are listed under the chart instead.
        let points: Vec<&Item> = figure.lines.iter().flat_map(|l| &l.points).filter(|p| p.on_axis()).collect();
        let scale = ValueScale::fit(figure.scale, points.iter().map(|p| p.value));
        let time = TimeScale::fit(points.iter().map(|p| p.date.as_year_fraction()));
        let plot_height = (((right - left) * 0.45).clamp(m.min_plot_height, m.max_plot_height) + self.stretch)
            .max(m.min_shrunk_plot_height);
        let max_ticks = ((plot_height / m.value_tick_spacing).floor() as usize).max(2);
        let ticks = scale.ticks(max_ticks);
        let tick_texts: Vec<String> = ticks.iter().map(|&t| tick_text(figure, t)).collect();
        let axis_width =
            tick_texts.iter().map(|t| self.widths.width(t, m.fonts.small)).fold(0.0, f64::max) + m.tick_room;
        let end_width = figure
            .lines
            .iter()
            .filter_map(|l| l.points.last().map(|p| (l, p)))
            .map(|(l, p)| {
                self.widths.width(&l.label, m.fonts.end).max(self.widths.width(&value_label(p), m.fonts.small))
            })
            .fold(0.0, f64::max)
            + m.end_room;
        let x0 = left + axis_width;
        let x1 = (right - end_width.min((right - left) * 0.4)).max(x0 + m.min_plot_width);
        let area = PlotBox { x0, x1, y0: y, y1: y + plot_height, time, scale };
        self.plot = [(x0.round() as i32, area.y0.round() as i32), (x1.round() as i32, area.y1.round() as i32)];
        self.value_ticks(&area, &ticks, tick_texts);
        self.year_ticks(&area);
        let end_labels = self.lines_and_markers(figure, &area);
        let previous = self.end_labels(end_labels, &area, right);
        (area.y1 + m.below_plot).max(previous + m.below_end_labels)
    }

    /// The value gridlines and their labels, left of the plot.
    fn value_ticks(&mut self, area: &PlotBox, ticks: &[f64], texts: Vec<String>) {
        let m = self.m;
        for (tick, text) in ticks.iter().zip(texts) {
            let ty = area.y_of(*tick);
            let color = if *tick == area.scale.min { self.p.axis } else { self.p.grid };
            self.line(&[(area.x0, ty), (area.x1, ty)], color, m.hairline_width);
            self.text(text, (area.x0 - m.value_label_gap, ty), m.fonts.small, self.p.muted, Anchor::Right);
        }
    }

    /// The year gridlines, each year labelled in the middle of its span; when the spans
    /// are narrower than a label, only every second (third…) year is.
    fn year_ticks(&mut self, area: &PlotBox) {
        let m = self.m;
        let year_span = area.x_of(1.0) - area.x_of(0.0);
        let label_width = self.widths.width("2026", m.fonts.small) + m.year_label_gap;
        let every = (label_width / year_span.max(1.0)).ceil().max(1.0) as i32;
        for year in area.time.year_ticks() {
            let x = area.x_of(f64::from(year));
            self.line(&[(x, area.y0), (x, area.y1 + m.year_tick)], self.p.grid, m.hairline_width);
            if f64::from(year) < area.time.end && i32::from(year) % every == 0 {
                let at = (area.x_of(f64::from(year) + 0.5), area.y1 + m.year_label_drop);
                self.text(year.to_string(), at, m.fonts.small, self.p.muted, Anchor::Center);
            }
        }
    }

    /// Each series as a stepped line with a marker per point; returns their end labels.
    fn lines_and_markers<'f>(&mut self, figure: &'f Figure, area: &PlotBox) -> Vec<EndLabel<'f>> {
        let mut item_index = 0;
        let mut end_labels: Vec<EndLabel<'f>> = Vec::new();
        for line in &figure.lines {
            let mut path: Vec<(f64, f64)> = Vec::new();
            for point in line.points.iter().filter(|p| p.on_axis()) {
                let (x, y) = (area.x_of(point.date.as_year_fraction()), area.y_of(point.value));
                if let Some(&(_, previous_y)) = path.last() {
                    path.push((x, previous_y));
                }
                path.push((x, y));
            }
            let line_color = self.p.series(line.color);
            self.line(&path, line_color, self.m.series_line);
            for point in &line.points {
                if point.on_axis() {
                    let center = (area.x_of(point.date.as_year_fraction()), area.y_of(point.value));
                    let rect = self.marker(center, line_color, point.reliability);
                    self.marker_signs(center, point);
                    self.hits.push(Hit { item: ItemIndex::new(item_index), rect, target: rect });
                }
                item_index += 1;
            }
            // The label says the line's newest figure, even one without a place on the axis
            // (an amount without a rate: "965 Md$ (non converti)"), beside the line's end.
            let end = line.points.iter().rfind(|p| p.on_axis());
            if let (Some(end), Some(newest)) = (end, line.points.last()) {
                let color = self.p.series_text(line.color);
                end_labels.push((area.y_of(end.value), &line.label, value_label(newest), color));
            }
        }
        end_labels
    }

    /// End labels: label and value on two lines, pushed apart so they never overlap.
    /// Returns where the last one is anchored.
    fn end_labels(&mut self, mut end_labels: Vec<EndLabel<'_>>, area: &PlotBox, right: f64) -> f64 {
        let m = self.m;
        end_labels.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut previous = f64::NEG_INFINITY;
        // A label longer than the room left of the canvas edge is shortened with "…".
        let room = (right - area.x1 - m.end_gap).max(0.0);
        for (label_y, label, value, color) in end_labels {
            let y = label_y.max(previous + m.end_spacing);
            previous = y;
            let label = ellipsize(label, room, m.fonts.end, self.widths);
            let value = ellipsize(&value, room, m.fonts.small, self.widths);
            self.text(label, (area.x1 + m.end_gap, y - m.end_name_rise), m.fonts.end, color, Anchor::Left);
            self.text(value, (area.x1 + m.end_gap, y + m.end_value_drop), m.fonts.small, self.p.ink, Anchor::Left);
        }
        previous
    }

    /// The signs beside a marker at `(x, y)`: `?` above and right of a figure that rests
    /// on weak sources, `>` left of a lower bound. Both explained in the key.
    fn marker_signs(&mut self, (x, y): (f64, f64), point: &Item) {
        let (font, reach) = (self.m.fonts.small, self.m.marker_radius * 1.4);
        if point.weak {
            let at = (x + reach, y - reach - font.size / 2.0);
            self.text_on_paper(WEAK_SIGN.to_owned(), at, font, self.p.ink, Anchor::Left);
        }
        if point.lower_bound {
            let at = (x - reach - self.m.value_gap / 2.0, y);
            self.text_on_paper(MORE_THAN.trim_end().to_owned(), at, font, self.p.ink, Anchor::Right);
        }
    }

    /// A timeline marker: circle for a funding round, diamond for a secondary sale,
    /// filled when official, hollow when press-reported. Returns its bounding box.
    pub(crate) fn marker(&mut self, (x, y): (f64, f64), base: Rgb, reliability: Reliability) -> [(i32, i32); 2] {
        let radius = self.m.marker_radius;
        let fill = if reliability.is_press_reported() { self.p.paper } else { base };
        let stroke = Some((base, self.m.thick_stroke));
        if reliability.is_secondary() {
            let d = radius * 1.35;
            let points = [(x, y - d), (x + d, y), (x, y + d), (x - d, y)]
                .iter()
                .map(|&(px, py)| (px.round() as i32, py.round() as i32))
                .collect();
            self.shapes.push(Shape::Polygon { points, fill: Some(fill), stroke });
        } else {
            self.shapes.push(Shape::Circle {
                center: (x.round() as i32, y.round() as i32),
                radius: radius.round() as u32,
                fill: Some(fill),
                stroke,
            });
        }
        let reach = (radius * 1.4).ceil() as i32;
        let (cx, cy) = (x.round() as i32, y.round() as i32);
        [(cx - reach, cy - reach), (cx + reach, cy + reach)]
    }
}
