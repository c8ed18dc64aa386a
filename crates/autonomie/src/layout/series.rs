//! A long numeric series drawn as a line: one value (finite, not negative) per step,
//! any number of steps.
//!
//! The sourced charts have a handful of marks; this chart is for series of thousands to
//! millions of points (the benchmark's random walk, a future time series). Its drawing
//! cost follows the plot's width, not the series' length: [`polyline`], decimating,
//! keeps, for each pixel column, the first, lowest, highest and last point (M4
//! decimation). Once coordinates are whole device pixels, a one-pixel line through
//! those points covers exactly the pixels of the whole polyline; a thicker line
//! differs only in the joins where the line turns back inside a column (tested in
//! `tests/it/series.rs`).

use crate::data::model::Scale;
use crate::layout::metrics::SeriesMetrics;
use crate::layout::plan::{Anchor, LayoutRequest, Plan, Shape};
use crate::layout::scale::ValueScale;
use crate::layout::text::TextWidths;

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

/// Values checked once (finite, not negative) with their extent, ready to be drawn
/// again and again.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    values: Vec<f64>,
    min: f64,
    max: f64,
}

impl Series {
    /// Checks `values`: each must be finite and not negative.
    pub fn new(values: Vec<f64>) -> Result<Series, SeriesError> {
        let (mut min, mut max) = (f64::INFINITY, f64::NEG_INFINITY);
        for (index, value) in values.iter().copied().enumerate() {
            if !value.is_finite() {
                return Err(SeriesError::NotFinite { index });
            }
            if value < 0.0 {
                return Err(SeriesError::Negative { index });
            }
            min = min.min(value);
            max = max.max(value);
        }
        Ok(Series { values, min, max })
    }

    /// The values.
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// Checks that every value can be placed on `scale`.
    pub fn check(&self, scale: Scale) -> Result<(), SeriesError> {
        if scale == Scale::Log && self.min <= 0.0 {
            let index = self.values.iter().position(|v| *v <= 0.0).unwrap_or(0);
            return Err(SeriesError::NotPositiveOnLog { index });
        }
        Ok(())
    }
}

/// The polyline of `values` in the box `left..=right` (device pixels), value `i` at
/// x = left + i × (right − left) / (n − 1) and y given by `y_of`, which must be monotonic
/// (a value scale is), with every vertex rounded to a whole pixel. With `decimate`, at
/// most four vertices per pixel column: the column's first, lowest, highest and last
/// value, which cover the same pixels as all of the column's points. The lowest and
/// highest are found on the raw values, so `y_of` runs four times per column, not once
/// per value.
pub fn polyline(
    values: &[f64],
    (left, right): (f64, f64),
    y_of: impl Fn(f64) -> f64,
    decimate: bool,
) -> Vec<(i32, i32)> {
    let step = if values.len() > 1 { (right - left) / (values.len() - 1) as f64 } else { 0.0 };
    let x_of = |i: usize| (left + i as f64 * step).round() as i32;
    let y_px = |v: f64| y_of(v).round() as i32;
    let columns = (right - left).abs() as usize + 1;
    if !decimate || values.len() <= 4 * columns {
        return values.iter().enumerate().map(|(i, v)| (x_of(i), y_px(*v))).collect();
    }
    let mut points = Vec::with_capacity(4 * (columns + 1));
    let mut column: Option<Column> = None;
    for (i, v) in values.iter().copied().enumerate() {
        let x = x_of(i);
        match &mut column {
            Some(c) if c.x == x => c.add(v),
            _ => {
                if let Some(done) = column.take() {
                    done.push_to(&mut points, &y_px);
                }
                column = Some(Column { x, first: v, low: v, high: v, last: v });
            }
        }
    }
    if let Some(done) = column {
        done.push_to(&mut points, &y_px);
    }
    points
}

/// The values of one pixel column that M4 keeps.
struct Column {
    x: i32,
    first: f64,
    low: f64,
    high: f64,
    last: f64,
}

impl Column {
    fn add(&mut self, value: f64) {
        self.low = self.low.min(value);
        self.high = self.high.max(value);
        self.last = value;
    }

    fn push_to(&self, points: &mut Vec<(i32, i32)>, y_px: &impl Fn(f64) -> i32) {
        for value in [self.first, self.low, self.high, self.last] {
            let point = (self.x, y_px(value));
            if points.last() != Some(&point) {
                points.push(point);
            }
        }
    }
}

