//! The checked dataset: [`crate::data::spec`] types turned into typed, cross-referenced
//! values, and the limits of the format.
//!
//! [`Dataset::from_json`] parses and validates in one step. Validation (the checks of
//! `data::check`) collects every problem it finds, each with the path of the offending field, instead of stopping at
//! the first one.

use crate::data::check::Checker;
use crate::data::spec::DatasetSpec;
use crate::error::Error;
use crate::units::date::Date;
use crate::units::i18n::{Text, Ui};
use crate::units::money::{Currency, Rate};

/// The dataset compiled into the widget: `data/autonomie.json` without its indentation
/// (`build.rs`).
pub const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/autonomie.json"));

/// The only format version this code reads.
pub const FORMAT_VERSION: u32 = 1;

// Limits. A real dataset stays far below them (the embedded one: 105 kB, 4 charts, 16
// bars in its largest view, 17 points in its largest timeline, texts of at most 300
// characters); they keep reading, checking and drawing bounded in time and memory, and
// refuse with a message what could not be drawn legibly anyway. Documented in
// `docs/data-format.md` ("Limits") and `docs/bad-inputs.md`.

/// Largest dataset file, in bytes (UTF-8), refused before it is parsed. The element
/// applies the same limit to a `src` download.
pub const MAX_DATASET_BYTES: usize = 5 * 1024 * 1024;
/// Charts in a dataset.
pub const MAX_CHARTS: usize = 50;
/// Views in a chart.
pub const MAX_VIEWS: usize = 10;
/// Groups (panels) in a bar view.
pub const MAX_GROUPS: usize = 20;
/// Series (legend entries, categories) in a view.
pub const MAX_SERIES: usize = 100;
/// Bars (points) in a bar view: about 28 pixels each.
pub const MAX_BARS: usize = 200;
/// Points in a timeline view, all series together.
pub const MAX_TIMELINE_POINTS: usize = 2000;
/// Notes under a view.
pub const MAX_NOTES: usize = 20;
/// Parts of a point.
pub const MAX_PARTS: usize = 20;
/// Points in the whole dataset.
pub const MAX_POINTS: usize = 10_000;
/// Exchange rates in the dataset.
pub const MAX_RATES: usize = 5000;
/// Sources in the dataset.
pub const MAX_SOURCES: usize = 1000;
/// Characters of a text (a title, label, axis, point note, source title, publisher or
/// date note), in each language.
pub const MAX_TEXT_CHARS: usize = 300;
/// Characters of a note under a view, in each language.
pub const MAX_NOTE_CHARS: usize = 1000;
/// Sources of one point besides its `source` (`also`).
pub const MAX_ALSO: usize = 9;
/// Decimals a point may say its source prints (`decimals`).
pub const MAX_DECIMALS: u32 = 6;
/// Characters of a source URL.
pub const MAX_URL_CHARS: usize = 2000;
/// Smallest figure (a count, or billions of a currency: 1e-6 is a thousand euros).
pub const MIN_VALUE: f64 = 1e-6;
/// Largest figure. Beyond it, conversion, log ticks and number formats would overflow
/// or print hundreds of digits.
pub const MAX_VALUE: f64 = 1e15;
/// Lowest plausible exchange rate, in US dollars per euro.
pub const MIN_RATE: f64 = 0.1;
/// Highest plausible exchange rate, in US dollars per euro.
pub const MAX_RATE: f64 = 10.0;

/// A checked dataset.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// Day the figures were last checked against their sources.
    pub checked: Date,
    /// Charts in page order.
    pub charts: Vec<Chart>,
    /// ECB reference rates; points refer to them by [`RateId`].
    pub(crate) rates: Vec<SourcedRate>,
    /// Cited documents; points refer to them by [`SourceId`].
    pub(crate) sources: Vec<Source>,
}

/// A source of [`Dataset::sources`]. Only the checks make one, for the dataset they
/// build: it is always a source of that dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceId(pub(crate) usize);

