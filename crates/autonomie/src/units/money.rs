//! Currencies and the ECB reference rates that convert between them.

use crate::units::date::Date;

/// A currency the charts can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Currency {
    /// Euro: the default of the page.
    #[default]
    Eur,
    /// US dollar.
    Usd,
}

impl Currency {
    /// Parses `EUR` or `USD`.
    pub fn parse(code: &str) -> Option<Currency> {
        match code {
            "EUR" => Some(Currency::Eur),
            "USD" => Some(Currency::Usd),
            _ => None,
        }
    }

    /// The ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Eur => "EUR",
            Currency::Usd => "USD",
        }
    }

    /// The symbol used in number formats.
    pub fn symbol(self) -> &'static str {
        match self {
            Currency::Eur => "€",
            Currency::Usd => "$",
        }
    }
}

/// How an ECB rate was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateKind {
    /// The reference rate of one day.
    Daily,
    /// Mean of a month's daily rates (our own calculation).
    MonthlyMean,
    /// Mean of a year's daily rates (our own calculation).
    AnnualMean,
}

impl RateKind {
    /// Parses `daily`, `monthly-mean` or `annual-mean`.
    pub fn parse(text: &str) -> Option<RateKind> {
        match text {
            "daily" => Some(RateKind::Daily),
            "monthly-mean" => Some(RateKind::MonthlyMean),
            "annual-mean" => Some(RateKind::AnnualMean),
            _ => None,
        }
    }
}

/// One ECB euro reference rate.
#[derive(Debug, Clone, PartialEq)]
pub struct Rate {
    /// The day, month or year it applies to.
    pub date: Date,
    /// US dollars for one euro.
    pub usd_per_eur: f64,
    /// Daily rate or a mean.
    pub kind: RateKind,
}

/// How many days back a day without a rate (a weekend or a TARGET holiday) may reach
/// for the last rate published before it.
const MAX_DAYS_BACK: i64 = 4;

/// Finds the rate for an amount dated `date`: the rate of the same day, month or year,
/// else, for a day with no fixing, the last daily rate at most four days before it.
pub fn rate_for(rates: &[Rate], date: Date) -> Option<&Rate> {
    if let Some(exact) = rates.iter().find(|r| r.date == date) {
        return Some(exact);
    }
    date.day?;
    let day = date.first_day_number();
    rates
        .iter()
        .filter(|r| r.kind == RateKind::Daily && r.date.day.is_some())
        .filter(|r| (1..=MAX_DAYS_BACK).contains(&(day - r.date.first_day_number())))
        .max_by_key(|r| r.date)
}

/// Converts `value` from `from` to `to` with `rate`.
pub fn convert(value: f64, from: Currency, to: Currency, rate: &Rate) -> f64 {
    match (from, to) {
        (Currency::Eur, Currency::Usd) => value * rate.usd_per_eur,
        (Currency::Usd, Currency::Eur) => value / rate.usd_per_eur,
        _ => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate(date: &str, usd_per_eur: f64, kind: RateKind) -> Rate {
        Rate { date: Date::parse(date).unwrap(), usd_per_eur, kind }
    }

    #[test]
    fn finds_the_rate_of_the_day_or_the_last_one_before_a_weekend() {
        let rates = [
            rate("2023-12-08", 1.0777, RateKind::Daily),
            rate("2023-04", 1.0968, RateKind::MonthlyMean),
            rate("2024", 1.0824, RateKind::AnnualMean),
        ];
        let sunday = Date::parse("2023-12-10").unwrap();
        assert_eq!(rate_for(&rates, sunday).unwrap().usd_per_eur, 1.0777);
        assert_eq!(rate_for(&rates, Date::parse("2023-04").unwrap()).unwrap().usd_per_eur, 1.0968);
        assert_eq!(rate_for(&rates, Date::parse("2024").unwrap()).unwrap().usd_per_eur, 1.0824);
        assert!(rate_for(&rates, Date::parse("2023-12-20").unwrap()).is_none());
        assert!(rate_for(&rates, Date::parse("2023-12-07").unwrap()).is_none());
        assert!(rate_for(&rates, Date::parse("2023-12").unwrap()).is_none());
    }

    #[test]
    fn converts_both_ways() {
        let r = rate("2025-09-09", 1.1744, RateKind::Daily);
        assert!((convert(11.7, Currency::Eur, Currency::Usd, &r) - 13.740_48).abs() < 1e-9);
        assert!((convert(183.0, Currency::Usd, Currency::Eur, &r) - 183.0 / 1.1744).abs() < 1e-9);
        assert_eq!(convert(5.0, Currency::Usd, Currency::Usd, &r), 5.0);
    }
}
