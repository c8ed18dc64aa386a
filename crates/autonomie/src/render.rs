//! Lays out a [`Figure`] and draws it on any plotters backend.
//!
//! Two steps: [`plan`] turns a figure into a list of [`Shape`]s in device pixels, with
//! the total height and the rectangle of every item (pure, no backend); [`render`]
//! draws that list on any plotters `DrawingBackend`: the canvas in the browser (through
//! [`crate::canvas::BatchingBackend`]), the SVG export, the static SVGs, the native
//! snapshots and the recorded canvas calls of the native tests all go through it. This
//! is the only module that draws.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::error::Error;
use crate::figure::{Figure, Item, Mark, Rgb};
use crate::format::{self, Digits};
use crate::i18n::{Lang, Ui};
use crate::model::{Dataset, Measure, Scale, ViewKind};
use crate::scale::{TimeScale, ValueScale};
use crate::text::{ellipsize, wrap, Font, MeasureText};

/// Colour scheme of a drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Dark text on white.
    #[default]
    Light,
    /// Light text on a dark grey.
    Dark,
    /// White on black, for forced-colors (high contrast) modes.
    Contrast,
}

impl Theme {
    /// Parses `light`, `dark` or `contrast`.
    pub fn parse(name: &str) -> Option<Theme> {
        match name {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "contrast" => Some(Theme::Contrast),
            _ => None,
        }
    }

    /// The colour a series of base colour `color` is drawn in: moved towards the ink
    /// until it stands out from the paper by the theme's contrast (3:1, 4.5:1 in the
    /// high-contrast theme).
    pub fn series_color(self, color: Rgb) -> Rgb {
        self.palette().series(color)
    }

    /// The paper's colour.
    pub fn paper(self) -> Rgb {
        self.palette().paper
    }

    pub(crate) fn palette(self) -> Palette {
        match self {
            Theme::Light => Palette {
                ink: (26, 26, 26),
                muted: (84, 84, 84),
                grid: (226, 226, 226),
                axis: (150, 150, 150),
                paper: (255, 255, 255),
                min_contrast: 3.0,
            },
            Theme::Dark => Palette {
                ink: (235, 235, 235),
                muted: (178, 178, 178),
                grid: (58, 62, 68),
                axis: (120, 124, 130),
                paper: (21, 24, 28),
                min_contrast: 3.0,
            },
            Theme::Contrast => Palette {
                ink: (255, 255, 255),
                muted: (255, 255, 255),
                grid: (110, 110, 110),
                axis: (255, 255, 255),
                paper: (0, 0, 0),
                min_contrast: 4.5,
            },
        }
    }
}

/// The colours of one theme.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Palette {
    pub(crate) ink: Rgb,
    pub(crate) muted: Rgb,
    pub(crate) grid: Rgb,
    pub(crate) axis: Rgb,
    pub(crate) paper: Rgb,
    /// Contrast every series colour must reach against `paper`.
    min_contrast: f64,
}

impl Palette {
    /// `color`, moved towards the ink until it stands out from the paper as a mark.
    pub(crate) fn series(&self, color: Rgb) -> Rgb {
        Self::towards(color, self.ink, self.paper, self.min_contrast)
    }

    /// `color`, moved towards the ink until it is readable as text (WCAG AA, 4.5:1).
    fn series_text(&self, color: Rgb) -> Rgb {
        Self::towards(color, self.ink, self.paper, 4.5)
    }

    fn towards(color: Rgb, ink: Rgb, paper: Rgb, wanted: f64) -> Rgb {
        let mut adjusted = color;
        let mut step = 0.0;
        while contrast(adjusted, paper) < wanted && step < 1.0 {
            step += 0.05;
            adjusted = mix(color, ink, step);
        }
        adjusted
    }
}

/// WCAG relative luminance.
fn luminance((r, g, b): Rgb) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// WCAG contrast ratio, from 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Where to draw and how: size in device pixels, pixel ratio, colours.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Canvas {
    /// Width in device pixels.
    pub width: u32,
    /// Device pixels per CSS pixel; scales fonts, strokes and margins.
    pub ratio: f64,
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
    /// Index in [`Figure::items`] order.
    pub item: usize,
    /// The mark itself (bar or marker), top-left and bottom-right, in device pixels.
    pub rect: [(i32, i32); 2],
    /// The area that points at it: a bar's whole row, a marker's box.
    pub target: [(i32, i32); 2],
}

