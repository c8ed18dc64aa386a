//! The checked dataset: [`crate::data::spec`] types turned into typed, cross-referenced values.
//!
//! [`Dataset::from_json`] parses and validates in one step. Validation collects every
//! problem it finds, each with the path of the offending field, instead of stopping at
//! the first one.

use std::collections::{HashMap, HashSet};

use crate::data::spec::{
    ChartSpec, DatasetSpec, NoteSpec, PointSpec, SeriesSpec, SourceSpec, TextSpec, ViewSpec, WordsSpec,
};
use crate::error::{Error, Problem};
use crate::units::date::Date;
use crate::units::i18n::Text;
use crate::units::money::{rate_for, Currency, Rate, RateKind};

/// The dataset compiled into the widget: `data/autonomie.json` without its indentation
/// (`build.rs`).
pub const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/autonomie.json"));

/// The only format version this code reads.
pub const FORMAT_VERSION: u32 = 1;

// Limits. A real dataset stays far below them (the embedded one: 77 kB, 4 charts, 16
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
    /// ECB reference rates.
    pub rates: Vec<Rate>,
    /// Cited documents; points refer to them by index.
    pub sources: Vec<Source>,
}

/// A cited document.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Key in the file.
    pub key: String,
    /// Title.
    pub title: String,
    /// Publisher: a name, the same in both languages, or what it says in each.
    pub publisher: Text,
    /// An `http` or `https` address.
    pub url: String,
    /// Publication date.
    pub date: Date,
    /// What the date means when it is not a plain publication date.
    pub date_note: Option<Text>,
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
    /// Panel index (bar views).
    pub group: Option<usize>,
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
    /// Index into [`Dataset::sources`].
    pub source: usize,
    /// Short description.
    pub note: Option<Text>,
    /// Split between contributors.
    pub parts: Vec<Part>,
    /// Index into [`Dataset::rates`] of the rate for this figure's date (money only).
    pub rate: Option<usize>,
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
    /// Index into [`Dataset::sources`].
    pub source: usize,
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
        let shown_in =
            |currency: Currency| points().all(|p| p.currency.is_none_or(|c| c == currency || p.rate.is_some()));
        if !shown_in(Currency::Eur) && shown_in(Currency::Usd) {
            Currency::Usd
        } else {
            Currency::Eur
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

/// Collects problems while converting spec to model.
#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
    source_keys: HashMap<String, usize>,
    /// Index of the rate of each date in `rates`.
    rate_index: HashMap<Date, usize>,
    /// Day number and index of every daily rate, in day order.
    daily: Vec<(i64, usize)>,
}

impl Checker {
    /// A problem at `path`, said in English and in French.
    fn problem(&mut self, path: impl Into<String>, en: impl Into<String>, fr: impl Into<String>) {
        self.problems.push(Problem::new(path, en, fr));
    }

    fn dataset(mut self, spec: DatasetSpec) -> Result<Dataset, Error> {
        if spec.format != FORMAT_VERSION {
            self.problem(
                "format",
                format!("format {} is not supported; expected {FORMAT_VERSION}", spec.format),
                format!("le format {} n’est pas pris en charge ; il faut {FORMAT_VERSION}", spec.format),
            );
        }
        self.limits(&spec);
        if !self.problems.is_empty() {
            return Err(Error::Invalid(self.problems));
        }
        let checked = self.day(&spec.checked, "checked");
        self.source_keys = spec.sources.keys().enumerate().map(|(index, key)| (key.clone(), index)).collect();
        let sources: Vec<Source> = spec.sources.iter().filter_map(|(key, s)| self.source(key, s)).collect();
        let rates = self.rates(&spec);
        if spec.charts.is_empty() {
            self.problem("charts", "no chart; expected at least one", "aucun graphique ; il en faut au moins un");
        }
        let mut ids = HashSet::new();
        let mut charts = Vec::new();
        for (index, chart) in spec.charts.iter().enumerate() {
            let path = format!("charts[{index}]");
            if !ids.insert(chart.id.as_str()) {
                self.problem(
                    format!("{path}.id"),
                    format!("duplicate chart id \"{}\"; each chart needs its own id", chart.id),
                    format!("identifiant de graphique \"{}\" en double ; chaque graphique a le sien", chart.id),
                );
            }
            if let Some(chart) = self.chart(chart, &path, &rates) {
                charts.push(chart);
            }
        }
        match (checked, self.problems.is_empty()) {
            (Some(checked), true) => Ok(Dataset { checked, charts, rates, sources }),
            _ => Err(Error::Invalid(self.problems)),
        }
    }

