//! The dataset file as written on disk: plain types read from the JSON tree of
//! [`crate::json`], no checks beyond JSON types and field names.
//!
//! Everything here is raw: strings stay strings until [`crate::model`] checks them and
//! turns them into typed values, so that an error can name the exact path of the field
//! that is wrong. Every object refuses unknown and repeated fields; a field's JSON type
//! is checked here, with its line and column. The format is documented in
//! `docs/data-format.md`.

use std::collections::BTreeMap;

use crate::error::Problem;
use crate::json::{Json, Reader};

/// A text in both languages of the product.
#[derive(Debug, Clone)]
pub struct TextSpec {
    /// English text.
    pub en: Option<String>,
    /// French text.
    pub fr: Option<String>,
}

/// The whole dataset file.
#[derive(Debug)]
pub struct DatasetSpec {
    /// Format version; only `1` exists.
    pub format: u32,
    /// Day the figures were last checked against their sources (`YYYY-MM-DD`).
    pub checked: String,
    /// The charts, in page order.
    pub charts: Vec<ChartSpec>,
    /// ECB euro reference rates used to convert amounts.
    pub rates: Vec<RateSpec>,
    /// Every cited document, by key. A key given twice is an error (a JSON object with
    /// a repeated key would otherwise keep only the last one, silently).
    pub sources: BTreeMap<String, SourceSpec>,
}

/// One chart: an id that is part of the public API, a title and one or more views.
#[derive(Debug)]
pub struct ChartSpec {
    /// `models`, `valuations` or `funding` in the embedded dataset; any key in a custom one.
    pub id: String,
    /// Chart title.
    pub title: TextSpec,
    /// The views a reader can switch between; the first is the default.
    pub views: Vec<ViewSpec>,
}

/// One way of looking at a chart's figures.
#[derive(Debug)]
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
    pub label: TextSpec,
    /// Subtitle drawn under the chart title.
    pub title: TextSpec,
    /// Label of the value axis.
    pub axis: TextSpec,
    /// Panels of a bar view (one per group); ignored by timelines.
    pub groups: Vec<GroupSpec>,
    /// Notes printed under the chart.
    pub notes: Vec<TextSpec>,
    /// The series (legend entries).
    pub series: Vec<SeriesSpec>,
}

/// A panel of a bar view.
#[derive(Debug)]
pub struct GroupSpec {
    /// Key that points refer to.
    pub key: String,
    /// Panel heading.
    pub label: TextSpec,
}

/// A legend entry: a category of a bar chart or a line of a timeline.
#[derive(Debug)]
pub struct SeriesSpec {
    /// Key used by the show/hide API.
    pub key: String,
    /// Legend and axis label.
    pub label: TextSpec,
    /// Colour as `#rrggbb`.
    pub color: String,
    /// A regional total drawn apart from the bars it overlaps.
    pub aggregate: bool,
    /// The figures.
    pub points: Vec<PointSpec>,
}

/// One sourced figure.
#[derive(Debug)]
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
    pub note: Option<TextSpec>,
    /// How the amount splits between contributors.
    pub parts: Vec<PartSpec>,
}

/// A share of an amount.
#[derive(Debug)]
pub struct PartSpec {
    /// Who contributes.
    pub label: TextSpec,
    /// How much, in the same unit and currency as the whole.
    pub value: f64,
    /// Key into [`DatasetSpec::sources`].
    pub source: String,
}

/// An ECB reference rate.
#[derive(Debug)]
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
#[derive(Debug, Clone)]
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


// How each type is read. The field lists are the format's; `Reader::object` refuses
// any other field, and a field's reader refuses any other JSON type (an array where an
// object is expected included).

impl DatasetSpec {
    /// Reads a whole parsed dataset file; `reader` holds its text.
    pub fn read(reader: Reader<'_>, json: Json) -> Result<DatasetSpec, Problem> {
        let r = reader;
        let mut object = r.object(json, &["format", "checked", "charts", "rates", "sources"])?;
        Ok(DatasetSpec {
            format: object.required("format", |v| r.whole_number(v))?,
            checked: object.required("checked", |v| r.string(v))?,
            charts: object.required("charts", |v| r.objects(v, |chart| ChartSpec::read(r, chart)))?,
            rates: object.or_default("rates", |v| r.objects(v, |rate| RateSpec::read(r, rate)))?,
            sources: object.required("sources", |v| read_sources(r, v))?,
        })
    }
}

/// The sources by key, refusing a key given twice (a map would keep the last one).
fn read_sources(r: Reader<'_>, json: Json) -> Result<BTreeMap<String, SourceSpec>, Problem> {
    let mut sources = BTreeMap::new();
    for (key, value) in r.members(json, "an object of sources by key")? {
        if sources.contains_key(&key) {
            return Err(r.error(&value, &format!("duplicate source key \"{key}\"; each source needs its own key")));
        }
        let source = SourceSpec::read(r, value).map_err(|problem| problem.in_field(&key))?;
        sources.insert(key, source);
    }
    Ok(sources)
}

