//! A backend adapter that makes plotters' SVG output match the canvas.
//!
//! plotters-svg writes a text's `font-size` as its size divided by 1.24, while
//! plotters-canvas uses the size as given; [`SameTextSize`] multiplies text sizes back
//! so that an SVG snapshot or export shows text at the size the canvas draws it.
//! [`svg`] draws a laid-out chart through it: the one way to get an SVG.

use plotters::prelude::IntoDrawingArea;
use plotters_svg::SVGBackend;

use crate::error::Error;
use crate::render::{self, Plan};

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily,
    FontStyle, FontTransform,
};

/// Draws `plan` as an SVG document, with text at the size the canvas draws it.
pub fn svg(plan: &Plan) -> Result<String, Error> {
    let mut svg = String::new();
    {
        let backend = SameTextSize(SVGBackend::with_string(&mut svg, (plan.width, plan.height)));
        render::render(&backend.into_drawing_area(), plan)?;
    }
    Ok(svg)
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