    /// Reports `count` above `limit` at `path`; true when it is above. `what` and `per`
    /// are in English and in French.
    fn over(&mut self, path: impl Into<String>, count: usize, what: Words, limit: usize, per: Words) -> bool {
        if count > limit {
            self.problem(
                path,
                format!("{count} {}; the limit is {limit} per {}", what.0, per.0),
                format!("{count} {} ; la limite est de {limit} par {}", what.1, per.1),
            );
        }
        count > limit
    }

    /// The counts of every list, checked before anything else: a dataset above a limit
    /// is refused before the checks whose cost grows with its size.
    fn limits(&mut self, spec: &DatasetSpec) {
        self.over("charts", spec.charts.len(), CHARTS, MAX_CHARTS, DATASET);
        self.over("rates", spec.rates.len(), RATES, MAX_RATES, DATASET);
        self.over("sources", spec.sources.len(), SOURCES, MAX_SOURCES, DATASET);
        let mut total = 0;
        for (c, chart) in spec.charts.iter().enumerate() {
            let chart_path = format!("charts[{c}]");
            self.over(format!("{chart_path}.views"), chart.views.len(), VIEWS, MAX_VIEWS, CHART);
            for (v, view) in chart.views.iter().enumerate() {
                let path = format!("{chart_path}.views[{v}]");
                let points: usize = view.series.iter().map(|s| s.points.len()).sum();
                total += points;
                self.over(format!("{path}.groups"), view.groups.len(), GROUPS, MAX_GROUPS, VIEW);
                self.over(format!("{path}.notes"), view.notes.len(), NOTES, MAX_NOTES, VIEW);
                if !self.over(format!("{path}.series"), view.series.len(), SERIES, MAX_SERIES, VIEW) {
                    if view.kind == "timeline" {
                        self.over(format!("{path}.series"), points, POINTS, MAX_TIMELINE_POINTS, TIMELINE);
                    } else {
                        self.over(format!("{path}.series"), points, BARS, MAX_BARS, BAR_VIEW);
                    }
                }
                for (s, series) in view.series.iter().enumerate() {
                    for (p, point) in series.points.iter().enumerate() {
                        let parts = format!("{path}.series[{s}].points[{p}].parts");
                        self.over(parts, point.parts.len(), PARTS, MAX_PARTS, POINT);
                    }
                }
            }
        }
        self.over("charts", total, POINTS, MAX_POINTS, DATASET);
    }

    /// Checks a text that will be printed: at most `max` characters, none of them a
    /// control character.
    fn printable(&mut self, text: &str, path: &str, max: usize) {
        let count = text.chars().count();
        if count > max {
            self.problem(
                path,
                format!("too long: {count} characters; the limit is {max}"),
                format!("trop long : {count} caractères ; la limite est de {max}"),
            );
        }
        if let Some(c) = text.chars().find(|c| c.is_control()) {
            let code = u32::from(c);
            self.problem(
                path,
                format!("contains the control character U+{code:04X}; expected printable text"),
                format!("contient le caractère de contrôle U+{code:04X} ; il faut un texte imprimable"),
            );
        }
    }

    /// A name, the same in both languages: not empty, printable, at most
    /// [`MAX_TEXT_CHARS`]; trimmed.
    fn name(&mut self, value: &str, path: &str) -> String {
        if value.trim().is_empty() {
            self.problem(path, "empty; expected a non-empty text", "vide ; il faut un texte non vide");
        }
        self.printable(value.trim(), path, MAX_TEXT_CHARS);
        value.trim().to_owned()
    }

