//! [`Raster`]: plotters' own `BitMapBackend`, with text drawn as a browser's canvas draws
//! it, in Liberation Sans (metric-compatible with Arial, the font the layout measures
//! with: `ArialWidths`), so that a PNG shows what the canvas shows.
//!
//! plotters draws a bitmap's text through a font feature of its own (`ab_glyph` or
//! `ttf`), and places it otherwise than a canvas does: its glyphs are scaled to the
//! font's line height instead of its em, and its vertical middle is not the canvas's.
//! [`Raster`] leaves every shape to the bitmap backend and draws text itself, with
//! ab_glyph: a glyph of `size` pixels per em at its advance (no kerning, as the layout
//! measured), aligned on the anchor as `textAlign` and `textBaseline` align it (the
//! middle of the em box, from the font's ascent and descent), its coverage blended into
//! the bitmap.

use ab_glyph::{point, Font, FontRef, PxScale, ScaleFont};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle,
};
use plotters_bitmap::{BitMapBackend, BitMapBackendError};

/// Liberation Sans Regular and Bold, unmodified (SIL Open Font License 1.1: `fonts/LICENSE`).
static REGULAR: &[u8] = include_bytes!("../fonts/LiberationSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/LiberationSans-Bold.ttf");

/// The two faces the charts draw with.
pub struct Fonts {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

impl Fonts {
    /// The vendored faces, read once.
    pub fn load() -> Result<Fonts, String> {
        let read = |bytes| FontRef::try_from_slice(bytes).map_err(|e| format!("the vendored font: {e}"));
        Ok(Fonts { regular: read(REGULAR)?, bold: read(BOLD)? })
    }
}

/// A bitmap in RGB, drawn by plotters' `BitMapBackend`, its text by [`Fonts`].
pub struct Raster<'a> {
    bitmap: BitMapBackend<'a>,
    fonts: &'a Fonts,
}

impl<'a> Raster<'a> {
    /// A raster of `size` pixels over `buffer` (3 bytes a pixel, RGB).
    pub fn new(buffer: &'a mut [u8], size: (u32, u32), fonts: &'a Fonts) -> Result<Raster<'a>, String> {
        let bitmap = BitMapBackend::with_buffer_and_format(buffer, size).map_err(|e| e.to_string())?;
        Ok(Raster { bitmap, fonts })
    }
}

type Done = Result<(), DrawingErrorKind<BitMapBackendError>>;

