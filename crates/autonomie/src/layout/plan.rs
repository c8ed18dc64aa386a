//! The plan of a drawing: [`plan`] lays a [`Figure`] out into [`Shape`]s in device
//! pixels, with its height and the rectangle of every item ([`Plan::item_at`] answers
//! "which item is under this pixel"). Pure: no backend; [`crate::draw::render`] draws a
//! plan. The marks themselves are laid out by the sibling modules (`bars`, `timeline`,
//! `key`, `footer`) through a `Painter`.

use crate::chart::figure::{Figure, ItemIndex, Rgb};
use crate::data::model::{Dataset, ViewKind};
use crate::layout::footer::short_source_line;
use crate::layout::metrics::{Metrics, PixelRatio};
use crate::layout::painter::Painter;
use crate::layout::text::{Font, TextWidths};
use crate::layout::theme::Theme;
use crate::units::i18n::Ui;

/// Where to draw and how: size in device pixels, pixel ratio, colours.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutRequest {
    /// Width in device pixels.
    pub width: u32,
    /// Device pixels per CSS pixel; scales fonts, strokes and margins.
    pub ratio: PixelRatio,
    /// Height to aim at, in device pixels (a timeline's plot stretches or shrinks,
    /// bars only grow); `None` for the natural height.
    pub height: Option<u32>,
    /// Colour scheme.
    pub theme: Theme,
    /// What goes under the plot.
    pub footer: Footer,
}

/// What a drawing carries under its plot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Footer {
    /// On screen: the key and a short source line; the page shows the notes, the rates
    /// and the full source list in HTML under the canvas, once.
    Short,
    /// In an export (PNG, SVG, print, the no-JavaScript picture), which travels alone:
    /// also the notes, the exchange rates and every source with its title and date.
    #[default]
    Full,
}

/// Horizontal and vertical alignment of a text relative to its anchor point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Left edge, vertical middle.
    Left,
    /// Right edge, vertical middle.
    Right,
    /// Horizontal middle, vertical middle.
    Center,
}

/// A drawing instruction in device pixels.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A rectangle, filled and/or outlined.
    Rect {
        /// Top-left and bottom-right corners.
        corners: [(i32, i32); 2],
        /// Fill colour.
        fill: Option<Rgb>,
        /// Outline colour and width.
        stroke: Option<(Rgb, u32)>,
    },
    /// An open polyline.
    Line {
        /// Vertices.
        points: Vec<(i32, i32)>,
        /// Colour.
        color: Rgb,
        /// Width in device pixels.
        width: u32,
    },
    /// A closed polygon, filled and/or outlined.
    Polygon {
        /// Vertices.
        points: Vec<(i32, i32)>,
        /// Fill colour.
        fill: Option<Rgb>,
        /// Outline colour and width.
        stroke: Option<(Rgb, u32)>,
    },
    /// A circle, filled and/or outlined.
    Circle {
        /// Centre.
        center: (i32, i32),
        /// Radius.
        radius: u32,
        /// Fill colour.
        fill: Option<Rgb>,
        /// Outline colour and width.
        stroke: Option<(Rgb, u32)>,
    },
    /// One line of text.
    Text {
        /// The text.
        text: String,
        /// Anchor point.
        at: (i32, i32),
        /// Font.
        font: Font,
        /// Colour.
        color: Rgb,
        /// How the text sits on its anchor.
        anchor: Anchor,
    },
}

/// Where an item was drawn, for pointing at it later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Which item, in [`Figure::items`] order.
    pub item: ItemIndex,
    /// The mark itself (bar or marker), top-left and bottom-right, in device pixels.
    pub rect: [(i32, i32); 2],
    /// The area that points at it: a bar's whole row, a marker's box.
    pub target: [(i32, i32); 2],
}

impl Plan {
    /// The item under the device pixel (`x`, `y`): the one whose target contains it,
    /// else the nearest within `tolerance` device pixels.
    pub fn item_at(&self, x: f64, y: f64, tolerance: f64) -> Option<ItemIndex> {
        let distance = |[(x0, y0), (x1, y1)]: [(i32, i32); 2]| {
            let dx = (f64::from(x0) - x).max(x - f64::from(x1)).max(0.0);
            let dy = (f64::from(y0) - y).max(y - f64::from(y1)).max(0.0);
            dx.hypot(dy)
        };
        self.hits
            .iter()
            .map(|hit| (distance(hit.target), hit.item))
            .filter(|(d, _)| *d <= tolerance)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, item)| item)
    }

    /// Where item `item` is drawn.
    pub fn hit(&self, item: ItemIndex) -> Option<&Hit> {
        self.hits.iter().find(|h| h.item == item)
    }
}

/// A laid-out figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Width in device pixels.
    pub width: u32,
    /// Height the figure needs, in device pixels.
    pub height: u32,
    /// What to draw, in order.
    pub shapes: Vec<Shape>,
    /// Where each item is.
    pub hits: Vec<Hit>,
    /// The plot area: where the bars or lines may be drawn, gridlines included, without
    /// the titles, the axis labels and the footer (top-left and bottom-right corners).
    pub plot: [(i32, i32); 2],
}

