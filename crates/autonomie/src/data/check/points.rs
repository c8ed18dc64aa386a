//! Each point of a series: its value, group, currency, rate, basis, deal, source and
//! parts.

use crate::data::check::{out_of_range, Checker};
use crate::data::model::{
    Basis, Bound, Deal, Group, GroupId, Measure, Part, Point, RateId, SourceId, SourcedRate, ViewKind, MAX_DECIMALS,
    MAX_VALUE, MIN_VALUE,
};
use crate::data::spec::PointSpec;
use crate::units::date::Date;
use crate::units::money::Currency;

impl Checker {
    pub(super) fn point(&mut self, spec: &PointSpec, path: &str, context: &PointContext) -> Option<Point> {
        let date = self.date(&spec.date, &format!("{path}.date"));
        self.value(spec.value, path);
        let group = self.group(spec, path, context);
        let currency = self.currency(spec, path, context);
        let no_rate = spec.no_rate.as_ref().map(|reason| self.text(reason, &format!("{path}.no_rate")));
        let rate = self.rate(date, no_rate.is_some(), path, context);
        let basis = self.basis(spec, path);
        let deal = self.deal(spec, path);
        let sources = self.point_sources(spec, path);
        let bound = self.bound(spec, path);
        let decimals = self.decimals(spec, path);
        let note = spec.note.as_ref().map(|n| self.text(n, &format!("{path}.note")));
        let parts = self.parts(spec, path);
        let (value, weak) = (spec.value, spec.weak);
        Some(Point {
            group,
            date: date?,
            value,
            currency,
            basis,
            deal,
            sources,
            bound,
            weak,
            decimals,
            note,
            parts,
            rate,
            no_rate,
        })
    }

    /// A point's sources: `source`, then `also`; each known, each once; and unless the
    /// point is marked weak, not blogs or aggregators only.
    fn point_sources(&mut self, spec: &PointSpec, path: &str) -> Vec<SourceId> {
        let mut sources = vec![self.source_id(&spec.source, &format!("{path}.source"))];
        for (index, key) in spec.also.iter().enumerate() {
            let key_path = format!("{path}.also[{index}]");
            let id = self.source_id(key, &key_path);
            if sources.contains(&id) {
                self.problem(
                    key_path,
                    format!("source \"{key}\" is given twice"),
                    format!("la source \"{key}\" est donnée deux fois"),
                );
            }
            sources.push(id);
        }
        if !spec.weak && sources.iter().all(|&id| self.is_blog(id)) {
            self.problem(
                format!("{path}.source"),
                "only a blog or an aggregator gives this figure; cite a stronger source (the company, a wire service, a newspaper), or mark the figure \"weak\": true so that readers see it",
                "seul un blog ou un agrégateur donne ce chiffre ; citez une source plus solide (l’entreprise, une agence de presse, un journal), ou marquez le chiffre \"weak\": true pour que les lecteurs le voient",
            );
        }
        sources
    }

    /// `lower`, or nothing.
    fn bound(&mut self, spec: &PointSpec, path: &str) -> Option<Bound> {
        match spec.bound.as_deref()? {
            "lower" => Some(Bound::Lower),
            other => {
                self.problem(
                    format!("{path}.bound"),
                    format!("unknown bound \"{other}\"; expected lower (the source says \"more than\" the value)"),
                    format!("borne \"{other}\" inconnue ; il faut lower (la source dit « plus de » la valeur)"),
                );
                None
            }
        }
    }

    /// The decimals the source prints: at most [`MAX_DECIMALS`], and no fewer than the
    /// value has (they would round it).
    fn decimals(&mut self, spec: &PointSpec, path: &str) -> Option<u8> {
        let decimals = Some(spec.decimals).filter(|&d| d > 0)?;
        let at = format!("{path}.decimals");
        if decimals > MAX_DECIMALS {
            self.problem(
                at,
                format!("{decimals} decimals; the limit is {MAX_DECIMALS}"),
                format!("{decimals} décimales ; la limite est de {MAX_DECIMALS}"),
            );
            return None;
        }
        let scaled = spec.value * 10f64.powi(decimals as i32);
        if spec.value.is_finite() && (scaled - scaled.round()).abs() > 1e-6 * scaled.abs().max(1.0) {
            self.problem(
                at,
                format!("{} has more than {decimals} decimals; give the value as its source prints it, and its number of decimals", spec.value),
                format!("{} a plus de {decimals} décimales ; donnez la valeur telle que sa source l’imprime, et son nombre de décimales", spec.value),
            );
        }
        Some(decimals as u8)
    }

