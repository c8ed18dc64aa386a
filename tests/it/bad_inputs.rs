//! The bad-input catalogue of issue #6 (`tests/bad-inputs/catalogue.json`), run through
//! the same entry points as the wasm binding: `Dataset::from_json` for a dataset (what
//! `ChartHandle::new` and `chart_ids` call), `Session::new` and the state setters for an
//! attribute or a URL fragment. The browser half is `tests/e2e/bad-inputs.test.mjs`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::rc::Rc;
use std::time::{Duration, Instant};

use autonomie::chart::figure::ItemIndex;
use autonomie::data::model::{Dataset, Measure, MAX_DATASET_BYTES};
use autonomie::error::Error;
use autonomie::layout::text::EstimatedWidths;
use autonomie::layout::theme::Theme;
use autonomie::session::Session;
use autonomie::units::i18n::Lang;
use serde::Deserialize;
use serde_json::{json, Value};

#[derive(Debug, Deserialize)]
struct Catalogue {
    entries: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: String,
    kind: String,
    file: Option<String>,
    patch: Option<Vec<Operation>>,
    generate: Option<String>,
    input: String,
    #[serde(default)]
    accepted: bool,
    #[serde(default)]
    expected: Vec<String>,
    #[serde(default)]
    expected_fr: Vec<String>,
    #[serde(default)]
    shows: Vec<String>,
    #[serde(default)]
    drawn: Vec<String>,
    #[serde(default)]
    csv: Vec<String>,
    attributes: Option<BTreeMap<String, String>>,
    fragment: Option<String>,
    src: Option<String>,
    native: Option<bool>,
}

/// One RFC 6902 operation of an entry's patch over base.json: `add`, `remove` or `replace`
/// at a JSON Pointer. The same as `applyPatch` in `tests/bad-inputs/expand.mjs`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Operation {
    op: String,
    path: String,
    /// `Some(Value::Null)` for `"value": null`, `None` when there is no `value`.
    #[serde(default, deserialize_with = "present")]
    value: Option<Value>,
}

fn present<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(deserializer).map(Some)
}

/// `document` with `patch` applied, in order.
fn apply_patch(mut document: Value, patch: &[Operation]) -> Value {
    for Operation { op, path, value } in patch {
        if path.is_empty() {
            assert_eq!(op, "replace", "{op} at the root");
            document = value.clone().unwrap();
            continue;
        }
        let (parent_path, last) = path.rsplit_once('/').unwrap();
        let last = last.replace("~1", "/").replace("~0", "~");
        let parent = document.pointer_mut(parent_path).unwrap_or_else(|| panic!("no {path}"));
        match (op.as_str(), parent) {
            ("add", Value::Array(items)) => {
                let at = if last == "-" { items.len() } else { last.parse().unwrap() };
                items.insert(at, value.clone().unwrap());
            }
            ("replace", Value::Array(items)) => items[last.parse::<usize>().unwrap()] = value.clone().unwrap(),
            ("remove", Value::Array(items)) => {
                items.remove(last.parse().unwrap());
            }
            ("add", Value::Object(members)) => {
                members.insert(last, value.clone().unwrap());
            }
            ("replace", Value::Object(members)) => {
                *members.get_mut(&last).unwrap_or_else(|| panic!("no {path}")) = value.clone().unwrap();
            }
            ("remove", Value::Object(members)) => {
                members.shift_remove(&last).unwrap_or_else(|| panic!("no {path}"));
            }
            (op, _) => panic!("cannot {op} {path}"),
        }
    }
    document
}

/// The text of a patched entry's dataset: the patched base, two spaces of indent and a
/// newline, as `JSON.stringify(value, null, 2)` writes it (base.json's own layout).
fn patched_text(patch: &[Operation]) -> String {
    let base = base();
    let mut text = serde_json::to_string_pretty(&apply_patch(base, patch)).unwrap();
    text.push('\n');
    text
}

fn dir() -> PathBuf {
    crate::repo_root().join("tests/bad-inputs")
}

/// base.json, the dataset every patch and generator starts from.
fn base() -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir().join("base.json")).unwrap()).unwrap()
}

fn catalogue() -> Vec<Entry> {
    let text = std::fs::read_to_string(dir().join("catalogue.json")).unwrap();
    serde_json::from_str::<Catalogue>(&text).unwrap().entries
}

