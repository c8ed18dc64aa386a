//! On a phone the chart takes the room: in every view and language, at the widths of
//! common phones (320 to 430 CSS pixels, three device pixels each), a bar chart's plot
//! fills at least 60 % of the canvas's height and 75 % of its width, and no two texts
//! drawn on the canvas overlap. Measured on the plan that the screen draws (the short
//! footer), with the estimated text widths that bound the browser's.

use std::rc::Rc;

use autonomie::data::model::{Dataset, ViewKind};
use autonomie::layout::plan::{Anchor, Footer, Plan, Shape};
use autonomie::layout::text::{EstimatedWidths, TextWidths};
use autonomie::layout::theme::Theme;
use autonomie::session::{Frame, Session};

const PHONE_WIDTHS: [f64; 4] = [320.0, 360.0, 390.0, 430.0];

/// Every chart, view and language of the embedded dataset, as a session.
fn every_view() -> Vec<(String, ViewKind, Session)> {
    let dataset = Rc::new(Dataset::embedded().unwrap());
    let mut sessions = Vec::new();
    for chart in &dataset.charts {
        for view in &chart.views {
            for lang in ["fr", "en"] {
                let mut session = Session::new(Rc::clone(&dataset), &chart.id).unwrap();
                session.set_view(&view.id).unwrap();
                session.state.set_lang(lang).unwrap();
                sessions.push((format!("{}/{} {lang}", chart.id, view.id), view.kind, session));
            }
        }
    }
    sessions
}

fn screen_plan(session: &Session, css_width: f64) -> Plan {
    session
        .plan_frame(
            &Frame { css_width, ratio: 3.0, css_height: None, theme: Theme::Light, footer: Footer::Short },
            &EstimatedWidths,
        )
        .unwrap()
        .0
}

/// The plot's share of the canvas: (height, width).
fn plot_share(plan: &Plan) -> (f64, f64) {
    let [(x0, y0), (x1, y1)] = plan.plot;
    (f64::from(y1 - y0) / f64::from(plan.height), f64::from(x1 - x0) / f64::from(plan.width))
}

#[test]
fn a_bar_chart_plot_fills_most_of_a_phone_canvas() {
    let mut short = Vec::new();
    for (name, kind, session) in every_view() {
        if kind != ViewKind::Bars {
            continue;
        }
        for css_width in PHONE_WIDTHS {
            let (height, width) = plot_share(&screen_plan(&session, css_width));
            if height < 0.6 || width < 0.75 {
                short.push(format!(
                    "{name} at {css_width}px: {:.0} % of the height, {:.0} % of the width",
                    height * 100.0,
                    width * 100.0
                ));
            }
        }
    }
    assert!(short.is_empty(), "plots too small on a phone:\n{}", short.join("\n"));
}

/// The box a text occupies, from its anchor, estimated width and font size.
fn text_box(text: &str, at: (i32, i32), size: f64, bold: bool, anchor: Anchor) -> [f64; 4] {
    let width = EstimatedWidths.width(text, autonomie::layout::text::Font { size, bold });
    let x = f64::from(at.0);
    let (left, right) = match anchor {
        Anchor::Left => (x, x + width),
        Anchor::Right => (x - width, x),
        Anchor::Center => (x - width / 2.0, x + width / 2.0),
    };
    // Capitals and descenders take about 0.8 of the font size around the middle line.
    let half = size * 0.4;
    [left, f64::from(at.1) - half, right, f64::from(at.1) + half]
}

fn overlapping_texts(plan: &Plan) -> Vec<String> {
    let boxes: Vec<(&str, [f64; 4])> = plan
        .shapes
        .iter()
        .filter_map(|shape| match shape {
            Shape::Text { text, at, font, anchor, .. } => {
                Some((text.as_str(), text_box(text, *at, font.size, font.bold, *anchor)))
            }
            _ => None,
        })
        .collect();
    let mut found = Vec::new();
    for (i, (a, [al, at, ar, ab])) in boxes.iter().enumerate() {
        for (b, [bl, bt, br, bb]) in &boxes[i + 1..] {
            if al < br && bl < ar && at < bb && bt < ab {
                found.push(format!("{a:?} and {b:?}"));
            }
        }
    }
    found
}

#[test]
fn no_two_texts_overlap_at_any_width() {
    let mut found = Vec::new();
    for (name, _, session) in every_view() {
        for css_width in PHONE_WIDTHS.into_iter().chain([768.0, 1200.0]) {
            for overlap in overlapping_texts(&screen_plan(&session, css_width)) {
                found.push(format!("{name} at {css_width}px: {overlap}"));
            }
        }
    }
    assert!(found.is_empty(), "overlapping texts:\n{}", found.join("\n"));
}

#[test]
fn the_screen_canvas_leaves_notes_rates_and_titles_to_the_page() {
    for (name, _, session) in every_view() {
        let figure = session.figure().unwrap();
        let plan = screen_plan(&session, 390.0);
        let drawn: String = plan
            .shapes
            .iter()
            .filter_map(|shape| if let Shape::Text { text, .. } = shape { Some(text.as_str()) } else { None })
            .collect::<Vec<_>>()
            .join(" ");
        for note in &figure.notes {
            let start: String = note.chars().take(30).collect();
            assert!(!drawn.contains(&start), "{name}: the note {note:?} is drawn on the canvas and shown in the page");
        }
        for rate in &figure.rates {
            assert!(
                !drawn.contains(rate.as_str()),
                "{name}: the rate {rate:?} is drawn on the canvas and shown in the page"
            );
        }
        for &id in &figure.sources {
            let title = &session.dataset().source(id).title;
            assert!(!drawn.contains(title.as_str()), "{name}: the source title {title:?} is drawn twice");
        }
    }
}
