//! Drives every public operation over a dataset and a sequence of reader actions, for
//! the property tests (`tests/it/properties.rs`) and the fuzz target (`fuzz/`).
//!
//! The contract it checks is the widget's: whatever the input, every call returns
//! `Ok` or a described `Err`, never panics and never loops; a dataset that validates
//! draws in every state it can reach.

use std::rc::Rc;

use crate::data::model::Dataset;
use crate::draw::recorder::Recorder;
use crate::error::Error;
use crate::layout::plan::Footer;
use crate::layout::theme::Theme;
use crate::session::{Change, Frame, SeriesChange, Session};

/// One thing a reader (or a host page's script) can do to a chart.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// `setView(id)`.
    View(String),
    /// `setScale(name)`.
    Scale(String),
    /// `setCurrency(code)`.
    Currency(String),
    /// `setLang(code)`.
    Lang(String),
    /// `setSeriesVisible(key, visible)`.
    Series(String, bool),
    /// Draw at this CSS width and pixel ratio, then point at (x, y) in device pixels.
    Draw { css_width: f64, ratio: f64, x: f64, y: f64 },
}

/// Loads `json` as a dataset and, if it validates, opens each of its charts and applies
/// `actions` to each, drawing after every action. Returns the number of drawings made,
/// or the validation error.
pub fn run(json: &str, actions: &[Action]) -> Result<usize, Error> {
    let dataset = Rc::new(Dataset::from_json(json)?);
    let mut drawings = 0;
    for chart in &dataset.charts {
        let mut session = Session::new(Rc::clone(&dataset), &chart.id)?;
        drawings += draw_everything(&mut session, 760.0, 1.0, 10.0, 10.0)?;
        for action in actions {
            // A refused action leaves the state as it was, which must still draw.
            let _refused = apply(&mut session, action);
            let (css_width, ratio, x, y) = match action {
                Action::Draw { css_width, ratio, x, y } => (*css_width, *ratio, *x, *y),
                _ => (760.0, 1.0, 10.0, 10.0),
            };
            drawings += draw_everything(&mut session, css_width, ratio, x, y)?;
        }
    }
    Ok(drawings)
}

/// The fuzz target's input: a dataset as text, then optionally a 0 byte and one byte per
/// action (decoded by [`action_of_byte`]). Invalid UTF-8 is replaced, as a browser's
/// `TextDecoder` would.
pub fn run_bytes(data: &[u8]) -> Result<usize, Error> {
    let (json, actions) = match data.iter().position(|b| *b == 0) {
        Some(split) => (&data[..split], &data[split + 1..]),
        None => (data, &[][..]),
    };
    let actions: Vec<Action> = actions.iter().take(64).map(|b| action_of_byte(*b)).collect();
    run(&String::from_utf8_lossy(json), &actions)
}

/// One of 256 actions: real ids and wrong ones, drawings at odd sizes.
pub fn action_of_byte(byte: u8) -> Action {
    const WORDS: [&str; 16] = [
        "latest",
        "history",
        "countries",
        "linear",
        "log",
        "EUR",
        "USD",
        "fr",
        "en",
        "us",
        "mistral",
        "openai",
        "",
        "x",
        "LOG",
        "jupiter",
    ];
    let word = WORDS[usize::from(byte & 15)].to_owned();
    match byte >> 4 {
        0..=2 => Action::View(word),
        3..=4 => Action::Scale(word),
        5..=6 => Action::Currency(word),
        7..=8 => Action::Lang(word),
        9..=12 => Action::Series(word, byte & 16 == 0),
        n => Action::Draw {
            css_width: f64::from(byte) * 8.0 - 200.0,
            ratio: f64::from(n - 12),
            x: f64::from(byte) * 3.0,
            y: f64::from(byte) * 5.0,
        },
    }
}

/// Applies `action` as the page does: one change, one answer.
fn apply(session: &mut Session, action: &Action) -> Result<(), Error> {
    let change = match action {
        Action::View(id) => Change { view: Some(id.clone()), ..Change::default() },
        Action::Scale(name) => Change { scale: Some(name.clone()), ..Change::default() },
        Action::Currency(code) => Change { currency: Some(code.clone()), ..Change::default() },
        Action::Lang(code) => Change { lang: Some(code.clone()), ..Change::default() },
        Action::Series(key, visible) => {
            Change { series: Some(SeriesChange { key: key.clone(), visible: *visible }), ..Change::default() }
        }
        Action::Draw { .. } => return Ok(()),
    };
    session.change(&change).map(|_| ())
}

/// Everything the page asks of a chart in its current state: its answer, the drawing on
/// a (recorded) canvas, the item under a point and its tooltip, CSV, and the drawing as
/// SVG.
fn draw_everything(session: &mut Session, css_width: f64, ratio: f64, x: f64, y: f64) -> Result<usize, Error> {
    session.change(&Change::default())?;
    let canvas = Recorder::new();
    let drawn = session
        .draw(&canvas, Frame { css_width, ratio, css_height: None, theme: Theme::Light, footer: Footer::Short })?;
    if let Some(item) = session.item_at(x / drawn.ratio, y / drawn.ratio) {
        session.item(item)?;
    }
    session.csv()?;
    session.svg(css_width, Theme::Light)?;
    Ok(1)
}
