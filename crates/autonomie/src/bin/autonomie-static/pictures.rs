//! The embed codes' pictures (issue 20): every state an embed code can name (each view
//! of each chart, at each scale, in each currency where the view shows money), in each
//! language and theme, at the layout width of each band ([`BANDS`]), drawn by the same
//! session and drawing function as the canvas, with the room of the element's toolbar
//! left blank under it; and each state's data.
//!
//! - `<PICTURE_NAME>.svg` (`{chart}-{view}-{scale}-{currency}-{lang}-{theme}-{band}`): what
//!   the canvas shows at the band's width, then the toolbar's room ([`Band::toolbar`]).
//!   The element's canvas, laid out at the band's width and scaled to its own, is this
//!   picture scaled.
//! - `{chart}-{view}-{scale}-{currency}-{lang}.json`: the chart's first answer in that
//!   state (`state`, `controls`, `legend`, `notes`, `sources`; `reading` without its
//!   table), the chart's defaults (`defaults`: the attributes an embed code need not
//!   name) and the picture's height at each band (`heights`), for the element before
//!   its wasm arrives, the embed-code generator and the iframe pages.

use std::path::Path;
use std::rc::Rc;

use autonomie::data::model::{Chart, Dataset, View};
use autonomie::layout::theme::Theme;
use autonomie::session::contract::{BANDS, CURRENCIES, PICTURE_NAME, SCALES};
use autonomie::session::Session;
use serde_json::{json, Map, Value};

/// Writes every state's pictures and data into `directory`; returns how many files.
pub fn write_pictures(dataset: &Rc<Dataset>, directory: &Path) -> Result<usize, String> {
    std::fs::create_dir_all(directory).map_err(|e| format!("{}: {e}", directory.display()))?;
    let mut count = 0;
    for chart in &dataset.charts {
        let mut session = Session::new(dataset.clone(), &chart.id).map_err(|e| e.to_string())?;
        // Each view's own scale, whether it shows money, and the currency it starts in
        // (the chart's, unless the view cannot be shown in it: `View::currency_for`): what a
        // press on another view shows before the wasm arrives, and a view's permalink.
        let views: Map<String, Value> = chart
            .views
            .iter()
            .map(|view| {
                let currency = view.currency_for(session.state.currency).code();
                let entry = json!({ "scale": view.default_scale.name(), "money": money(dataset, chart, view), "currency": currency });
                (view.id.clone(), entry)
            })
            .collect();
        let defaults = json!({
            "view": session.state.view,
            "currency": session.state.currency.code(),
            "views": views,
        });
        for view in &chart.views {
            for scale in SCALES {
                for currency in CURRENCIES {
                    for lang in ["fr", "en"] {
                        set(&mut session, dataset, &view.id, scale, currency, lang)?;
                        let answer = session.first_answer().map_err(|e| e.to_string())?;
                        // A view without money has one currency: the chart's own.
                        if !money(dataset, chart, view) && currency != defaults["currency"] {
                            continue;
                        }
                        let mut heights = Map::new();
                        for (theme, theme_name) in [(Theme::Light, "light"), (Theme::Dark, "dark")] {
                            for band in BANDS {
                                let svg = session
                                    .picture_svg(f64::from(band.width), band.toolbar, theme)
                                    .map_err(|e| e.to_string())?;
                                heights.insert(band.width.to_string(), svg.1.into());
                                let name =
                                    picture_name(&chart.id, &view.id, scale, currency, lang, theme_name, band.width);
                                super::write(&directory.join(format!("{name}.svg")), &svg.0)?;
                                count += 1;
                            }
                        }
                        let mut data = serde_json::to_value(&answer).map_err(|e| e.to_string())?;
                        if let Some(object) = data.as_object_mut() {
                            for unused in ["dirty", "changed", "announcement"] {
                                object.remove(unused);
                            }
                            if let Some(reading) = object.get_mut("reading").and_then(Value::as_object_mut) {
                                reading.remove("table");
                            }
                            let mut defaults = defaults.clone();
                            defaults["scale"] = Value::from(view.default_scale.name());
                            object.insert("defaults".to_owned(), defaults);
                            object.insert("heights".to_owned(), Value::Object(heights));
                        }
                        let name = format!("{}-{}-{scale}-{currency}-{lang}.json", chart.id, view.id);
                        let text = serde_json::to_string(&data).map_err(|e| e.to_string())?;
                        super::write(&directory.join(name), &text)?;
                        count += 1;
                    }
                }
            }
        }
    }
    Ok(count)
}

/// Whether `view` shows amounts of money (its controls have the currency switch).
fn money(dataset: &Rc<Dataset>, chart: &Chart, view: &View) -> bool {
    let answer = Session::new(dataset.clone(), &chart.id).and_then(|mut session| {
        session.state.set_view(dataset, &view.id)?;
        session.first_answer()
    });
    answer.ok().and_then(|a| a.controls).is_some_and(|c| c.money)
}

fn set(
    session: &mut Session,
    dataset: &Dataset,
    view: &str,
    scale: &str,
    currency: &str,
    lang: &str,
) -> Result<(), String> {
    session.state.set_view(dataset, view).map_err(|e| e.to_string())?;
    session.state.set_scale(scale).map_err(|e| e.to_string())?;
    session.state.set_currency(currency).map_err(|e| e.to_string())?;
    session.state.set_lang(lang).map_err(|e| e.to_string())
}

/// The file name of a picture, without `.svg` ([`PICTURE_NAME`]).
pub fn picture_name(
    chart: &str,
    view: &str,
    scale: &str,
    currency: &str,
    lang: &str,
    theme: &str,
    band: u32,
) -> String {
    PICTURE_NAME
        .replace("{chart}", chart)
        .replace("{view}", view)
        .replace("{scale}", scale)
        .replace("{currency}", currency)
        .replace("{lang}", lang)
        .replace("{theme}", theme)
        .replace("{band}", &band.to_string())
}
