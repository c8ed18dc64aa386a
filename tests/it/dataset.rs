//! The embedded dataset's figures, and the validation of bad datasets.

use autonomie::data::model::{Basis, Bound, Dataset, Deal, SourceKind, EMBEDDED_JSON};
use autonomie::error::Error;
use autonomie::units::money::Currency;
use serde_json::{json, Value};

fn figures(dataset: &Dataset, chart: &str, view: &str) -> Vec<(String, f64)> {
    let view = dataset.chart(chart).unwrap().view(view).unwrap();
    view.series.iter().flat_map(|s| s.points.iter().map(move |p| (s.key.clone(), p.value))).collect()
}

/// `(group key, value)` of every point of a bar view, series after series.
fn figures_by_group(dataset: &Dataset, chart: &str, view: &str) -> Vec<(String, f64)> {
    let view = dataset.chart(chart).unwrap().view(view).unwrap();
    view.series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| (view.group(p.group.unwrap()).key.clone(), p.value)))
        .collect()
}

#[test]
fn embedded_dataset_carries_the_sourced_figures() {
    let dataset = Dataset::embedded().unwrap();
    let ids: Vec<&str> = dataset.charts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["models", "valuations", "funding", "compute"]);
    let pairs = |v: &[(&str, f64)]| v.iter().map(|(k, x)| ((*k).to_owned(), *x)).collect::<Vec<_>>();
    // The AI Index 2026 (notable models of 2025) first, then 2023 and 2024 as history.
    assert_eq!(figures(&dataset, "models", "latest"), pairs(&[("US", 59.0), ("CN", 35.0), ("EUROPE", 2.0)]));
    assert_eq!(
        figures(&dataset, "models", "history"),
        pairs(&[
            ("US", 61.0),
            ("US", 40.0),
            ("US", 59.0),
            ("CN", 15.0),
            ("CN", 15.0),
            ("CN", 35.0),
            ("EU", 21.0),
            ("EUROPE", 3.0),
            ("EUROPE", 2.0)
        ])
    );
    // The newest closed round of each company (facts-2026-12.json), and the figures of
    // the blog post (October 2025) in a view of their own.
    assert_eq!(
        figures(&dataset, "valuations", "latest"),
        pairs(&[("mistral", 21.0), ("anthropic", 965.0), ("openai", 852.0)])
    );
    assert_eq!(
        figures(&dataset, "valuations", "october-2025"),
        pairs(&[("mistral", 11.7), ("anthropic", 183.0), ("openai", 500.0)])
    );
    let history = figures(&dataset, "valuations", "history");
    for newer in [("mistral", 21.0), ("anthropic", 380.0), ("anthropic", 965.0), ("openai", 80.0), ("openai", 852.0)] {
        assert!(history.contains(&(newer.0.to_owned(), newer.1)), "{newer:?}");
    }
    assert!(!history.contains(&("openai".to_owned(), 86.0)), "the tender completed at more than $80B");
    // Anthropic's ~$350B of November 2025: one blog, and not a closed round.
    assert!(!history.contains(&("anthropic".to_owned(), 350.0)));
    assert_eq!(history.len(), 17);
    let funding = figures(&dataset, "funding", "latest");
    assert_eq!(funding[0], ("jupiter".to_owned(), 0.5));
    assert_eq!(funding[1], ("asml".to_owned(), 1.3));
    assert_eq!(funding[2..], pairs(&[("mistral", 21.0), ("anthropic", 965.0), ("openai", 852.0)]));
    assert_eq!(figures(&dataset, "funding", "october-2025")[3..], pairs(&[("anthropic", 183.0), ("openai", 500.0)]));
    // TOP500 HPL Rmax in exaflop/s: only the systems whose figure was read for that list.
    assert_eq!(
        figures(&dataset, "compute", "june-2026"),
        pairs(&[("US", 1.809), ("US", 1.353), ("US", 1.012), ("CN", 2.198), ("EUROPE", 1.0)])
    );
    assert_eq!(
        figures(&dataset, "compute", "november-2025"),
        pairs(&[
            ("US", 1.809),
            ("US", 1.353),
            ("US", 1.012),
            ("US", 0.5612),
            ("EUROPE", 1.0),
            ("EUROPE", 0.4779),
            ("JP", 0.44201)
        ])
    );
    let november = dataset.chart("compute").unwrap().view("november-2025").unwrap();
    assert!(november.series.iter().all(|s| s.key != "CN"), "China did not submit to the November 2025 list");
    assert_eq!(november.measure, autonomie::data::model::Measure::Flops);
    // One panel per country, coloured by region: 2025 first, with no total for Europe
    // (none was found, and countries are never added up into one); 2024 kept.
    let countries = figures_by_group(&dataset, "funding", "countries");
    assert_eq!(countries.len(), 15);
    assert_eq!(countries[0], ("US".to_owned(), 285.88));
    for (country, value) in [("CN", 12.41), ("GB", 5.9), ("FR", 4.36), ("DE", 3.89), ("BE", 1.2), ("SE", 0.97)] {
        assert!(countries.contains(&(country.to_owned(), value)), "{country}");
    }
    assert!(countries.iter().all(|(group, _)| group != "EUROPE"));
    let countries_2024 = figures_by_group(&dataset, "funding", "countries-2024");
    assert_eq!(countries_2024.len(), 16);
    assert_eq!(countries_2024[0], ("US".to_owned(), 109.08));
    assert!(countries_2024.contains(&("EUROPE".to_owned(), 19.42)));
}

