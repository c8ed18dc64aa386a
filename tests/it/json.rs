//! The JSON that the product reads (with serde_json, in `src/data/spec.rs`) and writes (the
//! page's answers, in `src/session.rs` and `src/chart/state.rs`): numbers read exactly
//! without serde_json's `float_roundtrip`, messages in plain words at the right line
//! and column, reading that stops at the first wrong value, and answers of the shapes
//! that the page's scripts read.

use std::rc::Rc;

use autonomie::chart::figure::ItemIndex;
use autonomie::data::model::{Dataset, EMBEDDED_JSON};
use autonomie::data::spec::DatasetSpec;
use autonomie::layout::text::EstimatedWidths;
use autonomie::layout::theme::Theme;
use autonomie::session::{all_sources, chart_ids, to_json, Session};
use proptest::prelude::*;
use serde_json::Value;

/// The number tokens of a JSON text, outside strings.
fn numbers(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let (mut out, mut at, mut in_string) = (Vec::new(), 0, false);
    while at < bytes.len() {
        match bytes[at] {
            b'\\' if in_string => at += 1,
            b'"' => in_string = !in_string,
            b'-' | b'0'..=b'9' if !in_string => {
                let end = at + bytes[at..].iter().take_while(|b| b"+-.eE0123456789".contains(b)).count();
                out.push(&text[at..end]);
                at = end - 1;
            }
            _ => {}
        }
        at += 1;
    }
    out
}

/// Every dataset of the repository: the embedded one, the example, and the catalogue's
/// (its own files, and catalogue.json, whose patches hold the other entries' numbers).
fn datasets() -> Vec<(String, String)> {
    let root = crate::repo_root();
    let mut out = vec![("data/autonomie.json".to_owned(), EMBEDDED_JSON.to_owned())];
    for dir in ["examples/data", "tests/bad-inputs"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    out
}

#[test]
fn every_number_of_every_dataset_reads_as_the_nearest_double() {
    let mut count = 0;
    for (name, text) in datasets() {
        for token in numbers(&text) {
            let exact = token.parse::<f64>();
            let read = serde_json::from_str::<f64>(token);
            match (exact, read) {
                (Ok(exact), Ok(read)) => assert_eq!(exact.to_bits(), read.to_bits(), "{name}: {token}"),
                // 1e309 and the like: out of range for both (Rust parses it as infinity).
                (Ok(exact), Err(_)) => assert!(exact.is_infinite(), "{name}: {token}"),
                (Err(_), _) => panic!("{name}: {token} is not a number"),
            }
            count += 1;
        }
    }
    // About 260 since the catalogue stores patches instead of 70 copies of the base.
    assert!(count > 200, "only {count} numbers");
    // And through the reader itself: the embedded dataset's figures are what its text says.
    let spec = DatasetSpec::read(EMBEDDED_JSON).unwrap();
    let values: Vec<f64> = spec
        .charts
        .iter()
        .flat_map(|c| &c.views)
        .flat_map(|v| &v.series)
        .flat_map(|s| &s.points)
        .map(|p| p.value)
        .collect();
    assert!(values.iter().all(|v| numbers(EMBEDDED_JSON).iter().any(|t| t.parse::<f64>() == Ok(*v))));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Figures as sources publish them (up to 15 significant digits, within the
    /// format's range of 1e-6 to 1e15), in plain or exponent notation, read exactly
    /// without `float_roundtrip`: their decimal exponent stays within ±22, where
    /// serde_json's one multiplication or division by a power of ten is exact. (Beyond
    /// it, 4.91318869882e-14 reads one unit in the last place off; no figure of the
    /// format can be written that way without a contrived exponent.)
    #[test]
    fn a_figure_of_up_to_15_digits_reads_exactly(
        digits in 1u64..1_000_000_000_000_000,
        point in 0usize..16,
        exponent in -21i32..16,
    ) {
        let digits = digits.to_string();
        let point = digits.len() - point.min(digits.len() - 1);
        let decimal = if point == digits.len() { digits.clone() } else { format!("{}.{}", &digits[..point], &digits[point..]) };
        for token in [decimal.clone(), format!("{decimal}e{exponent}"), format!("-{decimal}E{exponent:+}")] {
            let exact = token.parse::<f64>().unwrap();
            if !(1e-6..=1e15).contains(&exact.abs()) {
                continue;
            }
            prop_assert_eq!(serde_json::from_str::<f64>(&token).unwrap().to_bits(), exact.to_bits(), "{}", token);
        }
    }
}

/// Short texts over JSON's own characters and the format's field names: mostly not a
/// dataset, sometimes nearly one.
fn jsonish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            " ",
            "\n",
            "\"",
            "\\",
            "u",
            "d800",
            "00e9",
            "n",
            "t",
            "true",
            "false",
            "null",
            "0",
            "1",
            "-",
            ".",
            "e",
            "+",
            "9",
            "1e400",
            "\"a\"",
            "é",
            "\t",
            "\u{1}",
            "x",
            "😀",
            "\"format\":",
            "\"checked\":",
            "\"charts\":",
            "\"sources\":",
            "\"id\":",
            "\"title\":",
            "\"en\":",
        ]),
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Whatever the text, reading it ends in a message that places the problem inside
    /// the text (or just past its end).
    #[test]
    fn every_message_points_inside_the_text(text in jsonish()) {
        // (A text that happens to be a whole dataset has no message.)
        let Err(problem) = DatasetSpec::read(&text) else { return Ok(()) };
        let message = problem.to_string();
        let (_, place) = message.rsplit_once(" at line ").unwrap();
        let (line, column) = place.split_once(" column ").unwrap();
        let (line, column): (usize, usize) = (line.parse().unwrap(), column.parse().unwrap());
        let lines: Vec<&str> = text.split('\n').collect();
        prop_assert!(line >= 1 && line <= lines.len(), "{:?}: {}", text, message);
        prop_assert!(column >= 1 && column <= lines[line - 1].chars().count() + 1, "{:?}: {}", text, message);
        prop_assert!(!message.contains("EOF") && !message.contains("invalid type"), "{}", message);
    }
}

