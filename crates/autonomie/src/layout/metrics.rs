//! The sizes of the layout. [`PixelRatio`]: the device pixel ratio, clamped here and
//! nowhere else. `Metrics` (crate-private): every size of the layout, named and scaled
//! to device pixels once from the ratio (after egui's `Spacing`); the layout code reads
//! `m.bar_row`, not `28.0 * r`, and a size in CSS pixels appears here and nowhere else.

use crate::layout::text::Font;

/// Device pixels per CSS pixel (a screen's `devicePixelRatio`), between
/// [`PixelRatio::MIN`] and [`PixelRatio::MAX`]: the one place where a ratio from a
/// browser (any number, `NaN` included) is made drawable.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct PixelRatio(f64);

impl PixelRatio {
    /// The lowest ratio a chart is drawn at.
    pub const MIN: f64 = 0.5;
    /// The highest ratio a chart is drawn at.
    pub const MAX: f64 = 8.0;

    /// `ratio` within [`PixelRatio::MIN`]..=[`PixelRatio::MAX`]; 1 for a ratio that is
    /// not a finite number above 0.
    pub fn new(ratio: f64) -> PixelRatio {
        PixelRatio(if ratio.is_finite() && ratio > 0.0 { ratio.clamp(Self::MIN, Self::MAX) } else { 1.0 })
    }

    /// The ratio, as a number.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl Default for PixelRatio {
    fn default() -> Self {
        PixelRatio(1.0)
    }
}