/// A rate of the dataset ([`Dataset::rate`]); made by the checks only, like [`SourceId`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RateId(pub(crate) usize);

/// A group (panel) of a bar view ([`View::groups`]); made by the checks only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GroupId(pub(crate) usize);

/// An ECB reference rate and the source that publishes it.
#[derive(Debug, Clone, PartialEq)]
pub struct SourcedRate {
    /// The rate.
    pub rate: Rate,
    /// Where it is published.
    pub source: SourceId,
}

/// A cited document.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Key in the file.
    pub key: String,
    /// Title: the document's own, the same in both languages; or, when its headline was
    /// not read, a description in each language that says so.
    pub title: Text,
    /// Publisher: a name, the same in both languages, or what it says in each.
    pub publisher: Text,
    /// What kind of publisher it is.
    pub kind: SourceKind,
    /// An `http` or `https` address.
    pub url: String,
    /// Publication date.
    pub date: Date,
    /// What the date means when it is not a plain publication date.
    pub date_note: Option<Text>,
}

/// What kind of publisher a source is: how far its word goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A company or an official body speaking for itself (an announcement, a report,
    /// a statistic).
    Official,
    /// A wire service (Reuters, AP, AFP, Bloomberg).
    Wire,
    /// A newspaper.
    Newspaper,
    /// The trade press.
    TradePress,
    /// A blog, an aggregator or a tag page: not enough on its own.
    Blog,
}

impl SourceKind {
    /// Every kind, in the file's words, strongest first.
    pub const NAMES: [&'static str; 5] = ["official", "wire", "newspaper", "trade-press", "blog"];

    /// Every kind, in the order of [`SourceKind::NAMES`].
    pub const ALL: [SourceKind; 5] =
        [SourceKind::Official, SourceKind::Wire, SourceKind::Newspaper, SourceKind::TradePress, SourceKind::Blog];

    /// The kind in the reader's words.
    pub fn words(self) -> Ui {
        match self {
            SourceKind::Official => Ui::KindOfficial,
            SourceKind::Wire => Ui::KindWire,
            SourceKind::Newspaper => Ui::KindNewspaper,
            SourceKind::TradePress => Ui::KindTradePress,
            SourceKind::Blog => Ui::KindBlog,
        }
    }
}

/// What a figure's value stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// The source gives only a lower bound: "more than" the value.
    Lower,
}

/// The marks a note may explain (see [`Note::marks`]).
pub const NOTE_MARKS: [&str; 5] = ["official", "press-reported", "secondary", "press-reported-secondary", "aggregate"];

/// A note under a chart.
#[derive(Debug, Clone)]
pub struct Note {
    /// The words.
    pub text: Text,
    /// The marks it explains (names of [`NOTE_MARKS`]): it is shown only in a figure that
    /// draws one of them. Empty: always shown.
    pub marks: Vec<String>,
}

/// A chart and its views.
#[derive(Debug, Clone)]
pub struct Chart {
    /// Public id (`models`, `valuations`, `funding`).
    pub id: String,
    /// Title.
    pub title: Text,
    /// Views; the first is the default.
    pub views: Vec<View>,
}

/// Bars in panels, or lines on a time axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    /// Horizontal bars, one panel per group.
    Bars,
    /// Step lines on a time axis.
    Timeline,
}

/// What the values count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Plain numbers.
    Count,
    /// Billions in a currency.
    Money,
    /// Computing speed in exaflop/s (10^18 floating-point operations per second), as
    /// measured by a benchmark such as the TOP500's HPL.
    Flops,
}

impl Measure {
    /// The name used in the file and the API: `count`, `money` or `flops`.
    pub fn name(self) -> &'static str {
        match self {
            Measure::Count => "count",
            Measure::Money => "money",
            Measure::Flops => "flops",
        }
    }
}

/// How values map to length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scale {
    /// Proportional.
    #[default]
    Linear,
    /// Logarithmic (base 10).
    Log,
}

