//! The dataset file as written on disk: plain types that serde reads from the JSON
//! text, no checks beyond JSON types and field names.
//!
//! Everything here is raw: strings stay strings until [`crate::data::model`] checks them and
//! turns them into typed values, so that an error can name the exact path of the field
//! that is wrong. The format is documented in `docs/data-format.md`.
//!
//! [`DatasetSpec::read`] parses with `serde_json` straight from the text (no tree of
//! values: reading stops at the first value of the wrong type, so a large file of the
//! wrong shape costs no more than its first wrong value), with `serde_path_to_error`
//! for the path of the field. Every object refuses unknown fields
//! (`deny_unknown_fields`) and repeated ones (serde's derive), and only a JSON object
//! is read as an object: serde's derive would also take an array for the fields in
//! order (`"label": ["a", "b"]`), so every object field is read through `object`,
//! `objects` or `optional_object`, which ask serde_json for a map. serde's terse
//! messages are reworded in plain words (`invalid type: string "40", expected f64`
//! becomes `expected a number, found the string "40"`), with the path, and the line and
//! column where the wrong value starts.

mod reword;

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::error::Problem;

use self::reword::plain;

/// A text in both languages of the product.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextSpec {
    /// English text.
    pub en: Option<String>,
    /// French text.
    pub fr: Option<String>,
}

/// A note under a chart, in both languages; `marks` names the marks it explains, and
/// then it is shown only when one of them is drawn.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteSpec {
    /// English text.
    pub en: Option<String>,
    /// French text.
    pub fr: Option<String>,
    /// `official`, `press-reported`, `secondary`, `press-reported-secondary`, `aggregate`.
    #[serde(default)]
    pub marks: Vec<String>,
}

/// A text that is the same in both languages (a string: a name) or a translated one
/// (`{en, fr}`).
#[derive(Debug, Clone)]
pub enum WordsSpec {
    /// The same in both languages, such as a publisher's name.
    Same(String),
    /// A text in each language.
    Both(TextSpec),
}

/// The whole dataset file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetSpec {
    /// Format version; only `1` exists.
    pub format: u32,
    /// Day the figures were last checked against their sources (`YYYY-MM-DD`).
    pub checked: String,
    /// The charts, in page order.
    #[serde(deserialize_with = "objects")]
    pub charts: Vec<ChartSpec>,
    /// ECB euro reference rates used to convert amounts.
    #[serde(default, deserialize_with = "objects")]
    pub rates: Vec<RateSpec>,
    /// Every cited document, with its key, in key order. A key given twice is an error
    /// (a JSON object with a repeated key would otherwise keep only the last one,
    /// silently).
    #[serde(deserialize_with = "sources")]
    pub sources: Vec<(String, SourceSpec)>,
}

/// One chart: an id that is part of the public API, a title and one or more views.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartSpec {
    /// `models`, `valuations` or `funding` in the embedded dataset; any key in a custom one.
    pub id: String,
    /// Chart title.
    #[serde(deserialize_with = "object")]
    pub title: TextSpec,
    /// The views a reader can switch between; the first is the default.
    #[serde(deserialize_with = "objects")]
    pub views: Vec<ViewSpec>,
}

/// One way of looking at a chart's figures.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ViewSpec {
    /// View key, such as `latest` or `history`.
    pub id: String,
    /// `bars` or `timeline`.
    pub kind: String,
    /// `count` (plain numbers) or `money` (billions in a currency).
    pub measure: String,
    /// Default scale: `linear` or `log`.
    pub scale: String,
    /// Short name on the view switch, such as "History".
    #[serde(deserialize_with = "object")]
    pub label: TextSpec,
    /// Subtitle drawn under the chart title.
    #[serde(deserialize_with = "object")]
    pub title: TextSpec,
    /// Label of the value axis.
    #[serde(deserialize_with = "object")]
    pub axis: TextSpec,
    /// Panels of a bar view (one per group); ignored by timelines.
    #[serde(default, deserialize_with = "objects")]
    pub groups: Vec<GroupSpec>,
    /// Notes printed under the chart.
    #[serde(default, deserialize_with = "objects")]
    pub notes: Vec<NoteSpec>,
    /// The series (legend entries).
    #[serde(deserialize_with = "objects")]
    pub series: Vec<SeriesSpec>,
}