    fn text(&mut self, spec: &TextSpec, path: &str) -> Text {
        self.text_up_to(spec, path, MAX_TEXT_CHARS)
    }

    fn note(&mut self, spec: &NoteSpec, path: &str) -> Note {
        let text = self.text_up_to(&TextSpec { en: spec.en.clone(), fr: spec.fr.clone() }, path, MAX_NOTE_CHARS);
        for (index, mark) in spec.marks.iter().enumerate() {
            if !NOTE_MARKS.contains(&mark.as_str()) {
                self.problem(
                    format!("{path}.marks[{index}]"),
                    format!("unknown mark \"{mark}\"; expected one of: {}", NOTE_MARKS.join(", ")),
                    format!("marque \"{mark}\" inconnue ; il faut l’une de : {}", NOTE_MARKS.join(", ")),
                );
            }
        }
        Note { text, marks: spec.marks.clone() }
    }

    fn text_up_to(&mut self, spec: &TextSpec, path: &str, max: usize) -> Text {
        let mut pick = |value: &Option<String>, lang: &str| match value.as_deref().map(str::trim) {
            Some(text) if !text.is_empty() => {
                self.printable(text, &format!("{path}.{lang}"), max);
                text.to_owned()
            }
            _ => {
                self.problem(
                    format!("{path}.{lang}"),
                    format!("missing translation: a non-empty `{lang}` text is required"),
                    format!("traduction manquante : il faut un texte `{lang}` non vide"),
                );
                String::new()
            }
        };
        Text { en: pick(&spec.en, "en"), fr: pick(&spec.fr, "fr") }
    }

    fn date(&mut self, text: &str, path: &str) -> Option<Date> {
        let date = Date::parse(text);
        if date.is_none() {
            self.problem(
                path,
                format!("\"{text}\" is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD"),
                format!("\"{text}\" n’est pas une date ; il faut AAAA, AAAA-MM ou AAAA-MM-JJ"),
            );
        }
        date
    }

    fn day(&mut self, text: &str, path: &str) -> Option<Date> {
        match Date::parse(text) {
            Some(date) if date.day.is_some() => Some(date),
            _ => {
                self.problem(
                    path,
                    format!("\"{text}\" is not a day; expected YYYY-MM-DD"),
                    format!("\"{text}\" n’est pas un jour ; il faut AAAA-MM-JJ"),
                );
                None
            }
        }
    }

    fn key(&mut self, key: &str, path: &str) {
        let valid = !key.is_empty()
            && key.len() <= 40
            && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !valid {
            self.problem(
                path,
                format!("\"{key}\" is not a valid key; expected 1 to 40 letters, digits, '-' or '_'"),
                format!("\"{key}\" n’est pas une clé valide ; il faut de 1 à 40 lettres, chiffres, '-' ou '_'"),
            );
        }
    }

    fn source_index(&mut self, key: &str, path: &str) -> usize {
        match self.source_keys.get(key) {
            Some(&index) => index,
            None => {
                self.problem(
                    path,
                    format!("unknown source \"{key}\"; expected a key of `sources`"),
                    format!("source \"{key}\" inconnue ; il faut une clé de `sources`"),
                );
                0
            }
        }
    }