impl Plan {
    /// The item under the device pixel (`x`, `y`): the one whose target contains it,
    /// else the nearest within `tolerance` device pixels.
    pub fn item_at(&self, x: f64, y: f64, tolerance: f64) -> Option<usize> {
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
    pub fn hit(&self, item: usize) -> Option<&Hit> {
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
pub fn plan(figure: &Figure, dataset: &Dataset, canvas: &Canvas, measure: &dyn MeasureText) -> Plan {
    let natural = plan_with_stretch(figure, dataset, canvas, measure, 0.0);
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
    plan_with_stretch(figure, dataset, canvas, measure, extra)
}

/// The share of a narrow bar chart's height that its plot takes, at least (aimed a little
/// above 60 %, so that rounding each row to whole pixels never leaves it below).
const MIN_PLOT_SHARE: f64 = 0.62;

/// Below this width in CSS pixels a chart is narrow (a phone, a narrow column): labels
/// go above their bars and the plot takes the room.
const NARROW_CSS_WIDTH: f64 = 480.0;

fn is_narrow(canvas: &Canvas) -> bool {
    f64::from(canvas.width) / canvas.ratio.clamp(0.5, 8.0) < NARROW_CSS_WIDTH + 24.0
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
    canvas: &Canvas,
    measure: &dyn MeasureText,
    stretch: f64,
) -> Plan {
    let width = canvas.width;
    let palette = canvas.theme.palette();
    let mut painter = Painter {
        shapes: Vec::new(),
        hits: Vec::new(),
        plot: [(0, 0), (0, 0)],
        r: canvas.ratio.clamp(0.5, 8.0),
        measure,
        stretch,
        p: palette,
    };
    let width_px = f64::from(width.max(1));
    painter.shapes.push(Shape::Rect {
        corners: [(0, 0), (width as i32, i32::MAX / 4)],
        fill: Some(palette.paper),
        stroke: None,
    });
    let pad = 12.0 * painter.r;
    let inner = (pad, (width_px - pad).max(pad + 1.0));
    let mut y = pad;
    y = painter.paragraph(&figure.title, inner, y, Font::bold(17.0 * painter.r), palette.ink, 22.0);
    y = painter.paragraph(
        &figure.subtitle,
        inner,
        y + 2.0 * painter.r,
        Font::regular(13.0 * painter.r),
        palette.muted,
        17.0,
    );
    y += 10.0 * painter.r;
    y = if figure.is_empty() {
        let message = Ui::NothingShown.get(figure.lang);
        painter.paragraph(message, inner, y + 30.0 * painter.r, Font::regular(13.0 * painter.r), palette.muted, 18.0)
            + 30.0 * painter.r
    } else {
        match figure.kind {
            ViewKind::Bars => painter.bars(figure, inner, y),
            ViewKind::Timeline => painter.timeline(figure, inner, y),
        }
    };
    y = painter.mark_key(figure, inner, y + 6.0 * painter.r);
    let small = Font::regular(11.5 * painter.r);
    y = match canvas.footer {
        Footer::Short => {
            // The dates line is in the page, under the canvas.
            painter.paragraph(
                &short_source_line(figure, dataset),
                inner,
                y + 4.0 * painter.r,
                small,
                palette.muted,
                15.0,
            )
        }
        Footer::Full => painter.full_footer(figure, dataset, inner, y, small),
    };
    let height = (y + pad).ceil() as u32;
    if let Some(Shape::Rect { corners, .. }) = painter.shapes.first_mut() {
        corners[1].1 = height as i32;
    }
    Plan { width, height, shapes: painter.shapes, hits: painter.hits, plot: painter.plot }
}

/// Draws `plan` on `backend`, which should be `plan.width` by `plan.height` pixels: the
/// one drawing function of every output (the browser's canvas, SVG exports and
/// snapshots, native tests). The product's outputs go through
/// [`crate::backend::Output`], so that this is compiled once for all of them.
pub fn render<DB: DrawingBackend>(backend: DB, plan: &Plan) -> Result<(), Error>
where
    DB::ErrorType: 'static,
{
    let area = backend.into_drawing_area();
    for shape in &plan.shapes {
        match shape {
            Shape::Rect { corners, fill, stroke } => {
                if let Some(fill) = fill {
                    area.draw(&Rectangle::new(*corners, color(*fill).filled()))?;
                }
                if let Some((stroke, width)) = stroke {
                    area.draw(&Rectangle::new(*corners, color(*stroke).stroke_width(*width)))?;
                }
            }
            Shape::Line { points, color: c, width } => {
                area.draw(&PathElement::new(points.clone(), color(*c).stroke_width(*width)))?;
            }
            Shape::Polygon { points, fill, stroke } => {
                if let Some(fill) = fill {
                    area.draw(&Polygon::new(points.clone(), color(*fill).filled()))?;
                }
                if let Some((stroke, width)) = stroke {
                    let mut closed = points.clone();
                    closed.extend(points.first().copied());
                    area.draw(&PathElement::new(closed, color(*stroke).stroke_width(*width)))?;
                }
            }
            Shape::Circle { center, radius, fill, stroke } => {
                if let Some(fill) = fill {
                    area.draw(&Circle::new(*center, *radius, color(*fill).filled()))?;
                }
                if let Some((stroke, width)) = stroke {
                    area.draw(&Circle::new(*center, *radius, color(*stroke).stroke_width(*width)))?;
                }
            }
            Shape::Text { text, at, font, color: c, anchor } => {
                let (h, v) = match anchor {
                    Anchor::Left => (HPos::Left, VPos::Center),
                    Anchor::Right => (HPos::Right, VPos::Center),
                    Anchor::Center => (HPos::Center, VPos::Center),
                };
                let style = FontDesc::new(
                    FontFamily::SansSerif,
                    font.size,
                    if font.bold { FontStyle::Bold } else { FontStyle::Normal },
                )
                .color(&color(*c))
                .pos(Pos::new(h, v));
                area.draw(&Text::new(text.as_str(), *at, style))?;
            }
        }
    }
    area.present()?;
    Ok(())
}

/// The source line of the screen: each publisher and date while there are three at most,
/// else how many sources, from when to when, and that the page lists them.
fn short_source_line(figure: &Figure, dataset: &Dataset) -> String {
    let publishers: std::collections::BTreeSet<&str> =
        figure.sources.iter().map(|&index| dataset.sources[index].publisher.get(figure.lang)).collect();
    let dates = figure.sources.iter().map(|&index| dataset.sources[index].date);
    let (Some(first), Some(last)) = (dates.clone().min(), dates.max()) else { return figure.source_line(dataset) };
    if publishers.len() <= 3 {
        return figure.source_line(dataset);
    }
    let lang = figure.lang;
    let (first, last) = (crate::format::month(first, lang), crate::format::month(last, lang));
    crate::i18n::sources_summary(lang, figure.sources.len(), &first, &last)
}

fn color((r, g, b): Rgb) -> RGBColor {
    RGBColor(r, g, b)
}

/// Mixes `a` towards `b`: 0 keeps `a`, 1 gives `b`.
fn mix(a: Rgb, b: Rgb, amount: f64) -> Rgb {
    let channel = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * amount).round() as u8;
    (channel(a.0, b.0), channel(a.1, b.1), channel(a.2, b.2))
}

struct Painter<'a> {
    shapes: Vec<Shape>,
    hits: Vec<Hit>,
    /// The plot area, once laid out.
    plot: [(i32, i32); 2],
    r: f64,
    /// Device pixels to add to (or take from) the plot to reach a requested height.
    stretch: f64,
    /// Colours.
    p: Palette,
    measure: &'a dyn MeasureText,
}

impl Painter<'_> {
    fn text(&mut self, text: impl Into<String>, at: (f64, f64), font: Font, color: Rgb, anchor: Anchor) {
        self.shapes.push(Shape::Text {
            text: text.into(),
            at: (at.0.round() as i32, at.1.round() as i32),
            font,
            color,
            anchor,
        });
    }

