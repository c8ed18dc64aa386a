//! Toggles, the state object, and what a figure shows for each state.

use autonomie::chart::figure::{Figure, Reliability};
use autonomie::chart::state::ViewState;
use autonomie::data::model::{Dataset, Scale};
use autonomie::error::Error;
use autonomie::layout::theme::Theme;
use autonomie::units::i18n::Lang;

#[test]
fn default_state_and_its_json() {
    let dataset = Dataset::embedded().unwrap();
    let state = ViewState::new(&dataset, "models").unwrap();
    assert_eq!(
        state.to_json(),
        r#"{"chart":"models","currency":"EUR","hidden":[],"lang":"en","scale":"linear","view":"latest"}"#
    );
    let funding = ViewState::new(&dataset, "funding").unwrap();
    assert_eq!(funding.scale, Scale::Log, "the funding gap is drawn on a log scale by default");
    // Anthropic's newest round has no ECB rate to euros, and Mistral's none to dollars:
    // neither currency shows every amount, so these charts open in euros.
    assert_eq!(funding.currency.code(), "EUR");
    assert_eq!(ViewState::new(&dataset, "valuations").unwrap().currency.code(), "EUR");
    // A view whose amounts can only be shown in dollars (2025's investments, without a
    // 2025 mean of the ECB rates) is shown in dollars, and the next view keeps them.
    let mut funding = funding;
    funding.set_view(&dataset, "countries").unwrap();
    assert_eq!(funding.currency.code(), "USD");
    funding.set_view(&dataset, "latest").unwrap();
    assert_eq!(funding.currency.code(), "USD");
    let compute = ViewState::new(&dataset, "compute").unwrap();
    assert_eq!((compute.view.as_str(), compute.scale), ("june-2026", Scale::Linear));
}

#[test]
fn unknown_options_are_refused_with_the_accepted_values() {
    let dataset = Dataset::embedded().unwrap();
    let unknown_chart = ViewState::new(&dataset, "weather").unwrap_err();
    assert_eq!(
        unknown_chart.to_string(),
        "unknown chart \"weather\"; expected one of: models, valuations, funding, compute"
    );
    let mut state = ViewState::new(&dataset, "valuations").unwrap();
    let before = state.clone();
    assert!(matches!(state.set_view(&dataset, "future"), Err(Error::UnknownOption { option: "view", .. })));
    assert!(state.set_scale("sqrt").unwrap_err().to_string().contains("expected one of: linear, log"));
    assert!(state.set_currency("GBP").is_err());
    assert!(state.set_lang("de").is_err());
    assert!(state
        .set_series_visible(&dataset, "xai", false)
        .unwrap_err()
        .to_string()
        .contains("mistral, anthropic, openai"));
    assert_eq!(state, before, "a refused option leaves the state as it was");
}

#[test]
fn toggles_change_what_the_figure_shows() {
    let dataset = Dataset::embedded().unwrap();
    let mut state = ViewState::new(&dataset, "valuations").unwrap();
    state.set_lang("fr").unwrap();
    state.set_view(&dataset, "october-2025").unwrap();
    state.set_currency("EUR").unwrap();
    let figure = Figure::build(&dataset, &state).unwrap();
    let texts: Vec<&str> = figure.items().map(|i| i.value_text.as_str()).collect();
    assert_eq!(texts, ["11,7\u{a0}Md€", "≈157\u{a0}Md€ (183\u{a0}Md$)", "≈425\u{a0}Md€ (500\u{a0}Md$)"]);
    assert_eq!(figure.rates.len(), 2, "{:?}", figure.rates);
    assert!(figure.rates[0].contains("1,1646") && figure.rates[0].contains("2 sept. 2025"), "{:?}", figure.rates);
    assert_eq!(figure.reliabilities, [Reliability::Official, Reliability::PressReportedSecondary]);

    state.set_currency("USD").unwrap();
    state.set_lang("en").unwrap();
    let figure = Figure::build(&dataset, &state).unwrap();
    let texts: Vec<&str> = figure.items().map(|i| i.value_text.as_str()).collect();
    assert_eq!(texts, ["≈$13.7B (€11.7B)", "$183B", "$500B"]);
    assert_eq!(figure.rates, ["€1 = $1.1744 (Sep 9, 2025)"]);
    assert_eq!(figure.title, "What the AI model makers are worth");

    state.set_series_visible(&dataset, "openai", false).unwrap();
    let figure = Figure::build(&dataset, &state).unwrap();
    assert_eq!(figure.items().count(), 2);
    assert!(!figure.legend[2].visible);
    assert_eq!(
        state.to_json(),
        r#"{"chart":"valuations","currency":"USD","hidden":["openai"],"lang":"en","scale":"linear","view":"october-2025"}"#
    );

    state.set_view(&dataset, "history").unwrap();
    assert_eq!(state.scale, Scale::Log, "a view brings its own default scale");
    assert!(!state.is_visible("openai"), "keys the new view also has stay hidden");
    let figure = Figure::build(&dataset, &state).unwrap();
    assert_eq!(figure.lines.len(), 2);
    assert_eq!(figure.items().count(), 11);

    state.set_view(&dataset, "latest").unwrap();
    state.set_series_visible(&dataset, "openai", true).unwrap();
    let figure = Figure::build(&dataset, &state).unwrap();
    let texts: Vec<&str> = figure.items().map(|i| i.value_text.as_str()).collect();
    assert_eq!(texts, [">\u{a0}€21B (not converted)", "$965B", "$852B"], "the newest closed rounds");
    assert_eq!(figure.reliabilities, [Reliability::Official]);
    state.set_currency("EUR").unwrap();
    let figure = Figure::build(&dataset, &state).unwrap();
    let texts: Vec<&str> = figure.items().map(|i| i.value_text.as_str()).collect();
    assert_eq!(texts, [">\u{a0}€21B", "$965B (not converted)", "≈€741B ($852B)"], "at the ECB rate of Mar 31, 2026");
}