impl DrawingBackend for Raster<'_> {
    type ErrorType = BitMapBackendError;
    fn get_size(&self) -> (u32, u32) {
        self.bitmap.get_size()
    }
    fn ensure_prepared(&mut self) -> Done {
        self.bitmap.ensure_prepared()
    }
    fn present(&mut self) -> Done {
        self.bitmap.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Done {
        self.bitmap.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Done {
        self.bitmap.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Done {
        self.bitmap.draw_rect(upper_left, bottom_right, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Done {
        self.bitmap.draw_path(path, style)
    }
    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Done {
        self.bitmap.draw_circle(center, radius, style, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vertices: I, style: &S) -> Done {
        self.bitmap.fill_polygon(vertices, style)
    }
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Done {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let font = if matches!(style.style(), FontStyle::Bold) { &self.fonts.bold } else { &self.fonts.regular };
        // ab_glyph scales a font to a line height (ascent to descent); a canvas's `Npx`
        // is the em.
        let em = style.size() as f32;
        let units = font.units_per_em().unwrap_or(2048.0);
        let scaled = font.as_scaled(PxScale::from(em * font.height_unscaled() / units));
        let width: f32 = text.chars().map(|c| scaled.h_advance(scaled.glyph_id(c))).sum();
        let anchor = style.anchor();
        let left = pos.0 as f32
            - match anchor.h_pos {
                HPos::Left => 0.0,
                HPos::Right => width,
                HPos::Center => width / 2.0,
            };
        // `textBaseline`: the em box's top, middle or bottom, from the font's ascent and
        // descent (ab_glyph's descent is negative).
        let baseline = pos.1 as f32
            + match anchor.v_pos {
                VPos::Top => scaled.ascent(),
                VPos::Center => (scaled.ascent() + scaled.descent()) / 2.0,
                VPos::Bottom => scaled.descent(),
            };
        let mut pen = left;
        let mut result = Ok(());
        for c in text.chars() {
            let id = scaled.glyph_id(c);
            let glyph = id.with_scale_and_position(scaled.scale(), point(pen, baseline));
            pen += scaled.h_advance(id);
            let Some(outline) = font.outline_glyph(glyph) else { continue };
            let bounds = outline.px_bounds();
            let (x0, y0) = (bounds.min.x as i32, bounds.min.y as i32);
            let bitmap = &mut self.bitmap;
            outline.draw(|x, y, coverage| {
                if coverage > 0.0 && result.is_ok() {
                    let alpha = color.alpha * f64::from(coverage.min(1.0));
                    result = bitmap.draw_pixel((x0 + x as i32, y0 + y as i32), BackendColor { alpha, rgb: color.rgb });
                }
            });
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters_backend::text_anchor::Pos;
    use plotters_backend::{FontFamily, FontTransform};

    struct Style(Pos, f64);

    impl BackendTextStyle for Style {
        type FontError = std::convert::Infallible;
        fn color(&self) -> BackendColor {
            BackendColor { alpha: 1.0, rgb: (0, 0, 0) }
        }
        fn size(&self) -> f64 {
            self.1
        }
        fn transform(&self) -> FontTransform {
            FontTransform::None
        }
        fn style(&self) -> FontStyle {
            FontStyle::Normal
        }
        fn anchor(&self) -> Pos {
            self.0
        }
        fn family(&self) -> FontFamily<'_> {
            FontFamily::SansSerif
        }
        fn layout_box(&self, _: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
            Ok(((0, 0), (0, 0)))
        }
        fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
            &self,
            _: &str,
            _: BackendCoord,
            _: F,
        ) -> Result<Result<(), E>, Self::FontError> {
            Ok(Ok(()))
        }
    }

    /// The ink's box: leftmost, top, rightmost, bottom dark pixel.
    fn ink(buffer: &[u8], width: u32) -> (u32, u32, u32, u32) {
        let mut found = (u32::MAX, u32::MAX, 0, 0);
        for (i, pixel) in buffer.chunks(3).enumerate() {
            if pixel[0] < 128 {
                let (x, y) = (i as u32 % width, i as u32 / width);
                found = (found.0.min(x), found.1.min(y), found.2.max(x), found.3.max(y));
            }
        }
        found
    }

    #[test]
    fn text_is_drawn_at_its_em_size_on_the_canvas_middle_and_aligned_by_its_advance() {
        let fonts = Fonts::load().unwrap();
        let (width, height) = (400, 200);
        let mut buffer = vec![255; 3 * 400 * 200];
        let mut raster = Raster::new(&mut buffer, (width, height), &fonts).unwrap();
        // "H" at 100 px, centred on (200, 100): the canvas's middle, halfway between the
        // ascent (0.905 em) and the descent (0.212 em), puts the baseline 34.7 px under
        // the anchor, and Liberation Sans's capitals are 0.688 em high (1409 units of 2048).
        raster.draw_text("H", &Style(Pos::new(HPos::Center, VPos::Center), 100.0), (200, 100)).unwrap();
        drop(raster);
        let (left, top, right, bottom) = ink(&buffer, width);
        assert!((134..=136).contains(&bottom), "baseline at {bottom}");
        assert!((65..=67).contains(&top), "cap height from {top}");
        // The glyph's ink, centred on its advance (its side bearings are equal): 0.722 em
        // less two bearings of 0.077 em.
        assert!(((left + right) as i32 - 400).abs() <= 2, "{left}..{right}");
        assert!((55..=58).contains(&(right - left)), "stem to stem {}", right - left);
    }

    #[test]
    fn right_aligned_text_ends_at_its_anchor() {
        let fonts = Fonts::load().unwrap();
        let mut buffer = vec![255; 3 * 400 * 100];
        let mut raster = Raster::new(&mut buffer, (400, 100), &fonts).unwrap();
        raster.draw_text("Mistral", &Style(Pos::new(HPos::Right, VPos::Center), 40.0), (300, 50)).unwrap();
        drop(raster);
        let (left, _, right, _) = ink(&buffer, 400);
        // The advance of "Mistral" at 40 px: 0.833 + 0.222 + 0.5 + 0.278 + 0.333 + 0.556 + 0.222 em.
        let advance = 2.944 * 40.0;
        assert!((295..=300).contains(&right), "{right}");
        assert!((f64::from(left) - (300.0 - advance)).abs() < 5.0, "{left}");
    }
}
