//! The canvas's drawing, counted natively: `draw::render` through the batching
//! backend onto a [`Recorder`], the same path as the browser's canvas with the
//! browser's context replaced by one that writes each call down.

use std::collections::BTreeMap;
use std::rc::Rc;

use autonomie::data::model::{Dataset, Scale};
use autonomie::draw::canvas;
use autonomie::draw::recorder::Recorder;
use autonomie::layout::plan::{Plan, Shape};
use autonomie::layout::series::{self, Series};
use autonomie::layout::text::EstimatedWidths;
use autonomie::layout::theme::Theme;
use autonomie::session::{Change, Frame, Session};

/// The most canvas calls one toggle of the benchmark may make (bench/canvas-calls.mjs
/// counted 299 in Chromium when the canvas had its own painter, before it was drawn
/// through plotters).
const CEILING: usize = 299;

/// `name(...)` or `name = ...` → `name`.
fn name(call: &str) -> &str {
    call.split(['(', ' ']).next().unwrap_or(call)
}

fn tally(calls: &[String]) -> BTreeMap<&str, usize> {
    let mut tally = BTreeMap::new();
    for call in calls {
        *tally.entry(name(call)).or_insert(0) += 1;
    }
    tally
}

#[test]
fn one_toggle_of_the_benchmark_stays_under_the_ceiling() {
    // bench/autonomie.js: the valuations chart in English and US dollars, the view of
    // October 2025 (the one with a hatched bar: some 90 short lines, the case batching is
    // for), 820 × 260 CSS pixels at a pixel ratio of 2, light theme; a toggle switches
    // the scale and redraws. As in the browser, the chart keeps its measurements (and
    // their cache) from one drawing to the next, on the context it draws with.
    let dataset = Rc::new(Dataset::embedded().unwrap());
    let mut session = Session::new(dataset, "valuations").unwrap();
    session.state.set_lang("en").unwrap();
    session.state.set_currency("USD").unwrap();
    session.set_view("october-2025").unwrap();
    session.state.set_scale("linear").unwrap();
    let recorder = Recorder::new();
    let frame = Frame::screen(820.0, 2.0, Some(260.0), "light").unwrap();
    session.draw(&recorder, frame).unwrap();
    recorder.clear();
    session.change(&Change { scale: Some("log".into()), ..Change::default() }).unwrap();
    session.draw(&recorder, frame).unwrap();
    let plan = session.plan_frame(&frame, &EstimatedWidths).unwrap().0;
    let calls = recorder.calls();
    let tally = tally(&calls);
    eprintln!("{} canvas calls for one toggle: {tally:?}", calls.len());
    assert!(calls.len() <= CEILING, "{} canvas calls for one toggle, more than {CEILING}: {tally:?}", calls.len());
    // The count is of a whole drawing: every text and every line of the plan is there.
    let texts = plan.shapes.iter().filter(|s| matches!(s, Shape::Text { .. })).count();
    let lines = plan.shapes.iter().filter(|s| matches!(s, Shape::Line { .. })).count();
    assert!(texts >= 15 && lines >= 50, "{texts} texts, {lines} lines");
    assert_eq!(tally.get("fillText"), Some(&texts));
    assert_eq!(tally.get("moveTo"), Some(&lines));
    assert!(tally.get("measureText").is_some_and(|n| *n > 0), "the new scale's tick labels are measured");
}

/// The calls of drawing `plan` on a fresh recorder.
fn calls_of(plan: &Plan) -> Vec<String> {
    let recorder = Recorder::new();
    canvas::draw(&recorder, plan).unwrap();
    recorder.calls()
}

/// Every chart, view and scale in both languages and every theme, at a desktop and a
/// phone width.
fn every_plan() -> Vec<(String, Plan)> {
    let dataset = Rc::new(Dataset::embedded().unwrap());
    let mut plans = Vec::new();
    for chart in &dataset.charts {
        let mut session = Session::new(Rc::clone(&dataset), &chart.id).unwrap();
        for view in &chart.views {
            session.set_view(&view.id).unwrap();
            for scale in ["linear", "log"] {
                session.state.set_scale(scale).unwrap();
                for lang in ["fr", "en"] {
                    session.state.set_lang(lang).unwrap();
                    for theme in [Theme::Light, Theme::Dark, Theme::Contrast] {
                        for (width, ratio) in [(760.0, 1.0), (360.0, 2.0)] {
                            let plan = session.plan(width, ratio, None, theme, &EstimatedWidths).unwrap();
                            plans.push((format!("{} {} {scale} {lang} {theme:?} {width}", chart.id, view.id), plan));
                        }
                    }
                }
            }
        }
    }
    plans
}

