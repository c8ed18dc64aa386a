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
    assert_eq!(
        plan_hidden.hits.len(),
        11,
        "Anthropic's 6 figures and OpenAI's 6, but on a euro axis Anthropic's Series H has no place"
    );
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
    assert_eq!(json["sources"][0]["publisher"], "Bloomberg (reported; confirmed by CNBC)");
    assert_eq!(json["sources"][0]["kind"], "wire service");
    assert!(json["sources"][0]["url"].as_str().unwrap().starts_with("https://www.bloomberg.com/"));
    assert_eq!(json["weak"], serde_json::Value::Null);
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
    let reason = "The copy of the ECB reference rates used here ends on 13 April 2026: it has no rate for this date.";
    assert_eq!(json["unconverted"], reason);
    assert!(json["rect"].is_array(), "its row can still be pointed at");
    let info: serde_json::Value = serde_json::from_str(&s.info_json().unwrap()).unwrap();
    assert_eq!(
        info["notes"]["unconverted"][0],
        format!("Amounts not converted, shown as published: Anthropic $965B (May 28, 2026). {reason}")
    );
    assert_eq!(info["notes"]["newest"], "Sep 8, 2026");
    // In dollars, Mistral's Series D is the one left in its own currency.
    s.state.set_currency("USD").unwrap();
    let info: serde_json::Value = serde_json::from_str(&s.info_json().unwrap()).unwrap();
    assert_eq!(
        info["notes"]["unconverted"][0],
        format!("Amounts not converted, shown as published: Mistral AI >\u{a0}€21B (Sep 8, 2026). {reason}")
    );
    // The history in euros draws every line and lists the one amount without a rate.
    s.set_view("history").unwrap();
    s.state.set_currency("EUR").unwrap();
    let history = plan(&s);
    let figure = s.figure().unwrap();
    assert_eq!(figure.items().count(), 17);
    assert_eq!(history.hits.len(), 16, "Anthropic's Series H has no place on a euro axis");
    assert!(figure.unconverted[0].contains("Anthropic $965B (May 28, 2026)"));
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
        "Notable AI models: Europe far behind. Notable AI models released in 2025, by region of the developers' institutions. \
         United States 59, China 35, Europe 2. The largest, United States (59), is about 30 times the smallest, Europe (2)."
    );
    s.state.set_lang("fr").unwrap();
    let french = s.description().unwrap();
    assert!(french.contains("États-Unis 59, Chine 35, Europe 2."), "{french}");
    assert!(french.contains("vaut environ 30 fois le plus faible, Europe (2)"), "{french}");

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
        "série;panneau;date;valeur;borne;unité;valeur publiée;devise publiée;USD pour 1 EUR (BCE);date du cours"
    ));
    assert!(
        lines[1].starts_with("Mistral AI;;2025-09-09;11,7;;milliard EUR;11,7;EUR;;;annonce officielle;"),
        "{}",
        lines[1]
    );
    assert!(lines[2].starts_with("OpenAI;;2025-10-02;425,387102;;milliard EUR;500;USD;1,1754;2025-10-02;cession secondaire rapportée par la presse;"), "{}", lines[2]);

    s.state.set_lang("en").unwrap();
    let english = s.csv().unwrap();
    assert!(
        english.contains(
            "\r\nOpenAI,,2025-10-02,425.387102,,billion EUR,500,USD,1.1754,2025-10-02,press-reported secondary sale,"
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
    assert_eq!(table["rows"][0][2], ">\u{a0}€21B");
    assert_eq!(table["rows"][1][2], "≈€741B", "Anthropic is still hidden");
    let csv = s.csv().unwrap();
    assert!(
        csv.contains("\r\nMistral AI,,2026-09-08,21,more than,billion EUR,21,EUR,,,official announcement,"),
        "{csv}"
    );
    // A figure with several sources lists each, with its kind.
    let cell = table["rows"][1][5].as_str().unwrap();
    assert!(cell.starts_with("OpenAI (company or official body), Accelerating the next phase of AI"), "{cell}");
    assert!(cell.contains("; Bloomberg (wire service), [headline not read] Bloomberg's report"), "{cell}");
    assert!(csv.contains(",\"Accelerating the next phase of AI | [headline not read] Bloomberg's report"), "{csv}");
    assert!(csv.contains(",OpenAI | Bloomberg | Financial Times (bilingual edition of FT Chinese),company or official body | wire service | newspaper,"), "{csv}");
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

/// Every text a session shows of what it draws: the canvas's (the plan's texts, with
/// where each is), the SVG export, the tooltip of each item, the table, the CSV and the
/// description.
struct Shown {
    plan: Plan,
    canvas: Vec<(String, (i32, i32))>,
    svg: String,
    tooltips: Vec<serde_json::Value>,
    table: String,
    csv: String,
    description: String,
}

fn everything_shown(s: &Session) -> Shown {
    let plan = plan(s);
    let canvas = plan
        .shapes
        .iter()
        .filter_map(|shape| match shape {
            autonomie::layout::plan::Shape::Text { text, at, .. } => Some((text.clone(), *at)),
            _ => None,
        })
        .collect();
    let tooltips = (0..s.figure().unwrap().items().count())
        .map(|i| serde_json::from_str(&s.item_json(&plan, ItemIndex::new(i)).unwrap().unwrap()).unwrap())
        .collect();
    Shown {
        canvas,
        svg: s.svg(760.0, Theme::Light).unwrap(),
        tooltips,
        table: s.table_json().unwrap(),
        csv: s.csv().unwrap(),
        description: s.description().unwrap(),
        plan,
    }
}

/// The index of the item whose label has `label`, dated `date` (`YYYY-MM-DD`).
fn item_of(s: &Session, label: &str, date: &str) -> ItemIndex {
    let figure = s.figure().unwrap();
    let labels: Vec<String> = figure.items().map(|i| format!("{} {}", i.label, i.date)).collect();
    let index = figure.items().position(|i| i.label.contains(label) && i.date.to_string() == date);
    ItemIndex::new(index.unwrap_or_else(|| panic!("no {label} of {date} in {labels:?}")))
}

/// Whether a text `sign` is drawn just left of item `index`'s marker, at its height.
fn sign_left_of(shown: &Shown, index: ItemIndex, sign: &str) -> bool {
    let [(x0, y0), (_, y1)] = shown.plan.hit(index).unwrap().rect;
    shown.canvas.iter().any(|(text, (x, y))| text == sign && *x <= x0 && *x >= x0 - 40 && (y0..=y1).contains(y))
}

#[test]
fn a_lower_bound_is_never_shown_without_its_more_than() {
    let bounds = [
        ("valuations", "latest", "EUR", "Mistral", "2026-09-08", ("€21B", "21\u{a0}Md€")),
        ("valuations", "history", "EUR", "Mistral", "2026-09-08", ("€21B", "21\u{a0}Md€")),
        ("funding", "latest", "EUR", "Mistral", "2026-09-08", ("€21B", "21\u{a0}Md€")),
        ("valuations", "history", "USD", "OpenAI", "2024-02-16", ("$80B", "80\u{a0}Md$")),
    ];
    for (chart, view, currency, label, date, (en, fr)) in bounds {
        for lang in ["en", "fr"] {
            let mut s = session(chart);
            s.set_view(view).unwrap();
            s.state.set_lang(lang).unwrap();
            s.state.set_currency(currency).unwrap();
            let shown = everything_shown(&s);
            let bare = if lang == "en" { en } else { fr };
            let (sign, words) = (format!(">\u{a0}{bare}"), if lang == "en" { "more than" } else { "plus de" });
            let at = format!("{chart}/{view} {currency} {lang} {label}");
            // Never the bare figure: on the canvas, in the SVG, the tooltip, the table.
            assert!(!shown.canvas.iter().any(|(t, _)| t.starts_with(bare)), "{at}: a bare {bare} on the canvas");
            assert!(!shown.svg.contains(&format!(">{bare}")), "{at}: a bare {bare} in the SVG");
            assert!(!shown.table.contains(&format!("\"{bare}")), "{at}: a bare {bare} in the table");
            let index = item_of(&s, label, date);
            let tooltip = &shown.tooltips[index.get()];
            assert_eq!(tooltip["value"], sign.as_str(), "{at}");
            assert!(shown.table.contains(&sign), "{at}: table {}", shown.table);
            let row = shown.csv.lines().find(|l| l.contains(date)).unwrap();
            let column = if lang == "en" { ",more than," } else { ";plus de;" };
            assert!(row.contains(column), "{at}: csv {row}");
            // The description names a timeline's first and last figures only; wherever it
            // names this one, it says "more than".
            let (named, said) = (
                shown.description.matches(bare).count(),
                shown.description.matches(&format!("{words} {bare}")).count(),
            );
            assert_eq!(named, said, "{at}: {}", shown.description);
            assert!(said > 0 || (label, date) == ("OpenAI", "2024-02-16"), "{at}: {}", shown.description);
            assert!(!shown.description.contains('>'), "{at}: a sign a screen reader would say badly");
            if s.figure().unwrap().kind == autonomie::data::model::ViewKind::Timeline {
                // A marker cannot carry a label: its sign stands beside it, and the key says it.
                assert!(sign_left_of(&shown, index, ">"), "{at}: no sign beside its marker");
                let key = if lang == "en" { "more than the value shown" } else { "plus que la valeur indiquée" };
                assert!(shown.canvas.iter().any(|(t, _)| t == key), "{at}: no key to the sign");
                assert!(shown.svg.contains(key), "{at}: no key in the SVG");
            } else {
                assert!(shown.canvas.iter().any(|(t, _)| *t == sign), "{at}: canvas {:?}", shown.canvas);
                assert!(shown.svg.contains(&sign.replace('>', "&gt;")), "{at}: svg");
            }
        }
    }
}

/// The embedded dataset with figures resting on a blog only, marked weak: Anthropic's
/// $15B of February 2024 (a timeline) and the AI Index 2024's counts of 2023 (bars),
/// their sources taken for blogs.
fn session_with_weak_figures(chart: &str) -> Session {
    let mut value: serde_json::Value = serde_json::from_str(autonomie::data::model::EMBEDDED_JSON).unwrap();
    value["sources"]["nyt-anthropic-2024"]["kind"] = serde_json::json!("blog");
    value["sources"]["hai-2024-takeaways"]["kind"] = serde_json::json!("blog");
    let unmarked = Dataset::from_json(&value.to_string()).unwrap_err().to_string();
    assert!(unmarked.contains("only a blog or an aggregator gives this figure"), "{unmarked}");
    for view in value["charts"].as_array_mut().unwrap().iter_mut().flat_map(|c| c["views"].as_array_mut().unwrap()) {
        for series in view["series"].as_array_mut().unwrap() {
            for point in series["points"].as_array_mut().unwrap() {
                if ["nyt-anthropic-2024", "hai-2024-takeaways"].contains(&point["source"].as_str().unwrap()) {
                    point["weak"] = serde_json::json!(true);
                }
            }
        }
    }
    Session::new(Rc::new(Dataset::from_json(&value.to_string()).unwrap()), chart).unwrap()
}

#[test]
fn a_weak_figure_is_marked_where_it_is_drawn_and_said() {
    let words = "weak source: a blog or an aggregator only";
    // On a timeline: a `?` beside its marker, and the key.
    let mut s = session_with_weak_figures("valuations");
    s.set_view("history").unwrap();
    s.state.set_lang("en").unwrap();
    s.state.set_currency("USD").unwrap();
    let shown = everything_shown(&s);
    let index = item_of(&s, "Anthropic", "2024-02-20");
    let [(_, y0), (x1, _)] = shown.plan.hit(index).unwrap().rect;
    let beside = |(text, (x, y)): &(String, (i32, i32))| text == "?" && (*x - x1).abs() < 20 && *y <= y0 + 4;
    assert!(shown.canvas.iter().any(beside), "the sign beside its marker: {:?}", shown.canvas);
    assert!(shown.canvas.iter().any(|(t, _)| t == words), "the key says it");
    assert!(shown.svg.contains(words));
    let weak: Vec<&serde_json::Value> = shown.tooltips.iter().filter(|t| !t["weak"].is_null()).collect();
    assert_eq!(weak.len(), 1);
    assert_eq!(weak[0]["weak"], format!("? {words}"));
    assert_eq!(weak[0]["sources"][0]["kind"], "blog or aggregator");
    assert!(shown.table.contains(words));
    assert!(shown.csv.lines().any(|row| row.contains("2024-02-20") && row.contains(words)));
    // On bars: a `?` after each value, and every sentence that names one says it.
    let mut s = session_with_weak_figures("models");
    s.set_view("history").unwrap();
    s.state.set_lang("en").unwrap();
    let shown = everything_shown(&s);
    for value in ["61 ?", "21 ?", "15 ?"] {
        assert!(shown.canvas.iter().any(|(t, _)| t == value), "{value}: {:?}", shown.canvas);
    }
    assert!(shown.canvas.iter().any(|(t, _)| t == words), "the key says it");
    assert!(shown.description.contains(&format!("United States 61 ({words})")), "{}", shown.description);
    assert!(!shown.description.contains("United States 59 (weak"), "{}", shown.description);
}