/// Lays out `figure` on `canvas`.
pub fn plan(figure: &Figure, dataset: &Dataset, canvas: &LayoutRequest, widths: &dyn TextWidths) -> Plan {
    let natural = plan_with_stretch(figure, dataset, canvas, widths, 0.0);
    if figure.is_empty() {
        return natural;
    }
    let bars = figure.kind == ViewKind::Bars;
    // On a narrow chart the bars take at least 60 % of the height: the titles, axis and
    // footer above and below them must not leave the data a strip.
    let mut extra = if bars && is_narrow(canvas) { extra_for_plot_share(&natural, MIN_PLOT_SHARE) } else { 0.0 };
    if let Some(height) = canvas.height {
        let wanted = f64::from(height) - f64::from(natural.height);
        // Bars only grow; a timeline's plot also shrinks.
        extra = if bars { extra.max(wanted) } else { wanted };
    }
    if extra.abs() < 1.0 {
        return natural;
    }
    plan_with_stretch(figure, dataset, canvas, widths, extra)
}

/// The share of a narrow bar chart's height that its plot takes, at least (aimed a little
/// above 60 %, so that rounding each row to whole pixels never leaves it below).
const MIN_PLOT_SHARE: f64 = 0.62;

/// Below this width in CSS pixels a chart is narrow (a phone, a narrow column): labels
/// go above their bars and the plot takes the room.
pub(crate) const NARROW_CSS_WIDTH: f64 = 480.0;

/// Below this width in CSS pixels a whole chart (its canvas's width) has the narrow
/// layout: [`NARROW_CSS_WIDTH`] for its plot and the margins around it. The page's
/// embed pictures' width bands have an edge there too (`session::contract::BANDS`).
pub const NARROW_LAYOUT_BELOW: f64 = NARROW_CSS_WIDTH + 24.0;

fn is_narrow(canvas: &LayoutRequest) -> bool {
    f64::from(canvas.width) / canvas.ratio.get() < NARROW_LAYOUT_BELOW
}

/// The device pixels to add to `plan`'s plot (and so to its height) for the plot to take
/// `share` of the height: (p + e) / (h + e) = share.
fn extra_for_plot_share(plan: &Plan, share: f64) -> f64 {
    let [(_, top), (_, bottom)] = plan.plot;
    let (plot, height) = (f64::from(bottom - top), f64::from(plan.height));
    ((share * height - plot) / (1.0 - share)).max(0.0).ceil()
}

fn plan_with_stretch(
    figure: &Figure,
    dataset: &Dataset,
    canvas: &LayoutRequest,
    widths: &dyn TextWidths,
    stretch: f64,
) -> Plan {
    let width = canvas.width;
    let palette = canvas.theme.palette();
    let m = Metrics::new(canvas.ratio);
    let mut painter =
        Painter { shapes: Vec::new(), hits: Vec::new(), plot: [(0, 0), (0, 0)], m, widths, stretch, p: palette };
    let width_px = f64::from(width.max(1));
    painter.shapes.push(Shape::Rect {
        corners: [(0, 0), (width as i32, i32::MAX / 4)],
        fill: Some(palette.paper),
        stroke: None,
    });
    let inner = (m.pad, (width_px - m.pad).max(m.pad + 1.0));
    let mut y = m.pad;
    y = painter.paragraph(&figure.title, inner, y, m.fonts.title, palette.ink, m.title_leading);
    let subtitle_top = y + m.subtitle_gap;
    y = painter.paragraph(&figure.subtitle, inner, subtitle_top, m.fonts.subtitle, palette.muted, m.subtitle_leading);
    y += m.plot_gap;
    y = if figure.is_empty() {
        let message = Ui::NothingShown.get(figure.lang);
        let top = y + m.message_gap;
        painter.paragraph(message, inner, top, m.fonts.subtitle, palette.muted, m.message_leading) + m.message_gap
    } else {
        match figure.kind {
            ViewKind::Bars => painter.bars(figure, inner, y),
            ViewKind::Timeline => painter.timeline(figure, inner, y),
        }
    };
    y = painter.mark_key(figure, inner, y + m.key_gap);
    y = match canvas.footer {
        Footer::Short => {
            // The dates line is in the page, under the canvas.
            let line = short_source_line(figure, dataset);
            painter.paragraph(&line, inner, y + m.footer_gap, m.fonts.small, palette.muted, m.small_leading)
        }
        Footer::Full => painter.full_footer(figure, dataset, inner, y),
    };
    let height = (y + m.pad).ceil() as u32;
    if let Some(Shape::Rect { corners, .. }) = painter.shapes.first_mut() {
        corners[1].1 = height as i32;
    }
    Plan { width, height, shapes: painter.shapes, hits: painter.hits, plot: painter.plot }
}