/// The message of a dataset text that cannot be read.
fn message(text: &str) -> String {
    DatasetSpec::read(text).unwrap_err().to_string()
}

#[test]
fn json_errors_say_what_is_wrong_in_plain_words_with_path_line_and_column() {
    let point = |value: &str| {
        format!(
            r#"{{"charts": [{{"id": "x", "views": [{{"id": "v", "series": [{{"points": [{{"value": {value}}}]}}]}}]}}]}}"#
        )
    };
    for (text, expected) in [
        ("", "the file ends where a value was expected at line 1 column 1"),
        ("  \n  \n", "the file ends where a value was expected at line 3 column 1"),
        ("x", "expected a JSON value (an object, an array, a string, a number, true, false or null) at line 1 column 1"),
        ("[1]", "expected an object, found an array at line 1 column 1"),
        ("null", "expected an object, found null at line 1 column 1"),
        (r#""models""#, r#"expected an object, found the string "models" at line 1 column 1"#),
        (r#"{"format": 1,}"#, "trailing comma at line 1 column 13"),
        (r#"{"format" 1}"#, "expected `:` after the field name at line 1 column 11"),
        (r#"{"format": 1 "checked": 2}"#, "expected `,` or `}` at line 1 column 14"),
        (r#"{1: 2}"#, "expected a field name in double quotes at line 1 column 2"),
        (r#"{"format": tru}"#, "format: expected a JSON value (an object, an array, a string, a number, true, false or null) at line 1 column 12"),
        (r#"{"format": 01}"#, "format: invalid number at line 1 column 13"),
        (r#"{"format": 1e999}"#, "format: number out of range at line 1 column 12"),
        (r#"{"format": 1.5}"#, "format: expected a whole number from 0 to 4294967295, found the number 1.5 at line 1 column 12"),
        (r#"{"format": -1}"#, "format: expected a whole number from 0 to 4294967295, found the number -1 at line 1 column 12"),
        (r#"{"format": 1e300}"#, "format: expected a whole number from 0 to 4294967295, found the number 1e300 at line 1 column 12"),
        (r#"{"format": 4294967296}"#, "format: expected a whole number from 0 to 4294967295, found the number 4294967296 at line 1 column 12"),
        (r#"{"format": 1, "format": 2}"#, "duplicate field `format` at line 1 column 15"),
        (r#"{"format": 1, "checked": "x"}"#, "missing field `charts` in the object that ends at line 1 column 29"),
        ("{\n  \"checked\": 5\n}", "checked: expected a string, found the number 5 at line 2 column 14"),
        (r#"{"checked": true}"#, "checked: expected a string, found true at line 1 column 13"),
        (r#"{"checked": ["x"]}"#, "checked: expected a string, found an array at line 1 column 13"),
        ("{\"checked\": \"a\nb\"}", "checked: the control character U+000A must be written as an escape (such as \\n) in a string at line 1 column 15"),
        (r#"{"checked": "\x"}"#, r#"checked: invalid escape; expected one of \" \\ \/ \b \f \n \r \t \uXXXX at line 1 column 14"#),
        (r#"{"checked": "\u12"}"#, r#"checked: invalid escape; expected one of \" \\ \/ \b \f \n \r \t \uXXXX at line 1 column 14"#),
        (r#"{"checked": "\udc00"}"#, r#"checked: a lone surrogate (\uD800 to \uDFFF without its pair) is not text at line 1 column 14"#),
        (r#"{"checked": "\ud800x"}"#, r#"checked: a lone surrogate (\uD800 to \uDFFF without its pair) is not text at line 1 column 14"#),
        (r#"{"checked": "a"#, "checked: the file ends inside a string at line 1 column 15"),
        (r#"{"checked": "#, "checked: the file ends where a value was expected at line 1 column 13"),
        // Columns count characters, not bytes.
        (r#"{"checked": "é €", "charts": {}}"#, "charts: expected an array of objects, found an object at line 1 column 30"),
        (r#"{"charts": [{"id": "a", "title": {"en": "x", "en": "y"}}]}"#, "charts[0].title: duplicate field `en` at line 1 column 46"),
        (r#"{"charts": [{"id": "a", "title": ["x", "y"]}]}"#, "charts[0].title: expected an object, found an array at line 1 column 34"),
        (r#"{"charts": [{"id": "a", "title": {"de": "x"}}]}"#, "charts[0].title.de: unknown field `de`, expected `en` or `fr` at line 1 column 35"),
        (r#"{"charts": [{"id": "a", "title": {"en" : "x", "de" : "x"}}]}"#, "charts[0].title.de: unknown field `de`, expected `en` or `fr` at line 1 column 47"),
        (r#"{"sources": []}"#, "sources: expected an object of sources by key, found an array at line 1 column 13"),
        (r#"{"sources": {"a": 1}}"#, "sources.a: expected an object, found the number 1 at line 1 column 19"),
        (r#"{"sources": {"a": {"title": "t"}}}"#, "sources.a: missing field `publisher` in the object that ends at line 1 column 32"),
        (r#"{"sources": {"a": {}, "a": {}}}"#, "sources.a: missing field `title` in the object that ends at line 1 column 20"),
        (&point(r#""40""#), r#"charts[0].views[0].series[0].points[0].value: expected a number, found the string "40" at line 1 column 80"#),
        (&point("null"), "charts[0].views[0].series[0].points[0].value: expected a number, found null at line 1 column 80"),
        (&point("-1e400"), "charts[0].views[0].series[0].points[0].value: number out of range at line 1 column 80"),
        (&point(r#""a \"quoted\" string, expected to be cut after forty characters""#), r#"charts[0].views[0].series[0].points[0].value: expected a number, found the string "a \"quoted\" string, expected to be cut …" at line 1 column 80"#),
    ] {
        assert_eq!(message(text), expected, "{text}");
    }
}

#[test]
fn a_source_key_given_twice_is_refused_where_it_is_repeated() {
    let source = r#"{"title": "t", "publisher": "p", "url": "https://example.org", "date": "2024"}"#;
    let text = format!("{{\"sources\": {{\n  \"a\": {source},\n  \"a\": {source}\n}}}}");
    assert_eq!(message(&text), "sources: duplicate source key \"a\"; each source needs its own key at line 3 column 3");
}

#[test]
fn reading_stops_at_the_first_wrong_value() {
    // What follows the first wrong value is not read: here it is not even JSON.
    let head = r#"{"format": 1, "checked": "2026-01-01", "charts": [1, "#;
    let text = format!("{head}{} this is not JSON", "[".repeat(1_000_000));
    assert_eq!(message(&text), "charts[0]: expected an object, found the number 1 at line 1 column 51");
    // Nested far deeper than the format, where an object is expected: refused at the
    // first level, without recursing.
    let deep = format!(r#"{{"charts": [{}"#, "[".repeat(1_000_000));
    assert_eq!(message(&deep), "charts[0]: expected an object, found an array at line 1 column 13");
}

#[test]
fn the_page_gets_its_answers_in_the_shapes_its_scripts_read() {
    /// The field names, in alphabetical order (the order of the text is checked by
    /// the state's exact text).
    fn keys(value: &Value) -> Vec<&str> {
        let mut keys: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        keys
    }
    fn parse(json: &str) -> Value {
        serde_json::from_str(json).unwrap()
    }
    let dataset = Rc::new(Dataset::embedded().unwrap());
    assert_eq!(to_json(&chart_ids(None).unwrap()), r#"["models","valuations","funding","compute"]"#);
    let sources = parse(&to_json(&all_sources(None, Some("en")).unwrap()));
    assert_eq!(keys(&sources), ["checked", "newest", "sources"]);
    assert_eq!(keys(&sources["sources"][0]), ["date", "dateNote", "key", "kind", "publisher", "title", "url"]);

    let mut session = Session::new(dataset, "valuations").unwrap();
    session.state.set_lang("fr").unwrap();
    session.set_view("history").unwrap();
    session.state.set_currency("USD").unwrap();
    session.set_series_visible("openai", false).unwrap();
    assert_eq!(
        session.state.to_json(),
        r#"{"chart":"valuations","currency":"USD","hidden":["openai"],"lang":"fr","scale":"log","view":"history"}"#
    );
    let info = parse(&session.info_json().unwrap());
    assert_eq!(
        keys(&info),
        ["announcement", "changed", "controls", "dirty", "legend", "notes", "reading", "sources", "state"]
    );
    assert_eq!(keys(&info["controls"]), ["currency", "lang", "money", "scale", "views"]);
    assert_eq!(keys(&info["controls"]["views"][0]), ["active", "id", "label"]);
    assert_eq!(keys(&info["legend"]["entries"][0]), ["color", "key", "label", "visible"]);
    assert_eq!(keys(&info["notes"]), ["checked", "lang", "newest", "notes", "rates", "unconverted"]);
    assert_eq!(keys(&info["sources"]["list"][0]), ["date", "dateNote", "key", "kind", "publisher", "title", "url"]);
    assert_eq!(keys(&info["reading"]), ["description", "label", "lang", "subtitle", "table", "title"]);
    assert_eq!(info["state"], parse(&session.state.to_json()));
    assert!(info["notes"]["notes"].as_array().unwrap().iter().all(Value::is_string));
    assert!(info["notes"]["rates"][0].is_string());

    let table = parse(&session.table_json().unwrap());
    assert_eq!(keys(&table), ["caption", "headers", "rows"]);
    assert!(table["rows"][0].as_array().unwrap().iter().all(Value::is_string));

    let plan = session.plan(760.0, 2.0, None, Theme::Light, &EstimatedWidths).unwrap();
    let item = parse(&session.item_json(&plan, ItemIndex::new(0)).unwrap().unwrap());
    assert_eq!(
        keys(&item),
        [
            "basis",
            "count",
            "date",
            "group",
            "index",
            "label",
            "lang",
            "note",
            "parts",
            "published",
            "rect",
            "sources",
            "unconverted",
            "value",
            "weak"
        ]
    );
    assert_eq!(keys(&item["sources"][0]), ["date", "dateNote", "key", "kind", "publisher", "title", "url"]);
    assert_eq!(item["index"], 0);
    assert_eq!(item["rect"].as_array().unwrap().len(), 4);
    assert!(item["rect"].as_array().unwrap().iter().all(Value::is_i64));
    let count = session.figure().unwrap().items().count();
    assert_eq!(session.item_json(&plan, ItemIndex::new(count)).unwrap(), None);
}

#[test]
fn texts_reach_the_page_unchanged() {
    // Quotes, backslashes, markup, line separators, right-to-left text and emoji: what
    // the page parses is the text of the dataset.
    let text = "<b>\"quoted\"</b> \\ \u{2028} مرحبا 😀";
    let mut value: Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    value["charts"][1]["title"]["fr"] = Value::from(text);
    value["charts"][1]["views"][0]["series"][0]["label"]["fr"] = Value::from(text);
    let dataset = Rc::new(Dataset::from_json(&value.to_string()).unwrap());
    let mut session = Session::new(dataset, "valuations").unwrap();
    session.state.set_lang("fr").unwrap();
    let info: Value = serde_json::from_str(&session.info_json().unwrap()).unwrap();
    assert_eq!(info["reading"]["title"], text);
    assert_eq!(info["legend"]["entries"][0]["label"], text);
}