    fn source(&mut self, key: &str, spec: &SourceSpec) -> Option<Source> {
        let path = format!("sources.{key}");
        self.key(key, &path);
        self.name(&spec.title, &format!("{path}.title"));
        let publisher = match &spec.publisher {
            WordsSpec::Same(name) => {
                let name = self.name(name, &format!("{path}.publisher"));
                Text { en: name.clone(), fr: name }
            }
            WordsSpec::Both(text) => self.text(text, &format!("{path}.publisher")),
        };
        let date_note = spec.date_note.as_ref().map(|note| match note {
            WordsSpec::Same(note) => {
                self.printable(note, &format!("{path}.date_note"), MAX_TEXT_CHARS);
                Text { en: note.clone(), fr: note.clone() }
            }
            WordsSpec::Both(text) => self.text(text, &format!("{path}.date_note")),
        });
        let url = spec.url.trim();
        let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
        if url.chars().count() > MAX_URL_CHARS {
            self.problem(
                format!("{path}.url"),
                format!("too long: {} characters; the limit is {MAX_URL_CHARS}", url.chars().count()),
                format!("trop long : {} caractères ; la limite est de {MAX_URL_CHARS}", url.chars().count()),
            );
        } else if !scheme_ok || url.len() < 12 || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
            self.problem(
                format!("{path}.url"),
                format!("\"{url}\" is not a web address; expected an http:// or https:// URL"),
                format!("\"{url}\" n’est pas une adresse web ; il faut une URL http:// ou https://"),
            );
        }
        let date = self.date(&spec.date, &format!("{path}.date"))?;
        Some(Source {
            key: key.to_owned(),
            title: spec.title.trim().to_owned(),
            publisher,
            url: url.to_owned(),
            date,
            date_note,
        })
    }

    fn rates(&mut self, spec: &DatasetSpec) -> Vec<Rate> {
        let mut rates: Vec<Rate> = Vec::new();
        for (index, rate) in spec.rates.iter().enumerate() {
            let path = format!("rates[{index}]");
            let date = self.date(&rate.date, &format!("{path}.date"));
            let kind = RateKind::parse(&rate.kind);
            if kind.is_none() {
                self.problem(
                    format!("{path}.kind"),
                    format!("unknown rate kind \"{}\"; expected daily, monthly-mean or annual-mean", rate.kind),
                    format!("type de taux \"{}\" inconnu ; il faut daily, monthly-mean ou annual-mean", rate.kind),
                );
            }
            if !(rate.usd_per_eur.is_finite() && rate.usd_per_eur > 0.0) {
                self.problem(
                    format!("{path}.usd_per_eur"),
                    "a rate must be a number greater than 0",
                    "un taux doit être un nombre supérieur à 0",
                );
            } else if !(MIN_RATE..=MAX_RATE).contains(&rate.usd_per_eur) {
                self.problem(
                    format!("{path}.usd_per_eur"),
                    format!(
                        "{:e} US dollars per euro is not a plausible rate; expected between {MIN_RATE} and {MAX_RATE}",
                        rate.usd_per_eur
                    ),
                    format!(
                        "{:e} dollars américains pour un euro n’est pas un taux plausible ; il faut entre {MIN_RATE} et {MAX_RATE}",
                        rate.usd_per_eur
                    ),
                );
            }
            let source = self.source_index(&rate.source, &format!("{path}.source"));
            let (Some(date), Some(kind)) = (date, kind) else { continue };
            let precision_ok = match kind {
                RateKind::Daily => date.day.is_some(),
                RateKind::MonthlyMean => date.month.is_some() && date.day.is_none(),
                RateKind::AnnualMean => date.month.is_none(),
            };
            if !precision_ok {
                self.problem(
                    format!("{path}.date"),
                    format!("\"{date}\" does not match kind \"{}\"; a daily rate needs YYYY-MM-DD, a monthly mean YYYY-MM, an annual mean YYYY", rate.kind),
                    format!("\"{date}\" ne correspond pas au type \"{}\" ; un taux quotidien s’écrit AAAA-MM-JJ, une moyenne mensuelle AAAA-MM, une moyenne annuelle AAAA", rate.kind),
                );
            }
            if let std::collections::hash_map::Entry::Vacant(slot) = self.rate_index.entry(date) {
                slot.insert(rates.len());
            } else {
                self.problem(
                    format!("{path}.date"),
                    format!("duplicate rate for {date}; expected one rate per date"),
                    format!("deux taux pour {date} ; il en faut un par date"),
                );
            }
            rates.push(Rate { date, usd_per_eur: rate.usd_per_eur, kind, source });
        }
        self.daily = rates
            .iter()
            .enumerate()
            .filter(|(_, r)| r.kind == RateKind::Daily && r.date.day.is_some())
            .map(|(index, r)| (r.date.first_day_number(), index))
            .collect();
        self.daily.sort_unstable();
        rates
    }

    /// The index of the rate for an amount dated `date`, by [`rate_for`]'s rule, without
    /// scanning every rate for every amount: the rate of the same date, else `rate_for`
    /// applied to the daily rates of the month before (it looks back a few days only).
    fn rate_index_for(&self, rates: &[Rate], date: Date) -> Option<usize> {
        if let Some(&index) = self.rate_index.get(&date) {
            return Some(index);
        }
        date.day?;
        let day = date.first_day_number();
        let window = &self.daily
            [self.daily.partition_point(|&(d, _)| d < day - 31)..self.daily.partition_point(|&(d, _)| d < day)];
        let candidates: Vec<Rate> = window.iter().map(|&(_, index)| rates[index].clone()).collect();
        let found = rate_for(&candidates, date)?;
        candidates.iter().position(|c| std::ptr::eq(c, found)).map(|position| window[position].1)
    }

    fn chart(&mut self, spec: &ChartSpec, path: &str, rates: &[Rate]) -> Option<Chart> {
        self.key(&spec.id, &format!("{path}.id"));
        let title = self.text(&spec.title, &format!("{path}.title"));
        if spec.views.is_empty() {
            self.problem(
                format!("{path}.views"),
                "no view; expected at least one",
                "aucune vue ; il en faut au moins une",
            );
        }
        let mut ids = HashSet::new();
        let mut views = Vec::new();
        for (index, view) in spec.views.iter().enumerate() {
            let path = format!("{path}.views[{index}]");
            if !ids.insert(view.id.as_str()) {
                self.problem(
                    format!("{path}.id"),
                    format!("duplicate view id \"{}\" in this chart", view.id),
                    format!("identifiant de vue \"{}\" en double dans ce graphique", view.id),
                );
            }
            if let Some(view) = self.view(view, &path, rates) {
                views.push(view);
            }
        }
        Some(Chart { id: spec.id.clone(), title, views })
    }

    fn view(&mut self, spec: &ViewSpec, path: &str, rates: &[Rate]) -> Option<View> {
        self.key(&spec.id, &format!("{path}.id"));
        let kind = match spec.kind.as_str() {
            "bars" => Some(ViewKind::Bars),
            "timeline" => Some(ViewKind::Timeline),
            other => {
                self.problem(
                    format!("{path}.kind"),
                    format!("unknown chart kind \"{other}\"; expected bars or timeline"),
                    format!("type de graphique \"{other}\" inconnu ; il faut bars ou timeline"),
                );
                None
            }
        };
        let measure = match spec.measure.as_str() {
            "count" => Some(Measure::Count),
            "money" => Some(Measure::Money),
            "flops" => Some(Measure::Flops),
            other => {
                self.problem(
                    format!("{path}.measure"),
                    format!("unknown measure \"{other}\"; expected count, money or flops"),
                    format!("mesure \"{other}\" inconnue ; il faut count, money ou flops"),
                );
                None
            }
        };
        let scale = Scale::parse(&spec.scale);
        if scale.is_none() {
            self.problem(
                format!("{path}.scale"),
                format!("unknown scale \"{}\"; expected linear or log", spec.scale),
                format!("échelle \"{}\" inconnue ; il faut linear ou log", spec.scale),
            );
        }
        let label = self.text(&spec.label, &format!("{path}.label"));
        let title = self.text(&spec.title, &format!("{path}.title"));
        let axis = self.text(&spec.axis, &format!("{path}.axis"));
        let notes = spec.notes.iter().enumerate().map(|(i, n)| self.note(n, &format!("{path}.notes[{i}]"))).collect();
        let mut groups: Vec<Group> = Vec::new();
        for (index, group) in spec.groups.iter().enumerate() {
            let group_path = format!("{path}.groups[{index}]");
            self.key(&group.key, &format!("{group_path}.key"));
            if groups.iter().any(|g| g.key == group.key) {
                self.problem(
                    format!("{group_path}.key"),
                    format!("duplicate group key \"{}\"", group.key),
                    format!("clé de groupe \"{}\" en double", group.key),
                );
            }
            let label = self.text(&group.label, &format!("{group_path}.label"));
            groups.push(Group { key: group.key.clone(), label });
        }
        match kind {
            Some(ViewKind::Bars) if groups.is_empty() => {
                self.problem(
                    format!("{path}.groups"),
                    "a bar view needs at least one group (panel)",
                    "une vue en barres demande au moins un groupe (panneau)",
                );
            }
            Some(ViewKind::Timeline) if !groups.is_empty() => {
                self.problem(
                    format!("{path}.groups"),
                    "a timeline has no groups; remove `groups`",
                    "une chronologie n’a pas de groupes ; retirez `groups`",
                );
            }
            _ => {}
        }
        if spec.series.is_empty() {
            self.problem(
                format!("{path}.series"),
                "no series; expected at least one",
                "aucune série ; il en faut au moins une",
            );
        }
        let mut keys = HashSet::new();
        let mut series = Vec::new();
        for (index, s) in spec.series.iter().enumerate() {
            let series_path = format!("{path}.series[{index}]");
            if !keys.insert(s.key.as_str()) {
                self.problem(
                    format!("{series_path}.key"),
                    format!("duplicate series key \"{}\" in this view", s.key),
                    format!("clé de série \"{}\" en double dans cette vue", s.key),
                );
            }
            let context = PointContext { kind: kind?, measure: measure?, groups: &groups, rates };
            series.push(self.series(s, &series_path, &context));
        }
        Some(View {
            id: spec.id.clone(),
            kind: kind?,
            measure: measure?,
            default_scale: scale?,
            label,
            title,
            axis,
            groups,
            notes,
            series,
        })
    }

    fn series(&mut self, spec: &SeriesSpec, path: &str, context: &PointContext) -> Series {
        self.key(&spec.key, &format!("{path}.key"));
        let label = self.text(&spec.label, &format!("{path}.label"));
        let color = parse_color(&spec.color).unwrap_or_else(|| {
            self.problem(
                format!("{path}.color"),
                format!("\"{}\" is not a colour; expected #rrggbb", spec.color),
                format!("\"{}\" n’est pas une couleur ; il faut #rrvvbb", spec.color),
            );
            (0, 0, 0)
        });
        if spec.points.is_empty() {
            self.problem(
                format!("{path}.points"),
                "no point; expected at least one",
                "aucun point ; il en faut au moins un",
            );
        }
        let mut points: Vec<Point> = Vec::new();
        for (index, point) in spec.points.iter().enumerate() {
            let point_path = format!("{path}.points[{index}]");
            let Some(point) = self.point(point, &point_path, context) else { continue };
            match context.kind {
                ViewKind::Bars => {
                    if points.iter().any(|p| p.group == point.group) {
                        self.problem(
                            format!("{point_path}.group"),
                            "duplicate point: this series already has a point in this group",
                            "point en double : cette série a déjà un point dans ce groupe",
                        );
                    }
                }
                ViewKind::Timeline => {
                    if let Some(previous) = points.last() {
                        if point.date <= previous.date {
                            self.problem(
                                format!("{point_path}.date"),
                                format!("date out of order: {} does not come after {}; a timeline's points must be in increasing date order", point.date, previous.date),
                                format!("date dans le désordre : {} ne vient pas après {} ; les points d’une chronologie vont par dates croissantes", point.date, previous.date),
                            );
                        }
                    }
                }
            }
            points.push(point);
        }
        Series { key: spec.key.clone(), label, color, aggregate: spec.aggregate, points }
    }

    fn point(&mut self, spec: &PointSpec, path: &str, context: &PointContext) -> Option<Point> {
        let date = self.date(&spec.date, &format!("{path}.date"));
        if !(spec.value.is_finite() && spec.value > 0.0) {
            self.problem(
                format!("{path}.value"),
                format!(
                    "{} cannot be drawn: every view offers a log scale, which needs a finite number greater than 0",
                    spec.value
                ),
                format!(
                    "{} ne peut pas être dessiné : chaque vue propose une échelle logarithmique, qui demande un nombre fini supérieur à 0",
                    spec.value
                ),
            );
        } else if !(MIN_VALUE..=MAX_VALUE).contains(&spec.value) {
            let (en, fr) = out_of_range(spec.value);
            self.problem(format!("{path}.value"), en, fr);
        }
        let group = match (context.kind, &spec.group) {
            (ViewKind::Bars, Some(key)) => {
                let found = context.groups.iter().position(|g| &g.key == key);
                if found.is_none() {
                    self.problem(
                        format!("{path}.group"),
                        format!("unknown group \"{key}\"; expected a key of this view's `groups`"),
                        format!("groupe \"{key}\" inconnu ; il faut une clé des `groups` de cette vue"),
                    );
                }
                found
            }
            (ViewKind::Bars, None) => {
                self.problem(
                    format!("{path}.group"),
                    "missing group; a bar view's points name their panel",
                    "groupe manquant ; les points d’une vue en barres nomment leur panneau",
                );
                None
            }
            (ViewKind::Timeline, Some(_)) => {
                self.problem(
                    format!("{path}.group"),
                    "a timeline point has no group; remove it",
                    "un point de chronologie n’a pas de groupe ; retirez-le",
                );
                None
            }
            (ViewKind::Timeline, None) => None,
        };
        let currency = match (context.measure, &spec.currency) {
            (Measure::Money, Some(code)) => {
                let currency = Currency::parse(code);
                if currency.is_none() {
                    self.problem(
                        format!("{path}.currency"),
                        format!("unknown currency \"{code}\"; expected EUR or USD"),
                        format!("devise \"{code}\" inconnue ; il faut EUR ou USD"),
                    );
                }
                currency
            }
            (Measure::Money, None) => {
                self.problem(
                    format!("{path}.currency"),
                    "missing currency; a money figure needs EUR or USD",
                    "devise manquante ; un montant demande EUR ou USD",
                );
                None
            }
            (Measure::Count | Measure::Flops, Some(_)) => {
                self.problem(
                    format!("{path}.currency"),
                    format!(
                        "a {} has no currency; remove it or set the view's measure to money",
                        if context.measure == Measure::Count { "count" } else { "computing speed" }
                    ),
                    format!(
                        "{} n’a pas de devise ; retirez-la ou donnez à la vue la mesure money",
                        if context.measure == Measure::Count { "un nombre" } else { "une puissance de calcul" }
                    ),
                );
                None
            }
            (Measure::Count | Measure::Flops, None) => None,
        };
        let no_rate = spec.no_rate.as_ref().map(|reason| self.text(reason, &format!("{path}.no_rate")));
        let rate = match (context.measure, date) {
            (Measure::Money, Some(date)) => {
                let found = self.rate_index_for(context.rates, date);
                match (found, &no_rate) {
                    (None, None) => self.problem(
                        format!("{path}.date"),
                        format!("no ECB rate for {date} in `rates`; add the USD-per-EUR reference rate of that date so the amount can be converted, or say in `no_rate` why none is available"),
                        format!("aucun taux BCE pour {date} dans `rates` ; ajoutez le taux de référence en dollars pour un euro de cette date pour convertir le montant, ou dites dans `no_rate` pourquoi il n’y en a pas"),
                    ),
                    (Some(_), Some(_)) => self.problem(
                        format!("{path}.no_rate"),
                        format!("`rates` has a rate for {date}; remove `no_rate` so that the amount is converted"),
                        format!("`rates` a un taux pour {date} ; retirez `no_rate` pour que le montant soit converti"),
                    ),
                    _ => {}
                }
                found
            }
            _ => {
                if no_rate.is_some() {
                    self.problem(
                        format!("{path}.no_rate"),
                        "only an amount of money is converted; remove `no_rate` or set the view's measure to money",
                        "seul un montant se convertit ; retirez `no_rate` ou donnez à la vue la mesure money",
                    );
                }
                None
            }
        };
        let basis = spec.basis.as_deref().and_then(|b| match b {
            "official" => Some(Basis::Official),
            "press-reported" => Some(Basis::PressReported),
            other => {
                self.problem(
                    format!("{path}.basis"),
                    format!("unknown basis \"{other}\"; expected official or press-reported"),
                    format!("base \"{other}\" inconnue ; il faut official ou press-reported"),
                );
                None
            }
        });
        let deal = spec.deal.as_deref().and_then(|d| match d {
            "primary" => Some(Deal::Primary),
            "secondary" => Some(Deal::Secondary),
            other => {
                self.problem(
                    format!("{path}.deal"),
                    format!("unknown deal \"{other}\"; expected primary or secondary"),
                    format!("opération \"{other}\" inconnue ; il faut primary ou secondary"),
                );
                None
            }
        });
        let source = self.source_index(&spec.source, &format!("{path}.source"));
        let note = spec.note.as_ref().map(|n| self.text(n, &format!("{path}.note")));
        let mut parts = Vec::new();
        for (index, part) in spec.parts.iter().enumerate() {
            let part_path = format!("{path}.parts[{index}]");
            if !(part.value.is_finite() && part.value > 0.0) {
                self.problem(
                    format!("{part_path}.value"),
                    "a part must be a finite number greater than 0",
                    "une part doit être un nombre fini supérieur à 0",
                );
            } else if !(MIN_VALUE..=MAX_VALUE).contains(&part.value) {
                let (en, fr) = out_of_range(part.value);
                self.problem(format!("{part_path}.value"), en, fr);
            }
            parts.push(Part {
                label: self.text(&part.label, &format!("{part_path}.label")),
                value: part.value,
                source: self.source_index(&part.source, &format!("{part_path}.source")),
            });
        }
        if !parts.is_empty() {
            let sum: f64 = parts.iter().map(|p| p.value).sum();
            if (sum - spec.value).abs() > 1e-9 * spec.value.abs().max(1.0) {
                self.problem(
                    format!("{path}.parts"),
                    format!("the parts add up to {sum}, not to the value {}", spec.value),
                    format!("la somme des parts fait {sum}, et non la valeur {}", spec.value),
                );
            }
        }
        Some(Point { group, date: date?, value: spec.value, currency, basis, deal, source, note, parts, rate, no_rate })
    }
}

