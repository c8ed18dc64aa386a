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
use crate::json::Reader;

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
    /// Money only: why no ECB rate is available for the amount's date (it is then shown
    /// in its own currency only).
    pub no_rate: Option<TextSpec>,
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

// How each type is read, in document order. `Reader::object` refuses any field not
// listed and any field given twice; each field's reader refuses any other JSON type
// (an array where an object is expected included); required fields are checked once the
// object is read.

impl DatasetSpec {
    /// Reads a whole dataset file: one object, then nothing but white space.
    pub fn read(text: &str) -> Result<DatasetSpec, Problem> {
        let mut reader = Reader::new(text);
        let spec = DatasetSpec::read_object(&mut reader)?;
        reader.end()?;
        Ok(spec)
    }

    fn read_object(r: &mut Reader<'_>) -> Result<DatasetSpec, Problem> {
        let (mut format, mut checked, mut charts, mut rates, mut sources) = (None, None, None, None, None);
        let at = r.object(&["format", "checked", "charts", "rates", "sources"], &mut |r, name| {
            match name {
                "format" => format = Some(r.whole_number()?),
                "checked" => checked = Some(r.string()?),
                "charts" => charts = Some(r.objects(ChartSpec::read)?),
                "rates" => rates = Some(r.objects(RateSpec::read)?),
                "sources" => sources = Some(read_sources(r)?),
                _ => {}
            }
            Ok(())
        })?;
        Ok(DatasetSpec {
            format: r.required(at, "format", format)?,
            checked: r.required(at, "checked", checked)?,
            charts: r.required(at, "charts", charts)?,
            rates: rates.unwrap_or_default(),
            sources: r.required(at, "sources", sources)?,
        })
    }
}

/// The sources by key, refusing a key given twice (a map would keep the last one).
fn read_sources(r: &mut Reader<'_>) -> Result<BTreeMap<String, SourceSpec>, Problem> {
    let mut sources = BTreeMap::new();
    r.members("an object of sources by key", &mut |r, key, at| {
        if sources.contains_key(key) {
            return Err(r.error_at(at, &format!("duplicate source key \"{key}\"; each source needs its own key")));
        }
        let source = SourceSpec::read(r).map_err(|problem| problem.in_field(key))?;
        sources.insert(key.to_owned(), source);
        Ok(())
    })?;
    Ok(sources)
}

impl TextSpec {
    fn read(r: &mut Reader<'_>) -> Result<TextSpec, Problem> {
        let mut text = TextSpec { en: None, fr: None };
        r.object(&["en", "fr"], &mut |r, name| {
            match name {
                "en" => text.en = r.optional(Reader::string)?,
                "fr" => text.fr = r.optional(Reader::string)?,
                _ => {}
            }
            Ok(())
        })?;
        Ok(text)
    }
}

impl ChartSpec {
    fn read(r: &mut Reader<'_>) -> Result<ChartSpec, Problem> {
        let (mut id, mut title, mut views) = (None, None, None);
        let at = r.object(&["id", "title", "views"], &mut |r, name| {
            match name {
                "id" => id = Some(r.string()?),
                "title" => title = Some(TextSpec::read(r)?),
                "views" => views = Some(r.objects(ViewSpec::read)?),
                _ => {}
            }
            Ok(())
        })?;
        Ok(ChartSpec {
            id: r.required(at, "id", id)?,
            title: r.required(at, "title", title)?,
            views: r.required(at, "views", views)?,
        })
    }
}

impl ViewSpec {
    fn read(r: &mut Reader<'_>) -> Result<ViewSpec, Problem> {
        let (mut id, mut kind, mut measure, mut scale) = (None, None, None, None);
        let (mut label, mut title, mut axis) = (None, None, None);
        let (mut groups, mut notes, mut series) = (None, None, None);
        let names = &["id", "kind", "measure", "scale", "label", "title", "axis", "groups", "notes", "series"];
        let at = r.object(names, &mut |r, name| {
            match name {
                "id" => id = Some(r.string()?),
                "kind" => kind = Some(r.string()?),
                "measure" => measure = Some(r.string()?),
                "scale" => scale = Some(r.string()?),
                "label" => label = Some(TextSpec::read(r)?),
                "title" => title = Some(TextSpec::read(r)?),
                "axis" => axis = Some(TextSpec::read(r)?),
                "groups" => groups = Some(r.objects(GroupSpec::read)?),
                "notes" => notes = Some(r.objects(TextSpec::read)?),
                "series" => series = Some(r.objects(SeriesSpec::read)?),
                _ => {}
            }
            Ok(())
        })?;
        Ok(ViewSpec {
            id: r.required(at, "id", id)?,
            kind: r.required(at, "kind", kind)?,
            measure: r.required(at, "measure", measure)?,
            scale: r.required(at, "scale", scale)?,
            label: r.required(at, "label", label)?,
            title: r.required(at, "title", title)?,
            axis: r.required(at, "axis", axis)?,
            groups: groups.unwrap_or_default(),
            notes: notes.unwrap_or_default(),
            series: r.required(at, "series", series)?,
        })
    }
}

