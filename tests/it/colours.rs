//! Colours a reader can tell apart: in every view each series has its own colour; the
//! colours of neighbouring series stay at least 15 apart (CIEDE2000) for normal vision
//! and under simulated protanopia, deuteranopia and tritanopia (Machado, Oliveira and
//! Fernandes 2009, full severity); and every series colour stands out from the paper by
//! at least 3:1, in the light and the dark theme.

use autonomie::chart::figure::{Figure, Rgb};
use autonomie::chart::state::ViewState;
use autonomie::data::model::Dataset;
use autonomie::layout::theme::{contrast, Theme};

/// sRGB (0..255) to linear light.
fn linear(channel: u8) -> f64 {
    let c = f64::from(channel) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn encode(linear: f64) -> f64 {
    let c = linear.clamp(0.0, 1.0);
    255.0 * if c <= 0.003_130_8 { 12.92 * c } else { 1.055 * c.powf(1.0 / 2.4) - 0.055 }
}

/// Colour-vision deficiencies, as linear-RGB matrices (Machado et al. 2009, severity 1).
const SIMULATIONS: [(&str, [[f64; 3]; 3]); 3] = [
    (
        "protanopia",
        [[0.152_286, 1.052_583, -0.204_868], [0.114_503, 0.786_281, 0.099_216], [-0.003_882, -0.048_116, 1.051_998]],
    ),
    (
        "deuteranopia",
        [[0.367_322, 0.860_646, -0.227_968], [0.280_085, 0.672_501, 0.047_413], [-0.011_820, 0.042_940, 0.968_881]],
    ),
    (
        "tritanopia",
        [[1.255_528, -0.076_749, -0.178_779], [-0.078_411, 0.930_809, 0.147_602], [0.004_733, 0.691_367, 0.303_900]],
    ),
];

fn simulate((r, g, b): Rgb, matrix: &[[f64; 3]; 3]) -> [f64; 3] {
    let rgb = [linear(r), linear(g), linear(b)];
    let row = |m: [f64; 3]| encode(m[0] * rgb[0] + m[1] * rgb[1] + m[2] * rgb[2]);
    [row(matrix[0]), row(matrix[1]), row(matrix[2])]
}

/// sRGB (0..255, possibly fractional) to CIE L*a*b* (D65).
fn lab([r, g, b]: [f64; 3]) -> [f64; 3] {
    let lin = |c: f64| {
        let c = (c / 255.0).clamp(0.0, 1.0);
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let (r, g, b) = (lin(r), lin(g), lin(b));
    let x = (0.412_456_4 * r + 0.357_576_1 * g + 0.180_437_5 * b) / 0.950_47;
    let y = 0.212_672_9 * r + 0.715_152_2 * g + 0.072_175 * b;
    let z = (0.019_333_9 * r + 0.119_192 * g + 0.950_304_1 * b) / 1.088_83;
    let f = |t: f64| if t > 216.0 / 24389.0 { t.cbrt() } else { (24389.0 / 27.0 * t + 16.0) / 116.0 };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// The CIEDE2000 colour difference.
fn delta_e_2000([l1, a1, b1]: [f64; 3], [l2, a2, b2]: [f64; 3]) -> f64 {
    use std::f64::consts::PI;
    let deg = |r: f64| r * 180.0 / PI;
    let rad = |d: f64| d * PI / 180.0;
    let c1 = a1.hypot(b1);
    let c2 = a2.hypot(b2);
    let c_mean = (c1 + c2) / 2.0;
    let g = 0.5 * (1.0 - (c_mean.powi(7) / (c_mean.powi(7) + 25f64.powi(7))).sqrt());
    let (a1p, a2p) = ((1.0 + g) * a1, (1.0 + g) * a2);
    let (c1p, c2p) = (a1p.hypot(b1), a2p.hypot(b2));
    let hue = |b: f64, a: f64| if b == 0.0 && a == 0.0 { 0.0 } else { deg(b.atan2(a)).rem_euclid(360.0) };
    let (h1p, h2p) = (hue(b1, a1p), hue(b2, a2p));
    let dl = l2 - l1;
    let dc = c2p - c1p;
    let dh = if c1p * c2p == 0.0 {
        0.0
    } else if (h2p - h1p).abs() <= 180.0 {
        h2p - h1p
    } else if h2p - h1p > 180.0 {
        h2p - h1p - 360.0
    } else {
        h2p - h1p + 360.0
    };
    let dhh = 2.0 * (c1p * c2p).sqrt() * (rad(dh) / 2.0).sin();
    let l_mean = (l1 + l2) / 2.0;
    let cp_mean = (c1p + c2p) / 2.0;
    let hp_mean = if c1p * c2p == 0.0 {
        h1p + h2p
    } else if (h1p - h2p).abs() <= 180.0 {
        (h1p + h2p) / 2.0
    } else if h1p + h2p < 360.0 {
        (h1p + h2p + 360.0) / 2.0
    } else {
        (h1p + h2p - 360.0) / 2.0
    };
    let t = 1.0 - 0.17 * rad(hp_mean - 30.0).cos()
        + 0.24 * rad(2.0 * hp_mean).cos()
        + 0.32 * rad(3.0 * hp_mean + 6.0).cos()
        - 0.20 * rad(4.0 * hp_mean - 63.0).cos();
    let d_theta = 30.0 * (-((hp_mean - 275.0) / 25.0).powi(2)).exp();
    let rc = 2.0 * (cp_mean.powi(7) / (cp_mean.powi(7) + 25f64.powi(7))).sqrt();
    let sl = 1.0 + 0.015 * (l_mean - 50.0).powi(2) / (20.0 + (l_mean - 50.0).powi(2)).sqrt();
    let sc = 1.0 + 0.045 * cp_mean;
    let sh = 1.0 + 0.015 * cp_mean * t;
    let rt = -(rad(2.0 * d_theta)).sin() * rc;
    ((dl / sl).powi(2) + (dc / sc).powi(2) + (dhh / sh).powi(2) + rt * (dc / sc) * (dhh / sh)).sqrt()
}

#[test]
fn the_colour_difference_matches_published_pairs() {
    // Sharma, Wu and Dalal (2005), test data pairs 1 and 17.
    assert!((delta_e_2000([50.0, 2.6772, -79.7751], [50.0, 0.0, -82.7485]) - 2.0425).abs() < 1e-3);
    assert!((delta_e_2000([50.0, 2.5, 0.0], [73.0, 25.0, -18.0]) - 27.1492).abs() < 1e-3);
}

/// Every view of the embedded dataset in both languages' default state, as figures.
fn every_view(dataset: &Dataset) -> Vec<(String, Figure)> {
    let mut figures = Vec::new();
    for chart in &dataset.charts {
        for view in &chart.views {
            let mut state = ViewState::new(dataset, &chart.id).unwrap();
            state.set_view(dataset, &view.id).unwrap();
            figures.push((format!("{}/{}", chart.id, view.id), Figure::build(dataset, &state).unwrap()));
        }
    }
    figures
}

#[test]
fn every_series_has_its_own_colour_and_neighbours_stay_apart_for_every_vision() {
    let dataset = Dataset::embedded().unwrap();
    let mut problems = Vec::new();
    for (name, figure) in every_view(&dataset) {
        for theme in [Theme::Light, Theme::Dark] {
            let colours: Vec<(String, Rgb)> =
                figure.legend.iter().map(|entry| (entry.label.clone(), theme.series_color(entry.color))).collect();
            for (i, (a, ca)) in colours.iter().enumerate() {
                for (j, (b, cb)) in colours.iter().enumerate().skip(i + 1) {
                    let rgb = |(r, g, b): Rgb| [f64::from(r), f64::from(g), f64::from(b)];
                    let normal = delta_e_2000(lab(rgb(*ca)), lab(rgb(*cb)));
                    if normal < 10.0 {
                        problems.push(format!("{name} {theme:?}: {a} and {b} share a colour (ΔE {normal:.1})"));
                    }
                    if j != i + 1 {
                        continue;
                    }
                    for (vision, matrix) in
                        [("normal vision", None)].into_iter().chain(SIMULATIONS.iter().map(|(n, m)| (*n, Some(m))))
                    {
                        let (sa, sb) = match matrix {
                            Some(m) => (simulate(*ca, m), simulate(*cb, m)),
                            None => (rgb(*ca), rgb(*cb)),
                        };
                        let difference = delta_e_2000(lab(sa), lab(sb));
                        if difference < 15.0 {
                            problems.push(format!("{name} {theme:?}, {vision}: {a} and {b} are {difference:.1} apart"));
                        }
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "colours too close:\n{}", problems.join("\n"));
}

#[test]
fn every_series_colour_stands_out_from_the_paper() {
    let dataset = Dataset::embedded().unwrap();
    for (name, figure) in every_view(&dataset) {
        for theme in [Theme::Light, Theme::Dark] {
            for entry in &figure.legend {
                let drawn = theme.series_color(entry.color);
                let ratio = contrast(drawn, theme.paper());
                assert!(ratio >= 3.0, "{name} {theme:?}: {} is {ratio:.2}:1 against the paper", entry.label);
            }
        }
    }
}