#[test]
fn the_compute_chart_ranks_systems_by_region_in_exaflops() {
    let dataset = Dataset::embedded().unwrap();
    let mut state = ViewState::new(&dataset, "compute").unwrap();
    state.set_lang("en").unwrap();
    let figure = Figure::build(&dataset, &state).unwrap();
    let headings: Vec<&str> = figure.panels.iter().map(|p| p.heading.as_str()).collect();
    assert_eq!(headings[0], "#1 LineShine · Shenzhen, China");
    assert_eq!(headings[4], "#5 JUPITER Booster · Jülich, Germany");
    let bars: Vec<(&str, &str)> = figure.items().map(|i| (i.label.as_str(), i.value_text.as_str())).collect();
    assert_eq!(
        bars,
        [
            ("China", "2.198\u{a0}EFlop/s"),
            ("United States", "1.809\u{a0}EFlop/s"),
            ("United States", "1.353\u{a0}EFlop/s"),
            ("United States", "1.012\u{a0}EFlop/s"),
            ("Europe", "1.000\u{a0}EFlop/s"),
        ]
    );
    assert!(figure.items().nth(4).unwrap().note.as_deref().unwrap().contains("23,752 Nvidia GH200"));
    assert_eq!(figure.reliabilities, [Reliability::Official], "figures of the official TOP500 list");
    state.set_view(&dataset, "november-2025").unwrap();
    state.set_lang("fr").unwrap();
    let figure = Figure::build(&dataset, &state).unwrap();
    assert_eq!(figure.legend.iter().map(|l| l.key.as_str()).collect::<Vec<_>>(), ["US", "EUROPE", "JP"]);
    assert!(figure.notes[0].starts_with("La Chine est absente"), "{:?}", figure.notes);
    let texts: Vec<&str> = figure.items().map(|i| i.value_text.as_str()).collect();
    assert_eq!(texts[4..], ["561,2\u{a0}Pflop/s", "477,9\u{a0}Pflop/s", "442,01\u{a0}Pflop/s"]);
    // Hiding the United States leaves only the panels of the other regions.
    state.set_series_visible(&dataset, "US", false).unwrap();
    let figure = Figure::build(&dataset, &state).unwrap();
    assert_eq!(figure.panels.len(), 3);
    assert_eq!(
        figure.dates_line(&dataset),
        "Chiffre le plus récent : nov. 2025\u{a0}; sources vérifiées le 6 déc. 2026."
    );
}

#[test]
fn models_history_keeps_the_two_editions_apart() {
    let dataset = Dataset::embedded().unwrap();
    let mut state = ViewState::new(&dataset, "models").unwrap();
    state.set_view(&dataset, "history").unwrap();
    state.set_lang("en").unwrap();
    let figure = Figure::build(&dataset, &state).unwrap();
    assert_eq!(figure.panels.len(), 3, "separate panels, never a line between years");
    assert!(figure.panels[0].heading.contains("2023") && figure.panels[0].heading.contains("European Union"));
    assert!(figure.panels[1].heading.contains("2024") && figure.panels[1].heading.contains("Europe (UN)"));
    assert!(figure.panels[2].heading.contains("2025") && figure.panels[2].heading.contains("AI Index 2026"));
    assert!(figure.lines.is_empty());
}