/// The line's colour, adjusted to the theme's paper.
const LINE: (u8, u8, u8) = (37, 99, 235);

/// Lays out `series` as a line chart filling `canvas` (`canvas.height`, or 2/3 of the
/// width when unset): y axis with round ticks on `scale`, x axis numbering the points.
pub fn plan(
    series: &Series,
    scale: Scale,
    canvas: &LayoutRequest,
    widths: &dyn TextWidths,
    decimate: bool,
) -> Result<Plan, SeriesError> {
    series.check(scale)?;
    let values = series.values();
    let m = SeriesMetrics::new(canvas.ratio);
    let palette = canvas.theme.palette();
    let width = canvas.width.max(1);
    let height = canvas.height.unwrap_or(width * 2 / 3).max(1);
    let (w, h) = (f64::from(width), f64::from(height));
    let font = m.font;
    let y_scale = ValueScale::fit(scale, [series.min, series.max]);
    let y_ticks = y_scale.ticks(((h / m.tick_spacing) as usize).max(2));
    let labels: Vec<String> = y_ticks.iter().map(|t| tick_label(*t)).collect();
    let label_width = labels.iter().map(|l| widths.width(l, font)).fold(0.0, f64::max);
    let (left, right) = ((m.left_pad + label_width + m.label_gap).min(w / 2.0), (w - m.right_pad).max(1.0));
    let (top, bottom) = (m.top, (h - m.bottom_room).max(m.top + 1.0));
    let y_of = |v: f64| bottom - y_scale.fraction(v).clamp(-0.05, 1.05) * (bottom - top);

    let mut shapes =
        vec![Shape::Rect { corners: [(0, 0), (width as i32, height as i32)], fill: Some(palette.paper), stroke: None }];
    for (tick, label) in y_ticks.iter().zip(&labels) {
        let y = y_of(*tick).round() as i32;
        shapes.push(Shape::Line {
            points: vec![(left as i32, y), (right as i32, y)],
            color: palette.grid,
            width: m.hairline,
        });
        shapes.push(Shape::Text {
            text: label.clone(),
            at: ((left - m.label_gap) as i32, y),
            font,
            color: palette.muted,
            anchor: Anchor::Right,
        });
    }
    let axis_width = m.hairline;
    shapes.push(Shape::Line {
        points: vec![(left as i32, bottom as i32), (right as i32, bottom as i32)],
        color: palette.axis,
        width: axis_width,
    });
    let last = values.len().saturating_sub(1);
    for (fraction, anchor) in [(0.0, Anchor::Left), (0.5, Anchor::Center), (1.0, Anchor::Right)] {
        let index = (last as f64 * fraction).round() as usize;
        let x = (left + (right - left) * fraction) as i32;
        shapes.push(Shape::Text {
            text: tick_label(index as f64),
            at: (x, (bottom + m.index_label_drop) as i32),
            font,
            color: palette.muted,
            anchor,
        });
    }
    shapes.push(Shape::Line {
        points: polyline(values, (left, right), y_of, decimate),
        color: palette.series(LINE),
        width: m.line,
    });
    let plot = [(left.round() as i32, top.round() as i32), (right.round() as i32, bottom.round() as i32)];
    Ok(Plan { width, height, shapes, hits: Vec::new(), plot })
}

/// A tick value with thousands separators and at most two decimals.
fn tick_label(value: f64) -> String {
    crate::units::format::number(value, crate::units::format::Digits::Source, crate::units::i18n::Lang::En)
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
    fn values_that_cannot_be_drawn_are_refused_with_their_index() {
        assert_eq!(
            Series::new(vec![1.0, 0.0]).unwrap().check(Scale::Log),
            Err(SeriesError::NotPositiveOnLog { index: 1 })
        );
        assert_eq!(Series::new(vec![1.0, f64::NAN]), Err(SeriesError::NotFinite { index: 1 }));
        assert_eq!(Series::new(vec![1.0, -3.0]), Err(SeriesError::Negative { index: 1 }));
        assert_eq!(Series::new(vec![1.0, 0.0]).unwrap().check(Scale::Linear), Ok(()));
        assert_eq!(Series::new(vec![]).unwrap().check(Scale::Log), Ok(()));
    }
}