impl Scale {
    /// Parses `linear` or `log`.
    pub fn parse(text: &str) -> Option<Scale> {
        match text {
            "linear" => Some(Scale::Linear),
            "log" => Some(Scale::Log),
            _ => None,
        }
    }

    /// The name used in the API.
    pub fn name(self) -> &'static str {
        match self {
            Scale::Linear => "linear",
            Scale::Log => "log",
        }
    }
}

/// One view of a chart.
#[derive(Debug, Clone)]
pub struct View {
    /// Key such as `latest`.
    pub id: String,
    /// Bars or timeline.
    pub kind: ViewKind,
    /// Counts or money.
    pub measure: Measure,
    /// Scale shown first.
    pub default_scale: Scale,
    /// Short name on the view switch.
    pub label: Text,
    /// Subtitle.
    pub title: Text,
    /// Value axis label.
    pub axis: Text,
    /// Panels (bar views).
    pub groups: Vec<Group>,
    /// Notes under the chart.
    pub notes: Vec<Note>,
    /// Legend entries.
    pub series: Vec<Series>,
}

/// A panel of a bar view.
#[derive(Debug, Clone)]
pub struct Group {
    /// Key.
    pub key: String,
    /// Heading.
    pub label: Text,
}

/// A legend entry.
#[derive(Debug, Clone)]
pub struct Series {
    /// Key for the show/hide API.
    pub key: String,
    /// Label.
    pub label: Text,
    /// Colour as red, green, blue.
    pub color: (u8, u8, u8),
    /// A regional total drawn apart.
    pub aggregate: bool,
    /// Figures.
    pub points: Vec<Point>,
}

/// Who stands behind a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// Announced by the company or publisher.
    Official,
    /// Reported by the press from unnamed sources.
    PressReported,
}

/// Whether money changed hands with the company.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deal {
    /// New shares: a funding round.
    Primary,
    /// Existing shares sold between holders.
    Secondary,
}

/// A sourced figure.
#[derive(Debug, Clone)]
pub struct Point {
    /// Its panel (bar views).
    pub group: Option<GroupId>,
    /// Date the figure refers to.
    pub date: Date,
    /// The figure as the source gives it.
    pub value: f64,
    /// Currency of a money figure.
    pub currency: Option<Currency>,
    /// Official or press-reported.
    pub basis: Option<Basis>,
    /// Primary or secondary.
    pub deal: Option<Deal>,
    /// Its sources, the strongest first; at least one.
    pub sources: Vec<SourceId>,
    /// Whether the value is only a lower bound.
    pub bound: Option<Bound>,
    /// Whether it rests on weak sources only (blogs, aggregators), so marked.
    pub weak: bool,
    /// The decimals its source prints, when they are more than the value's own
    /// (`1.000`); none: as many as the value has.
    pub decimals: Option<u8>,
    /// Short description.
    pub note: Option<Text>,
    /// Split between contributors.
    pub parts: Vec<Part>,
    /// The rate for this figure's date (money only).
    pub rate: Option<RateId>,
    /// Why no rate is available for this amount's date, when the dataset says so: the
    /// amount is then shown in its own currency only, never converted.
    pub no_rate: Option<Text>,
}

/// A share of an amount.
#[derive(Debug, Clone)]
pub struct Part {
    /// Contributor.
    pub label: Text,
    /// Amount, same unit and currency as the whole.
    pub value: f64,
    /// Its source.
    pub source: SourceId,
}

impl Dataset {
    /// The dataset compiled into the widget.
    pub fn embedded() -> Result<Dataset, Error> {
        Dataset::from_json(EMBEDDED_JSON)
    }

    /// Parses and checks a dataset file: [`Dataset::parse`], then [`Dataset::check`].
    pub fn from_json(json: &str) -> Result<Dataset, Error> {
        Dataset::check(Dataset::parse(json)?)
    }

