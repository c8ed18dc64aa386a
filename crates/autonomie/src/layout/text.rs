//! Text measurement and line wrapping, without the DOM.
//!
//! Layout needs text widths before drawing. plotters measures text on the web by
//! inserting a `<span>` into the page, which forces a layout per label, is skewed by the
//! host page's CSS and is blocked by a strict CSP. The renderer asks a [`TextWidths`]
//! instead: the canvas's own `measureText` in the browser
//! ([`crate::draw::text_widths::ContextTextWidths`]), or [`EstimatedWidths`], a fixed table,
//! for native SVG output and tests.

use crate::layout::arial_widths::ARIAL_WIDTHS;

/// The fonts the charts use: one sans-serif family, regular or bold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    /// Size in device pixels.
    pub size: f64,
    /// Bold or regular.
    pub bold: bool,
}

impl Font {
    /// A regular font of `size` device pixels.
    pub fn regular(size: f64) -> Font {
        Font { size, bold: false }
    }

    /// A bold font of `size` device pixels.
    pub fn bold(size: f64) -> Font {
        Font { size, bold: true }
    }

    /// The CSS font shorthand, as the canvas and plotters write it.
    pub fn css(&self) -> String {
        format!("{}{}px sans-serif", if self.bold { "bold " } else { "" }, self.size)
    }
}

/// Measures the advance width of a text.
pub trait TextWidths {
    /// Width of `text` in `font`, in device pixels.
    fn width(&self, text: &str, font: Font) -> f64;
}

/// Widths from a fixed table of sans-serif advances: Arial-like widths plus 18 % so
/// that wider fonts (DejaVu Sans, the default of many Linux SVG viewers) still fit.
/// Deterministic: the same on every machine, which the SVG snapshot tests rely on.
#[derive(Debug, Clone, Copy, Default)]
pub struct EstimatedWidths;

impl TextWidths for EstimatedWidths {
    fn width(&self, text: &str, font: Font) -> f64 {
        let em: f64 = text.chars().map(advance).sum();
        em * font.size * if font.bold { 1.07 } else { 1.0 } * WIDER_FONT_SLACK
    }
}

/// The advance widths of Arial (as Liberation Sans has them: the same), the usual
/// `sans-serif` of browsers (Arial on Windows, Helvetica on macOS has nearly the same,
/// Liberation Sans on many Linux systems, Roboto on Android is close). The first views
/// ([`crate::session::Session::screen_svg`]) are laid out with it, so that their lines
/// break where the canvas's will on most readers' screens. Characters outside the table
/// fall back to the estimate of [`EstimatedWidths`] without its slack.
#[derive(Debug, Clone, Copy, Default)]
pub struct ArialWidths;

impl TextWidths for ArialWidths {
    fn width(&self, text: &str, font: Font) -> f64 {
        let thousandths: f64 = text
            .chars()
            .map(|c| {
                let known =
                    ARIAL_WIDTHS.binary_search_by_key(&c, |&(k, _, _)| k).ok().and_then(|i| ARIAL_WIDTHS.get(i));
                match known {
                    Some(&(_, regular, bold)) => f64::from(if font.bold { bold } else { regular }),
                    None => advance(c) * 1000.0 * if font.bold { 1.07 } else { 1.0 },
                }
            })
            .sum();
        thousandths / 1000.0 * font.size
    }
}

/// Room left for sans-serif fonts wider than Arial.
const WIDER_FONT_SLACK: f64 = 1.18;

/// Advance of one character, in ems.
fn advance(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '\'' | '|' | '.' | ',' | ':' | ';' | '!' | 'í' | 'ï' | 'î' => 0.24,
        ' ' | '\u{a0}' | 'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '/' | '-' => 0.31,
        '\u{202f}' => 0.18,
        'm' | 'M' | 'W' | 'w' => 0.86,
        'A'..='Z' | 'É' | 'È' | 'Ê' | 'À' | 'Ç' | 'Œ' | '€' | '%' | '&' | '@' => 0.68,
        '0'..='9' | '$' | '≈' | '+' | '=' | '−' | '–' | '<' | '>' => 0.56,
        '·' | '•' => 0.3,
        '—' => 1.0,
        c if c.is_ascii_lowercase() => 0.53,
        c if c.is_alphabetic() => 0.56,
        _ => 0.6,
    }
}

/// Splits `text` into lines no wider than `max_width`, at spaces. A single word wider
/// than the line is cut with an ellipsis.
pub fn wrap(text: &str, max_width: f64, font: Font, widths: &dyn TextWidths) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
        if widths.width(&candidate, font) <= max_width || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.to_owned();
        }
        if widths.width(&line, font) > max_width {
            lines.push(ellipsize(&line, max_width, font, widths));
            line.clear();
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Shortens `text` with a trailing ellipsis until it fits in `max_width`.
pub fn ellipsize(text: &str, max_width: f64, font: Font, widths: &dyn TextWidths) -> String {
    if widths.width(text, font) <= max_width {
        return text.to_owned();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>().trim_end().to_owned() + "…";
        if widths.width(&candidate, font) <= max_width {
            return candidate;
        }
    }
    "…".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arial_metrics_are_arial_advances() {
        // Arial: H 722, e 556, l 222, o 556 thousandths of an em; bold H 722, e 556, l 278, o 611.
        assert!((ArialWidths.width("Hello", Font::regular(10.0)) - 22.78).abs() < 1e-9);
        assert!((ArialWidths.width("Hello", Font::bold(10.0)) - 24.45).abs() < 1e-9);
        // Outside the table: the estimate without its slack.
        assert!((ArialWidths.width("ẞ", Font::regular(10.0)) - 5.6).abs() < 1e-9);
        assert!(ARIAL_WIDTHS.windows(2).all(|pair| pair[0].0 < pair[1].0), "sorted for the binary search");
    }

    #[test]
    fn wraps_at_spaces_and_cuts_overlong_words() {
        let font = Font::regular(10.0);
        let lines = wrap("one two three four", 45.0, font, &EstimatedWidths);
        assert!(lines.len() >= 2, "{lines:?}");
        for line in &lines {
            assert!(EstimatedWidths.width(line, font) <= 45.0, "{line}");
        }
        assert_eq!(lines.join(" "), "one two three four");
        let cut = wrap("Supercalifragilistic", 40.0, font, &EstimatedWidths);
        assert_eq!(cut.len(), 1);
        assert!(cut[0].ends_with('…'));
        assert!(wrap("", 40.0, font, &EstimatedWidths).is_empty());
    }

    #[test]
    fn bold_is_wider_and_width_scales_with_size() {
        let regular = EstimatedWidths.width("Mistral AI", Font::regular(10.0));
        assert!(EstimatedWidths.width("Mistral AI", Font::bold(10.0)) > regular);
        assert!((EstimatedWidths.width("Mistral AI", Font::regular(20.0)) - 2.0 * regular).abs() < 1e-9);
    }
}
