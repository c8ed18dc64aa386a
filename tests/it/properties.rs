//! Property tests: whatever the dataset and whatever the reader does, parsing,
//! validation, every toggle and the drawing either work or return a described error;
//! nothing panics. The same driver (`autonomie::exercise`) runs under the fuzzer.

use autonomie::data::model::EMBEDDED_JSON;
use autonomie::exercise::{self, Action};
use proptest::prelude::*;
use serde_json::Value;

/// Words a reader or a host page could send: the real ids and some that are not.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
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
            "cn",
            "europe",
            "mistral",
            "anthropic",
            "openai",
            "jupiter",
            "",
            "LOG",
            "eur",
            "de",
            "../",
            "<script>",
        ])
        .prop_map(str::to_owned),
        "\\PC{0,12}",
    ]
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        word().prop_map(Action::View),
        word().prop_map(Action::Scale),
        word().prop_map(Action::Currency),
        word().prop_map(Action::Lang),
        (word(), any::<bool>()).prop_map(|(k, v)| Action::Series(k, v)),
        (
            prop_oneof![Just(f64::NAN), Just(-5.0), Just(0.0), Just(1e9), 100.0..2000.0],
            prop_oneof![Just(0.0), Just(f64::INFINITY), 0.5..4.0],
            -50.0..5000.0,
            -50.0..5000.0
        )
            .prop_map(|(css_width, ratio, x, y)| Action::Draw { css_width, ratio, x, y }),
    ]
}

/// A JSON value to put somewhere in a dataset.
fn json_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        prop::sample::select(vec![0.0, -1.0, 1e-300, 1e308, 3.5, 40.0, 2024.0, 1.0e15])
            .prop_map(|n| serde_json::json!(n)),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        word().prop_map(Value::String),
        prop::sample::select(vec!["2025-09-09", "2025-13-01", "2023", "2025-02-30", "1999-01"])
            .prop_map(|s| Value::String(s.to_owned())),
        Just(Value::Array(vec![])),
        Just(Value::Object(serde_json::Map::new())),
    ]
}

/// A change to a dataset: at the `at`-th node (in document order, modulo their count),
/// replace it, remove it, or duplicate it.
#[derive(Debug, Clone)]
enum Mutation {
    Replace(usize, Value),
    Remove(usize),
    Duplicate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), json_value()).prop_map(|(at, v)| Mutation::Replace(at, v)),
        any::<usize>().prop_map(Mutation::Remove),
        any::<usize>().prop_map(Mutation::Duplicate),
    ]
}

fn count(value: &Value) -> usize {
    1 + match value {
        Value::Array(items) => items.iter().map(count).sum(),
        Value::Object(fields) => fields.values().map(count).sum(),
        _ => 0,
    }
}

/// Applies `mutation` to the node numbered `*at` under `value` (0 is `value` itself).
fn apply(value: &mut Value, at: &mut usize, mutation: &Mutation) -> bool {
    let children: Vec<usize> = match value {
        Value::Array(items) => (0..items.len()).collect(),
        Value::Object(fields) => (0..fields.len()).collect(),
        _ => vec![],
    };
    for index in children {
        let child_size = match value {
            Value::Array(items) => count(&items[index]),
            Value::Object(fields) => count(fields.values().nth(index).unwrap()),
            _ => unreachable!(),
        };
        if *at == 0 {
            return false;
        }
        if *at == 1 {
            match (value, mutation) {
                (Value::Array(items), Mutation::Replace(_, v)) => items[index] = v.clone(),
                (Value::Array(items), Mutation::Remove(_)) => drop(items.remove(index)),
                (Value::Array(items), Mutation::Duplicate(_)) => items.insert(index, items[index].clone()),
                (Value::Object(fields), Mutation::Replace(_, v)) => {
                    *fields.values_mut().nth(index).unwrap() = v.clone()
                }
                (Value::Object(fields), Mutation::Remove(_) | Mutation::Duplicate(_)) => {
                    let key = fields.keys().nth(index).unwrap().clone();
                    fields.remove(&key);
                }
                _ => unreachable!(),
            }
            return true;
        }
        if *at <= child_size {
            *at -= 1;
            let child = match value {
                Value::Array(items) => &mut items[index],
                Value::Object(fields) => fields.values_mut().nth(index).unwrap(),
                _ => unreachable!(),
            };
            return apply(child, at, mutation);
        }
        *at -= child_size;
    }
    false
}

