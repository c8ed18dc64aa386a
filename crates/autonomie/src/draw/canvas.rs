//! Drawing on an HTML canvas's 2D context through plotters, with few calls into it.
//!
//! [`BatchingBackend`] is a plotters [`DrawingBackend`] that draws with the operations of
//! a canvas 2D context, described by [`Context2d`], so that [`crate::draw::render`]
//! (the one drawing function) draws the browser's canvas as it draws an SVG. The web
//! crate implements [`Context2d`] for the browser's `CanvasRenderingContext2D`; this
//! crate has no DOM, so [`Recorder`](crate::draw::recorder::Recorder) implements it
//! natively by writing the calls down, which lets a native test count the canvas calls
//! of a redraw.
//!
//! It draws the pixels that plotters-canvas draws (a browser test compares the two),
//! with far fewer calls into the browser:
//! - a style (fill, stroke colour, line width, font, text alignment and baseline) is set
//!   only when it changes;
//! - consecutive strokes of one colour and width go into one path, stroked when another
//!   kind of shape or another style comes, and in [`DrawingBackend::present`]. A bar
//!   hatched as "press-reported" is some 90 short lines, which plotters-canvas strokes one
//!   by one, setting their colour and width each time. The only pixels this changes are
//!   where lines of one path overlap: their soft edges are painted once, not twice.
//!
//! Text is drawn with `fillText`, placed by `textAlign` and `textBaseline` from the
//! style's anchor; nothing is measured in the DOM ([`ContextTextWidths`](crate::draw::text_widths::ContextTextWidths) measures with the
//! context's own `measureText`). Rotated text is refused with an error: the charts
//! never rotate text, and supporting it (`save`, `translate`, `rotate`, `restore`)
//! would cost the wasm about 170 bytes gzip.

use std::f64::consts::TAU;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontTransform,
};

use crate::draw::backend::{Done, DrawError, Output};
use crate::error::Error;
use crate::layout::plan::Plan;

/// Draws `plan` on `context` with [`crate::draw::render`], through a [`BatchingBackend`].
/// The context's canvas should be `plan.width` by `plan.height` pixels.
pub fn draw(context: &dyn Context2d, plan: &Plan) -> Result<(), Error> {
    crate::draw::render(Output::Canvas(BatchingBackend::new(context, (plan.width, plan.height))), plan)
}

/// The operations of a canvas 2D context that [`BatchingBackend`] and [`ContextTextWidths`](crate::draw::text_widths::ContextTextWidths)
/// use, named after the browser's `CanvasRenderingContext2D` and with its meaning.
/// Coordinates are in the canvas's pixels; colours and fonts are CSS strings.
pub trait Context2d {
    /// The backing store's size (`canvas.width`, `canvas.height`), set only when it differs.
    fn set_size(&self, width: u32, height: u32);
    /// `lineJoin` and `lineCap = "round"` (the long series only); nothing by default.
    fn set_round_lines(&self) {}
    /// `fillStyle = css`.
    fn set_fill_style(&self, css: &str);
    /// `strokeStyle = css`.
    fn set_stroke_style(&self, css: &str);
    /// `lineWidth = width`.
    fn set_line_width(&self, width: f64);
    /// `font = css`.
    fn set_font(&self, css: &str);
    /// `textAlign = align` (`start`, `end` or `center`).
    fn set_text_align(&self, align: &str);
    /// `textBaseline = baseline` (`top`, `middle` or `bottom`).
    fn set_text_baseline(&self, baseline: &str);
    /// `fillRect(x, y, width, height)`.
    fn fill_rect(&self, x: f64, y: f64, width: f64, height: f64);
    /// `strokeRect(x, y, width, height)`.
    fn stroke_rect(&self, x: f64, y: f64, width: f64, height: f64);
    /// `beginPath()`.
    fn begin_path(&self);
    /// `moveTo(x, y)`.
    fn move_to(&self, x: f64, y: f64);
    /// `lineTo(x, y)`.
    fn line_to(&self, x: f64, y: f64);
    /// `closePath()`.
    fn close_path(&self);
    /// `arc(x, y, radius, start, end)`, angles in radians.
    fn arc(&self, x: f64, y: f64, radius: f64, start: f64, end: f64) -> Result<(), DrawError>;
    /// `fill()`.
    fn fill(&self);
    /// `stroke()`.
    fn stroke(&self);
    /// `fillText(text, x, y)`.
    fn fill_text(&self, text: &str, x: f64, y: f64) -> Result<(), DrawError>;
    /// `measureText(text).width` in the current font, or `None` when the context gives
    /// no width.
    fn measure_text(&self, text: &str) -> Option<f64>;
}