/// A bar view of `count` categories in place of the example's first view; the same
/// generator as `generate()` in `tests/e2e/bad-inputs.test.mjs`.
fn categories(count: usize) -> String {
    let mut dataset = base();
    let series: Vec<Value> = (1..=count)
        .map(|i| {
            json!({
                "key": format!("c{i}"),
                "label": { "en": format!("Category {i}"), "fr": format!("Catégorie {i}") },
                "color": "#1f5fbf",
                "points": [{ "group": "2024", "date": "2024", "value": i, "source": "hai-2025" }],
            })
        })
        .collect();
    dataset["charts"][0]["views"][0]["series"] = Value::Array(series);
    dataset.to_string()
}

/// Every list at its limit: a bar view of 100 series in 2 groups (200 bars) with labels
/// of 300 characters and 20 notes of 1,000; a money timeline of 20 series of 100 points
/// (2,000), each dated the 15th and converted at the rate of the 13th (the look-back
/// rule). The same generator as `atTheLimits()` in `tests/e2e/bad-inputs.test.mjs`.
pub(crate) fn at_the_limits() -> String {
    let mut dataset = base();
    let bars = &mut dataset["charts"][0]["views"][0];
    bars["groups"] = json!([
        { "key": "2024", "label": { "en": "2024", "fr": "2024" } },
        { "key": "2023", "label": { "en": "2023", "fr": "2023" } },
    ]);
    let note = "note ".repeat(200);
    bars["notes"] = Value::Array((0..20).map(|_| json!({ "en": note.trim_end(), "fr": note.trim_end() })).collect());
    bars["series"] = Value::Array(
        (1..=100)
            .map(|i| {
                json!({
                    "key": format!("c{i}"),
                    "label": { "en": format!("{:x<300}", format!("Category {i} ")), "fr": format!("Catégorie {i}") },
                    "color": "#1f5fbf",
                    "points": [
                        { "group": "2024", "date": "2024", "value": i, "source": "hai-2025" },
                        { "group": "2023", "date": "2023", "value": i + 1, "source": "hai-2025" },
                    ],
                })
            })
            .collect(),
    );
    let month = |k: usize| (2000 + k / 12, k % 12 + 1);
    dataset["rates"] = Value::Array(
        (0..100)
            .map(|k| {
                let (year, month) = month(k);
                json!({ "date": format!("{year}-{month:02}-13"), "usd_per_eur": 1.1, "kind": "daily", "source": "ecb" })
            })
            .collect(),
    );
    dataset["charts"][1]["views"][0]["series"] = Value::Array(
        (1..=20)
            .map(|s| {
                let points: Vec<Value> = (0..100)
                    .map(|k| {
                        let (year, month) = month(k);
                        json!({ "date": format!("{year}-{month:02}-15"), "value": s * 100 + k + 1, "currency": "EUR", "source": "cnbc-2024" })
                    })
                    .collect();
                json!({ "key": format!("l{s}"), "label": { "en": format!("Line {s}"), "fr": format!("Ligne {s}") }, "color": "#7a4fa3", "points": points })
            })
            .collect(),
    );
    dataset.to_string()
}

fn generate(name: &str) -> String {
    match name {
        "at-the-limits" => at_the_limits(),
        "categories-100" => categories(100),
        "categories-10000" => categories(10_000),
        "size-10mb" => {
            let text = categories(64_000);
            assert!(text.len() >= 10 * 1024 * 1024, "size-10mb is only {} bytes", text.len());
            text
        }
        other => panic!("no generator {other}"),
    }
}

fn input_of(entry: &Entry) -> String {
    match (&entry.file, &entry.patch, &entry.generate) {
        (Some(file), None, None) => std::fs::read_to_string(dir().join(file)).unwrap(),
        (None, Some(patch), None) => patched_text(patch),
        (None, None, Some(name)) => generate(name),
        _ => panic!("{}: a dataset entry has exactly one of `file`, `patch` and `generate`", entry.id),
    }
}

/// Escapes text as plotters' SVG backend does.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

