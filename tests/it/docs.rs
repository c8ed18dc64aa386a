//! The documentation's examples are real.

use autonomie::chart::figure::Figure;
use autonomie::chart::state::ViewState;
use autonomie::data::model::Dataset;

#[test]
fn the_example_in_data_format_md_is_valid() {
    let doc = std::fs::read_to_string(crate::repo_root().join("docs/data-format.md")).unwrap();
    let start = doc.find("```json\n").unwrap() + "```json\n".len();
    let end = start + doc[start..].find("\n```").unwrap();
    let dataset = Dataset::from_json(&doc[start..end]).unwrap();
    assert_eq!(dataset.charts.len(), 2);
    let mut state = ViewState::new(&dataset, "mistral").unwrap();
    state.set_lang("fr").unwrap();
    state.set_currency("USD").unwrap();
    let figure = Figure::build(&dataset, &state).unwrap();
    assert_eq!(figure.items().count(), 2);
    assert!(figure.rates.iter().any(|r| r.contains("1,1744")), "{:?}", figure.rates);
}

#[test]
fn the_compute_example_in_data_format_md_is_valid() {
    let doc = std::fs::read_to_string(crate::repo_root().join("docs/data-format.md")).unwrap();
    let heading = doc.find("### A chart of computing power").unwrap();
    let start = heading + doc[heading..].find("```json\n").unwrap() + "```json\n".len();
    let end = start + doc[start..].find("\n```").unwrap();
    let dataset = Dataset::from_json(&doc[start..end]).unwrap();
    let mut state = ViewState::new(&dataset, "compute").unwrap();
    state.set_lang("en").unwrap();
    let figure = Figure::build(&dataset, &state).unwrap();
    let texts: Vec<&str> = figure.items().map(|i| i.value_text.as_str()).collect();
    assert_eq!(texts, ["1\u{a0}EFlop/s", "561.2\u{a0}PFlop/s"], "panels in the order of the groups");
}

#[test]
fn the_error_example_in_data_format_md_is_what_the_code_prints() {
    let doc = std::fs::read_to_string(crate::repo_root().join("docs/data-format.md")).unwrap();
    let start = doc.find("```text\n").unwrap() + "```text\n".len();
    let end = start + doc[start..].find("\n```").unwrap();
    let mut value: serde_json::Value = serde_json::from_str(autonomie::data::model::EMBEDDED_JSON).unwrap();
    value["charts"][0]["views"][0]["kind"] = serde_json::json!("pie");
    value["charts"][1]["views"][0]["series"][0]["color"] = serde_json::json!("red");
    let message = Dataset::from_json(&value.to_string()).unwrap_err().to_string();
    assert_eq!(message, &doc[start..end]);
}

#[test]
fn the_blog_post_example_dataset_is_valid() {
    let json = std::fs::read_to_string(crate::repo_root().join("examples/data/mistral-levees.json")).unwrap();
    let dataset = Dataset::from_json(&json).unwrap();
    let values: Vec<f64> = dataset.charts[0].views[0].series.iter().map(|s| s.points[0].value).collect();
    assert_eq!(values, [0.105, 0.385, 0.6, 1.7]);
}