    fn line(&mut self, points: &[(f64, f64)], color: Rgb, width: f64) {
        self.shapes.push(Shape::Line {
            points: points.iter().map(|&(x, y)| (x.round() as i32, y.round() as i32)).collect(),
            color,
            width: width.round().max(1.0) as u32,
        });
    }

    fn stroke(&self, width: f64) -> u32 {
        (width * self.r).round().max(1.0) as u32
    }

    /// The footer of an export: the notes, the exchange rates, and every source with its
    /// title and date; returns the `y` below it.
    fn full_footer(&mut self, figure: &Figure, dataset: &Dataset, inner: (f64, f64), y: f64, font: Font) -> f64 {
        let (r, muted, lang) = (self.r, self.p.muted, figure.lang);
        let mut y = y;
        for note in &figure.notes {
            y = self.paragraph(&format!("\u{2022} {note}"), inner, y + 4.0 * r, font, muted, 15.0);
        }
        if !figure.rates.is_empty() {
            let text = format!("{} {}.", Ui::RateIntro.get(lang), figure.rates.join(lang.list_separator()));
            y = self.paragraph(&text, inner, y + 4.0 * r, font, muted, 15.0);
        }
        for text in &figure.unconverted {
            y = self.paragraph(text, inner, y + 4.0 * r, font, muted, 15.0);
        }
        let prefix = if figure.sources.len() > 1 { Ui::Sources } else { Ui::Source };
        y = self.paragraph(prefix.get(lang), inner, y + 4.0 * r, font, muted, 15.0);
        let (open, close) = lang.quotes();
        for &index in &figure.sources {
            let source = &dataset.sources[index];
            let date = crate::format::date(source.date, lang);
            let text = format!("{}, {open}{}{close}, {date}", source.publisher.get(lang), source.title);
            y = self.paragraph(&text, (inner.0 + 8.0 * r, inner.1), y, font, muted, 15.0);
        }
        self.paragraph(&figure.dates_line(dataset), inner, y + 4.0 * r, font, muted, 15.0)
    }