#[test]
fn valuations_say_whether_they_are_official_reported_or_secondary() {
    let dataset = Dataset::embedded().unwrap();
    let october = dataset.chart("valuations").unwrap().view("october-2025").unwrap();
    let openai = &october.series[2].points[0];
    assert_eq!((openai.basis, openai.deal), (Some(Basis::PressReported), Some(Deal::Secondary)));
    assert_eq!(openai.currency, Some(Currency::Usd));
    let mistral = &october.series[0].points[0];
    assert_eq!((mistral.basis, mistral.currency), (Some(Basis::Official), Some(Currency::Eur)));
    // The newest figures are closed primary rounds the companies announced, not talks,
    // each on the company's own announcement and a wire service or newspaper beside it.
    let latest = dataset.chart("valuations").unwrap().view("latest").unwrap();
    for series in &latest.series {
        let point = &series.points[0];
        assert_eq!((point.basis, point.deal), (Some(Basis::Official), Some(Deal::Primary)), "{}", series.key);
        let kinds: Vec<SourceKind> = point.sources.iter().map(|&s| dataset.source(s).kind).collect();
        assert_eq!(kinds[0], SourceKind::Official, "{}", series.key);
        assert!(kinds[1..].iter().any(|k| matches!(k, SourceKind::Wire | SourceKind::Newspaper)), "{}", series.key);
    }
    // Mistral's Series D: only "more than €21B" was disclosed.
    assert_eq!(latest.series[0].points[0].bound, Some(Bound::Lower));
    let jupiter = &dataset.chart("funding").unwrap().views[0].series[0].points[0];
    let parts: Vec<f64> = jupiter.parts.iter().map(|p| p.value).collect();
    assert_eq!(parts, [0.25, 0.125, 0.125]);
    // ASML's €1.3B: its own press release first.
    let asml = &dataset.chart("funding").unwrap().views[0].series[1].points[0];
    assert_eq!(dataset.source(asml.sources[0]).publisher.en, "ASML");
}

/// The rates of `data/ecb-eurusd.csv` (the project's copy of SOURCES.md's ECB file), by
/// date as written (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
fn ecb_csv() -> Vec<(String, f64)> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/ecb-eurusd.csv")).unwrap();
    text.lines()
        .skip(1)
        .map(|line| {
            let mut fields = line.split(',');
            (fields.next().unwrap().to_owned(), fields.next().unwrap().parse().unwrap())
        })
        .collect()
}

