//! Themes and their palettes: the colours of a drawing, with their contrast checked
//! (WCAG) so that every text and mark stays readable on its paper.

use crate::chart::figure::Rgb;

/// The `theme` attribute's values: a theme of its own, or `auto` (the reader's
/// `prefers-color-scheme`, [`DEFAULT_THEME_CHOICE`]). Forced colors draw in
/// [`Theme::Contrast`] whatever the choice.
pub const THEME_CHOICES: [&str; 3] = ["light", "dark", "auto"];

/// The `theme` attribute's default: the reader's own preference.
pub const DEFAULT_THEME_CHOICE: &str = "auto";

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
    /// Every theme a chart is drawn in, by name: the page draws in `light` or `dark` (a
    /// reader's or a blogger's choice, see [`THEME_CHOICES`]) and in `contrast` under
    /// forced colors.
    pub const NAMES: [&'static str; 3] = ["light", "dark", "contrast"];

    /// Parses `light`, `dark` or `contrast`.
    pub fn parse(name: &str) -> Option<Theme> {
        match name {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "contrast" => Some(Theme::Contrast),
            _ => None,
        }
    }

    /// The theme named `name` ([`Theme::NAMES`]), or an error naming the others.
    pub fn named(name: &str) -> Result<Theme, crate::error::Error> {
        Theme::parse(name).ok_or_else(|| crate::error::Error::UnknownOption {
            option: "theme",
            value: name.to_owned(),
            expected: Theme::NAMES.map(str::to_owned).to_vec(),
        })
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
    pub(crate) fn series_text(&self, color: Rgb) -> Rgb {
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

/// Mixes `a` towards `b`: 0 keeps `a`, 1 gives `b`.
pub(crate) fn mix(a: Rgb, b: Rgb, amount: f64) -> Rgb {
    let channel = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * amount).round() as u8;
    (channel(a.0, b.0), channel(a.1, b.1), channel(a.2, b.2))
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