struct PointContext<'a> {
    kind: ViewKind,
    measure: Measure,
    groups: &'a [Group],
    rates: &'a [Rate],
}

/// A figure outside [`MIN_VALUE`]..=[`MAX_VALUE`], in English and in French.
fn out_of_range(value: f64) -> (String, String) {
    (
        format!("{value:e} is out of range; a figure must be between {MIN_VALUE:e} and {MAX_VALUE:e}"),
        format!("{value:e} est hors limites ; un chiffre doit être entre {MIN_VALUE:e} et {MAX_VALUE:e}"),
    )
}

/// A word of a limit's message, in English and in French.
type Words = (&'static str, &'static str);
const CHARTS: Words = ("charts", "graphiques");
const RATES: Words = ("rates", "taux");
const SOURCES: Words = ("sources", "sources");
const VIEWS: Words = ("views", "vues");
const GROUPS: Words = ("groups", "groupes");
const NOTES: Words = ("notes", "notes");
const SERIES: Words = ("series", "séries");
const POINTS: Words = ("points", "points");
const BARS: Words = ("bars", "barres");
const PARTS: Words = ("parts", "parts");
const DATASET: Words = ("dataset", "fichier de données");
const CHART: Words = ("chart", "graphique");
const VIEW: Words = ("view", "vue");
const TIMELINE: Words = ("timeline", "chronologie");
const BAR_VIEW: Words = ("bar view", "vue en barres");
const POINT: Words = ("point", "point");

fn parse_color(text: &str) -> Option<(u8, u8, u8)> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some((channel(0)?, channel(2)?, channel(4)?))
}
