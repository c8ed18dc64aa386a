//! A long numeric series drawn as a line: one value (finite, not negative) per step,
//! any number of steps.
//!
//! The sourced charts have a handful of marks; this chart is for series of thousands to
//! millions of points (the benchmark's random walk, a future time series). Its drawing
//! cost follows the plot's width, not the series' length: [`decimate`] keeps, for each
//! pixel column, the first, lowest, highest and last point (M4 decimation). Once
//! coordinates are whole device pixels, a one-pixel line through those points covers
//! exactly the pixels of the whole polyline; a thicker line differs only in the joins
//! where the line turns back inside a column (tested in `tests/it/series.rs`).

use crate::model::Scale;
use crate::render::{Anchor, Canvas, Plan, Shape};
use crate::scale::ValueScale;
use crate::text::{Font, MeasureText};

/// Why a series cannot be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeriesError {
    /// Value `index` is NaN or infinite.
    NotFinite { index: usize },
    /// Value `index` is negative: the linear axis starts at 0.
    Negative { index: usize },
    /// Value `index` is zero or negative, which a log scale cannot place.
    NotPositiveOnLog { index: usize },
}

impl std::fmt::Display for SeriesError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SeriesError::NotFinite { index } => write!(f, "values[{index}] is not a finite number"),
            SeriesError::Negative { index } => {
                write!(f, "values[{index}] is negative; this chart's linear axis starts at 0")
            }
            SeriesError::NotPositiveOnLog { index } => {
                write!(f, "values[{index}] is zero or negative; a log scale needs values greater than 0")
            }
        }
    }
}

impl std::error::Error for SeriesError {}

/// Checks that every value can be drawn on `scale`.
pub fn check(values: &[f64], scale: Scale) -> Result<(), SeriesError> {
    for (index, value) in values.iter().enumerate() {
        if !value.is_finite() {
            return Err(SeriesError::NotFinite { index });
        }
        if scale == Scale::Log && *value <= 0.0 {
            return Err(SeriesError::NotPositiveOnLog { index });
        }
        if *value < 0.0 {
            return Err(SeriesError::Negative { index });
        }
    }
    Ok(())
}

/// The polyline of `values` in the box `left..=right` × `top..=bottom` (device pixels),
/// value `i` at x = left + i × (right − left) / (n − 1) and y given by `y_of`, with every
/// vertex rounded to a whole pixel. With `decimate`, at most four vertices per pixel
/// column: the column's first, lowest, highest and last point, in that order, which
/// cover the same pixels as all of the column's points.
pub fn polyline(values: &[f64], (left, right): (f64, f64), y_of: impl Fn(f64) -> f64, decimate: bool) -> Vec<(i32, i32)> {
    let step = if values.len() > 1 { (right - left) / (values.len() - 1) as f64 } else { 0.0 };
    let x_of = |i: usize| (left + i as f64 * step).round() as i32;
    let y_px = |v: f64| y_of(v).round() as i32;
    if !decimate || values.len() <= 4 * ((right - left).abs() as usize + 1) {
        return values.iter().enumerate().map(|(i, v)| (x_of(i), y_px(*v))).collect();
    }
    let mut points = Vec::with_capacity(4 * ((right - left).abs() as usize + 2));
    let mut column: Option<Column> = None;
    for (i, v) in values.iter().enumerate() {
        let (x, y) = (x_of(i), y_px(*v));
        match &mut column {
            Some(c) if c.x == x => c.add(y),
            _ => {
                if let Some(done) = column.take() {
                    done.push_to(&mut points);
                }
                column = Some(Column { x, first: y, low: y, high: y, last: y });
            }
        }
    }
    if let Some(done) = column {
        done.push_to(&mut points);
    }
    points
}

/// The points of one pixel column, as M4 keeps them.
struct Column {
    x: i32,
    first: i32,
    low: i32,
    high: i32,
    last: i32,
}

impl Column {
    fn add(&mut self, y: i32) {
        self.low = self.low.min(y);
        self.high = self.high.max(y);
        self.last = y;
    }

    fn push_to(&self, points: &mut Vec<(i32, i32)>) {
        for y in [self.first, self.low, self.high, self.last] {
            if points.last() != Some(&(self.x, y)) {
                points.push((self.x, y));
            }
        }
    }
}

/// The line's colour, adjusted to the theme's paper.
const LINE: (u8, u8, u8) = (37, 99, 235);