/// Every string of a JSON document, joined: what the page puts into the DOM as text.
fn strings_of(json: &str, out: &mut String) {
    fn walk(value: &Value, out: &mut String) {
        match value {
            Value::String(s) => {
                out.push_str(s);
                out.push('\n');
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            Value::Object(map) => map.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    walk(&serde_json::from_str(json).unwrap(), out);
}

/// Draws every chart × view × scale × currency × language of an accepted dataset, at
/// desktop and phone widths, and returns all texts the page receives, all SVGs and all
/// CSV exports.
fn exercise(id: &str, dataset: Dataset) -> (String, String, String) {
    let dataset = Rc::new(dataset);
    let mut texts = String::new();
    let mut svgs = String::new();
    let mut csvs = String::new();
    for chart in &dataset.charts {
        for view in &chart.views {
            for scale in ["linear", "log"] {
                let currencies: &[&str] = if view.measure == Measure::Money { &["EUR", "USD"] } else { &["EUR"] };
                for currency in currencies {
                    for lang in ["fr", "en"] {
                        let mut session = Session::new(dataset.clone(), &chart.id).unwrap();
                        session.set_view(&view.id).unwrap();
                        session.state.set_scale(scale).unwrap();
                        session.state.set_currency(currency).unwrap();
                        session.state.set_lang(lang).unwrap();
                        let what = format!("{id}: {}/{}/{scale}/{currency}/{lang}", chart.id, view.id);
                        let svg = session.svg(760.0, Theme::Light).unwrap_or_else(|e| panic!("{what}: {e}"));
                        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"), "{what}");
                        svgs.push_str(&svg);
                        let phone = session.plan(340.0, 2.0, None, Theme::Dark, &EstimatedWidths).unwrap();
                        assert!(phone.height > 0 && phone.width == 680, "{what}");
                        let plan = session.plan(760.0, 2.0, None, Theme::Light, &EstimatedWidths).unwrap();
                        assert!(!plan.hits.is_empty(), "{what}: nothing to point at");
                        strings_of(&session.info_json().unwrap(), &mut texts);
                        strings_of(&session.table_json().unwrap(), &mut texts);
                        for index in 0..plan.hits.len().min(40) {
                            strings_of(&session.item_json(&plan, ItemIndex::new(index)).unwrap().unwrap(), &mut texts);
                        }
                        texts.push_str(&session.description().unwrap());
                        csvs.push_str(&session.csv().unwrap());
                    }
                }
            }
        }
    }
    (texts, svgs, csvs)
}

/// Applies attributes in the order the element does (`autonomie-chart.js`): the chart,
/// a language other than fr/en, then view, scale, currency (upper-cased), hidden series.
fn apply_attributes(attributes: &[(String, String)]) -> Result<Session, Error> {
    let get = |name: &str| attributes.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let dataset = Rc::new(Dataset::embedded()?);
    let mut session = Session::new(dataset, get("chart").unwrap_or("models"))?;
    if let Some(lang) = get("lang") {
        session.state.set_lang(lang)?;
    }
    if let Some(view) = get("view") {
        session.set_view(view)?;
    }
    if let Some(scale) = get("scale") {
        session.state.set_scale(scale)?;
    }
    if let Some(currency) = get("currency") {
        session.state.set_currency(&currency.to_uppercase())?;
    }
    for key in get("hidden").unwrap_or("").split(',').map(str::trim).filter(|k| !k.is_empty()) {
        session.set_series_visible(key, false)?;
    }
    Ok(session)
}

/// `#a=b&c=d` as `URLSearchParams` reads it (`+` is a space, `%XX` a UTF-8 byte).
fn parse_fragment(fragment: &str) -> Vec<(String, String)> {
    let decode = |text: &str| {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' if i + 2 < bytes.len() && bytes[i + 1].is_ascii_hexdigit() && bytes[i + 2].is_ascii_hexdigit() => {
                    out.push(u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap(), 16).unwrap());
                    i += 2;
                }
                b => out.push(b),
            }
            i += 1;
        }
        String::from_utf8(out).unwrap()
    };
    fragment
        .trim_start_matches('#')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key), decode(value))
        })
        .collect()
}

/// English function words that no French message holds, and French ones that no
/// English message holds (the dataset's own strings in these messages have none).
pub(crate) const ENGLISH_WORDS: [&str; 8] =
    [" the ", " is ", " expected ", " found ", " must ", " not ", " and ", " of "];
pub(crate) const FRENCH_WORDS: [&str; 10] =
    [" le ", " la ", " les ", " une ", " est ", " il faut ", " pas ", " des ", " du ", " ou "];

