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
        // Rows named beside their bars (countries) leave the bars a little less.
        for css_width in PHONE_WIDTHS {
            let plan = screen_plan(&session, css_width);
            let least_width = if names_beside_bars(&plan) { 0.55 } else { 0.75 };
            let (height, width) = plot_share(&plan);
            if height < 0.6 || width < least_width {
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
            let title = session.dataset().source(id).title.get(figure.lang);
            assert!(!drawn.contains(title), "{name}: the source title {title:?} is drawn twice");
        }
    }
}

/// Whether the bars' names stand beside them (rows of countries), not above.
fn names_beside_bars(plan: &Plan) -> bool {
    plan.hits.first().is_some_and(|hit| plan.plot[0].0 > hit.target[0].0 + 30)
}

/// The height of one bar's row at 390 CSS pixels, in CSS pixels: the plot's height over
/// its bars, in the views whose panels hold one bar each (the countries, the systems).
fn height_per_bar(session: &Session) -> f64 {
    let plan = screen_plan(session, 390.0);
    let [(_, y0), (_, y1)] = plan.plot;
    let bars = session.figure().unwrap().items().count();
    f64::from(y1 - y0) / 3.0 / bars as f64
}

/// The bar views whose panels hold one bar each under a heading (countries, systems).
fn views_whose_rows_are_panels() -> Vec<(String, Session)> {
    let rows = |session: &Session| {
        let figure = session.figure().unwrap();
        figure.panels.iter().all(|p| p.bars.len() == 1 && !p.heading.is_empty())
    };
    every_view().into_iter().filter(|(_, kind, s)| *kind == ViewKind::Bars && rows(s)).map(|(n, _, s)| (n, s)).collect()
}

/// Every text a plan draws.
fn texts_of(plan: &Plan) -> Vec<&str> {
    plan.shapes
        .iter()
        .filter_map(|s| if let Shape::Text { text, .. } = s { Some(text.as_str()) } else { None })
        .collect()
}

#[test]
fn one_line_per_bar_on_a_phone() {
    let mut tall = Vec::new();
    for (name, session) in views_whose_rows_are_panels() {
        let figure = session.figure().unwrap();
        let height = height_per_bar(&session);
        let plan = screen_plan(&session, 390.0);
        let share = plot_share(&plan).0;
        eprintln!(
            "height per bar at 390 px, {name}: {height:.1} CSS px ({} bars, plot {:.0} % of the height, canvas {} CSS px)",
            figure.items().count(),
            share * 100.0,
            plan.height / 3
        );
        // Name, bar and value: one row, or a line of name above the bar when the names
        // are too long to stand beside it; never a heading, a region line and a bar. A
        // plot stretched to its 60 % share of the canvas may be taller.
        if height > 44.0 && share > 0.65 {
            tall.push(format!("{name}: {height:.1} CSS px per bar"));
        }
        // The region is said once, in the key, never under each entry.
        let texts = texts_of(&plan);
        for entry in figure.legend.iter().filter(|l| l.visible) {
            let rows_so_named = figure.panels.iter().filter(|p| p.heading == entry.label).count();
            let count = texts.iter().filter(|t| **t == entry.label).count() - rows_so_named;
            if count != 1 {
                tall.push(format!("{name}: \"{}\" drawn {count} times", entry.label));
            }
        }
    }
    assert!(tall.is_empty(), "bars too tall on a phone:\n{}", tall.join("\n"));
}

#[test]
fn rows_named_by_their_panels_are_named_whole() {
    let mut cut = Vec::new();
    for (name, session) in views_whose_rows_are_panels() {
        let figure = session.figure().unwrap();
        for css_width in [390.0, 760.0] {
            let plan = screen_plan(&session, css_width);
            let texts = texts_of(&plan);
            // A name too long to stand beside its bar goes above it, never shortened
            // with "…" (a system's site, a country).
            for panel in &figure.panels {
                if !texts.contains(&panel.heading.as_str()) {
                    cut.push(format!("{name} at {css_width}px: {:?}", panel.heading));
                }
            }
        }
    }
    assert!(cut.is_empty(), "names not drawn whole:\n{}", cut.join("\n"));
}