impl<C: Context2d + ?Sized> Context2d for &C {
    fn set_size(&self, width: u32, height: u32) {
        (**self).set_size(width, height);
    }
    fn set_round_lines(&self) {
        (**self).set_round_lines();
    }
    fn set_fill_style(&self, css: &str) {
        (**self).set_fill_style(css);
    }
    fn set_stroke_style(&self, css: &str) {
        (**self).set_stroke_style(css);
    }
    fn set_line_width(&self, width: f64) {
        (**self).set_line_width(width);
    }
    fn set_font(&self, css: &str) {
        (**self).set_font(css);
    }
    fn set_text_align(&self, align: &str) {
        (**self).set_text_align(align);
    }
    fn set_text_baseline(&self, baseline: &str) {
        (**self).set_text_baseline(baseline);
    }
    fn fill_rect(&self, x: f64, y: f64, width: f64, height: f64) {
        (**self).fill_rect(x, y, width, height);
    }
    fn stroke_rect(&self, x: f64, y: f64, width: f64, height: f64) {
        (**self).stroke_rect(x, y, width, height);
    }
    fn begin_path(&self) {
        (**self).begin_path();
    }
    fn move_to(&self, x: f64, y: f64) {
        (**self).move_to(x, y);
    }
    fn line_to(&self, x: f64, y: f64) {
        (**self).line_to(x, y);
    }
    fn close_path(&self) {
        (**self).close_path();
    }
    fn arc(&self, x: f64, y: f64, radius: f64, start: f64, end: f64) -> Result<(), DrawError> {
        (**self).arc(x, y, radius, start, end)
    }
    fn fill(&self) {
        (**self).fill();
    }
    fn stroke(&self) {
        (**self).stroke();
    }
    fn fill_text(&self, text: &str, x: f64, y: f64) -> Result<(), DrawError> {
        (**self).fill_text(text, x, y)
    }
    fn measure_text(&self, text: &str) -> Option<f64> {
        (**self).measure_text(text)
    }
}

/// A colour as the backend compares and writes it: RGB and the alpha's bits.
type Color = ((u8, u8, u8), u64);

fn color_of(color: BackendColor) -> Color {
    (color.rgb, color.alpha.to_bits())
}

/// `rgba(r,g,b,a)`, as plotters-canvas writes it.
fn css(((r, g, b), alpha): Color) -> String {
    format!("rgba({r},{g},{b},{})", f64::from_bits(alpha))
}

/// A plotters [`DrawingBackend`] on a [`Context2d`] that sets a style only when it
/// changes and strokes consecutive lines of one style as one path (see the module
/// documentation). A new backend assumes nothing about the context's state: each style
/// is set before its first use.
#[derive(Debug)]
pub struct BatchingBackend<C: Context2d> {
    context: C,
    size: (u32, u32),
    fill: Option<Color>,
    stroke: Option<Color>,
    line_width: Option<u32>,
    font: Option<String>,
    align: Option<&'static str>,
    baseline: Option<&'static str>,
    /// The style of the lines in the current path, not stroked yet.
    open: Option<(Color, u32)>,
}

impl<C: Context2d> BatchingBackend<C> {
    /// A backend drawing on `context`, whose canvas is `size` (width, height) pixels.
    pub fn new(context: C, size: (u32, u32)) -> Self {
        BatchingBackend {
            context,
            size,
            fill: None,
            stroke: None,
            line_width: None,
            font: None,
            align: None,
            baseline: None,
            open: None,
        }
    }

    fn set_fill(&mut self, color: Color) {
        if self.fill != Some(color) {
            self.context.set_fill_style(&css(color));
            self.fill = Some(color);
        }
    }