/// Checks the message of `error` in both languages: the entry's English substrings in
/// the English one, its French substrings in the French one, and no sentence of the
/// other language in either.
fn check_error(entry: &Entry, error: &Error, failures: &mut Vec<String>) {
    let english = error.describe(Lang::En);
    let french = error.describe(Lang::Fr);
    assert_eq!(english, error.to_string(), "Display is the English message");
    for (expected, message, others) in
        [(&entry.expected, &english, &FRENCH_WORDS[..]), (&entry.expected_fr, &french, &ENGLISH_WORDS[..])]
    {
        for expected in expected {
            if !message.contains(expected.as_str()) {
                failures.push(format!("{}: expected {expected:?} in the message:\n{message}", entry.id));
            }
        }
        let padded = format!(" {} ", message.replace('\n', " "));
        for word in others {
            if padded.contains(word) {
                failures.push(format!("{}: {word:?} of the other language in the message:\n{message}", entry.id));
            }
        }
    }
}

#[test]
fn the_catalogue_is_complete_and_well_formed() {
    let entries = catalogue();
    assert!(entries.len() >= 30, "only {} entries", entries.len());
    let mut ids = std::collections::HashSet::new();
    for entry in &entries {
        assert!(ids.insert(entry.id.as_str()), "duplicate id {}", entry.id);
        assert!(!entry.input.is_empty(), "{}: describe the input", entry.id);
        match entry.kind.as_str() {
            "dataset" => {
                assert!(entry.native.is_none(), "{}: every dataset entry runs natively", entry.id);
                if entry.accepted {
                    assert!(
                        entry.expected.is_empty() && !entry.shows.is_empty(),
                        "{}: an accepted entry lists what it shows",
                        entry.id
                    );
                } else {
                    assert!(
                        !entry.expected.is_empty() && entry.shows.is_empty(),
                        "{}: a refused entry lists its message",
                        entry.id
                    );
                }
            }
            "attribute" => assert!(
                entry.attributes.as_ref().is_some_and(|a| !a.is_empty()) && !entry.expected.is_empty(),
                "{}",
                entry.id
            ),
            "fragment" => assert!(
                entry.fragment.as_ref().is_some_and(|f| f.starts_with('#')) && !entry.expected.is_empty(),
                "{}",
                entry.id
            ),
            "src" => assert!(
                entry.src.is_some() && entry.native == Some(false) && !entry.expected.is_empty(),
                "{}",
                entry.id
            ),
            other => panic!("{}: unknown kind {other}", entry.id),
        }
        assert_eq!(
            entry.expected.is_empty(),
            entry.expected_fr.is_empty(),
            "{}: a refused entry lists its message in English and in French",
            entry.id
        );
        for expected in entry.expected.iter().chain(&entry.expected_fr) {
            assert!(expected.len() >= 10, "{}: {expected:?} is too vague to identify a message", entry.id);
        }
    }
    // Every file of the folder belongs to an entry, and every entry's file exists.
    let files: Vec<&str> = entries.iter().filter_map(|e| e.file.as_deref()).collect();
    for file in &files {
        assert!(dir().join(file).is_file(), "missing {file}");
    }
    for item in std::fs::read_dir(dir()).unwrap() {
        let name = item.unwrap().file_name().into_string().unwrap();
        assert!(
            ["catalogue.json", "base.json", "expand.mjs"].contains(&name.as_str()) || files.contains(&name.as_str()),
            "tests/bad-inputs/{name} is in no catalogue entry"
        );
    }
    let kinds = |kind: &str| entries.iter().filter(|e| e.kind == kind).count();
    assert!(kinds("attribute") >= 5 && kinds("fragment") >= 5 && kinds("src") >= 4, "every kind of input is covered");
    // The base the files derive from is valid.
    Dataset::from_json(&std::fs::read_to_string(dir().join("base.json")).unwrap()).unwrap();
}