    /// Wrapped text starting at `y`; returns the `y` below it. `leading` is in CSS pixels.
    fn paragraph(&mut self, text: &str, columns: (f64, f64), y: f64, font: Font, color: Rgb, leading: f64) -> f64 {
        self.lines(text, columns, y, font, color, leading, false)
    }

    /// [`Painter::paragraph`] over the plot, each line on paper.
    fn paragraph_on_paper(
        &mut self,
        text: &str,
        columns: (f64, f64),
        y: f64,
        font: Font,
        color: Rgb,
        leading: f64,
    ) -> f64 {
        self.lines(text, columns, y, font, color, leading, true)
    }

    /// Wraps `text` between `left` and `right` from `y`; returns the `y` below it.
    #[allow(clippy::too_many_arguments)]
    fn lines(
        &mut self,
        text: &str,
        (left, right): (f64, f64),
        y: f64,
        font: Font,
        color: Rgb,
        leading: f64,
        on_paper: bool,
    ) -> f64 {
        let mut y = y;
        let step = leading * self.r;
        for line in wrap(text, right - left, font, self.measure) {
            let at = (left, y + step / 2.0);
            if on_paper {
                self.text_on_paper(line, at, font, color, Anchor::Left);
            } else {
                self.text(line, at, font, color, Anchor::Left);
            }
            y += step;
        }
        y
    }

    /// A text over the plot: a box of the paper's colour behind it keeps gridlines from
    /// running through its letters.
    fn text_on_paper(&mut self, text: impl Into<String>, at: (f64, f64), font: Font, color: Rgb, anchor: Anchor) {
        let text = text.into();
        let width = self.measure.width(&text, font);
        let (x0, x1) = match anchor {
            Anchor::Left => (at.0, at.0 + width),
            Anchor::Right => (at.0 - width, at.0),
            Anchor::Center => (at.0 - width / 2.0, at.0 + width / 2.0),
        };
        let (pad, half) = (2.0 * self.r, font.size * 0.62);
        self.shapes.push(Shape::Rect {
            corners: [
                ((x0 - pad).round() as i32, (at.1 - half).round() as i32),
                ((x1 + pad).round() as i32, (at.1 + half).round() as i32),
            ],
            fill: Some(self.p.paper),
            stroke: None,
        });
        self.text(text, at, font, color, anchor);
    }