fn mutated(mutations: &[Mutation]) -> String {
    let mut dataset: Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    for m in mutations {
        let nodes = count(&dataset);
        let mut at = match m {
            Mutation::Replace(at, _) | Mutation::Remove(at) | Mutation::Duplicate(at) => at % nodes,
        };
        apply(&mut dataset, &mut at, m);
    }
    dataset.to_string()
}

/// The real dataset with each point's figures (its value and its parts) scaled by one
/// of `factors` and every translated text replaced by one of `texts`, in turn: valid
/// structure, arbitrary content.
fn rewritten(factors: &[f64], texts: &[String]) -> String {
    fn walk(value: &mut Value, key: &str, factor: Option<f64>, factors: &[f64], texts: &[String], n: &mut usize) {
        match value {
            Value::Number(number) if key == "value" => {
                let scaled = number.as_f64().unwrap_or(1.0) * factor.unwrap_or(1.0);
                if let Some(v) = serde_json::Number::from_f64(scaled) {
                    *number = v;
                }
            }
            Value::String(text) if key == "fr" || key == "en" => {
                *text = texts[*n % texts.len()].clone();
                *n += 1;
            }
            Value::Array(items) => items.iter_mut().for_each(|v| walk(v, key, factor, factors, texts, n)),
            Value::Object(fields) => {
                let factor = match factor {
                    None if fields.contains_key("value") => {
                        *n += 1;
                        Some(factors[*n % factors.len()])
                    }
                    other => other,
                };
                fields.iter_mut().for_each(|(k, v)| walk(v, k, factor, factors, texts, n));
            }
            _ => {}
        }
    }
    let mut dataset: Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    walk(&mut dataset, "", None, factors, texts, &mut 0);
    dataset.to_string()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any sequence of toggles on the real dataset draws after every step.
    #[test]
    fn the_real_dataset_draws_after_any_toggles(actions in prop::collection::vec(action(), 0..12)) {
        let drawings = exercise::run(EMBEDDED_JSON, &actions).unwrap();
        prop_assert!(drawings >= 3 * (actions.len() + 1));
    }

    /// A damaged dataset is refused with a message, or draws in every state.
    #[test]
    fn a_damaged_dataset_is_refused_or_drawn(
        mutations in prop::collection::vec(mutation(), 1..6),
        actions in prop::collection::vec(action(), 0..6),
    ) {
        let json = mutated(&mutations);
        match exercise::run(&json, &actions) {
            Ok(drawings) => prop_assert!(drawings >= 1),
            Err(error) => prop_assert!(!error.to_string().trim().is_empty()),
        }
    }

    /// Any figures and any texts in a well-formed dataset draw in every state, or are
    /// refused with a message (a figure too large to draw, a text too long).
    #[test]
    fn any_figures_and_texts_draw_or_are_refused(
        factors in prop::collection::vec(prop_oneof![4 => 1e-3..1e3, 1 => 1e-9..1e-3, 1 => 1e3..1e12, 1 => Just(1e300)], 1..8),
        texts in prop::collection::vec(prop_oneof![9 => "\\PC{1,60}", 1 => "[ ]{0,3}"], 1..8),
        actions in prop::collection::vec(action(), 0..6),
    ) {
        match exercise::run(&rewritten(&factors, &texts), &actions) {
            Ok(drawings) => prop_assert!(drawings >= 3),
            Err(error) => prop_assert!(!error.to_string().trim().is_empty()),
        }
    }

    /// Any text is refused with a message or read as a dataset.
    #[test]
    fn any_text_is_refused_or_read(text in "\\PC{0,200}") {
        if let Err(error) = exercise::run(&text, &[]) {
            prop_assert!(!error.to_string().trim().is_empty());
        }
    }
}

#[test]
fn mutations_reach_every_node() {
    // A replacement at the last node changes the file: the walk covers the whole tree.
    let nodes = count(&serde_json::from_str(EMBEDDED_JSON).unwrap());
    let original: Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    let changed: Value = serde_json::from_str(&mutated(&[Mutation::Replace(nodes - 1, Value::Bool(true))])).unwrap();
    assert_ne!(original, changed);
    assert!(exercise::run(&mutated(&[Mutation::Remove(1)]), &[]).is_err(), "removing the first field is refused");
}
