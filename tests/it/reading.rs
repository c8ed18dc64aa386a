//! What a reader who cannot see the canvas gets: hit-testing, the description, the
//! table and the CSV export.

use std::rc::Rc;

use autonomie::chart::figure::ItemIndex;
use autonomie::data::model::Dataset;
use autonomie::layout::plan::Plan;
use autonomie::layout::text::EstimatedWidths;
use autonomie::layout::theme::Theme;
use autonomie::session::Session;

fn session(chart: &str) -> Session {
    Session::new(Rc::new(Dataset::embedded().unwrap()), chart).unwrap()
}

fn plan(session: &Session) -> Plan {
    session.plan(760.0, 2.0, None, Theme::Light, &EstimatedWidths).unwrap()
}

fn centre(plan: &Plan, item: usize) -> (f64, f64) {
    let [(x0, y0), (x1, y1)] = plan.hit(ItemIndex::new(item)).unwrap().rect;
    (f64::from(x0 + x1) / 2.0, f64::from(y0 + y1) / 2.0)
}

fn label_of(session: &Session, plan: &Plan, index: ItemIndex) -> String {
    let json: serde_json::Value = serde_json::from_str(&session.item_json(plan, index).unwrap().unwrap()).unwrap();
    json["label"].as_str().unwrap().to_owned()
}

#[test]
fn pointing_at_a_bar_finds_it_in_linear_and_log_scale() {
    for scale in ["linear", "log"] {
        let mut s = session("valuations");
        s.state.set_scale(scale).unwrap();
        s.state.set_lang("en").unwrap();
        let plan = plan(&s);
        for (index, label) in ["Mistral AI", "Anthropic", "OpenAI"].iter().enumerate() {
            let (x, y) = centre(&plan, index);
            let found = Session::item_in(&plan, 2.0, x, y).unwrap();
            assert_eq!(label_of(&s, &plan, found), *label, "{scale}");
        }
        // Anywhere on a bar's row counts, even past the end of a short bar.
        let [(_, y0), (_, y1)] = plan.hit(ItemIndex::new(0)).unwrap().rect;
        let row_y = f64::from(y0 + y1) / 2.0;
        assert_eq!(Session::item_in(&plan, 2.0, f64::from(plan.width) - 30.0, row_y), Some(ItemIndex::new(0)));
        // Far from everything: nothing.
        assert_eq!(Session::item_in(&plan, 2.0, 5.0, 5.0), None);
    }
}

#[test]
fn pointing_at_a_timeline_finds_the_nearest_marker_and_skips_hidden_series() {
    let mut s = session("valuations");
    s.set_view("history").unwrap();
    s.state.set_lang("en").unwrap();
    let plan_all = plan(&s);
    let (x, y) = centre(&plan_all, 0);
    let found = Session::item_in(&plan_all, 2.0, x + 10.0, y - 8.0).unwrap();
    assert_eq!(found, ItemIndex::new(0), "a few pixels off still finds the marker");
    assert_eq!(label_of(&s, &plan_all, ItemIndex::new(0)), "Mistral AI");
    assert_eq!(Session::item_in(&plan_all, 2.0, x + 200.0, y + 300.0), None);

    s.set_series_visible("mistral", false).unwrap();
    let plan_hidden = plan(&s);
    assert_eq!(plan_hidden.hits.len(), 13, "Anthropic's 7 figures and OpenAI's 6, all in dollars");
    if let Some(index) = Session::item_in(&plan_hidden, 2.0, x, y) {
        assert_ne!(label_of(&s, &plan_hidden, index), "Mistral AI", "a hidden series cannot be pointed at");
    }
}

#[test]
fn a_tooltip_has_value_date_basis_and_source() {
    let mut s = session("valuations");
    s.set_view("october-2025").unwrap();
    s.state.set_currency("EUR").unwrap();
    s.state.set_lang("en").unwrap();
    let plan = plan(&s);
    let json: serde_json::Value =
        serde_json::from_str(&s.item_json(&plan, ItemIndex::new(2)).unwrap().unwrap()).unwrap();
    assert_eq!(json["label"], "OpenAI");
    assert_eq!(json["value"], "≈€425B");
    assert_eq!(json["published"], "$500B");
    assert_eq!(json["date"], "Oct 2, 2025");
    assert_eq!(json["basis"], "press-reported secondary sale");
    assert_eq!(json["source"]["publisher"], "Bloomberg (reported; confirmed by CNBC)");
    assert!(json["source"]["url"].as_str().unwrap().starts_with("https://www.bloomberg.com/"));
    assert_eq!(json["count"], 3);
    assert!(s.item_json(&plan, ItemIndex::new(3)).unwrap().is_none());
}

