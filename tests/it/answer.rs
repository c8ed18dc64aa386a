//! One change, one answer (`Session::change`): the dirty parts are computed from what the
//! session last answered for each part, and carry exactly their data; a change applies
//! whole or not at all; the drawing keeps what pointing at items needs.

use autonomie::draw::recorder::Recorder;
use autonomie::{Answer, Change, Frame, Session};

fn open(chart: &str) -> Session {
    Session::open(None, Some(chart), Some("fr")).unwrap()
}

fn dirty(answer: &Answer) -> Vec<&str> {
    answer.dirty.iter().map(String::as_str).collect()
}

#[test]
fn the_first_answer_has_every_part_and_says_nothing() {
    let mut session = open("valuations");
    let answer = session.change(&Change::default()).unwrap();
    assert_eq!(dirty(&answer), ["controls", "legend", "notes", "sources", "reading", "canvas"]);
    assert!(answer.controls.is_some() && answer.legend.is_some() && answer.notes.is_some());
    assert!(answer.sources.is_some() && answer.reading.is_some());
    assert_eq!(answer.announcement, None, "nothing is announced before the reader acts");
    assert!(!answer.changed);
    // The same question again: nothing is dirty, nothing is sent.
    let again = session.change(&Change::default()).unwrap();
    assert!(again.dirty.is_empty(), "{:?}", again.dirty);
    assert!(again.controls.is_none() && again.reading.is_none());
}

#[test]
fn a_scale_makes_the_controls_and_the_canvas_dirty_and_is_announced() {
    let mut session = open("models");
    session.change(&Change::default()).unwrap();
    let answer = session.change(&Change { scale: Some("log".into()), ..Change::default() }).unwrap();
    assert!(answer.changed);
    assert_eq!(answer.state.scale, "log");
    assert_eq!(dirty(&answer), ["controls", "canvas"]);
    assert_eq!(answer.controls.as_ref().unwrap().scale, "log");
    assert!(answer.legend.is_none() && answer.notes.is_none() && answer.sources.is_none());
    assert!(answer.announcement.as_deref().is_some_and(|a| a.starts_with("Modèles")), "{:?}", answer.announcement);
}

#[test]
fn a_series_flipped_twice_comes_back_and_a_language_changes_every_part() {
    let mut session = open("models");
    session.change(&Change::default()).unwrap();
    let hidden = session.change(&Change { toggle: Some("CN".into()), ..Change::default() }).unwrap();
    assert_eq!(hidden.state.hidden, ["CN"]);
    assert!(dirty(&hidden).contains(&"legend") && dirty(&hidden).contains(&"reading"));
    let shown = session.change(&Change { toggle: Some("CN".into()), ..Change::default() }).unwrap();
    assert!(shown.state.hidden.is_empty());
    let english = session.change(&Change { lang: Some("en".into()), ..Change::default() }).unwrap();
    assert_eq!(dirty(&english), ["controls", "legend", "notes", "sources", "reading", "canvas"]);
    assert_eq!(english.reading.unwrap().lang, "en");
}

#[test]
fn a_change_applies_whole_or_not_at_all() {
    let mut session = open("models");
    session.change(&Change::default()).unwrap();
    let error = session
        .change(&Change { scale: Some("log".into()), view: Some("nope".into()), ..Change::default() })
        .unwrap_err();
    assert!(error.to_string().contains("nope"), "{error}");
    assert_eq!(session.page_state().scale, "linear", "the scale did not apply either");
    let hidden = session.change(&Change { hidden: Some(vec!["US".into(), "EUROPE".into()]), ..Change::default() });
    assert_eq!(hidden.unwrap().state.hidden, ["EUROPE", "US"]);
    let unknown = session.change(&Change { hidden: Some(vec!["Mars".into()]), ..Change::default() });
    assert!(unknown.is_err());
    assert_eq!(session.page_state().hidden, ["EUROPE", "US"]);
}

#[test]
fn a_drawing_sizes_its_target_and_keeps_what_pointing_needs() {
    let mut session = open("valuations");
    let canvas = Recorder::new();
    let drawn = session.draw(&canvas, Frame::screen(390.0, 3.0, None, "dark").unwrap()).unwrap();
    assert_eq!(drawn.width, 1170);
    // Measured first, then sized (which clears the canvas), then drawn.
    let calls = canvas.calls();
    let sized = calls.iter().position(|c| *c == format!("size = 1170x{}", drawn.height)).unwrap();
    assert!(
        calls[..sized].iter().all(|c| c.starts_with("font") || c.starts_with("measureText")),
        "{:?}",
        &calls[..sized]
    );
    assert!((drawn.css_height - f64::from(drawn.height) / 3.0).abs() < 1e-9);
    // Every item's row, in CSS pixels, points at that item.
    assert!(session.item_count() > 0);
    for index in 0..session.item_count() {
        let item = session.item(autonomie::ItemIndex::new(index)).unwrap().unwrap();
        let [x0, y0, x1, y1] = item.rect.unwrap();
        let (x, y) = (f64::from(x0 + x1) / 6.0, f64::from(y0 + y1) / 6.0);
        assert_eq!(session.item_at(x, y).map(|i| i.get()), Some(index), "{}", item.label);
    }
    // An export on another canvas leaves the screen's drawing alone.
    let count = session.item_count();
    let (x, y) = (100.0, drawn.css_height / 2.0);
    let pointed = session.item_at(x, y);
    let export = Recorder::new();
    session.draw(&export, Frame::export(760.0, 2.0, "light").unwrap()).unwrap();
    assert_eq!((session.item_count(), session.item_at(x, y)), (count, pointed));
    assert!(Frame::screen(390.0, 1.0, None, "neon").is_err(), "an unknown theme is refused");
}