#[test]
fn sources_follow_what_is_shown() {
    let dataset = Dataset::embedded().unwrap();
    let mut state = ViewState::new(&dataset, "funding").unwrap();
    state.set_lang("en").unwrap();
    let figure = Figure::build(&dataset, &state).unwrap();
    let publishers: Vec<&str> = figure.sources.iter().map(|&s| dataset.source(s).publisher.get(Lang::En)).collect();
    assert!(publishers.contains(&"Gauß-Allianz"), "JUPITER's split is sourced: {publishers:?}");
    assert!(publishers.contains(&"European Central Bank"), "rates are sourced when used: {publishers:?}");
    let line = figure.source_line(&dataset);
    assert!(line.starts_with("Sources: Forschungszentrum Jülich (JSC) (Jun 26, 2026)"), "{line}");
    state.set_currency("EUR").unwrap();
    for key in ["anthropic", "openai"] {
        state.set_series_visible(&dataset, key, false).unwrap();
    }
    let figure = Figure::build(&dataset, &state).unwrap();
    let publishers: Vec<&str> = figure.sources.iter().map(|&s| dataset.source(s).publisher.get(Lang::En)).collect();
    assert!(!publishers.contains(&"European Central Bank"), "no conversion, no rate source: {publishers:?}");
    assert!(figure.rates.is_empty());
}

#[test]
fn the_page_gets_legend_views_notes_and_sources_as_json() {
    use autonomie::session::Session;
    use std::rc::Rc;
    let dataset = Rc::new(Dataset::embedded().unwrap());
    let mut session = Session::new(dataset, "valuations").unwrap();
    session.state.set_lang("fr").unwrap();
    session.state.set_currency("USD").unwrap();
    session.set_series_visible("openai", false).unwrap();
    let info: serde_json::Value = serde_json::from_str(&session.info_json().unwrap()).unwrap();
    assert_eq!(info["state"]["chart"], "valuations");
    assert_eq!(info["controls"]["money"], true);
    assert_eq!(info["controls"]["views"][0]["label"], "Dernière");
    assert_eq!(info["controls"]["views"][0]["active"], true);
    assert_eq!(info["legend"]["entries"][2]["key"], "openai");
    assert_eq!(info["legend"]["entries"][2]["visible"], false);
    assert_eq!(info["legend"]["entries"][0]["color"], "#1f5fbf");
    assert_eq!(info["notes"]["rates"], serde_json::json!([]), "Mistral's Series D has no ECB rate: not converted");
    assert_eq!(
        info["notes"]["unconverted"][0].as_str().unwrap().split(". ").next().unwrap(),
        "Montants non convertis, affichés tels que publiés : Mistral AI >\u{a0}21\u{a0}Md€ (8 sept"
    );
    assert_eq!(info["sources"]["list"][0]["publisher"], "Mistral AI");
    assert_eq!(info["sources"]["list"][0]["kind"], "entreprise ou organisme officiel");
    assert_eq!(info["sources"]["list"][1]["kind"], "journal");
    assert_eq!(info["sources"]["list"][0]["date"], "8 sept. 2026");
    assert_eq!(info["notes"]["checked"], "6 déc. 2026");
    assert_eq!(info["notes"]["newest"], "8 sept. 2026");
    assert_eq!(info["state"]["hidden"][0], "openai");
    let plan = session.plan(760.0, 2.0, None, Theme::Light, &autonomie::layout::text::EstimatedWidths).unwrap();
    assert_eq!(plan.width, 1520);
    assert_eq!(plan.hits.len(), 2, "one hit rectangle per drawn bar");
    let odd = session
        .plan(f64::NAN, f64::INFINITY, Some(f64::NAN), Theme::Light, &autonomie::layout::text::EstimatedWidths)
        .unwrap();
    assert_eq!(odd.width, 760, "sizes that cannot be drawn fall back to defaults");
    let tall = session.plan(760.0, 1.0, Some(700.0), Theme::Light, &autonomie::layout::text::EstimatedWidths).unwrap();
    assert_eq!(tall.height, 700, "bars grow to a requested height");
    session.set_view("history").unwrap();
    let natural = session.plan(760.0, 1.0, None, Theme::Light, &autonomie::layout::text::EstimatedWidths).unwrap();
    let short = session
        .plan(
            760.0,
            1.0,
            Some(f64::from(natural.height) - 60.0),
            Theme::Light,
            &autonomie::layout::text::EstimatedWidths,
        )
        .unwrap();
    assert_eq!(short.height, natural.height - 60, "a timeline's plot shrinks to a requested height");
}

#[test]
fn a_state_builds_its_figure_once() {
    let dataset = std::rc::Rc::new(autonomie::data::model::Dataset::embedded().unwrap());
    let mut session = autonomie::session::Session::new(dataset, "valuations").unwrap();
    let first = session.figure().unwrap();
    // Every answer of one state reads the same figure.
    session.info_json().unwrap();
    session.description().unwrap();
    session.table_json().unwrap();
    assert!(std::rc::Rc::ptr_eq(&first, &session.figure().unwrap()));
    // A change builds a new one, once.
    session.state.set_scale("log").unwrap();
    let second = session.figure().unwrap();
    assert!(!std::rc::Rc::ptr_eq(&first, &second));
    assert!(std::rc::Rc::ptr_eq(&second, &session.figure().unwrap()));
    assert_eq!(second.scale, autonomie::data::model::Scale::Log);
}
