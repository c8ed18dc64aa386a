//! Draws a laid-out chart ([`Plan`]) on a browser canvas's 2D context (wasm32 only).
//!
//! The same pixels as plotters-canvas drawing the plan through [`autonomie::render::render`]
//! (a browser test compares the two), with far fewer calls into the browser: a style is
//! set only when it changes, and consecutive lines of one colour and width are stroked
//! as one path. A bar hatched as "press-reported" is some 90 short lines, which
//! plotters-canvas strokes one by one, setting their colour and width each time.

use std::f64::consts::TAU;

use wasm_bindgen::JsValue;
use web_sys::CanvasRenderingContext2d;

use autonomie::figure::Rgb;
use autonomie::render::{Anchor, Plan, Shape};
use autonomie::text::Font;

/// Draws every shape of `plan`, in order, on `context`. The context's own state (a
/// fresh one after the canvas was resized) is never assumed: each style is set before
/// its first use.
pub fn paint(context: &CanvasRenderingContext2d, plan: &Plan) -> Result<(), JsValue> {
    let mut pen = Pen { context, fill: None, stroke: None, font: None, anchor: None, open_lines: None };
    for shape in &plan.shapes {
        pen.shape(shape)?;
    }
    pen.close_lines();
    Ok(())
}

/// The context and what was last set on it.
struct Pen<'a> {
    context: &'a CanvasRenderingContext2d,
    fill: Option<Rgb>,
    stroke: Option<(Rgb, u32)>,
    font: Option<Font>,
    anchor: Option<Anchor>,
    /// The style of the lines added to the current path and not stroked yet.
    open_lines: Option<(Rgb, u32)>,
}

impl Pen<'_> {
    fn set_fill(&mut self, color: Rgb) {
        if self.fill != Some(color) {
            self.context.set_fill_style_str(&css_color(color));
            self.fill = Some(color);
        }
    }

    fn set_stroke(&mut self, color: Rgb, width: u32) {
        if self.stroke != Some((color, width)) {
            self.context.set_stroke_style_str(&css_color(color));
            self.context.set_line_width(f64::from(width));
            self.stroke = Some((color, width));
        }
    }

    fn set_text(&mut self, font: Font, anchor: Anchor) {
        if self.font.is_none() {
            // Every text is anchored at its vertical middle.
            self.context.set_text_baseline("middle");
        }
        if self.font != Some(font) {
            self.context.set_font(&font.css());
            self.font = Some(font);
        }
        if self.anchor != Some(anchor) {
            self.context.set_text_align(match anchor {
                Anchor::Left => "start",
                Anchor::Right => "end",
                Anchor::Center => "center",
            });
            self.anchor = Some(anchor);
        }
    }

    fn trace(&self, points: &[(i32, i32)]) {
        let mut points = points.iter();
        if let Some(&(x, y)) = points.next() {
            self.context.move_to(f64::from(x), f64::from(y));
        }
        for &(x, y) in points {
            self.context.line_to(f64::from(x), f64::from(y));
        }
    }

    /// Adds an open polyline to the current path, stroking what came before when its
    /// style differs.
    fn line(&mut self, points: &[(i32, i32)], color: Rgb, width: u32) {
        if self.open_lines != Some((color, width)) {
            self.close_lines();
            self.set_stroke(color, width);
            self.context.begin_path();
            self.open_lines = Some((color, width));
        }
        self.trace(points);
    }

    /// Strokes the lines added since the last style change.
    fn close_lines(&mut self) {
        if self.open_lines.take().is_some() {
            self.context.stroke();
        }
    }

    /// Draws `shape`; a line is only added to the path, stroked with the next shape of
    /// another kind or style.
    fn shape(&mut self, shape: &Shape) -> Result<(), JsValue> {
        if let Shape::Line { points, color, width } = shape {
            self.line(points, *color, *width);
            return Ok(());
        }
        self.close_lines();
        match shape {
            Shape::Rect { corners: [(x0, y0), (x1, y1)], fill, stroke } => {
                let (x, y, w, h) = (f64::from(*x0), f64::from(*y0), f64::from(x1 - x0), f64::from(y1 - y0));
                if let Some(color) = fill {
                    self.set_fill(*color);
                    self.context.fill_rect(x, y, w, h);
                }
                if let Some((color, width)) = stroke {
                    self.set_stroke(*color, *width);
                    self.context.stroke_rect(x, y, w, h);
                }
            }
            Shape::Polygon { points, fill, stroke } => {
                if let Some(color) = fill {
                    self.set_fill(*color);
                    self.context.begin_path();
                    self.trace(points);
                    self.context.close_path();
                    self.context.fill();
                }
                if let Some((color, width)) = stroke {
                    self.set_stroke(*color, *width);
                    self.context.begin_path();
                    self.trace(points);
                    if let Some(&(x, y)) = points.first() {
                        self.context.line_to(f64::from(x), f64::from(y));
                    }
                    self.context.stroke();
                }
            }
            Shape::Circle { center: (x, y), radius, fill, stroke } => {
                let (x, y, r) = (f64::from(*x), f64::from(*y), f64::from(*radius));
                if let Some(color) = fill {
                    self.set_fill(*color);
                    self.context.begin_path();
                    self.context.arc(x, y, r, 0.0, TAU)?;
                    self.context.fill();
                }
                if let Some((color, width)) = stroke {
                    self.set_stroke(*color, *width);
                    self.context.begin_path();
                    self.context.arc(x, y, r, 0.0, TAU)?;
                    self.context.stroke();
                }
            }
            Shape::Text { text, at: (x, y), font, color, anchor } => {
                self.set_text(*font, *anchor);
                self.set_fill(*color);
                self.context.fill_text(text, f64::from(*x), f64::from(*y))?;
            }
            Shape::Line { .. } => {}
        }
        Ok(())
    }
}

/// `#rrggbb`.
fn css_color((r, g, b): Rgb) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}