/// A panel of a bar view.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupSpec {
    /// Key that points refer to.
    pub key: String,
    /// Panel heading.
    #[serde(deserialize_with = "object")]
    pub label: TextSpec,
}

/// A legend entry: a category of a bar chart or a line of a timeline.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesSpec {
    /// Key used by the show/hide API.
    pub key: String,
    /// Legend and axis label.
    #[serde(deserialize_with = "object")]
    pub label: TextSpec,
    /// Colour as `#rrggbb`.
    pub color: String,
    /// A regional total drawn apart from the bars it overlaps.
    #[serde(default)]
    pub aggregate: bool,
    /// The figures.
    #[serde(deserialize_with = "objects")]
    pub points: Vec<PointSpec>,
}

/// One sourced figure.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PointSpec {
    /// Panel key (bar views only).
    pub group: Option<String>,
    /// Date the figure refers to: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// The figure, as the source gives it (billions for money).
    pub value: f64,
    /// `EUR` or `USD` for money views.
    pub currency: Option<String>,
    /// `official` or `press-reported`.
    pub basis: Option<String>,
    /// `primary` (new money) or `secondary` (sale of existing shares).
    pub deal: Option<String>,
    /// Key into [`DatasetSpec::sources`]: the strongest source (the company's own
    /// announcement, an official report).
    pub source: String,
    /// More keys into [`DatasetSpec::sources`], strongest first: the wire services or
    /// newspapers that confirm the figure beside its source.
    #[serde(default)]
    pub also: Vec<String>,
    /// `lower` when the source gives only a lower bound ("more than €21B"): the figure
    /// is drawn at its value and always said with "more than".
    pub bound: Option<String>,
    /// The figure rests on weak sources only (a blog, an aggregator): the reader sees
    /// the mark.
    #[serde(default)]
    pub weak: bool,
    /// How many decimals the source prints (`1.000`: 3), when the value as a JSON
    /// number would lose its trailing zeros; 0 (the default): as many as the value has.
    #[serde(default)]
    pub decimals: u32,
    /// Short description of the figure.
    #[serde(default, deserialize_with = "optional_object")]
    pub note: Option<TextSpec>,
    /// How the amount splits between contributors.
    #[serde(default, deserialize_with = "objects")]
    pub parts: Vec<PartSpec>,
    /// Money only: why no ECB rate is available for the amount's date (it is then shown
    /// in its own currency only).
    #[serde(default, deserialize_with = "optional_object")]
    pub no_rate: Option<TextSpec>,
}

/// A share of an amount.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartSpec {
    /// Who contributes.
    #[serde(deserialize_with = "object")]
    pub label: TextSpec,
    /// How much, in the same unit and currency as the whole.
    pub value: f64,
    /// Key into [`DatasetSpec::sources`].
    pub source: String,
}

/// An ECB reference rate.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateSpec {
    /// `YYYY-MM-DD` for a daily rate, `YYYY-MM` for a monthly mean, `YYYY` for an annual mean.
    pub date: String,
    /// US dollars for one euro.
    pub usd_per_eur: f64,
    /// `daily`, `monthly-mean` or `annual-mean`.
    pub kind: String,
    /// Key into [`DatasetSpec::sources`].
    pub source: String,
}

/// A cited document.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceSpec {
    /// Title of the document, as it reads (a string); or, when its headline was not
    /// read, a description of it in each language (`{en, fr}`), which says so.
    #[serde(deserialize_with = "words")]
    pub title: WordsSpec,
    /// Who published it: a name (a string), or `{en, fr}` when it says more than a name
    /// ("Bloomberg (reported; confirmed by CNBC)").
    #[serde(deserialize_with = "words")]
    pub publisher: WordsSpec,
    /// `official`, `wire`, `newspaper`, `trade-press` or `blog` (checked in
    /// `data::check`, which says what is missing in both languages).
    pub kind: Option<String>,
    /// Where to read it (http or https).
    pub url: String,
    /// Publication date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// What the date means when it is not a plain publication date: a string (the same
    /// in both languages) or `{en, fr}`.
    #[serde(default, deserialize_with = "optional_words")]
    pub date_note: Option<WordsSpec>,
}