    /// Reads a dataset file into its raw form, naming the JSON path of any field of the
    /// wrong type. Files larger than [`MAX_DATASET_BYTES`] are refused before parsing;
    /// a leading byte-order mark is ignored, as browsers do.
    pub fn parse(json: &str) -> Result<DatasetSpec, Error> {
        if json.len() > MAX_DATASET_BYTES {
            return Err(Error::TooLarge { bytes: json.len(), limit: MAX_DATASET_BYTES });
        }
        let text = json.strip_prefix('\u{feff}').unwrap_or(json);
        DatasetSpec::read(text).map_err(Error::Syntax)
    }

    /// Checks a parsed dataset (every rule of docs/data-format.md, every limit) and
    /// builds the typed `Dataset`, or lists every problem with its path.
    pub fn check(spec: DatasetSpec) -> Result<Dataset, Error> {
        Checker::default().dataset(spec)
    }

    /// The cited documents, in key order.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The source `id`.
    pub fn source(&self, id: SourceId) -> &Source {
        &self.sources[id.0]
    }

    /// The rate `id`.
    pub fn rate(&self, id: RateId) -> &SourcedRate {
        &self.rates[id.0]
    }

    /// The chart with id `id`.
    pub fn chart(&self, id: &str) -> Result<&Chart, Error> {
        self.charts.iter().find(|c| c.id == id).ok_or_else(|| Error::UnknownOption {
            option: "chart",
            value: id.to_owned(),
            expected: self.charts.iter().map(|c| c.id.clone()).collect(),
        })
    }
}

impl View {
    /// The group `id` of this view.
    pub fn group(&self, id: GroupId) -> &Group {
        &self.groups[id.0]
    }

    /// The date of the newest figure of the view, whichever series are shown.
    pub fn newest(&self) -> Option<Date> {
        self.series.iter().flat_map(|s| &s.points).map(|p| p.date).max()
    }
}

impl Dataset {
    /// The date of the newest figure of every chart.
    pub fn newest(&self) -> Option<Date> {
        self.charts.iter().flat_map(|c| &c.views).filter_map(View::newest).max()
    }

    /// The currency a chart is first shown in: euros, unless an amount of the chart
    /// cannot be converted to euros (its dataset says no rate is available) while every
    /// amount can be shown in US dollars. Conversion follows the ECB rate of each
    /// amount's date, so a missing rate decides the currency, never a nearby rate.
    pub fn default_currency(&self, chart: &Chart) -> Currency {
        let points = || chart.views.iter().flat_map(|v| &v.series).flat_map(|s| &s.points);
        if !all_shown_in(points(), Currency::Eur) && all_shown_in(points(), Currency::Usd) {
            Currency::Usd
        } else {
            Currency::Eur
        }
    }
}

/// Whether every amount of `points` can be shown in `currency` (it is in that currency,
/// or has a rate).
fn all_shown_in<'a>(mut points: impl Iterator<Item = &'a Point>, currency: Currency) -> bool {
    points.all(|p| p.currency.is_none_or(|c| c == currency || p.rate.is_some()))
}

impl View {
    /// The currency to show this view in when the reader's is `current`: `current`,
    /// unless some amount of the view cannot be shown in it while every one can be in
    /// the other currency (a view of amounts without an ECB rate, such as 2025's
    /// investments in US dollars).
    pub fn currency_for(&self, current: Currency) -> Currency {
        let other = if current == Currency::Eur { Currency::Usd } else { Currency::Eur };
        let points = || self.series.iter().flat_map(|s| &s.points);
        if !all_shown_in(points(), current) && all_shown_in(points(), other) {
            other
        } else {
            current
        }
    }
}

impl Chart {
    /// The view with id `id`.
    pub fn view(&self, id: &str) -> Result<&View, Error> {
        self.views.iter().find(|v| v.id == id).ok_or_else(|| Error::UnknownOption {
            option: "view",
            value: id.to_owned(),
            expected: self.views.iter().map(|v| v.id.clone()).collect(),
        })
    }
}