#[test]
fn every_bad_dataset_is_refused_with_its_message_and_every_odd_one_drawn() {
    let mut failures = Vec::new();
    let mut refused = 0;
    let mut drawn = 0;
    for entry in catalogue().iter().filter(|e| e.kind == "dataset") {
        let input = input_of(entry);
        let start = Instant::now();
        let result = Dataset::from_json(&input);
        let elapsed = start.elapsed();
        if elapsed > Duration::from_secs(2) {
            failures.push(format!("{}: took {elapsed:?} to read and check", entry.id));
        }
        match (result, entry.accepted) {
            (Err(error), false) => {
                refused += 1;
                check_error(entry, &error, &mut failures);
                if let Error::Invalid(problems) = &error {
                    for problem in problems {
                        if problem.path.is_empty() {
                            failures.push(format!("{}: a problem without a path: {problem}", entry.id));
                        }
                    }
                }
            }
            (Ok(dataset), true) => {
                drawn += 1;
                let (texts, svgs, csvs) = exercise(&entry.id, dataset);
                for text in &entry.shows {
                    if !texts.contains(text.as_str()) {
                        failures.push(format!("{}: {text:?} is not shown verbatim as text", entry.id));
                    }
                }
                for text in &entry.csv {
                    if !csvs.contains(text.as_str()) {
                        failures.push(format!("{}: {text:?} is not in the CSV export", entry.id));
                    }
                }
                for text in &entry.drawn {
                    if !svgs.contains(&xml(text)) {
                        failures.push(format!("{}: {text:?} is not drawn", entry.id));
                    }
                }
            }
            (Ok(_), false) => failures.push(format!("{}: accepted, but should be refused", entry.id)),
            (Err(error), true) => failures.push(format!("{}: refused, but should be accepted: {error}", entry.id)),
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n\n"));
    assert!(refused >= 30 && drawn >= 5, "{refused} refused, {drawn} drawn");
}

#[test]
fn unknown_options_in_attributes_and_fragments_are_refused_with_their_message() {
    let mut failures = Vec::new();
    let mut count = 0;
    for entry in catalogue().iter().filter(|e| e.native != Some(false)) {
        let pairs: Vec<(String, String)> = match (entry.kind.as_str(), &entry.attributes, &entry.fragment) {
            ("attribute", Some(attributes), None) => attributes.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            ("fragment", None, Some(fragment)) => parse_fragment(fragment),
            ("dataset", ..) => continue,
            _ => panic!("{}: malformed entry", entry.id),
        };
        count += 1;
        match apply_attributes(&pairs) {
            Ok(session) => failures.push(format!("{}: accepted as {}", entry.id, session.state.to_json())),
            Err(error) => {
                assert!(matches!(error, Error::UnknownOption { .. }), "{}: {error:?}", entry.id);
                check_error(entry, &error, &mut failures);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(count >= 12, "only {count} attribute and fragment entries");
    // The same values, valid, are accepted: the refusals above are about the values.
    let good = parse_fragment("#chart=valuations&view=history&scale=log&currency=usd&lang=en&hidden=openai,mistral");
    let session = apply_attributes(&good).unwrap();
    assert_eq!(
        session.state.to_json(),
        r#"{"chart":"valuations","currency":"USD","hidden":["mistral","openai"],"lang":"en","scale":"log","view":"history"}"#
    );
    assert_eq!(parse_fragment("#chart=%3Cb%3E+x&lang=fr")[0], ("chart".to_owned(), "<b> x".to_owned()));
}

#[test]
fn docs_bad_inputs_md_lists_every_entry() {
    let doc = std::fs::read_to_string(crate::repo_root().join("docs/bad-inputs.md")).unwrap();
    let missing: Vec<String> =
        catalogue().into_iter().map(|e| e.id).filter(|id| !doc.contains(&format!("| `{id}` |"))).collect();
    assert!(missing.is_empty(), "docs/bad-inputs.md has no row for: {}", missing.join(", "));
}

#[test]
fn the_size_limit_applies_before_parsing() {
    // Just above the limit, whatever the content: refused without being read.
    let padded = format!("{}{}", " ".repeat(MAX_DATASET_BYTES), "{");
    let start = Instant::now();
    let error = Dataset::from_json(&padded).unwrap_err();
    assert!(start.elapsed() < Duration::from_millis(100), "{:?}", start.elapsed());
    assert_eq!(
        error.to_string(),
        format!(
            "the dataset is larger than 5 MB ({} bytes; the limit is 5242880 bytes), so it was not read",
            MAX_DATASET_BYTES + 1
        )
    );
    assert_eq!(
        error.describe(Lang::Fr),
        format!(
            "le fichier de données dépasse 5 Mo ({} octets ; la limite est de 5242880 octets) : il n’a pas été lu",
            MAX_DATASET_BYTES + 1
        )
    );
    // At the limit: read (and here found to be cut short).
    let at_limit = format!("{}{}", " ".repeat(MAX_DATASET_BYTES - 1), "{");
    assert!(matches!(Dataset::from_json(&at_limit), Err(Error::Syntax(_))));
}