impl DatasetSpec {
    /// Reads a whole dataset file: one object, then nothing but white space. The error
    /// names the JSON path of the value where reading stopped, says what is wrong in
    /// plain words and ends with its line and column.
    pub fn read(text: &str) -> Result<DatasetSpec, Problem> {
        let mut json = serde_json::Deserializer::from_str(text);
        let mut track = serde_path_to_error::Track::new();
        let read = object(serde_path_to_error::Deserializer::new(&mut json, &mut track));
        match read.and_then(|spec| json.end().map(|()| spec)) {
            Ok(spec) => Ok(spec),
            Err(error) => Err(plain(&error, &track.path(), text)),
        }
    }
}

// Objects: a JSON object (a map), never an array.

/// Reads a `T` from a JSON object only.
struct Object<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for Object<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::deserialize(de::value::MapAccessDeserializer::new(map))
    }
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Object<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        deserializer.deserialize_map(self)
    }
}

/// An object field.
fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<T, D::Error> {
    Object(PhantomData).deserialize(deserializer)
}

/// An optional object field: `null` or an object.
fn optional_object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
    struct Optional<T>(PhantomData<T>);

    impl<'de, T: Deserialize<'de>> Visitor<'de> for Optional<T> {
        type Value = Option<T>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object or null")
        }

        fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
            object(deserializer).map(Some)
        }
    }

    deserializer.deserialize_option(Optional(PhantomData))
}

/// A string, or an object `{en, fr}`.
struct Words;

impl<'de> Visitor<'de> for Words {
    type Value = WordsSpec;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or an object")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<WordsSpec, E> {
        Ok(WordsSpec::Same(text.to_owned()))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<WordsSpec, A::Error> {
        TextSpec::deserialize(de::value::MapAccessDeserializer::new(map)).map(WordsSpec::Both)
    }
}

/// A [`WordsSpec`] field.
fn words<'de, D: Deserializer<'de>>(deserializer: D) -> Result<WordsSpec, D::Error> {
    deserializer.deserialize_any(Words)
}

/// An optional [`WordsSpec`] field: `null`, a string or an object.
fn optional_words<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<WordsSpec>, D::Error> {
    struct Optional;

    impl<'de> Visitor<'de> for Optional {
        type Value = Option<WordsSpec>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string, an object or null")
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
            words(deserializer).map(Some)
        }
    }

    deserializer.deserialize_option(Optional)
}

/// An array of objects.
fn objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
    struct Objects<T>(PhantomData<T>);

    impl<'de, T: Deserialize<'de>> Visitor<'de> for Objects<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an array of objects")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element_seed(Object(PhantomData))? {
                items.push(item);
            }
            Ok(items)
        }
    }

    deserializer.deserialize_seq(Objects(PhantomData))
}

/// The sources with their keys, sorted by key, refusing a key given twice (a map would
/// keep the last one). A vector rather than a `BTreeMap`: the map's code would come into
/// the wasm for this one list, which the checks only walk and bisect.
fn sources<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<(String, SourceSpec)>, D::Error> {
    struct Sources;

    impl<'de> Visitor<'de> for Sources {
        type Value = Vec<(String, SourceSpec)>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object of sources by key")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut sources: Vec<(String, SourceSpec)> = Vec::new();
            while let Some(key) = map.next_key::<String>()? {
                let at = match sources.binary_search_by(|(k, _)| k.cmp(&key)) {
                    Ok(_) => {
                        return Err(de::Error::custom(format_args!(
                            "duplicate source key \"{key}\"; each source needs its own key"
                        )))
                    }
                    Err(at) => at,
                };
                let source = map.next_value_seed(Object(PhantomData))?;
                sources.insert(at, (key, source));
            }
            Ok(sources)
        }
    }

    deserializer.deserialize_map(Sources)
}
