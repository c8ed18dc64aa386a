//! The long-series line chart: decimation draws the same pixels as the whole series.
//!
//! Compared here at a one-pixel line width, where plotters' bitmap backend draws plain
//! segments. Thicker lines are outlined by each backend with its own joins; the
//! browser's canvas is compared at the real width in `tests/e2e/series.test.mjs`.

use autonomie::data::model::Scale;
use autonomie::layout::plan::{self, LayoutRequest};
use autonomie::layout::series;
use autonomie::layout::text::EstimatedWidths;
use autonomie::layout::theme::Theme;
use plotters_bitmap::BitMapBackend;

/// The benchmark's random walk: mulberry32 seeded with 42, y from 100,
/// y *= exp((r - 0.5) * 4 / sqrt(n)).
fn random_walk(n: usize) -> Vec<f64> {
    let mut seed: u32 = 42;
    let mut next = move || {
        seed = seed.wrapping_add(0x6d2b_79f5);
        let mut t = seed;
        t = (t ^ (t >> 15)).wrapping_mul(t | 1);
        t ^= t.wrapping_add((t ^ (t >> 7)).wrapping_mul(t | 61));
        f64::from(t ^ (t >> 14)) / 4_294_967_296.0
    };
    let mut y = 100.0;
    (0..n)
        .map(|_| {
            let value = y;
            y *= ((next() - 0.5) * 4.0 / (n as f64).sqrt()).exp();
            value
        })
        .collect()
}

const W: usize = 1640;
const H: usize = 1040;

/// RGB pixels of `values` drawn on 1640×1040 device pixels at `ratio` (the line is
/// 1.5 × `ratio` pixels wide, rounded), and how many vertices the line has.
fn pixels(values: &[f64], scale: Scale, ratio: f64, decimate: bool) -> (Vec<u8>, usize) {
    let canvas = LayoutRequest {
        width: W as u32,
        ratio: autonomie::layout::metrics::PixelRatio::new(ratio),
        height: Some(H as u32),
        theme: Theme::Light,
        footer: autonomie::layout::plan::Footer::Short,
    };
    let series = series::Series::new(values.to_vec()).unwrap();
    let plan = series::plan(&series, scale, &canvas, &EstimatedWidths, decimate).unwrap();
    let vertices = plan
        .shapes
        .iter()
        .filter_map(|s| match s {
            plan::Shape::Line { points, .. } => Some(points.len()),
            _ => None,
        })
        .max()
        .unwrap();
    let mut buffer = vec![0u8; W * H * 3];
    {
        let backend = BitMapBackend::with_buffer(&mut buffer, (W as u32, H as u32));
        // Text is not drawn by the bitmap backend without a font feature: keep only marks.
        let marks = plan::Plan {
            shapes: plan.shapes.into_iter().filter(|s| !matches!(s, plan::Shape::Text { .. })).collect(),
            ..plan
        };
        autonomie::draw::render(backend, &marks).unwrap();
    }
    (buffer, vertices)
}

fn inked(pixels: &[u8]) -> Vec<bool> {
    pixels.chunks(3).map(|p| p != [255, 255, 255]).collect()
}

#[test]
fn decimated_one_pixel_line_has_exactly_the_pixels_of_the_whole_series() {
    for (n, scale) in [(100_000, Scale::Linear), (100_000, Scale::Log), (1_000_000, Scale::Linear)] {
        let values = random_walk(n);
        let (whole, all_vertices) = pixels(&values, scale, 0.6, false);
        let (decimated, kept) = pixels(&values, scale, 0.6, true);
        assert_eq!(all_vertices, n);
        assert!(kept <= 4 * W, "{kept} vertices kept of {n}");
        let ink = inked(&whole).iter().filter(|i| **i).count();
        assert!(ink > 10_000, "the line is drawn ({ink} inked pixels)");
        let differing = whole.chunks(3).zip(decimated.chunks(3)).filter(|(a, b)| a != b).count();
        assert_eq!(differing, 0, "n = {n}, {scale:?}: {differing} pixels differ");
    }
}

#[test]
fn the_random_walk_is_the_benchmark_s() {
    let walk = random_walk(1000);
    assert_eq!(walk[0], 100.0);
    // First draws of mulberry32(42), the same as the JavaScript generator.
    assert!((walk[1] - 100.0 * ((0.6011037519201636 - 0.5) * 4.0 / 1000f64.sqrt()).exp()).abs() < 1e-9, "{}", walk[1]);
}