#[test]
fn no_amount_is_left_unconverted_where_the_ecb_copy_has_its_rate() {
    let dataset = Dataset::embedded().unwrap();
    let csv = ecb_csv();
    assert!(csv.iter().any(|(date, rate)| date == "2026-02-12" && *rate == 1.1874));
    assert!(csv.iter().any(|(date, rate)| date == "2026-03-31" && *rate == 1.1498));
    // Every rate of the dataset is the CSV's, but one: the rate of 3 October 2023, the
    // day JUPITER's contract was signed, which no record of the shared data gives.
    let points = dataset.charts.iter().flat_map(|c| &c.views).flat_map(|v| &v.series).flat_map(|s| &s.points);
    for id in points.filter_map(|p| p.rate) {
        let rate = &dataset.rate(id).rate;
        if rate.date.to_string() != "2023-10-03" {
            assert!(csv.contains(&(rate.date.to_string(), rate.usd_per_eur)), "{}", rate.date);
        }
    }
    let mut unconverted = Vec::new();
    for chart in &dataset.charts {
        for view in &chart.views {
            for point in view.series.iter().flat_map(|s| &s.points).filter(|p| p.no_rate.is_some()) {
                // The rule of the format: the rate of the date, or for a day the last
                // daily rate at most four days before.
                let day = point.date.day.map(|_| point.date.first_day_number());
                let found = csv.iter().find(|(date, _)| {
                    *date == point.date.to_string()
                        || day.is_some_and(|day| {
                            autonomie::units::date::Date::parse(date)
                                .filter(|d| d.day.is_some())
                                .is_some_and(|d| (0..=4).contains(&(day - d.first_day_number())))
                        })
                });
                assert!(
                    found.is_none(),
                    "{}/{} {}: `no_rate`, but the ECB copy has {found:?}",
                    chart.id,
                    view.id,
                    point.date
                );
                unconverted.push(point.date.to_string());
            }
        }
    }
    unconverted.sort();
    unconverted.dedup();
    assert_eq!(unconverted, ["2025", "2026-05-28", "2026-09-08"]);
}

#[test]
fn every_figure_has_a_source_with_a_kind_and_a_web_address_and_every_amount_a_rate() {
    let dataset = Dataset::embedded().unwrap();
    for chart in &dataset.charts {
        for view in &chart.views {
            for series in &view.series {
                for point in &series.points {
                    assert!(!point.sources.is_empty());
                    for &id in &point.sources {
                        let source = dataset.source(id);
                        assert!(source.url.starts_with("http"), "{}", source.url);
                        assert!(
                            !source.publisher.en.is_empty()
                                && !source.publisher.fr.is_empty()
                                && !source.title.en.is_empty()
                        );
                    }
                    // No figure rests on a blog, an aggregator or a tag page unless it
                    // is marked weak.
                    let weak_only = point.sources.iter().all(|&s| dataset.source(s).kind == SourceKind::Blog);
                    assert_eq!(weak_only, point.weak, "{}/{}/{}", chart.id, view.id, series.key);
                    assert!(
                        !point.weak,
                        "{}/{}/{}: no figure of the embedded dataset is weak",
                        chart.id, view.id, series.key
                    );
                    if point.currency.is_some() {
                        assert!(
                            point.rate.is_some() != point.no_rate.is_some(),
                            "{}/{}/{}",
                            chart.id,
                            view.id,
                            series.key
                        );
                    }
                }
            }
        }
    }
    // A title is the document's own, the same in both languages; a headline that was
    // not read is a description in each language, which says so first.
    for source in dataset.sources() {
        let (en, fr) = (&source.title.en, &source.title.fr);
        if en == fr {
            assert!(!en.starts_with('['), "{}: {en}", source.key);
        } else {
            assert!(en.starts_with("[headline not read] ") && fr.starts_with("[titre non lu] "), "{}", source.key);
        }
    }
    assert_eq!(dataset.checked.to_string(), "2026-12-06");
    assert_eq!(dataset.newest().map(|d| d.to_string()).as_deref(), Some("2026-09-08"));
}

/// Applies `edit` to the embedded dataset and returns the validation problems as
/// `path: message` lines.
fn problems_after(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut value: Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    edit(&mut value);
    match Dataset::from_json(&value.to_string()) {
        Ok(_) => Vec::new(),
        Err(Error::Invalid(problems)) => problems.iter().map(ToString::to_string).collect(),
        Err(other) => vec![other.to_string()],
    }
}

fn check(edit: impl FnOnce(&mut Value), expected_path: &str, expected_words: &str) {
    let problems = problems_after(edit);
    assert!(
        problems.iter().any(|p| p.starts_with(&format!("{expected_path}: ")) && p.contains(expected_words)),
        "expected a problem at {expected_path} mentioning {expected_words:?}, got {problems:#?}"
    );
}

