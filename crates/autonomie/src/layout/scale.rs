//! Value and time scales: domain to a 0..1 fraction of the plot, and tick positions.
//!
//! Pure arithmetic; pixels come in only in the layout of the marks that use them
//! (bars, timelines, [`crate::layout::series`]). Log ticks are chosen
//! here, not by plotters, so that they are always round numbers that do not collide.

use crate::data::model::Scale;

/// A value scale fitted to the values it shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValueScale {
    /// Linear or log.
    pub kind: Scale,
    /// Lowest value of the domain (0 for linear, a power of ten for log).
    pub min: f64,
    /// Highest value of the domain.
    pub max: f64,
}

impl ValueScale {
    /// Fits a scale to `values` (all finite and greater than 0, as the model checks).
    pub fn fit(kind: Scale, values: impl IntoIterator<Item = f64>) -> ValueScale {
        let (low, high) = values
            .into_iter()
            .filter(|v| v.is_finite() && *v > 0.0)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
        if !low.is_finite() {
            return ValueScale { kind, min: if kind == Scale::Log { 1.0 } else { 0.0 }, max: 10.0 };
        }
        match kind {
            Scale::Linear => {
                let step = nice_step(high / 5.0);
                ValueScale { kind, min: 0.0, max: (high / step).ceil() * step }
            }
            Scale::Log => {
                // Strictly below the smallest value, so that no bar starting at the axis
                // has zero length (a value of exactly 1 gets an axis from 0.1).
                let mut min = 10f64.powf(low.log10().floor());
                if min >= low {
                    min /= 10.0;
                }
                let mut max = 10f64.powf(high.log10().ceil());
                if max <= min {
                    max = min * 10.0;
                }
                ValueScale { kind, min, max }
            }
        }
    }

    /// Where `value` sits, from 0 (domain minimum) to 1 (maximum); values outside the
    /// domain fall outside 0..1, and a non-positive value on a log scale maps to 0.
    pub fn fraction(&self, value: f64) -> f64 {
        match self.kind {
            Scale::Linear => (value - self.min) / (self.max - self.min),
            Scale::Log if value <= 0.0 => 0.0,
            Scale::Log => (value.log10() - self.min.log10()) / (self.max.log10() - self.min.log10()),
        }
    }

    /// Round tick values, at most about `max_ticks` of them.
    pub fn ticks(&self, max_ticks: usize) -> Vec<f64> {
        let max_ticks = max_ticks.max(2);
        match self.kind {
            Scale::Linear => {
                let mut step = nice_step(self.max / 5.0);
                while self.max / step > max_ticks as f64 {
                    step = nice_step(step * 1.5);
                }
                let count = (self.max / step + 1e-9).floor() as usize;
                (0..=count).map(|i| clean(i as f64 * step)).collect()
            }
            Scale::Log => {
                let low = self.min.log10().round() as i32;
                let high = self.max.log10().round() as i32;
                let decades = (high - low).max(1) as usize;
                let every = decades.div_ceil(max_ticks).max(1);
                let mut ticks: Vec<f64> = (low..=high).step_by(every).map(|e| clean(10f64.powi(e))).collect();
                if decades <= 2 && max_ticks > 3 * decades {
                    ticks = (low..high)
                        .flat_map(|e| [1.0, 2.0, 5.0].map(|m| clean(m * 10f64.powi(e))))
                        .chain([clean(10f64.powi(high))])
                        .collect();
                }
                ticks
            }
        }
    }
}

/// A time axis in fractional years, from the January before the first date to the
/// January after the last.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeScale {
    /// First year shown.
    pub start: f64,
    /// Year the axis ends at.
    pub end: f64,
}

impl TimeScale {
    /// Fits whole years around `years`.
    pub fn fit(years: impl IntoIterator<Item = f64>) -> TimeScale {
        let (low, high) =
            years.into_iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), y| (lo.min(y), hi.max(y)));
        if !low.is_finite() {
            return TimeScale { start: 2023.0, end: 2026.0 };
        }
        let start = low.floor();
        let end = (high.floor() + 1.0).max(start + 1.0);
        TimeScale { start, end }
    }

    /// Where `year` sits from 0 to 1.
    pub fn fraction(&self, year: f64) -> f64 {
        (year - self.start) / (self.end - self.start)
    }

    /// The 1 January ticks.
    pub fn year_ticks(&self) -> Vec<u16> {
        (self.start as u16..=self.end as u16).collect()
    }
}

/// 1, 2 or 5 times a power of ten, at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    let mantissa = raw / power;
    let nice = if mantissa <= 1.0 {
        1.0
    } else if mantissa <= 2.0 {
        2.0
    } else if mantissa <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// Removes float noise such as 0.30000000000000004.
fn clean(value: f64) -> f64 {
    (value * 1e9).round() / 1e9
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_scale_starts_at_zero_and_ends_on_a_round_tick() {
        let scale = ValueScale::fit(Scale::Linear, [40.0, 15.0, 3.0]);
        assert_eq!((scale.min, scale.max), (0.0, 40.0));
        assert_eq!(scale.ticks(6), vec![0.0, 10.0, 20.0, 30.0, 40.0]);
        assert!((scale.fraction(15.0) - 0.375).abs() < 1e-12);
        let scale = ValueScale::fit(Scale::Linear, [500.0, 183.0, 11.7]);
        assert_eq!(scale.max, 500.0);
        assert_eq!(scale.ticks(4), vec![0.0, 200.0, 400.0]);
    }

    #[test]
    fn log_scale_spans_whole_decades_with_readable_ticks() {
        let scale = ValueScale::fit(Scale::Log, [0.5, 1.3, 11.7, 183.0, 500.0]);
        assert_eq!((scale.min, scale.max), (0.1, 1000.0));
        assert_eq!(scale.ticks(8), vec![0.1, 1.0, 10.0, 100.0, 1000.0]);
        assert_eq!(scale.ticks(2), vec![0.1, 10.0, 1000.0]);
        assert!((scale.fraction(10.0) - 0.5).abs() < 1e-12);
        assert_eq!(scale.fraction(0.0), 0.0);
        let narrow = ValueScale::fit(Scale::Log, [3.0, 40.0]);
        assert_eq!(narrow.ticks(10), vec![1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0]);
        let single = ValueScale::fit(Scale::Log, [10.0]);
        assert_eq!((single.min, single.max), (1.0, 10.0));
        let from_one = ValueScale::fit(Scale::Log, [1.0, 2.198]);
        assert_eq!((from_one.min, from_one.max), (0.1, 10.0));
    }

    #[test]
    fn time_scale_covers_whole_years() {
        let scale = TimeScale::fit([2023.2, 2025.9]);
        assert_eq!((scale.start, scale.end), (2023.0, 2026.0));
        assert_eq!(scale.year_ticks(), vec![2023, 2024, 2025, 2026]);
        assert!((scale.fraction(2024.5) - 0.5).abs() < 1e-12);
    }
}