    /// A drawable value: finite, above 0 (for the log scale), within the format's range.
    fn value(&mut self, value: f64, path: &str) {
        if !(value.is_finite() && value > 0.0) {
            self.problem(
                format!("{path}.value"),
                format!(
                    "{} cannot be drawn: every view offers a log scale, which needs a finite number greater than 0",
                    value
                ),
                format!(
                    "{} ne peut pas être dessiné : chaque vue propose une échelle logarithmique, qui demande un nombre fini supérieur à 0",
                    value
                ),
            );
        } else if !(MIN_VALUE..=MAX_VALUE).contains(&value) {
            let (en, fr) = out_of_range(value);
            self.problem(format!("{path}.value"), en, fr);
        }
    }

    /// The index of the point's group in its view, for a bar view's point.
    fn group(&mut self, spec: &PointSpec, path: &str, context: &PointContext) -> Option<GroupId> {
        match (context.kind, &spec.group) {
            (ViewKind::Bars, Some(key)) => {
                let found = context.groups.iter().position(|g| &g.key == key).map(GroupId);
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
        }
    }

    /// The currency of an amount of money; none for a count or a speed.
    fn currency(&mut self, spec: &PointSpec, path: &str, context: &PointContext) -> Option<Currency> {
        match (context.measure, &spec.currency) {
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
        }
    }

    /// The index of the rate of an amount's date; a missing rate needs a `no_rate` reason.
    fn rate(&mut self, date: Option<Date>, no_rate: bool, path: &str, context: &PointContext) -> Option<RateId> {
        match (context.measure, date) {
            (Measure::Money, Some(date)) => {
                let found = self.rate_for(context.rates, date);
                match (found, no_rate) {
                    (None, false) => self.problem(
                        format!("{path}.date"),
                        format!("no ECB rate for {date} in `rates`; add the USD-per-EUR reference rate of that date so the amount can be converted, or say in `no_rate` why none is available"),
                        format!("aucun taux BCE pour {date} dans `rates` ; ajoutez le taux de référence en dollars pour un euro de cette date pour convertir le montant, ou dites dans `no_rate` pourquoi il n’y en a pas"),
                    ),
                    (Some(_), true) => self.problem(
                        format!("{path}.no_rate"),
                        format!("`rates` has a rate for {date}; remove `no_rate` so that the amount is converted"),
                        format!("`rates` a un taux pour {date} ; retirez `no_rate` pour que le montant soit converti"),
                    ),
                    _ => {}
                }
                found
            }
            _ => {
                if no_rate {
                    self.problem(
                        format!("{path}.no_rate"),
                        "only an amount of money is converted; remove `no_rate` or set the view's measure to money",
                        "seul un montant se convertit ; retirez `no_rate` ou donnez à la vue la mesure money",
                    );
                }
                None
            }
        }
    }

    fn basis(&mut self, spec: &PointSpec, path: &str) -> Option<Basis> {
        spec.basis.as_deref().and_then(|b| match b {
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
        })
    }

    fn deal(&mut self, spec: &PointSpec, path: &str) -> Option<Deal> {
        spec.deal.as_deref().and_then(|d| match d {
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
        })
    }

    /// The parts of a whole, which add up to its value.
    fn parts(&mut self, spec: &PointSpec, path: &str) -> Vec<Part> {
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
                source: self.source_id(&part.source, &format!("{part_path}.source")),
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
        parts
    }
}

pub(super) struct PointContext<'a> {
    pub(super) kind: ViewKind,
    pub(super) measure: Measure,
    pub(super) groups: &'a [Group],
    pub(super) rates: &'a [SourcedRate],
}