#[test]
fn an_amount_without_a_rate_is_shown_as_published_and_says_why() {
    let mut s = session("valuations");
    s.state.set_currency("EUR").unwrap();
    s.state.set_lang("en").unwrap();
    let latest = plan(&s);
    let json: serde_json::Value =
        serde_json::from_str(&s.item_json(&latest, ItemIndex::new(1)).unwrap().unwrap()).unwrap();
    assert_eq!(json["label"], "Anthropic");
    assert_eq!(json["value"], "$965B (not converted)");
    assert_eq!(json["published"], serde_json::Value::Null);
    assert_eq!(json["date"], "May 28, 2026");
    assert_eq!(json["unconverted"], "Our sources do not include the ECB reference rates of 2026 yet.");
    assert!(json["rect"].is_array(), "its row can still be pointed at");
    let info: serde_json::Value = serde_json::from_str(&s.info_json().unwrap()).unwrap();
    assert_eq!(
        info["notes"]["unconverted"][0],
        "Amounts not converted, shown as published: Anthropic $965B (May 28, 2026); OpenAI $852B (Mar 31, 2026). \
         Our sources do not include the ECB reference rates of 2026 yet."
    );
    assert_eq!(info["notes"]["newest"], "May 28, 2026");
    // In dollars, the same figures are drawn as bars.
    s.state.set_currency("USD").unwrap();
    let info: serde_json::Value = serde_json::from_str(&s.info_json().unwrap()).unwrap();
    assert_eq!(info["notes"]["unconverted"], serde_json::json!([]));
    // The history in euros draws the lines up to 2025 and lists the rest.
    s.set_view("history").unwrap();
    s.state.set_currency("EUR").unwrap();
    let history = plan(&s);
    let figure = s.figure().unwrap();
    assert_eq!(figure.items().count(), 17);
    assert_eq!(history.hits.len(), 14, "three amounts of 2026 have no place on a euro axis");
    assert!(figure.unconverted[0]
        .contains("Anthropic $380B (Feb 12, 2026); Anthropic $965B (May 28, 2026); OpenAI $852B (Mar 31, 2026)"));
    let description = s.description().unwrap();
    assert!(description.contains("to $965B (not converted) (May 28, 2026)"), "{description}");
}

#[test]
fn the_description_says_what_the_chart_shows_in_both_languages() {
    let mut s = session("models");
    s.state.set_lang("en").unwrap();
    let english = s.description().unwrap();
    assert_eq!(
        english,
        "Notable AI models: Europe far behind. Notable AI models produced in 2024, by region of the developers' institutions. \
         United States 40, China 15, Europe 3. The largest, United States (40), is about 13 times the smallest, Europe (3)."
    );
    s.state.set_lang("fr").unwrap();
    let french = s.description().unwrap();
    assert!(french.contains("États-Unis 40, Chine 15, Europe 3."), "{french}");
    assert!(french.contains("vaut environ 13 fois le plus faible, Europe (3)"), "{french}");

    let mut v = session("valuations");
    v.set_view("history").unwrap();
    v.state.set_lang("en").unwrap();
    v.state.set_currency("USD").unwrap();
    let timeline = v.description().unwrap();
    assert!(timeline.contains("OpenAI: 6 figures, from $29B (Apr 2023) to $852B (Mar 31, 2026)."), "{timeline}");
    v.set_series_visible("openai", false).unwrap();
    assert!(!v.description().unwrap().contains("OpenAI"), "hidden series are not described");
}

#[test]
fn the_table_and_the_csv_hold_exactly_what_is_shown() {
    let mut s = session("valuations");
    s.set_view("october-2025").unwrap();
    s.state.set_currency("EUR").unwrap();
    s.state.set_lang("fr").unwrap();
    s.set_series_visible("anthropic", false).unwrap();
    let table: serde_json::Value = serde_json::from_str(&s.table_json().unwrap()).unwrap();
    assert_eq!(
        table["headers"],
        serde_json::json!(["Série", "Date", "Valorisation (EUR)", "Chiffre publié", "Nature", "Source"])
    );
    assert_eq!(table["rows"].as_array().unwrap().len(), 2);
    assert_eq!(table["rows"][1][2], "≈425\u{a0}Md€");
    assert_eq!(table["rows"][1][3], "500\u{a0}Md$");

    let csv = s.csv().unwrap();
    assert!(csv.starts_with('\u{feff}'), "UTF-8 byte-order mark");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[0].starts_with(
        "série;panneau;date;valeur;unité;valeur publiée;devise publiée;USD pour 1 EUR (BCE);date du cours"
    ));
    assert!(
        lines[1].starts_with("Mistral AI;;2025-09-09;11,7;milliard EUR;11,7;EUR;;;annonce officielle;"),
        "{}",
        lines[1]
    );
    assert!(lines[2].starts_with("OpenAI;;2025-10-02;425,387102;milliard EUR;500;USD;1,1754;2025-10-02;cession secondaire rapportée par la presse;"), "{}", lines[2]);

    s.state.set_lang("en").unwrap();
    let english = s.csv().unwrap();
    assert!(
        english.contains(
            "\r\nOpenAI,,2025-10-02,425.387102,billion EUR,500,USD,1.1754,2025-10-02,press-reported secondary sale,"
        ),
        "{english}"
    );
    assert!(
        english.contains("\"OpenAI completes share sale at record $500 billion valuation\"")
            || english.contains(",OpenAI completes share sale at record $500 billion valuation,")
    );
    assert_eq!(s.file_name("2026-11-23", "csv"), "autonomie-valuations-october-2025-2026-11-23.csv");

    // An amount left in its own currency says so in the table and keeps its unit in the CSV.
    s.set_view("latest").unwrap();
    let table: serde_json::Value = serde_json::from_str(&s.table_json().unwrap()).unwrap();
    assert_eq!(table["rows"][1][2], "$852B (not converted)");
    let csv = s.csv().unwrap();
    assert!(csv.contains("\r\nOpenAI,,2026-03-31,852,billion USD,852,USD,,,official announcement,"), "{csv}");
}

#[test]
fn the_svg_export_is_the_same_drawing_with_its_texts() {
    let mut s = session("funding");
    s.state.set_lang("en").unwrap();
    let svg = s.svg(760.0, Theme::Light).unwrap();
    assert!(svg.starts_with("<svg"));
    for text in ["The money behind European AI", "JUPITER supercomputer", "€500M", "Sources:"] {
        assert!(svg.contains(text), "{text}");
    }
}
