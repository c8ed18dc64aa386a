//! The link previews (issue 21): a 1200 × 630 PNG of a view, what a platform shows for a
//! link to it (an Open Graph `og:image`, a Twitter card's large image, an oEmbed
//! thumbnail). The view in its default scale and currency, light theme, laid out by the
//! canvas's own plan (the title and subtitle, the plot, the key, the short source line)
//! at the largest pixel ratio, from 2 down, whose drawing fits 630 pixels: the text as
//! large as the chart allows, since a preview is shown at about 500 pixels wide. The
//! plan's height is asked to be 630 pixels, so a timeline's plot, or the bars, take the
//! room left. Drawn by `autonomie::render` on [`Raster`] (plotters' `BitMapBackend`),
//! written as an 8-bit RGB PNG by the png crate.

use autonomie::layout::plan::{Footer, Plan};
use autonomie::layout::text::ArialWidths;
use autonomie::layout::theme::Theme;
use autonomie::session::{Frame, Session};

use crate::raster::{Fonts, Raster};

/// A preview's width in pixels (Open Graph's recommended 1.91:1).
pub const PREVIEW_WIDTH: u32 = 1200;
/// A preview's height in pixels.
pub const PREVIEW_HEIGHT: u32 = 630;

/// The pixel ratios tried, largest first: from 2 (text twice its size on a screen) down
/// to 0.8, in steps of 0.05.
fn ratios() -> impl Iterator<Item = f64> {
    (0..=24).map(|step| 2.0 - 0.05 * f64::from(step))
}

/// The session's current state laid out for a preview: its screen layout at the largest
/// ratio whose drawing fits [`PREVIEW_HEIGHT`] (the smallest tried, cut at the bottom,
/// when none does).
pub fn preview_plan(session: &Session) -> Result<Plan, String> {
    let mut last = None;
    for ratio in ratios() {
        let frame = Frame {
            css_width: f64::from(PREVIEW_WIDTH) / ratio,
            ratio,
            css_height: Some(f64::from(PREVIEW_HEIGHT) / ratio),
            theme: Theme::Light,
            footer: Footer::Short,
        };
        let (plan, _) = session.plan_frame(&frame, &ArialWidths).map_err(|e| e.to_string())?;
        if plan.height <= PREVIEW_HEIGHT && plan.width == PREVIEW_WIDTH {
            return Ok(plan);
        }
        last = Some(plan);
    }
    last.ok_or_else(|| "no layout for the preview".to_owned())
}

/// The session's current state as a [`PREVIEW_WIDTH`] × [`PREVIEW_HEIGHT`] PNG.
pub fn preview_png(session: &Session, fonts: &Fonts) -> Result<Vec<u8>, String> {
    let plan = preview_plan(session)?;
    let (width, height) = (PREVIEW_WIDTH, PREVIEW_HEIGHT);
    // The paper's white under everything, in case the plan is shorter than the picture.
    let mut pixels = vec![255; 3 * width as usize * height as usize];
    let raster = Raster::new(&mut pixels, (width, height), fonts)?;
    autonomie::render(raster, &plan).map_err(|e| e.to_string())?;
    encode(&pixels, width, height)
}

/// `pixels` (RGB, 8 bits a channel) as a PNG, compressed as well as the png crate can
/// (each row's best filter), with no chunk that changes between runs.
fn encode(pixels: &[u8], width: u32, height: u32) -> Result<Vec<u8>, String> {
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Best);
    encoder.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(pixels).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(png)
}
