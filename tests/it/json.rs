//! `src/json.rs` against serde_json, the reader the widget used before: the same texts
//! are JSON, and they read to the same values.

use autonomie::json::{self, Json, ToJson, Value};
use autonomie::model::EMBEDDED_JSON;
use proptest::prelude::*;

/// Our tree and serde_json's value hold the same thing (numbers compared as f64).
fn same(ours: &Json, theirs: &serde_json::Value) -> bool {
    match (&ours.value, theirs) {
        (Value::Null, serde_json::Value::Null) => true,
        (Value::Bool(a), serde_json::Value::Bool(b)) => a == b,
        (Value::Number(a), serde_json::Value::Number(b)) => b.as_f64() == Some(*a),
        (Value::String(a), serde_json::Value::String(b)) => a == b,
        (Value::Array(a), serde_json::Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Object(a), serde_json::Value::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(name, value)| b.get(name).is_some_and(|other| same(value, other)))
        }
        _ => false,
    }
}

#[test]
fn the_embedded_dataset_reads_the_same() {
    let ours = json::parse(EMBEDDED_JSON).unwrap();
    let theirs: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    assert!(same(&ours, &theirs));
}

/// Short texts over JSON's own characters: mostly not JSON, sometimes JSON.
fn jsonish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "{", "}", "[", "]", ",", ":", " ", "\n", "\"", "\\", "u", "d800", "00e9", "n", "t", "true", "false",
            "null", "0", "1", "-", ".", "e", "+", "9", "1e400", "\"a\"", "\"k\":", "é", "\t", "\u{1}", "x",
        ]),
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

/// Any JSON value, a few levels deep.
fn any_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_filter("finite", |n| n.is_finite()).prop_map(serde_json::Value::from),
        "\\PC{0,8}|[\"\\\\\n\t\u{0}-\u{1f}]{0,4}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map("\\PC{0,6}", inner, 0..6)
                .prop_map(|map| serde_json::Value::Object(map.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn a_text_is_json_for_both_readers_or_for_neither(text in jsonish()) {
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        match json::parse(&text) {
            Ok(ours) => prop_assert!(theirs.as_ref().is_ok_and(|value| same(&ours, value)), "{text:?}: {theirs:?}"),
            Err(problem) => prop_assert!(theirs.is_err(), "{text:?} refused: {problem}"),
        }
    }

    #[test]
    fn written_json_reads_back_the_same(value in any_json()) {
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        prop_assert!(same(&json::parse(&pretty).unwrap(), &value), "{pretty}");
        // Our writer, for the strings: serde_json reads back what we wrote.
        if let serde_json::Value::String(text) = &value {
            prop_assert_eq!(serde_json::from_str::<String>(&text.to_json()).unwrap(), text.clone());
        }
    }
}
