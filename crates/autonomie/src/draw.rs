//! Draw: the one drawing function, [`render`], and the plotters backends it draws on.
//!
//! [`render`] draws a [`Plan`] on any plotters `DrawingBackend`: the canvas in the browser
//! (through [`canvas::BatchingBackend`]), the SVG export, the static SVGs, the native
//! snapshots and the recorded canvas calls of the native tests all go through it. This
//! is the only code that draws; it decides nothing (the layout did).

pub mod backend;
pub mod canvas;
pub mod recorder;
pub mod text_widths;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::chart::figure::Rgb;
use crate::error::Error;
use crate::layout::plan::{Anchor, Plan, Shape};

/// Draws `plan` on `backend`, which should be `plan.width` by `plan.height` pixels: the
/// one drawing function of every output (the browser's canvas, SVG exports and
/// snapshots, native tests). The product's outputs go through
/// [`crate::draw::backend::Output`], so that this is compiled once for all of them.
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

fn color((r, g, b): Rgb) -> RGBColor {
    RGBColor(r, g, b)
}