    fn set_stroke(&mut self, color: Color, width: u32) {
        if self.stroke != Some(color) {
            self.context.set_stroke_style(&css(color));
            self.stroke = Some(color);
        }
        if self.line_width != Some(width) {
            self.context.set_line_width(f64::from(width));
            self.line_width = Some(width);
        }
    }

    /// Strokes the lines added to the path since the last style change.
    fn flush(&mut self) {
        if self.open.take().is_some() {
            self.context.stroke();
        }
    }

    /// Adds a line from `points` to the open path, stroking the one before when its
    /// style differs.
    fn add_line<S: BackendStyle>(&mut self, points: impl IntoIterator<Item = (f64, f64)>, style: &S) {
        let color = color_of(style.color());
        let key = (color, style.stroke_width());
        if self.open != Some(key) {
            self.flush();
            self.set_stroke(color, key.1);
            self.context.begin_path();
            self.open = Some(key);
        }
        let mut points = points.into_iter();
        if let Some((x, y)) = points.next() {
            self.context.move_to(x, y);
        }
        for (x, y) in points {
            self.context.line_to(x, y);
        }
    }
}

fn point((x, y): BackendCoord) -> (f64, f64) {
    (f64::from(x), f64::from(y))
}

/// A horizontal or vertical line moved by half a pixel, as plotters-canvas does, so
/// that a one-pixel line covers one row or column of pixels instead of two half-inked.
fn crisp(from: BackendCoord, to: BackendCoord) -> [(f64, f64); 2] {
    let (mut from, mut to) = (point(from), point(to));
    if from.0 == to.0 {
        from.0 -= 0.5;
        to.0 -= 0.5;
    }
    if from.1 == to.1 {
        from.1 -= 0.5;
        to.1 -= 0.5;
    }
    [from, to]
}

fn drawing_error(error: DrawError) -> DrawingErrorKind<DrawError> {
    DrawingErrorKind::DrawingError(error)
}

impl<C: Context2d> DrawingBackend for BatchingBackend<C> {
    type ErrorType = DrawError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Done {
        Ok(())
    }