#[test]
fn a_style_is_set_only_when_it_changes() {
    for (what, plan) in every_plan() {
        let mut last: BTreeMap<&str, &str> = BTreeMap::new();
        let calls = calls_of(&plan);
        for call in &calls {
            if let Some((property, value)) = call.split_once(" = ") {
                assert_ne!(last.insert(property, value), Some(value), "{what}: {property} set again to {value}");
            }
        }
        // And set before its first use: the backend assumes nothing of the context.
        let first = |prefix: &str| calls.iter().position(|c| c.starts_with(prefix));
        if let Some(text) = first("fillText") {
            for property in ["font = ", "textAlign = ", "textBaseline = ", "fillStyle = "] {
                assert!(first(property).is_some_and(|p| p < text), "{what}: {property} set after the first text");
            }
        }
        assert!(first("fillStyle = ") < first("fillRect"), "{what}: fillStyle set after the first fillRect");
    }
}

#[test]
fn consecutive_lines_of_one_style_are_stroked_as_one_path() {
    for (what, plan) in every_plan() {
        let calls = calls_of(&plan);
        // A path of lines stroked right after another, with no change of style in
        // between, is a path that could have been one.
        for (i, window) in calls.windows(3).enumerate() {
            if window[0] == "stroke()" && window[1] == "beginPath()" && window[2].starts_with("moveTo") {
                let end = calls[i + 1..].iter().find(|c| *c == "stroke()" || *c == "fill()");
                assert_ne!(
                    end.map(String::as_str),
                    Some("stroke()"),
                    "{what}: call {i}: two paths of one style in a row"
                );
            }
        }
        // Every path is stroked or filled: none is left open at the end.
        let last_path = calls.iter().rposition(|c| c == "beginPath()");
        let last_paint = calls.iter().rposition(|c| c == "stroke()" || c == "fill()");
        assert!(last_path < last_paint, "{what}: the last path is never drawn");
        let hatched =
            plan.shapes.iter().filter(|s| matches!(s, Shape::Line { points, .. } if points.len() == 2)).count();
        let strokes = calls.iter().filter(|c| *c == "stroke()").count();
        if hatched > 20 {
            assert!(strokes * 4 < hatched, "{what}: {strokes} strokes for {hatched} short lines");
        }
    }
}

#[test]
fn the_series_chart_draws_its_line_as_one_path_of_few_points() {
    let values: Vec<f64> = (0..100_000).map(|i| 100.0 + f64::from(i % 977) * ((i / 977) as f64).sin()).collect();
    let values: Vec<f64> = values.into_iter().map(f64::abs).collect();
    let series = Series::new(values).unwrap();
    let layout = Frame::screen(820.0, 2.0, Some(520.0), "light").unwrap().layout(2.0);
    let plan = series::plan(&series, Scale::Linear, &layout, &EstimatedWidths, true).unwrap();
    let calls = calls_of(&plan);
    let tally = tally(&calls);
    let points = tally.get("moveTo").unwrap_or(&0) + tally.get("lineTo").unwrap_or(&0);
    assert!(points <= 4 * 1640 + 100, "{points} points for a plot 1640 pixels wide");
    assert!(points > 1000, "{points} points: the line is drawn");
    // The series is the last path: one line, stroked once.
    let last = calls.iter().rposition(|c| c == "beginPath()").unwrap();
    let path = &calls[last + 1..];
    assert_eq!(path.iter().filter(|c| c.starts_with("moveTo")).count(), 1, "{tally:?}");
    assert!(path.iter().filter(|c| c.starts_with("lineTo")).count() > 1000, "{tally:?}");
    assert_eq!(path.last().map(String::as_str), Some("stroke()"));
}
