//! The dataset file as written on disk: plain serde types, no checks beyond JSON types.
//!
//! This is the only module that derives `Deserialize`. Everything here is raw: strings
//! stay strings until [`crate::model`] checks them and turns them into typed values, so
//! that an error can name the exact path of the field that is wrong.
//! The format is documented in `docs/data-format.md`.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{DeserializeSeed, Error as _, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// A text in both languages of the product.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextSpec {
    /// English text.
    pub en: Option<String>,
    /// French text.
    pub fr: Option<String>,
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
    /// Every cited document, by key. A key given twice is an error (a JSON object with
    /// a repeated key would otherwise keep only the last one, silently).
    #[serde(deserialize_with = "unique_keys")]
    pub sources: BTreeMap<String, SourceSpec>,
}

/// The whole file: a [`DatasetSpec`], which must be a JSON object.
#[derive(Debug)]
pub struct DatasetFile(pub DatasetSpec);

impl<'de> Deserialize<'de> for DatasetFile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        object(deserializer).map(DatasetFile)
    }
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
    pub notes: Vec<TextSpec>,
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
    /// Key into [`DatasetSpec::sources`].
    pub source: String,
    /// Short description of the figure.
    #[serde(default, deserialize_with = "optional_object")]
    pub note: Option<TextSpec>,
    /// How the amount splits between contributors.
    #[serde(default, deserialize_with = "objects")]
    pub parts: Vec<PartSpec>,
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
    /// Title of the document.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Where to read it (http or https).
    pub url: String,
    /// Publication date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// What the date means when it is not a plain publication date.
    pub date_note: Option<String>,
}

/// Reads a JSON object into a map, refusing a key that appears twice.
fn unique_keys<'de, D, V>(deserializer: D) -> Result<BTreeMap<String, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct UniqueKeys<V>(PhantomData<V>);

    impl<'de, V: Deserialize<'de>> Visitor<'de> for UniqueKeys<V> {
        type Value = BTreeMap<String, V>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object of sources by key")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some(key) = map.next_key::<String>()? {
                if out.contains_key(&key) {
                    return Err(A::Error::custom(format!("duplicate source key \"{key}\"; each source needs its own key")));
                }
                let value = map.next_value_seed(ObjectOnly(PhantomData))?;
                out.insert(key, value);
            }
            Ok(out)
        }
    }

    deserializer.deserialize_map(UniqueKeys(PhantomData))
}

// Serde's derived structs also read a JSON array of the field values in order
// (`["Models", "Modèles"]` for a text). The format has objects only, so every struct
// field below goes through these helpers, which accept an object and nothing else;
// `Dataset::from_json` checks the top level the same way.

/// Reads a JSON object into `T`, refusing any other JSON type.
struct ObjectOnly<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectOnly<T> {
    type Value = T;

    /// Serde's own wording (`struct TextSpec`), so messages stay as they were.
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = std::any::type_name::<T>();
        write!(f, "struct {}", name.rsplit("::").next().unwrap_or(name))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map))
    }
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for ObjectOnly<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        deserializer.deserialize_map(self)
    }
}

fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(ObjectOnly(PhantomData))
}

fn optional_object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
    struct Optional<T>(PhantomData<T>);

    impl<'de, T: Deserialize<'de>> Visitor<'de> for Optional<T> {
        type Value = Option<T>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object or null")
        }

        fn visit_none<E: serde::de::Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }

        fn visit_unit<E: serde::de::Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
            object(deserializer).map(Some)
        }
    }

    deserializer.deserialize_option(Optional(PhantomData))
}

fn objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
    struct Objects<T>(PhantomData<T>);

    impl<'de, T: Deserialize<'de>> Visitor<'de> for Objects<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an array of objects")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut out = Vec::new();
            while let Some(item) = seq.next_element_seed(ObjectOnly(PhantomData))? {
                out.push(item);
            }
            Ok(out)
        }
    }

    deserializer.deserialize_seq(Objects(PhantomData))
}