/// Lays out `values` as a line chart filling `canvas` (`canvas.height`, or 2/3 of the
/// width when unset): y axis with round ticks on `scale`, x axis numbering the points.
pub fn plan(values: &[f64], scale: Scale, canvas: &Canvas, measure: &dyn MeasureText, decimate: bool) -> Result<Plan, SeriesError> {
    check(values, scale)?;
    let r = canvas.ratio.clamp(0.5, 8.0);
    let palette = canvas.theme.palette();
    let width = canvas.width.max(1);
    let height = canvas.height.unwrap_or(width * 2 / 3).max(1);
    let (w, h) = (f64::from(width), f64::from(height));
    let font = Font::regular(11.0 * r);
    let y_scale = ValueScale::fit(scale, values.iter().copied());
    let y_ticks = y_scale.ticks(((h / (40.0 * r)) as usize).max(2));
    let labels: Vec<String> = y_ticks.iter().map(|t| tick_label(*t)).collect();
    let label_width = labels.iter().map(|l| measure.width(l, font)).fold(0.0, f64::max);
    let (left, right) = ((8.0 * r + label_width + 6.0 * r).min(w / 2.0), (w - 12.0 * r).max(1.0));
    let (top, bottom) = (10.0 * r, (h - 24.0 * r).max(10.0 * r + 1.0));
    let y_of = |v: f64| bottom - y_scale.fraction(v).clamp(-0.05, 1.05) * (bottom - top);

    let mut shapes = vec![Shape::Rect { corners: [(0, 0), (width as i32, height as i32)], fill: Some(palette.paper), stroke: None }];
    for (tick, label) in y_ticks.iter().zip(&labels) {
        let y = y_of(*tick).round() as i32;
        shapes.push(Shape::Line { points: vec![(left as i32, y), (right as i32, y)], color: palette.grid, width: r.round().max(1.0) as u32 });
        shapes.push(Shape::Text { text: label.clone(), at: ((left - 6.0 * r) as i32, y), font, color: palette.muted, anchor: Anchor::Right });
    }
    let axis_width = r.round().max(1.0) as u32;
    shapes.push(Shape::Line { points: vec![(left as i32, bottom as i32), (right as i32, bottom as i32)], color: palette.axis, width: axis_width });
    let last = values.len().saturating_sub(1);
    for (fraction, anchor) in [(0.0, Anchor::Left), (0.5, Anchor::Center), (1.0, Anchor::Right)] {
        let index = (last as f64 * fraction).round() as usize;
        let x = (left + (right - left) * fraction) as i32;
        shapes.push(Shape::Text { text: tick_label(index as f64), at: (x, (bottom + 12.0 * r) as i32), font, color: palette.muted, anchor });
    }
    shapes.push(Shape::Line { points: polyline(values, (left, right), y_of, decimate), color: palette.series(LINE), width: (1.5 * r).round().max(1.0) as u32 });
    Ok(Plan { width, height, shapes, hits: Vec::new() })
}

/// A tick value with thousands separators and at most two decimals.
fn tick_label(value: f64) -> String {
    crate::format::number(value, crate::format::Digits::Source, crate::i18n::Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_series_keep_every_point() {
        let values = [1.0, 2.0, 3.0];
        let points = polyline(&values, (0.0, 100.0), |v| 100.0 - v, true);
        assert_eq!(points, vec![(0, 99), (50, 98), (100, 97)]);
    }

    #[test]
    fn a_long_series_keeps_four_points_per_column() {
        let values: Vec<f64> = (0..10_000).map(|i| f64::from(i % 7)).collect();
        let points = polyline(&values, (0.0, 99.0), |v| v, true);
        assert!(points.len() <= 4 * 100, "{} points", points.len());
        // Each column still spans the whole range 0..=6.
        for x in 1..99 {
            let ys: Vec<i32> = points.iter().filter(|p| p.0 == x).map(|p| p.1).collect();
            assert_eq!((ys.iter().min(), ys.iter().max()), (Some(&0), Some(&6)), "column {x}");
        }
    }

    #[test]
    fn log_scale_refuses_what_it_cannot_place() {
        assert_eq!(check(&[1.0, 0.0], Scale::Log), Err(SeriesError::NotPositiveOnLog { index: 1 }));
        assert_eq!(check(&[1.0, f64::NAN], Scale::Linear), Err(SeriesError::NotFinite { index: 1 }));
        assert_eq!(check(&[1.0, -3.0], Scale::Linear), Err(SeriesError::Negative { index: 1 }));
        assert_eq!(check(&[1.0, 0.0], Scale::Linear), Ok(()));
    }
}