/// The sizes of a chart's layout, in device pixels: each is its size in CSS pixels times
/// the pixel ratio.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Metrics {
    /// Device pixels per CSS pixel, clamped.
    pub(crate) ratio: f64,

    /// The fonts.
    pub(crate) fonts: Fonts,

    // Line steps of wrapped text.
    /// The title's.
    pub(crate) title_leading: f64,
    /// The subtitle's.
    pub(crate) subtitle_leading: f64,
    /// The "nothing shown" message's.
    pub(crate) message_leading: f64,
    /// Axis titles'.
    pub(crate) axis_leading: f64,
    /// Small text's (footer, parts).
    pub(crate) small_leading: f64,

    // Strokes.
    /// Gridlines and ticks (1 CSS pixel, at least one device pixel), as a whole width.
    pub(crate) hairline: u32,
    /// Gridlines and hatching drawn as lines: the ratio, at least one device pixel.
    pub(crate) hairline_width: f64,
    /// The outline of a press-reported or secondary bar.
    pub(crate) thin_stroke: u32,
    /// The outline of an aggregate bar and of a marker.
    pub(crate) thick_stroke: u32,
    /// A timeline's line.
    pub(crate) series_line: f64,

    // The page.
    /// Around the whole drawing.
    pub(crate) pad: f64,
    /// Between the title and the subtitle.
    pub(crate) subtitle_gap: f64,
    /// Between the subtitle and the plot.
    pub(crate) plot_gap: f64,
    /// Above and below the "nothing shown" message.
    pub(crate) message_gap: f64,
    /// Between the plot and the key.
    pub(crate) key_gap: f64,
    /// Between the paragraphs of the footer.
    pub(crate) footer_gap: f64,
    /// The indent of each source in the full footer.
    pub(crate) source_indent: f64,
    /// Around a text on a patch of paper, left and right.
    pub(crate) paper_pad: f64,

    // Bars.
    /// Between the widest label and the bars.
    pub(crate) label_room: f64,
    /// Between the widest value and the right edge.
    pub(crate) value_room: f64,
    /// Right of the bars on a narrow chart.
    pub(crate) compact_value_room: f64,
    /// The narrowest the bars' span gets.
    pub(crate) min_bars_width: f64,
    /// From a panel's top to its heading's middle.
    pub(crate) heading_middle: f64,
    /// A panel heading's row.
    pub(crate) heading_row: f64,
    /// From a row's top to the middle of its label above the bar, on a narrow chart.
    pub(crate) compact_label_middle: f64,
    /// The row of a label above its bar, on a narrow chart.
    pub(crate) compact_label_row: f64,
    /// A bar's row.
    pub(crate) bar_row: f64,
    /// A bar's row on a narrow chart.
    pub(crate) compact_bar_row: f64,
    /// A row's height minus its bar's thickness, at least.
    pub(crate) bar_spacing: f64,
    /// The thickest bar.
    pub(crate) max_bar: f64,
    /// The thickest bar on a narrow chart.
    pub(crate) max_compact_bar: f64,
    /// From the row's top to the bar's, on a narrow chart.
    pub(crate) compact_bar_offset: f64,
    /// Taken off a label's room before it is shortened.
    pub(crate) label_margin: f64,
    /// Between a label and its bar.
    pub(crate) label_gap: f64,
    /// The shortest bar drawn.
    pub(crate) min_bar: f64,
    /// Between a bar's end and its value.
    pub(crate) value_gap: f64,
    /// How far the parts line rises into the bar's row.
    pub(crate) parts_raise: f64,
    /// Below the parts line.
    pub(crate) parts_gap: f64,
    /// Below each panel.
    pub(crate) panel_gap: f64,
    /// The least room between two tick labels.
    pub(crate) tick_label_gap: f64,
    /// From the plot's bottom to the middle of the tick labels.
    pub(crate) tick_label_drop: f64,
    /// From the plot's bottom to the axis title.
    pub(crate) axis_title_drop: f64,
    /// Room around each tick label when counting how many fit.
    pub(crate) tick_spacing: f64,
    /// Between the lines of a hatching.
    pub(crate) hatch_step: f64,

    // Timelines.
    /// Below the axis title.
    pub(crate) axis_title_gap: f64,
    /// The shortest plot, unless stretched.
    pub(crate) min_plot_height: f64,
    /// The tallest plot, unless stretched.
    pub(crate) max_plot_height: f64,
    /// The shortest plot, even shrunk.
    pub(crate) min_shrunk_plot_height: f64,
    /// The least height per value tick.
    pub(crate) value_tick_spacing: f64,
    /// Between the value tick labels and the plot.
    pub(crate) tick_room: f64,
    /// Room for the end labels beyond their widest text.
    pub(crate) end_room: f64,
    /// The narrowest plot.
    pub(crate) min_plot_width: f64,
    /// Between a value tick label and the plot.
    pub(crate) value_label_gap: f64,
    /// Room around a year label.
    pub(crate) year_label_gap: f64,
    /// How far a year tick goes below the plot.
    pub(crate) year_tick: f64,
    /// From the plot's bottom to the middle of the year labels.
    pub(crate) year_label_drop: f64,
    /// The least room between two end labels.
    pub(crate) end_spacing: f64,
    /// Between the plot and the end labels.
    pub(crate) end_gap: f64,
    /// From an end label's anchor up to the series' name.
    pub(crate) end_name_rise: f64,
    /// From an end label's anchor down to its value.
    pub(crate) end_value_drop: f64,
    /// Below the plot, for the year labels.
    pub(crate) below_plot: f64,
    /// Below the last end label.
    pub(crate) below_end_labels: f64,
    /// A marker's radius.
    pub(crate) marker_radius: f64,

    // The key to the marks.
    /// A row of the key.
    pub(crate) key_row: f64,
    /// A swatch's width.
    pub(crate) swatch: f64,
    /// Half a swatch's height.
    pub(crate) swatch_half_height: f64,
    /// The middle of a swatch, from its left.
    pub(crate) swatch_middle: f64,
    /// Between a swatch and its label.
    pub(crate) swatch_gap: f64,
    /// From a swatch's left to its label.
    pub(crate) key_label_offset: f64,
    /// After each entry.
    pub(crate) key_entry_gap: f64,
}