    /// Strokes the open path: the drawing is complete.
    fn present(&mut self) -> Done {
        self.flush();
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Done {
        self.draw_rect(point, (point.0 + 1, point.1 + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Done {
        if style.color().alpha > 0.0 {
            self.add_line(crisp(from, to), style);
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Done {
        let color = color_of(style.color());
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        let ((x0, y0), (x1, y1)) = (point(upper_left), point(bottom_right));
        if fill {
            self.set_fill(color);
            self.context.fill_rect(x0, y0, x1 - x0, y1 - y0);
        } else {
            self.set_stroke(color, style.stroke_width());
            self.context.stroke_rect(x0, y0, x1 - x0, y1 - y0);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Done {
        if style.color().alpha > 0.0 {
            self.add_line(path.into_iter().map(point), style);
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Done {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        let color = color_of(style.color());
        if fill {
            self.set_fill(color);
        } else {
            self.set_stroke(color, style.stroke_width());
        }
        let (x, y) = point(center);
        self.context.begin_path();
        self.context.arc(x, y, f64::from(radius), 0.0, TAU).map_err(drawing_error)?;
        if fill {
            self.context.fill();
        } else {
            self.context.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vertices: I, style: &S) -> Done {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        self.set_fill(color_of(style.color()));
        self.context.begin_path();
        let mut vertices = vertices.into_iter().map(point);
        if let Some((x, y)) = vertices.next() {
            self.context.move_to(x, y);
        }
        for (x, y) in vertices {
            self.context.line_to(x, y);
        }
        self.context.close_path();
        self.context.fill();
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Done {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        if !matches!(style.transform(), FontTransform::None) {
            return Err(drawing_error(DrawError("rotated text is not supported".to_owned())));
        }
        self.flush();
        let anchor = style.anchor();
        let baseline = match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if self.baseline != Some(baseline) {
            self.context.set_text_baseline(baseline);
            self.baseline = Some(baseline);
        }
        let align = match anchor.h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if self.align != Some(align) {
            self.context.set_text_align(align);
            self.align = Some(align);
        }
        self.set_fill(color_of(color));
        let font = format!("{} {}px {}", style.style().as_str(), style.size(), style.family().as_str());
        if self.font.as_deref() != Some(&font) {
            self.context.set_font(&font);
            self.font = Some(font);
        }
        let (x, y) = point(pos);
        self.context.fill_text(text, x, y).map_err(drawing_error)
    }
}

impl<C: Context2d> Drop for BatchingBackend<C> {
    /// Strokes what is left open, in case the drawing ended without `present`.
    fn drop(&mut self) {
        self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::recorder::Recorder;
    use plotters::prelude::{IntoFont, RGBAColor, RGBColor, ShapeStyle, TextStyle};
    use plotters::style::text_anchor::Pos;

    fn style(color: (u8, u8, u8), width: u32) -> ShapeStyle {
        ShapeStyle { color: RGBAColor(color.0, color.1, color.2, 1.0), filled: false, stroke_width: width }
    }

    #[test]
    fn lines_of_one_style_share_a_path_stroked_on_a_change_and_at_the_end() {
        let recorder = Recorder::new();
        let mut backend = BatchingBackend::new(&recorder, (100, 100));
        backend.draw_path([(0, 0), (10, 10)], &style((1, 2, 3), 2)).unwrap();
        backend.draw_path([(20, 0), (30, 10), (40, 0)], &style((1, 2, 3), 2)).unwrap();
        // Vertical: moved half a pixel left, as plotters-canvas does.
        backend.draw_line((50, 0), (50, 10), &style((1, 2, 3), 2)).unwrap();
        backend.draw_path([(0, 50), (10, 50)], &style((1, 2, 3), 1)).unwrap();
        backend.draw_rect((0, 0), (5, 5), &RGBColor(1, 2, 3), true).unwrap();
        backend.draw_path([(0, 60), (10, 60)], &style((1, 2, 3), 1)).unwrap();
        backend.present().unwrap();
        assert_eq!(
            recorder.calls(),
            [
                "strokeStyle = rgba(1,2,3,1)",
                "lineWidth = 2",
                "beginPath()",
                "moveTo(0, 0)",
                "lineTo(10, 10)",
                "moveTo(20, 0)",
                "lineTo(30, 10)",
                "lineTo(40, 0)",
                "moveTo(49.5, 0)",
                "lineTo(49.5, 10)",
                "stroke()",
                "lineWidth = 1",
                "beginPath()",
                "moveTo(0, 50)",
                "lineTo(10, 50)",
                "stroke()",
                "fillStyle = rgba(1,2,3,1)",
                "fillRect(0, 0, 5, 5)",
                "beginPath()",
                "moveTo(0, 60)",
                "lineTo(10, 60)",
                "stroke()",
            ]
        );
    }

    #[test]
    fn a_backend_dropped_without_present_still_strokes_its_lines() {
        let recorder = Recorder::new();
        {
            let mut backend = BatchingBackend::new(&recorder, (100, 100));
            backend.draw_path([(0, 0), (10, 10)], &style((1, 2, 3), 2)).unwrap();
        }
        assert_eq!(recorder.calls().last().map(String::as_str), Some("stroke()"));
    }

    #[test]
    fn text_is_placed_by_its_anchor_and_transparent_shapes_are_skipped() {
        let recorder = Recorder::new();
        let mut backend = BatchingBackend::new(&recorder, (100, 100));
        let font = ("sans-serif", 12.0).into_font().color(&RGBColor(9, 9, 9));
        backend.draw_text("a", &font.pos(Pos::new(HPos::Right, VPos::Top)), (5, 6)).unwrap();
        backend.draw_text("b", &font.pos(Pos::new(HPos::Right, VPos::Top)), (5, 20)).unwrap();
        backend.draw_rect((0, 0), (5, 5), &RGBAColor(1, 2, 3, 0.0), true).unwrap();
        backend.draw_circle((0, 0), 5, &RGBAColor(1, 2, 3, 0.0), false).unwrap();
        assert_eq!(
            recorder.calls(),
            [
                "textBaseline = top",
                "textAlign = end",
                "fillStyle = rgba(9,9,9,1)",
                "font = normal 12px sans-serif",
                "fillText(\"a\", 5, 6)",
                "fillText(\"b\", 5, 20)",
            ]
        );
        let rotated: TextStyle = font.transform(plotters::style::FontTransform::Rotate90);
        assert!(backend.draw_text("c", &rotated, (0, 0)).is_err());
    }
}
