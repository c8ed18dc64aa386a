//! Layout bounds: every text drawn stays inside the canvas, in every view, language and
//! width, even with the longest label the format allows.

use std::rc::Rc;

use autonomie::data::model::{Dataset, EMBEDDED_JSON};
use autonomie::layout::plan::{Anchor, Footer, Shape};
use autonomie::layout::text::{EstimatedWidths, TextWidths};
use autonomie::layout::theme::Theme;
use autonomie::session::{Frame, Session};

/// The texts of a drawing that pass the canvas's left or right edge.
fn overflowing(session: &Session, css_width: f64) -> Vec<String> {
    let plan = session.plan(css_width, 1.0, None, Theme::Light, &EstimatedWidths).unwrap();
    let width = f64::from(plan.width);
    plan.shapes
        .iter()
        .filter_map(|shape| match shape {
            Shape::Text { text, at, font, anchor, .. } => {
                let w = EstimatedWidths.width(text, *font);
                let x = f64::from(at.0);
                let (start, end) = match anchor {
                    Anchor::Left => (x, x + w),
                    Anchor::Right => (x - w, x),
                    Anchor::Center => (x - w / 2.0, x + w / 2.0),
                };
                (start < -1.0 || end > width + 1.0)
                    .then(|| format!("{text:?} spans {start:.0}..{end:.0} of 0..{width}"))
            }
            _ => None,
        })
        .collect()
}

fn check_every_view(dataset: Dataset) {
    let dataset = Rc::new(dataset);
    for chart in &dataset.charts {
        for view in &chart.views {
            for lang in ["fr", "en"] {
                for css_width in [360.0, 760.0] {
                    let mut session = Session::new(Rc::clone(&dataset), &chart.id).unwrap();
                    session.set_view(&view.id).unwrap();
                    session.state.set_lang(lang).unwrap();
                    let out = overflowing(&session, css_width);
                    assert!(out.is_empty(), "{}/{} {lang} at {css_width}px: {out:#?}", chart.id, view.id);
                }
            }
        }
    }
}

#[test]
fn every_text_of_the_real_charts_stays_inside_the_canvas() {
    check_every_view(Dataset::embedded().unwrap());
}

#[test]
fn the_longest_labels_allowed_are_shortened_to_fit() {
    // 300 characters, the format's limit for a text, on the valuations chart, whose
    // history view puts the label at the end of each line.
    let long = "Une très longue dénomination d'entreprise ".repeat(8).chars().take(300).collect::<String>();
    let mut json: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    for view in json["charts"][1]["views"].as_array_mut().unwrap() {
        view["series"][0]["label"] = serde_json::json!({ "fr": long, "en": long });
    }
    check_every_view(Dataset::from_json(&json.to_string()).unwrap());
}

#[test]
fn a_drawing_too_large_for_a_browser_canvas_is_drawn_at_a_lower_ratio() {
    use autonomie::session::{MAX_CANVAS_PIXELS, MAX_CANVAS_SIDE};
    // 200 bars, 20 long notes and 300-character labels: about 5,000 CSS pixels tall.
    let dataset = Rc::new(Dataset::from_json(&crate::bad_inputs::at_the_limits()).unwrap());
    let session = Session::new(Rc::clone(&dataset), &dataset.charts[0].id).unwrap();
    let (natural, one) = session
        .plan_frame(
            &Frame { css_width: 390.0, ratio: 1.0, css_height: None, theme: Theme::Light, footer: Footer::Short },
            &EstimatedWidths,
        )
        .unwrap();
    assert_eq!(one, 1.0, "at ratio 1 it fits");
    assert!(natural.height > 4000, "the chart is tall ({} px)", natural.height);
    for asked in [3.0, 8.0] {
        let (plan, ratio) = session
            .plan_frame(
                &Frame { css_width: 390.0, ratio: asked, css_height: None, theme: Theme::Light, footer: Footer::Short },
                &EstimatedWidths,
            )
            .unwrap();
        assert!(ratio < asked, "ratio {asked} is lowered (to {ratio})");
        assert!(plan.height <= MAX_CANVAS_SIDE && plan.width <= MAX_CANVAS_SIDE);
        assert!(
            u64::from(plan.width) * u64::from(plan.height) <= MAX_CANVAS_PIXELS,
            "{} × {}",
            plan.width,
            plan.height
        );
        // Still the whole chart: the same CSS height, within rounding.
        let css_height = f64::from(plan.height) / ratio;
        assert!(
            (css_height - f64::from(natural.height)).abs() / f64::from(natural.height) < 0.05,
            "{css_height} vs {}",
            natural.height
        );
    }
    // A normal chart keeps the ratio asked for.
    let real = Rc::new(Dataset::embedded().unwrap());
    let (_, ratio) = Session::new(real, "valuations")
        .unwrap()
        .plan_frame(
            &Frame { css_width: 820.0, ratio: 3.0, css_height: None, theme: Theme::Light, footer: Footer::Short },
            &EstimatedWidths,
        )
        .unwrap();
    assert_eq!(ratio, 3.0);
}

#[test]
fn a_timeline_ends_on_its_newest_figure_even_one_without_a_rate() {
    // In euros, Anthropic's newest figure ($965B, 28 May 2026) has no ECB rate: it has no
    // place on the euro axis, but its line's end label says it, as published; in dollars,
    // so does Mistral AI's (more than €21B, 8 September 2026).
    let dataset = Rc::new(Dataset::from_json(EMBEDDED_JSON).unwrap());
    for (currency, expected) in [("EUR", "965 Md$ (non converti)"), ("USD", "> 21 Md€ (non converti)")] {
        let mut session = Session::new(dataset.clone(), "valuations").unwrap();
        session.state.set_lang("fr").unwrap();
        session.set_view("history").unwrap();
        session.state.set_currency(currency).unwrap();
        let plan = session.plan(760.0, 1.0, None, Theme::Light, &EstimatedWidths).unwrap();
        let texts: Vec<&str> = plan
            .shapes
            .iter()
            .filter_map(|s| if let Shape::Text { text, .. } = s { Some(text.as_str()) } else { None })
            .collect();
        assert!(texts.iter().any(|t| t.replace(['\u{a0}', '\u{202f}'], " ") == expected), "{currency}: {texts:?}");
    }
}
