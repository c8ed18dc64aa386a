//! The sources and the ECB rates, and the rate of an amount's date.

use crate::data::check::Checker;
use crate::data::model::{RateId, Source, SourceKind, SourcedRate, MAX_RATE, MAX_URL_CHARS, MIN_RATE};
use crate::data::spec::{DatasetSpec, SourceSpec, WordsSpec};
use crate::units::date::Date;
use crate::units::i18n::Text;
use crate::units::money::{rate_for, Rate, RateKind};

impl Checker {
    pub(super) fn source(&mut self, key: &str, spec: &SourceSpec) -> Option<Source> {
        let path = format!("sources.{key}");
        self.key(key, &path);
        let title = self.words(&spec.title, &format!("{path}.title"));
        let publisher = self.words(&spec.publisher, &format!("{path}.publisher"));
        let date_note = spec.date_note.as_ref().map(|note| self.words(note, &format!("{path}.date_note")));
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
        let kind = self.source_kind(spec.kind.as_deref(), &format!("{path}.kind"));
        let date = self.date(&spec.date, &format!("{path}.date"))?;
        Some(Source { key: key.to_owned(), title, publisher, kind: kind?, url: url.to_owned(), date, date_note })
    }

    /// A text that reads the same in both languages (a name, a title in the document's
    /// own language) or one given in each.
    fn words(&mut self, spec: &WordsSpec, path: &str) -> Text {
        match spec {
            WordsSpec::Same(words) => {
                let words = self.name(words, path);
                Text { en: words.clone(), fr: words }
            }
            WordsSpec::Both(text) => self.text(text, path),
        }
    }

    /// A source's kind: required, one of [`SourceKind::NAMES`].
    fn source_kind(&mut self, kind: Option<&str>, path: &str) -> Option<SourceKind> {
        let names = SourceKind::NAMES.join(", ");
        match kind {
            Some(name) => {
                let kind = SourceKind::ALL.iter().zip(SourceKind::NAMES).find(|(_, n)| *n == name).map(|(k, _)| *k);
                if kind.is_none() {
                    self.problem(
                        path,
                        format!("unknown source kind \"{name}\"; expected one of: {names}"),
                        format!("type de source \"{name}\" inconnu ; il faut l’un de : {names}"),
                    );
                }
                kind
            }
            None => {
                self.problem(
                    path,
                    format!("missing source kind; say who published it, one of: {names} (official: a company or an official body; blog: a blog, an aggregator or a tag page)"),
                    format!("type de source manquant ; dites qui l’a publiée, l’un de : {names} (official : une entreprise ou un organisme officiel ; blog : un blog, un agrégateur ou une page de mots-clés)"),
                );
                None
            }
        }
    }

    pub(super) fn rates(&mut self, spec: &DatasetSpec) -> Vec<SourcedRate> {
        let mut rates: Vec<SourcedRate> = Vec::new();
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
            let source = self.source_id(&rate.source, &format!("{path}.source"));
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
            match self.rate_index.binary_search_by_key(&date, |&(d, _)| d) {
                Ok(_) => self.problem(
                    format!("{path}.date"),
                    format!("duplicate rate for {date}; expected one rate per date"),
                    format!("deux taux pour {date} ; il en faut un par date"),
                ),
                Err(at) => self.rate_index.insert(at, (date, rates.len())),
            }
            rates.push(SourcedRate { rate: Rate { date, usd_per_eur: rate.usd_per_eur, kind }, source });
        }
        self.daily = rates
            .iter()
            .enumerate()
            .filter(|(_, r)| r.rate.kind == RateKind::Daily && r.rate.date.day.is_some())
            .map(|(index, r)| (r.rate.date.first_day_number(), index))
            .collect();
        self.daily.sort_unstable();
        rates
    }

    /// The rate for an amount dated `date`, by [`rate_for`]'s rule, without
    /// scanning every rate for every amount: the rate of the same date, else `rate_for`
    /// applied to the daily rates of the month before (it looks back a few days only).
    pub(super) fn rate_for(&self, rates: &[SourcedRate], date: Date) -> Option<RateId> {
        if let Ok(at) = self.rate_index.binary_search_by_key(&date, |&(d, _)| d) {
            return Some(RateId(self.rate_index[at].1));
        }
        date.day?;
        let day = date.first_day_number();
        let window = &self.daily
            [self.daily.partition_point(|&(d, _)| d < day - 31)..self.daily.partition_point(|&(d, _)| d < day)];
        let candidates: Vec<Rate> = window.iter().map(|&(_, index)| rates[index].rate.clone()).collect();
        let found = rate_for(&candidates, date)?;
        candidates.iter().position(|c| std::ptr::eq(c, found)).map(|position| RateId(window[position].1))
    }
}