const POINT: &str = "/charts/1/views/0/series/2/points/0";

#[test]
fn validation_names_the_path_and_the_expectation() {
    check(
        |d| d["charts"][0]["views"][0]["kind"] = json!("pie"),
        "charts[0].views[0].kind",
        "expected bars or timeline",
    );
    check(|d| d["charts"][2]["id"] = json!("models"), "charts[2].id", "duplicate chart id");
    check(
        |d| d["charts"][0]["views"][0]["series"][1]["key"] = json!("US"),
        "charts[0].views[0].series[1].key",
        "duplicate series key",
    );
    check(
        |d| d["charts"][0]["views"][0]["series"][0]["label"]["fr"] = json!(""),
        "charts[0].views[0].series[0].label.fr",
        "missing translation",
    );
    check(
        |d| d.pointer_mut(&format!("{POINT}/value")).map(|v| *v = json!(0)).unwrap(),
        "charts[1].views[0].series[2].points[0].value",
        "greater than 0",
    );
    check(
        |d| d.pointer_mut(&format!("{POINT}/value")).map(|v| *v = json!(-4.5)).unwrap(),
        "charts[1].views[0].series[2].points[0].value",
        "cannot be drawn",
    );
    check(
        |d| d["charts"][1]["views"][1]["series"][0]["points"][1]["date"] = json!("2023-01-01"),
        "charts[1].views[1].series[0].points[1].date",
        "date out of order",
    );
    check(
        |d| d.pointer_mut(&format!("{POINT}/date")).map(|v| *v = json!("2025-10-32")).unwrap(),
        "charts[1].views[0].series[2].points[0].date",
        "is not a date",
    );
    check(
        |d| d.pointer_mut("/charts/1/views/0/series/2/points/0/date").map(|v| *v = json!("2022-01-05")).unwrap(),
        "charts[1].views[0].series[2].points[0].date",
        "no ECB rate",
    );
    check(
        |d| d["charts"][1]["views"][0]["series"][2]["points"][0]["no_rate"] = json!({ "en": "None.", "fr": "Aucun." }),
        "charts[1].views[0].series[2].points[0].no_rate",
        "remove `no_rate`",
    );
    check(
        |d| d["charts"][0]["views"][0]["series"][0]["points"][0]["no_rate"] = json!({ "en": "None.", "fr": "Aucun." }),
        "charts[0].views[0].series[0].points[0].no_rate",
        "only an amount of money",
    );
    check(
        |d| d["charts"][3]["views"][0]["series"][0]["points"][0]["currency"] = json!("USD"),
        "charts[3].views[0].series[0].points[0].currency",
        "a computing speed has no currency",
    );
    check(
        |d| d["charts"][3]["views"][0]["measure"] = json!("petaflops"),
        "charts[3].views[0].measure",
        "expected count, money or flops",
    );
    check(
        |d| d.pointer_mut(&format!("{POINT}/currency")).map(|v| *v = json!("GBP")).unwrap(),
        "charts[1].views[0].series[2].points[0].currency",
        "expected EUR or USD",
    );
    check(
        |d| d.pointer_mut(&format!("{POINT}/source")).map(|v| *v = json!("nowhere")).unwrap(),
        "charts[1].views[0].series[2].points[0].source",
        "unknown source",
    );
    check(
        |d| d.pointer_mut(&format!("{POINT}/basis")).map(|v| *v = json!("rumour")).unwrap(),
        "charts[1].views[0].series[2].points[0].basis",
        "official or press-reported",
    );
    check(
        |d| d.pointer_mut(&format!("{POINT}/group")).map(|v| *v = json!("2099")).unwrap(),
        "charts[1].views[0].series[2].points[0].group",
        "unknown group",
    );
    check(
        |d| d["charts"][0]["views"][0]["series"][0]["color"] = json!("blue"),
        "charts[0].views[0].series[0].color",
        "#rrggbb",
    );
    check(
        |d| d["sources"]["hai-2025-rd"]["url"] = json!("javascript:alert(1)"),
        "sources.hai-2025-rd.url",
        "http:// or https://",
    );
    check(
        |d| d["charts"][2]["views"][0]["series"][0]["points"][0]["parts"][0]["value"] = json!(0.3),
        "charts[2].views[0].series[0].points[0].parts",
        "add up to",
    );
    check(|d| d["format"] = json!(2), "format", "not supported");
    // The source kinds, lower bounds, weak marks, several sources and decimals.
    check(
        |d| d["sources"]["hai-2025-rd"].as_object_mut().unwrap().remove("kind").map(drop).unwrap(),
        "sources.hai-2025-rd.kind",
        "missing source kind",
    );
    check(|d| d["sources"]["hai-2025-rd"]["kind"] = json!("rumour"), "sources.hai-2025-rd.kind", "unknown source kind");
    check(
        |d| d["sources"]["hai-2025-rd"]["kind"] = json!("blog"),
        "charts[0].views[1].series[0].points[1].source",
        "only a blog or an aggregator",
    );
    check(
        |d| {
            d.pointer_mut(&format!("{POINT}/bound"))
                .map(|v| *v = json!("upper"))
                .unwrap_or_else(|| d.pointer_mut(POINT).unwrap()["bound"] = json!("upper"))
        },
        "charts[1].views[0].series[2].points[0].bound",
        "unknown bound",
    );
    check(
        |d| d.pointer_mut(POINT).unwrap()["also"] = json!(["openai-2026-round"]),
        "charts[1].views[0].series[2].points[0].also[0]",
        "given twice",
    );
    check(
        |d| d.pointer_mut(POINT).unwrap()["also"] = json!(["nowhere"]),
        "charts[1].views[0].series[2].points[0].also[0]",
        "unknown source",
    );
    check(
        |d| d.pointer_mut(POINT).unwrap()["also"] = json!(vec!["ft-ipo-2026-06"; 10]),
        "charts[1].views[0].series[2].points[0].also",
        "the limit is 9 per point",
    );
    check(
        |d| {
            d.pointer_mut(POINT).unwrap()["value"] = json!(852.25);
            d.pointer_mut(POINT).unwrap()["decimals"] = json!(1);
        },
        "charts[1].views[0].series[2].points[0].decimals",
        "more than 1 decimals",
    );
    check(
        |d| d.pointer_mut(POINT).unwrap()["decimals"] = json!(9),
        "charts[1].views[0].series[2].points[0].decimals",
        "the limit is 6",
    );
    check(|d| d["rates"][0]["kind"] = json!("monthly-mean"), "rates[0].date", "does not match kind");
    check(|d| d["charts"][0]["views"][0]["series"] = json!([]), "charts[0].views[0].series", "at least one");
    check(
        |d| d["charts"][0]["views"][0]["measure"] = json!("money"),
        "charts[0].views[0].series[0].points[0].currency",
        "missing currency",
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let problems = problems_after(|d| {
        d["charts"][0]["views"][0]["kind"] = json!("pie");
        d["charts"][1]["views"][0]["series"][0]["color"] = json!("red");
    });
    assert_eq!(problems.len(), 2, "{problems:#?}");
}

#[test]
fn json_errors_name_the_field_or_the_position() {
    let not_json = Dataset::from_json("{ this is not json").unwrap_err().to_string();
    assert!(not_json.contains("line 1 column"), "{not_json}");
    let empty = Dataset::from_json("").unwrap_err().to_string();
    assert!(empty.contains("the file ends where a value was expected at line 1 column 1"), "{empty}");
    let mut value: Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    value["charts"][1]["views"][0]["series"][2]["points"][0]["value"] = json!("500");
    let message = Dataset::from_json(&value.to_string()).unwrap_err().to_string();
    assert!(message.contains("charts[1].views[0].series[2].points[0].value"), "{message}");
    assert!(message.contains("expected a number, found the string \"500\""), "{message}");
    value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    value["charts"][0]["colour"] = json!("red");
    let message = Dataset::from_json(&value.to_string()).unwrap_err().to_string();
    assert!(message.contains("unknown field `colour`"), "{message}");
    let wrong_top = Dataset::from_json("[]").unwrap_err().to_string();
    assert!(wrong_top.contains("expected an object, found an array at line 1 column 1"), "{wrong_top}");
}
