//! The checks: [`Checker`] turns a [`DatasetSpec`] into a [`Dataset`], collecting every
//! problem with the JSON path of its field and its words in English and in French. The
//! counts of every list come first ([`Checker::limits`]); then the sources and rates
//! (`sources`), the charts, views and series (`views`) and each point (`points`).

mod points;
mod sources;
mod views;

use crate::data::model::{
    Dataset, Note, Source, SourceId, FORMAT_VERSION, MAX_ALSO, MAX_BARS, MAX_CHARTS, MAX_GROUPS, MAX_NOTES,
    MAX_NOTE_CHARS, MAX_PARTS, MAX_POINTS, MAX_RATES, MAX_SERIES, MAX_SOURCES, MAX_TEXT_CHARS, MAX_TIMELINE_POINTS,
    MAX_VALUE, MAX_VIEWS, MIN_VALUE, NOTE_MARKS,
};
use crate::data::spec::{DatasetSpec, NoteSpec, TextSpec};
use crate::error::{Error, Problem};
use crate::units::date::Date;
use crate::units::i18n::Text;

/// Collects problems while converting spec to model.
#[derive(Default)]
pub(crate) struct Checker {
    problems: Vec<Problem>,
    /// The sources' keys, in their order (a source's id is its index): sorted, as
    /// [`DatasetSpec::sources`] keeps them.
    source_keys: Vec<String>,
    /// Whether each source, by index, is a blog or an aggregator.
    blog_sources: Vec<bool>,
    /// Every rate's date and index in `rates`, in date order.
    rate_index: Vec<(Date, usize)>,
    /// Day number and index of every daily rate, in day order.
    daily: Vec<(i64, usize)>,
}

impl Checker {
    /// A problem at `path`, said in English and in French.
    pub(super) fn problem(&mut self, path: impl Into<String>, en: impl Into<String>, fr: impl Into<String>) {
        self.problems.push(Problem::new(path, en, fr));
    }

    pub(crate) fn dataset(mut self, spec: DatasetSpec) -> Result<Dataset, Error> {
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
        self.source_keys = spec.sources.iter().map(|(key, _)| key.clone()).collect();
        self.blog_sources = spec.sources.iter().map(|(_, s)| s.kind.as_deref() == Some("blog")).collect();
        let sources: Vec<Source> = spec.sources.iter().filter_map(|(key, s)| self.source(key, s)).collect();
        let rates = self.rates(&spec);
        if spec.charts.is_empty() {
            self.problem("charts", "no chart; expected at least one", "aucun graphique ; il en faut au moins un");
        }
        let mut charts = Vec::new();
        for (index, chart) in spec.charts.iter().enumerate() {
            let path = format!("charts[{index}]");
            if spec.charts[..index].iter().any(|c| c.id == chart.id) {
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
    pub(super) fn over(
        &mut self,
        path: impl Into<String>,
        count: usize,
        what: Words,
        limit: usize,
        per: Words,
    ) -> bool {
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
    pub(super) fn limits(&mut self, spec: &DatasetSpec) {
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
                        let point_path = format!("{path}.series[{s}].points[{p}]");
                        self.over(format!("{point_path}.parts"), point.parts.len(), PARTS, MAX_PARTS, POINT);
                        self.over(format!("{point_path}.also"), point.also.len(), SOURCES, MAX_ALSO, POINT);
                    }
                }
            }
        }
        self.over("charts", total, POINTS, MAX_POINTS, DATASET);
    }

    /// Checks a text that will be printed: at most `max` characters, none of them a
    /// control character.
    pub(super) fn printable(&mut self, text: &str, path: &str, max: usize) {
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
    pub(super) fn name(&mut self, value: &str, path: &str) -> String {
        if value.trim().is_empty() {
            self.problem(path, "empty; expected a non-empty text", "vide ; il faut un texte non vide");
        }
        self.printable(value.trim(), path, MAX_TEXT_CHARS);
        value.trim().to_owned()
    }

    pub(super) fn text(&mut self, spec: &TextSpec, path: &str) -> Text {
        self.text_up_to(spec, path, MAX_TEXT_CHARS)
    }

    pub(super) fn note(&mut self, spec: &NoteSpec, path: &str) -> Note {
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

    pub(super) fn text_up_to(&mut self, spec: &TextSpec, path: &str, max: usize) -> Text {
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

    pub(super) fn date(&mut self, text: &str, path: &str) -> Option<Date> {
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

    pub(super) fn day(&mut self, text: &str, path: &str) -> Option<Date> {
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

    pub(super) fn key(&mut self, key: &str, path: &str) {
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

    /// Whether source `id` is a blog or an aggregator.
    pub(super) fn is_blog(&self, id: SourceId) -> bool {
        self.blog_sources.get(id.0).copied().unwrap_or(false)
    }

    /// The source of key `key`. An unknown key is a problem, which refuses the
    /// dataset: the id returned then is never used.
    pub(super) fn source_id(&mut self, key: &str, path: &str) -> SourceId {
        match self.source_keys.binary_search_by(|k| k.as_str().cmp(key)) {
            Ok(index) => SourceId(index),
            Err(_) => {
                self.problem(
                    path,
                    format!("unknown source \"{key}\"; expected a key of `sources`"),
                    format!("source \"{key}\" inconnue ; il faut une clé de `sources`"),
                );
                SourceId(0)
            }
        }
    }
}

/// A figure outside [`MIN_VALUE`]..=[`MAX_VALUE`], in English and in French.
pub(super) fn out_of_range(value: f64) -> (String, String) {
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

pub(super) fn parse_color(text: &str) -> Option<(u8, u8, u8)> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some((channel(0)?, channel(2)?, channel(4)?))
}
