//! The dataset file as written on disk: plain serde types, no checks beyond JSON types.
//!
//! This is the only module that derives `Deserialize`. Everything here is raw: strings
//! stay strings until [`crate::model`] checks them and turns them into typed values, so
//! that an error can name the exact path of the field that is wrong.
//! The format is documented in `docs/data-format.md`.

use std::collections::BTreeMap;

use serde::Deserialize;

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
    pub charts: Vec<ChartSpec>,
    /// ECB euro reference rates used to convert amounts.
    #[serde(default)]
    pub rates: Vec<RateSpec>,
    /// Every cited document, by key.
    pub sources: BTreeMap<String, SourceSpec>,
}

/// One chart: an id that is part of the public API, a title and one or more views.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartSpec {
    /// `models`, `valuations` or `funding` in the embedded dataset; any key in a custom one.
    pub id: String,
    /// Chart title.
    pub title: TextSpec,
    /// The views a reader can switch between; the first is the default.
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
    pub label: TextSpec,
    /// Subtitle drawn under the chart title.
    pub title: TextSpec,
    /// Label of the value axis.
    pub axis: TextSpec,
    /// Panels of a bar view (one per group); ignored by timelines.
    #[serde(default)]
    pub groups: Vec<GroupSpec>,
    /// Notes printed under the chart.
    #[serde(default)]
    pub notes: Vec<TextSpec>,
    /// The series (legend entries).
    pub series: Vec<SeriesSpec>,
}

/// A panel of a bar view.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupSpec {
    /// Key that points refer to.
    pub key: String,
    /// Panel heading.
    pub label: TextSpec,
}

/// A legend entry: a category of a bar chart or a line of a timeline.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesSpec {
    /// Key used by the show/hide API.
    pub key: String,
    /// Legend and axis label.
    pub label: TextSpec,
    /// Colour as `#rrggbb`.
    pub color: String,
    /// A regional total drawn apart from the bars it overlaps.
    #[serde(default)]
    pub aggregate: bool,
    /// The figures.
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
    pub note: Option<TextSpec>,
    /// How the amount splits between contributors.
    #[serde(default)]
    pub parts: Vec<PartSpec>,
}

/// A share of an amount.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartSpec {
    /// Who contributes.
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
