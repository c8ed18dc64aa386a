//! The backends of the crate's outputs, and SVG text at the canvas's size.
//!
//! [`Output`] is the backend that [`crate::draw::render`] draws every output on: a canvas,
//! through [`BatchingBackend`], or an SVG document. One type for both means that the
//! drawing (plotters' elements and drawing area over [`crate::draw::render`]) is compiled
//! once in the wasm, which holds both (the canvas, and SVG for exports): 0.9 KB less
//! of the module, gzip, than with a drawing compiled for each.
//!
//! plotters-svg writes a text's `font-size` as its size divided by 1.24, while
//! plotters-canvas uses the size as given; [`SameTextSize`] multiplies text sizes back
//! so that an SVG snapshot or export shows text at the size the canvas draws it.
//! [`svg`] draws a laid-out chart through it: the one way to get an SVG.

use plotters_svg::SVGBackend;

use crate::draw::canvas::{BatchingBackend, Context2d};
use crate::error::Error;
use crate::layout::plan::Plan;

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily,
    FontStyle, FontTransform,
};

/// Draws `plan` as an SVG document, with text at the size the canvas draws it.
pub fn svg(plan: &Plan) -> Result<String, Error> {
    let mut svg = String::new();
    crate::draw::render(Output::Svg(SameTextSize(SVGBackend::with_string(&mut svg, (plan.width, plan.height)))), plan)?;
    Ok(svg)
}

/// Why a drawing failed, in the words of the backend (a browser's canvas may refuse a
/// call: an extension or a script of the page can make it throw).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawError(pub String);

impl std::fmt::Display for DrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DrawError {}

/// Where a chart is drawn: a canvas's 2D context or an SVG document.
pub enum Output<'a> {
    /// A canvas, through the batching backend.
    Canvas(BatchingBackend<&'a dyn Context2d>),
    /// An SVG document, text at the canvas's size.
    Svg(SameTextSize<SVGBackend<'a>>),
}

/// What a drawing call of the product's backends gives (both `Output` and
/// `BatchingBackend`): nothing, or the backend's error.
pub(crate) type Done = Result<(), DrawingErrorKind<DrawError>>;

/// An SVG backend's error as a [`DrawError`]. plotters-svg fails only when it saves a
/// file, which [`svg`] never asks of it; its I/O error is not kept, as formatting one
/// would cost the wasm 0.8 KB gzip.
fn svg_error(error: DrawingErrorKind<std::io::Error>) -> DrawingErrorKind<DrawError> {
    match error {
        DrawingErrorKind::DrawingError(_) => {
            DrawingErrorKind::DrawingError(DrawError("the SVG could not be written".to_owned()))
        }
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

impl DrawingBackend for Output<'_> {
    type ErrorType = DrawError;
    fn get_size(&self) -> (u32, u32) {
        match self {
            Output::Canvas(b) => b.get_size(),
            Output::Svg(b) => b.get_size(),
        }
    }
    fn ensure_prepared(&mut self) -> Done {
        match self {
            Output::Canvas(b) => b.ensure_prepared(),
            Output::Svg(b) => b.ensure_prepared().map_err(svg_error),
        }
    }
    fn present(&mut self) -> Done {
        match self {
            Output::Canvas(b) => b.present(),
            Output::Svg(b) => b.present().map_err(svg_error),
        }
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Done {
        match self {
            Output::Canvas(b) => b.draw_pixel(point, color),
            Output::Svg(b) => b.draw_pixel(point, color).map_err(svg_error),
        }
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Done {
        match self {
            Output::Canvas(b) => b.draw_line(from, to, style),
            Output::Svg(b) => b.draw_line(from, to, style).map_err(svg_error),
        }
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Done {
        match self {
            Output::Canvas(b) => b.draw_rect(upper_left, bottom_right, style, fill),
            Output::Svg(b) => b.draw_rect(upper_left, bottom_right, style, fill).map_err(svg_error),
        }
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Done {
        match self {
            Output::Canvas(b) => b.draw_path(path, style),
            Output::Svg(b) => b.draw_path(path, style).map_err(svg_error),
        }
    }
    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Done {
        match self {
            Output::Canvas(b) => b.draw_circle(center, radius, style, fill),
            Output::Svg(b) => b.draw_circle(center, radius, style, fill).map_err(svg_error),
        }
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vertices: I, style: &S) -> Done {
        match self {
            Output::Canvas(b) => b.fill_polygon(vertices, style),
            Output::Svg(b) => b.fill_polygon(vertices, style).map_err(svg_error),
        }
    }
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Done {
        match self {
            Output::Canvas(b) => b.draw_text(text, style, pos),
            Output::Svg(b) => b.draw_text(text, style, pos).map_err(svg_error),
        }
    }
}

/// plotters-svg's text size divisor.
const SVG_TEXT_DIVISOR: f64 = 1.24;

/// Wraps an SVG backend so its text comes out at the canvas's size.
#[derive(Debug)]
pub struct SameTextSize<B>(pub B);

struct Scaled<'a, T>(&'a T);

impl<T: BackendTextStyle> BackendTextStyle for Scaled<'_, T> {
    type FontError = T::FontError;
    fn color(&self) -> BackendColor {
        self.0.color()
    }
    fn size(&self) -> f64 {
        self.0.size() * SVG_TEXT_DIVISOR
    }
    fn transform(&self) -> FontTransform {
        self.0.transform()
    }
    fn style(&self) -> FontStyle {
        self.0.style()
    }
    fn anchor(&self) -> plotters_backend::text_anchor::Pos {
        self.0.anchor()
    }
    fn family(&self) -> FontFamily<'_> {
        self.0.family()
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        self.0.layout_box(text)
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        text: &str,
        pos: BackendCoord,
        draw: F,
    ) -> Result<Result<(), E>, Self::FontError> {
        self.0.draw(text, pos, draw)
    }
}

type Outcome<B> = Result<(), DrawingErrorKind<<B as DrawingBackend>::ErrorType>>;

impl<B: DrawingBackend> DrawingBackend for SameTextSize<B> {
    type ErrorType = B::ErrorType;
    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }
    fn ensure_prepared(&mut self) -> Outcome<B> {
        self.0.ensure_prepared()
    }
    fn present(&mut self) -> Outcome<B> {
        self.0.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Outcome<B> {
        self.0.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Outcome<B> {
        self.0.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Outcome<B> {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Outcome<B> {
        self.0.draw_path(path, style)
    }
    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Outcome<B> {
        self.0.draw_circle(center, radius, style, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Outcome<B> {
        self.0.fill_polygon(vertices, style)
    }
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Outcome<B> {
        self.0.draw_text(text, &Scaled(style), pos)
    }
}
