//! Timelines: one stepped line per series on a value scale against time, markers for
//! each point, year ticks and end labels pushed apart.

use crate::chart::figure::{Figure, Item, Mark, Rgb};
use crate::layout::axes::{axis_title, tick_text};
use crate::layout::painter::Painter;
use crate::layout::plan::{Anchor, Hit, Shape};
use crate::layout::scale::{TimeScale, ValueScale};
use crate::layout::text::{ellipsize, Font};

impl Painter<'_> {
    pub(crate) fn timeline(&mut self, figure: &Figure, (left, right): (f64, f64), top: f64) -> f64 {
        let r = self.r;
        let tick_font = Font::regular(11.5 * r);
        let end_font = Font::bold(12.0 * r);
        let value_font = Font::regular(11.5 * r);
        let axis = axis_title(figure);
        let mut y = self.paragraph(&axis, (left, right), top, Font::regular(12.0 * r), self.p.muted, 16.0) + 8.0 * r;
        // Amounts without a rate to the axis's currency are listed under the chart instead.
        let points: Vec<&Item> = figure.lines.iter().flat_map(|l| &l.points).filter(|p| p.on_axis()).collect();
        let scale = ValueScale::fit(figure.scale, points.iter().map(|p| p.value));
        let time = TimeScale::fit(points.iter().map(|p| p.date.as_year_fraction()));
        let plot_height = (((right - left) * 0.45).clamp(200.0 * r, 320.0 * r) + self.stretch).max(120.0 * r);
        let max_ticks = ((plot_height / (40.0 * r)).floor() as usize).max(2);
        let ticks = scale.ticks(max_ticks);
        let tick_texts: Vec<String> = ticks.iter().map(|&t| tick_text(figure, t)).collect();
        let axis_width = tick_texts.iter().map(|t| self.measure.width(t, tick_font)).fold(0.0, f64::max) + 8.0 * r;
        let end_width = figure
            .lines
            .iter()
            .filter_map(|l| l.points.iter().rfind(|p| p.on_axis()).map(|p| (l, p)))
            .map(|(l, p)| self.measure.width(&l.label, end_font).max(self.measure.width(&p.value_text, value_font)))
            .fold(0.0, f64::max)
            + 14.0 * r;
        let x0 = left + axis_width;
        let x1 = (right - end_width.min((right - left) * 0.4)).max(x0 + 40.0 * r);
        let (y0, y1) = (y, y + plot_height);
        self.plot = [(x0.round() as i32, y0.round() as i32), (x1.round() as i32, y1.round() as i32)];
        let x_of = |year: f64| x0 + (x1 - x0) * time.fraction(year);
        let y_of = |value: f64| y1 - (y1 - y0) * scale.fraction(value).clamp(0.0, 1.0);
        for (tick, text) in ticks.iter().zip(tick_texts) {
            let ty = y_of(*tick);
            self.line(&[(x0, ty), (x1, ty)], if *tick == scale.min { self.p.axis } else { self.p.grid }, r.max(1.0));
            self.text(text, (x0 - 6.0 * r, ty), tick_font, self.p.muted, Anchor::Right);
        }
        // Each year is labelled in the middle of its span; when the spans are narrower
        // than a label, only every second (third…) year is.
        let year_span = x_of(1.0) - x_of(0.0);
        let label_width = self.measure.width("2026", tick_font) + 6.0 * r;
        let every = (label_width / year_span.max(1.0)).ceil().max(1.0) as i32;
        for year in time.year_ticks() {
            let x = x_of(f64::from(year));
            self.line(&[(x, y0), (x, y1 + 4.0 * r)], self.p.grid, r.max(1.0));
            if f64::from(year) < time.end && i32::from(year) % every == 0 {
                self.text(
                    year.to_string(),
                    (x_of(f64::from(year) + 0.5), y1 + 12.0 * r),
                    tick_font,
                    self.p.muted,
                    Anchor::Center,
                );
            }
        }
        let mut item_index = 0;
        let mut end_labels: Vec<(f64, &str, String, Rgb)> = Vec::new();
        for line in &figure.lines {
            let mut path: Vec<(f64, f64)> = Vec::new();
            for point in line.points.iter().filter(|p| p.on_axis()) {
                let (x, y) = (x_of(point.date.as_year_fraction()), y_of(point.value));
                if let Some(&(_, previous_y)) = path.last() {
                    path.push((x, previous_y));
                }
                path.push((x, y));
            }
            let line_color = self.p.series(line.color);
            self.line(&path, line_color, 2.0 * r);
            for point in &line.points {
                if point.on_axis() {
                    let center = (x_of(point.date.as_year_fraction()), y_of(point.value));
                    let rect = self.marker(center, line_color, point.mark);
                    self.hits.push(Hit { item: item_index, rect, target: rect });
                }
                item_index += 1;
            }
            if let Some(last) = line.points.iter().rfind(|p| p.on_axis()) {
                end_labels.push((
                    y_of(last.value),
                    &line.label,
                    last.value_text.clone(),
                    self.p.series_text(line.color),
                ));
            }
        }
        // End labels: label and value on two lines, pushed apart so they never overlap.
        end_labels.sort_by(|a, b| a.0.total_cmp(&b.0));
        let spacing = 30.0 * r;
        let mut previous = f64::NEG_INFINITY;
        // A label longer than the room left of the canvas edge is shortened with "…".
        let room = (right - x1 - 10.0 * r).max(0.0);
        for (label_y, label, value, color) in end_labels {
            let y = label_y.max(previous + spacing);
            previous = y;
            let label = ellipsize(label, room, end_font, self.measure);
            let value = ellipsize(&value, room, value_font, self.measure);
            self.text(label, (x1 + 10.0 * r, y - 7.0 * r), end_font, color, Anchor::Left);
            self.text(value, (x1 + 10.0 * r, y + 8.0 * r), value_font, self.p.ink, Anchor::Left);
        }
        y = y1 + 24.0 * r;
        y.max(previous + 20.0 * r)
    }

    /// A timeline marker: circle for a funding round, diamond for a secondary sale,
    /// filled when official, hollow when press-reported. Returns its bounding box.
    pub(crate) fn marker(&mut self, (x, y): (f64, f64), base: Rgb, mark: Mark) -> [(i32, i32); 2] {
        let radius = 5.0 * self.r;
        let fill = if mark.is_press_reported() { self.p.paper } else { base };
        let stroke = Some((base, self.stroke(2.0)));
        if mark.is_secondary() {
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