impl TextSpec {
    fn read(r: Reader<'_>, json: Json) -> Result<TextSpec, Problem> {
        let mut object = r.object(json, &["en", "fr"])?;
        Ok(TextSpec { en: object.optional("en", |v| r.string(v))?, fr: object.optional("fr", |v| r.string(v))? })
    }
}

impl ChartSpec {
    fn read(r: Reader<'_>, json: Json) -> Result<ChartSpec, Problem> {
        let mut object = r.object(json, &["id", "title", "views"])?;
        Ok(ChartSpec {
            id: object.required("id", |v| r.string(v))?,
            title: object.required("title", |v| TextSpec::read(r, v))?,
            views: object.required("views", |v| r.objects(v, |view| ViewSpec::read(r, view)))?,
        })
    }
}

impl ViewSpec {
    fn read(r: Reader<'_>, json: Json) -> Result<ViewSpec, Problem> {
        let fields = &["id", "kind", "measure", "scale", "label", "title", "axis", "groups", "notes", "series"];
        let mut object = r.object(json, fields)?;
        Ok(ViewSpec {
            id: object.required("id", |v| r.string(v))?,
            kind: object.required("kind", |v| r.string(v))?,
            measure: object.required("measure", |v| r.string(v))?,
            scale: object.required("scale", |v| r.string(v))?,
            label: object.required("label", |v| TextSpec::read(r, v))?,
            title: object.required("title", |v| TextSpec::read(r, v))?,
            axis: object.required("axis", |v| TextSpec::read(r, v))?,
            groups: object.or_default("groups", |v| r.objects(v, |group| GroupSpec::read(r, group)))?,
            notes: object.or_default("notes", |v| r.objects(v, |note| TextSpec::read(r, note)))?,
            series: object.required("series", |v| r.objects(v, |series| SeriesSpec::read(r, series)))?,
        })
    }
}

impl GroupSpec {
    fn read(r: Reader<'_>, json: Json) -> Result<GroupSpec, Problem> {
        let mut object = r.object(json, &["key", "label"])?;
        Ok(GroupSpec {
            key: object.required("key", |v| r.string(v))?,
            label: object.required("label", |v| TextSpec::read(r, v))?,
        })
    }
}

impl SeriesSpec {
    fn read(r: Reader<'_>, json: Json) -> Result<SeriesSpec, Problem> {
        let mut object = r.object(json, &["key", "label", "color", "aggregate", "points"])?;
        Ok(SeriesSpec {
            key: object.required("key", |v| r.string(v))?,
            label: object.required("label", |v| TextSpec::read(r, v))?,
            color: object.required("color", |v| r.string(v))?,
            aggregate: object.or_default("aggregate", |v| r.boolean(v))?,
            points: object.required("points", |v| r.objects(v, |point| PointSpec::read(r, point)))?,
        })
    }
}

impl PointSpec {
    fn read(r: Reader<'_>, json: Json) -> Result<PointSpec, Problem> {
        let fields = &["group", "date", "value", "currency", "basis", "deal", "source", "note", "parts"];
        let mut object = r.object(json, fields)?;
        Ok(PointSpec {
            group: object.optional("group", |v| r.string(v))?,
            date: object.required("date", |v| r.string(v))?,
            value: object.required("value", |v| r.number(v))?,
            currency: object.optional("currency", |v| r.string(v))?,
            basis: object.optional("basis", |v| r.string(v))?,
            deal: object.optional("deal", |v| r.string(v))?,
            source: object.required("source", |v| r.string(v))?,
            note: object.optional("note", |v| TextSpec::read(r, v))?,
            parts: object.or_default("parts", |v| r.objects(v, |part| PartSpec::read(r, part)))?,
        })
    }
}

impl PartSpec {
    fn read(r: Reader<'_>, json: Json) -> Result<PartSpec, Problem> {
        let mut object = r.object(json, &["label", "value", "source"])?;
        Ok(PartSpec {
            label: object.required("label", |v| TextSpec::read(r, v))?,
            value: object.required("value", |v| r.number(v))?,
            source: object.required("source", |v| r.string(v))?,
        })
    }
}

impl RateSpec {
    fn read(r: Reader<'_>, json: Json) -> Result<RateSpec, Problem> {
        let mut object = r.object(json, &["date", "usd_per_eur", "kind", "source"])?;
        Ok(RateSpec {
            date: object.required("date", |v| r.string(v))?,
            usd_per_eur: object.required("usd_per_eur", |v| r.number(v))?,
            kind: object.required("kind", |v| r.string(v))?,
            source: object.required("source", |v| r.string(v))?,
        })
    }
}

impl SourceSpec {
    fn read(r: Reader<'_>, json: Json) -> Result<SourceSpec, Problem> {
        let mut object = r.object(json, &["title", "publisher", "url", "date", "date_note"])?;
        Ok(SourceSpec {
            title: object.required("title", |v| r.string(v))?,
            publisher: object.required("publisher", |v| r.string(v))?,
            url: object.required("url", |v| r.string(v))?,
            date: object.required("date", |v| r.string(v))?,
            date_note: object.optional("date_note", |v| r.string(v))?,
        })
    }
}
