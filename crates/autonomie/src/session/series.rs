//! [`SeriesChart`]: a long numeric series drawn as a line (the benchmark's `?n=N`
//! chart, [`crate::layout::series`]): the values stay in memory between drawings, and a
//! drawing costs the canvas width, not the number of values. Behind the `series`
//! feature: not in the shipped wasm.

use crate::data::model::Scale;
use crate::draw::canvas::Context2d;
use crate::draw::text_widths::{ContextTextWidths, WidthCache};
use crate::error::Error;
use crate::layout::series::{plan, Series};
use crate::session::Frame;

/// A series, drawn on demand.
#[derive(Debug)]
pub struct SeriesChart {
    series: Series,
    /// Four points per pixel column (M4) instead of every point.
    pub decimate: bool,
    widths: WidthCache,
}

impl SeriesChart {
    /// A chart of `values`; every one must be finite and not negative (else the
    /// message names the first that is not).
    pub fn new(values: Vec<f64>) -> Result<SeriesChart, String> {
        let series = Series::new(values).map_err(|e| e.to_string())?;
        Ok(SeriesChart { series, decimate: true, widths: WidthCache::default() })
    }

    /// Draws the series for `frame` (its height is the plot's), on a log y axis when
    /// `log`, sizing the target's backing store to match; the message says why not.
    pub fn draw(&self, target: &impl Context2d, frame: &Frame, log: bool) -> Result<(), String> {
        let scale = if log { Scale::Log } else { Scale::Linear };
        let widths = ContextTextWidths::new(target, &self.widths);
        let plan =
            plan(&self.series, scale, &frame.layout(frame.ratio), &widths, self.decimate).map_err(|e| e.to_string())?;
        target.set_size(plan.width, plan.height);
        // Round joins and caps: the stroke is then every point within half the line's
        // width of the polyline, which decimation leaves unchanged (miter joins would
        // add spikes at each turn of the whole series).
        target.set_round_lines();
        crate::draw::canvas::draw(target, &plan).map_err(|e: Error| e.to_string())
    }
}