    fn bars(&mut self, figure: &Figure, (left, right): (f64, f64), top: f64) -> f64 {
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

    /// How many tick labels fit side by side along `span` pixels.
    fn tick_budget(&self, figure: &Figure, scale: &ValueScale, span: f64, font: Font) -> usize {
        let widest =
            scale.ticks(12).iter().map(|&t| self.measure.width(&tick_text(figure, t), font)).fold(0.0, f64::max);
        ((span / (widest + 14.0 * self.r)).floor() as usize + 1).max(2)
    }

    fn bar_shape(&mut self, corners: [(i32, i32); 2], base: Rgb, mark: Mark) {
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
    fn hatch(&mut self, [(x0, y0), (x1, y1)]: [(i32, i32); 2], color: Rgb) {
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

    fn timeline(&mut self, figure: &Figure, (left, right): (f64, f64), top: f64) -> f64 {
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
    fn marker(&mut self, (x, y): (f64, f64), base: Rgb, mark: Mark) -> [(i32, i32); 2] {
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

    /// The key to the marks, when the figure uses more than plain official bars.
    fn mark_key(&mut self, figure: &Figure, (left, right): (f64, f64), top: f64) -> f64 {
        if figure.marks.iter().all(|m| matches!(m, Mark::Plain | Mark::Official)) {
            return top;
        }
        let r = self.r;
        let font = Font::regular(11.5 * r);
        let row = 18.0 * r;
        let (mut x, mut y) = (left, top);
        for mark in figure.marks.iter().filter(|m| **m != Mark::Plain) {
            let label = mark.describe(figure.lang).unwrap_or_default();
            let width = 14.0 * r + 6.0 * r + self.measure.width(label, font) + 16.0 * r;
            if x + width > right && x > left {
                x = left;
                y += row;
            }
            let middle = y + row / 2.0;
            match figure.kind {
                ViewKind::Bars => {
                    let corners = [
                        (x.round() as i32, (middle - 5.0 * r).round() as i32),
                        ((x + 14.0 * r).round() as i32, (middle + 5.0 * r).round() as i32),
                    ];
                    self.bar_shape(corners, self.p.muted, *mark);
                }
                ViewKind::Timeline => {
                    self.marker((x + 7.0 * r, middle), self.p.muted, *mark);
                }
            }
            self.text(label, (x + 20.0 * r, middle), font, self.p.muted, Anchor::Left);
            x += width;
        }
        y + row
    }
}

fn axis_title(figure: &Figure) -> String {
    let unit = match (figure.measure, figure.lang) {
        (Measure::Count, _) => String::new(),
        (Measure::Flops, Lang::En) => ", EFlop/s".to_owned(),
        (Measure::Flops, Lang::Fr) => ", en Eflop/s".to_owned(),
        (Measure::Money, Lang::En) => format!(", {}", figure.currency.code()),
        (Measure::Money, Lang::Fr) => format!(", en {}", figure.currency.code()),
    };
    match figure.scale {
        Scale::Linear => format!("{}{unit}", figure.axis_label),
        Scale::Log => format!("{}{unit} ({})", figure.axis_label, Ui::LogScale.get(figure.lang)),
    }
}

fn tick_text(figure: &Figure, value: f64) -> String {
    match figure.measure {
        Measure::Count | Measure::Flops => format::number(value, Digits::Source, figure.lang),
        Measure::Money if value == 0.0 => "0".to_owned(),
        Measure::Money => format::money(value, figure.currency, Digits::Source, figure.lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_theme_keeps_text_and_marks_readable() {
        for theme in [Theme::Light, Theme::Dark, Theme::Contrast] {
            let p = theme.palette();
            assert!(contrast(p.ink, p.paper) >= 7.0, "{theme:?} ink");
            assert!(contrast(p.muted, p.paper) >= 4.5, "{theme:?} muted text (WCAG AA)");
            for color in [(31, 95, 191), (176, 101, 30), (58, 63, 71), (200, 50, 75), (125, 133, 145), (122, 79, 163)] {
                assert!(contrast(p.series(color), p.paper) >= p.min_contrast, "{theme:?} mark {color:?}");
                assert!(contrast(p.series_text(color), p.paper) >= 4.5, "{theme:?} text {color:?}");
            }
        }
        assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
    }
}