impl Metrics {
    /// The sizes at `ratio` device pixels per CSS pixel.
    pub(crate) fn new(ratio: PixelRatio) -> Metrics {
        let r = ratio.get();
        Metrics {
            ratio: r,
            fonts: Fonts::new(r),
            title_leading: 22.0 * r,
            subtitle_leading: 17.0 * r,
            message_leading: 18.0 * r,
            axis_leading: 16.0 * r,
            small_leading: 15.0 * r,
            hairline: (1.0 * r).round().max(1.0) as u32,
            hairline_width: r.max(1.0),
            thin_stroke: (1.5 * r).round().max(1.0) as u32,
            thick_stroke: (2.0 * r).round().max(1.0) as u32,
            series_line: 2.0 * r,
            pad: 12.0 * r,
            subtitle_gap: 2.0 * r,
            plot_gap: 10.0 * r,
            message_gap: 30.0 * r,
            key_gap: 6.0 * r,
            footer_gap: 4.0 * r,
            source_indent: 8.0 * r,
            paper_pad: 2.0 * r,
            label_room: 12.0 * r,
            value_room: 10.0 * r,
            compact_value_room: 2.0 * r,
            min_bars_width: 20.0 * r,
            heading_middle: 11.0 * r,
            heading_row: 22.0 * r,
            compact_label_middle: 9.0 * r,
            compact_label_row: 16.0 * r,
            bar_row: 28.0 * r,
            compact_bar_row: 24.0 * r,
            bar_spacing: 10.0 * r,
            max_bar: 34.0 * r,
            max_compact_bar: 44.0 * r,
            compact_bar_offset: 4.0 * r,
            label_margin: 10.0 * r,
            label_gap: 8.0 * r,
            min_bar: 2.0 * r,
            value_gap: 6.0 * r,
            parts_raise: 2.0 * r,
            parts_gap: 4.0 * r,
            panel_gap: 6.0 * r,
            tick_label_gap: 6.0 * r,
            tick_label_drop: 10.0 * r,
            axis_title_drop: 22.0 * r,
            tick_spacing: 14.0 * r,
            hatch_step: 6.0 * r,
            axis_title_gap: 8.0 * r,
            min_plot_height: 200.0 * r,
            max_plot_height: 320.0 * r,
            min_shrunk_plot_height: 120.0 * r,
            value_tick_spacing: 40.0 * r,
            tick_room: 8.0 * r,
            end_room: 14.0 * r,
            min_plot_width: 40.0 * r,
            value_label_gap: 6.0 * r,
            year_label_gap: 6.0 * r,
            year_tick: 4.0 * r,
            year_label_drop: 12.0 * r,
            end_spacing: 30.0 * r,
            end_gap: 10.0 * r,
            end_name_rise: 7.0 * r,
            end_value_drop: 8.0 * r,
            below_plot: 24.0 * r,
            below_end_labels: 20.0 * r,
            marker_radius: 5.0 * r,
            key_row: 18.0 * r,
            swatch: 14.0 * r,
            swatch_half_height: 5.0 * r,
            swatch_middle: 7.0 * r,
            swatch_gap: 6.0 * r,
            key_label_offset: 20.0 * r,
            key_entry_gap: 16.0 * r,
        }
    }
}

/// The fonts of a chart's layout, sized in device pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Fonts {
    /// The chart's title.
    pub(crate) title: Font,
    /// The view's title under it, and the message of a chart with nothing shown.
    pub(crate) subtitle: Font,
    /// Bar labels.
    pub(crate) label: Font,
    /// Bar values.
    pub(crate) value: Font,
    /// Panel headings.
    pub(crate) heading: Font,
    /// Axis titles.
    pub(crate) axis: Font,
    /// A timeline's end labels (the series' names).
    pub(crate) end: Font,
    /// Tick labels, timeline values, parts, the key and the footer.
    pub(crate) small: Font,
}

impl Fonts {
    /// The fonts at `r` device pixels per CSS pixel.
    fn new(r: f64) -> Fonts {
        Fonts {
            title: Font::bold(17.0 * r),
            subtitle: Font::regular(13.0 * r),
            label: Font::regular(13.0 * r),
            value: Font::regular(12.5 * r),
            heading: Font::bold(12.5 * r),
            axis: Font::regular(12.0 * r),
            end: Font::bold(12.0 * r),
            small: Font::regular(11.5 * r),
        }
    }
}

/// The sizes of a long series' line chart ([`crate::layout::series`]), in device pixels.
#[cfg(feature = "series")]
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct SeriesMetrics {
    /// Tick labels.
    pub(crate) font: Font,
    /// The least height per value tick.
    pub(crate) tick_spacing: f64,
    /// Left of the value tick labels.
    pub(crate) left_pad: f64,
    /// Between a value tick label and the plot.
    pub(crate) label_gap: f64,
    /// Right of the plot.
    pub(crate) right_pad: f64,
    /// Above the plot.
    pub(crate) top: f64,
    /// Below the plot, for the index labels.
    pub(crate) bottom_room: f64,
    /// From the plot's bottom to the middle of the index labels.
    pub(crate) index_label_drop: f64,
    /// Gridlines and the axis.
    pub(crate) hairline: u32,
    /// The series' line.
    pub(crate) line: u32,
}

#[cfg(feature = "series")]
impl SeriesMetrics {
    /// The sizes at `ratio`.
    pub(crate) fn new(ratio: PixelRatio) -> SeriesMetrics {
        let r = ratio.get();
        SeriesMetrics {
            font: Font::regular(11.0 * r),
            tick_spacing: 40.0 * r,
            left_pad: 8.0 * r,
            label_gap: 6.0 * r,
            right_pad: 12.0 * r,
            top: 10.0 * r,
            bottom_room: 24.0 * r,
            index_label_drop: 12.0 * r,
            hairline: r.round().max(1.0) as u32,
            line: (1.5 * r).round().max(1.0) as u32,
        }
    }
}