impl GroupSpec {
    fn read(r: &mut Reader<'_>) -> Result<GroupSpec, Problem> {
        let (mut key, mut label) = (None, None);
        let at = r.object(&["key", "label"], &mut |r, name| {
            match name {
                "key" => key = Some(r.string()?),
                "label" => label = Some(TextSpec::read(r)?),
                _ => {}
            }
            Ok(())
        })?;
        Ok(GroupSpec { key: r.required(at, "key", key)?, label: r.required(at, "label", label)? })
    }
}

impl SeriesSpec {
    fn read(r: &mut Reader<'_>) -> Result<SeriesSpec, Problem> {
        let (mut key, mut label, mut color, mut aggregate, mut points) = (None, None, None, None, None);
        let at = r.object(&["key", "label", "color", "aggregate", "points"], &mut |r, name| {
            match name {
                "key" => key = Some(r.string()?),
                "label" => label = Some(TextSpec::read(r)?),
                "color" => color = Some(r.string()?),
                "aggregate" => aggregate = Some(r.boolean()?),
                "points" => points = Some(r.objects(PointSpec::read)?),
                _ => {}
            }
            Ok(())
        })?;
        Ok(SeriesSpec {
            key: r.required(at, "key", key)?,
            label: r.required(at, "label", label)?,
            color: r.required(at, "color", color)?,
            aggregate: aggregate.unwrap_or_default(),
            points: r.required(at, "points", points)?,
        })
    }
}

impl PointSpec {
    fn read(r: &mut Reader<'_>) -> Result<PointSpec, Problem> {
        let (mut group, mut date, mut value, mut currency, mut basis) = (None, None, None, None, None);
        let (mut deal, mut source, mut note, mut parts, mut no_rate) = (None, None, None, None, None);
        let names = &["group", "date", "value", "currency", "basis", "deal", "source", "note", "parts", "no_rate"];
        let at = r.object(names, &mut |r, name| {
            match name {
                "group" => group = r.optional(Reader::string)?,
                "date" => date = Some(r.string()?),
                "value" => value = Some(r.number()?),
                "currency" => currency = r.optional(Reader::string)?,
                "basis" => basis = r.optional(Reader::string)?,
                "deal" => deal = r.optional(Reader::string)?,
                "source" => source = Some(r.string()?),
                "note" => note = r.optional(TextSpec::read)?,
                "parts" => parts = Some(r.objects(PartSpec::read)?),
                "no_rate" => no_rate = r.optional(TextSpec::read)?,
                _ => {}
            }
            Ok(())
        })?;
        Ok(PointSpec {
            group,
            date: r.required(at, "date", date)?,
            value: r.required(at, "value", value)?,
            currency,
            basis,
            deal,
            source: r.required(at, "source", source)?,
            note,
            parts: parts.unwrap_or_default(),
            no_rate,
        })
    }
}

impl PartSpec {
    fn read(r: &mut Reader<'_>) -> Result<PartSpec, Problem> {
        let (mut label, mut value, mut source) = (None, None, None);
        let at = r.object(&["label", "value", "source"], &mut |r, name| {
            match name {
                "label" => label = Some(TextSpec::read(r)?),
                "value" => value = Some(r.number()?),
                "source" => source = Some(r.string()?),
                _ => {}
            }
            Ok(())
        })?;
        Ok(PartSpec {
            label: r.required(at, "label", label)?,
            value: r.required(at, "value", value)?,
            source: r.required(at, "source", source)?,
        })
    }
}

impl RateSpec {
    fn read(r: &mut Reader<'_>) -> Result<RateSpec, Problem> {
        let (mut date, mut usd_per_eur, mut kind, mut source) = (None, None, None, None);
        let at = r.object(&["date", "usd_per_eur", "kind", "source"], &mut |r, name| {
            match name {
                "date" => date = Some(r.string()?),
                "usd_per_eur" => usd_per_eur = Some(r.number()?),
                "kind" => kind = Some(r.string()?),
                "source" => source = Some(r.string()?),
                _ => {}
            }
            Ok(())
        })?;
        Ok(RateSpec {
            date: r.required(at, "date", date)?,
            usd_per_eur: r.required(at, "usd_per_eur", usd_per_eur)?,
            kind: r.required(at, "kind", kind)?,
            source: r.required(at, "source", source)?,
        })
    }
}

impl SourceSpec {
    fn read(r: &mut Reader<'_>) -> Result<SourceSpec, Problem> {
        let (mut title, mut publisher, mut url, mut date, mut date_note) = (None, None, None, None, None);
        let at = r.object(&["title", "publisher", "url", "date", "date_note"], &mut |r, name| {
            match name {
                "title" => title = Some(r.string()?),
                "publisher" => publisher = Some(r.string()?),
                "url" => url = Some(r.string()?),
                "date" => date = Some(r.string()?),
                "date_note" => date_note = r.optional(Reader::string)?,
                _ => {}
            }
            Ok(())
        })?;
        Ok(SourceSpec {
            title: r.required(at, "title", title)?,
            publisher: r.required(at, "publisher", publisher)?,
            url: r.required(at, "url", url)?,
            date: r.required(at, "date", date)?,
            date_note,
        })
    }
}
