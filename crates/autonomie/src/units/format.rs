//! Numbers, amounts and dates as a French or English reader expects them, from the
//! patterns of the table of words (`i18n::Formats`): this module holds the rules, the
//! table the words.
//!
//! Chosen forms (documented in README.md):
//! - English: `€11.7B`, `$183B`, `€500M`, `1,000`, `1.809 EFlop/s`, `561.2 PFlop/s`,
//!   `Sep 9, 2025`.
//! - French: `11,7 Md€`, `183 Md$`, `500 M€`, `1 000`, `1,809 Eflop/s`, `561,2 Pflop/s`,
//!   `9 sept. 2025`, with a no-break space (U+00A0) before the unit and a narrow no-break
//!   space (U+202F) between thousands.

use crate::units::date::Date;
use crate::units::i18n::{fill, Lang};
use crate::units::money::Currency;

/// How many digits to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Digits {
    /// A figure as its source gives it: every decimal it has (up to six, far more than
    /// any source gives), trailing zeros dropped. Never rounded to fewer.
    Source,
    /// A computed figure (a conversion): three significant digits.
    Computed,
    /// A figure as its source prints it, with this many decimals, trailing zeros kept
    /// (`1.000`); three fewer when it is shown in a unit a thousand times smaller.
    Fixed(u8),
}

impl Digits {
    /// The digits of the same figure in a unit a thousand times smaller (millions
    /// for billions, petaflop/s for exaflop/s).
    fn thousandfold(self) -> Digits {
        match self {
            Digits::Fixed(decimals) => Digits::Fixed(decimals.saturating_sub(3)),
            other => other,
        }
    }
}

/// What stands before a lower bound: `>` and a no-break space (`> €21B`). Said in
/// words (`Ui::MoreThan`) where a screen reader or a spreadsheet reads it.
pub const MORE_THAN: &str = ">\u{a0}";

/// Formats a plain number.
pub fn number(value: f64, digits: Digits, lang: Lang) -> String {
    let decimals = match digits {
        Digits::Source => 6,
        Digits::Computed => significant_decimals(value, 3),
        Digits::Fixed(decimals) => usize::from(decimals),
    };
    let text = format!("{:.*}", decimals, value.abs());
    let trim = text.contains('.') && !matches!(digits, Digits::Fixed(_));
    let text = if trim { text.trim_end_matches('0').trim_end_matches('.') } else { &text };
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let (group, point) = (lang.formats().thousands, lang.formats().decimal);
    let mut out = String::new();
    if value < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('−');
    }
    let len = whole.len();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !fraction.is_empty() {
        out.push(point);
        out.push_str(fraction);
    }
    out
}

fn significant_decimals(value: f64, significant: i32) -> usize {
    if value == 0.0 || !value.is_finite() {
        return 0;
    }
    let magnitude = value.abs().log10().floor() as i32;
    (significant - 1 - magnitude).clamp(0, 6) as usize
}

/// Formats an amount given in billions: millions below one billion.
pub fn money(billions: f64, currency: Currency, digits: Digits, lang: Lang) -> String {
    let (amount, big) = if billions.abs() < 1.0 { (billions * 1000.0, false) } else { (billions, true) };
    let number = number(amount, if big { digits } else { digits.thousandfold() }, lang);
    let formats = lang.formats();
    let unit = if big { formats.billions } else { formats.millions };
    fill(formats.money, &[("symbol", currency.symbol()), ("number", &number), ("unit", unit)])
}

/// Formats a computing speed given in exaflop/s (10^18 floating-point operations per
/// second): petaflop/s below one exaflop/s, as the TOP500 list gives them.
pub fn flops(exaflops: f64, digits: Digits, lang: Lang) -> String {
    let (amount, prefix, digits) =
        if exaflops.abs() < 1.0 { (exaflops * 1000.0, "P", digits.thousandfold()) } else { (exaflops, "E", digits) };
    let number = number(amount, digits, lang);
    fill(lang.formats().flops, &[("number", &number), ("prefix", prefix)])
}

/// Formats a date at its own precision.
/// A date to the month at most: `juin 2023`, `Jun 2023` (a year alone stays a year).
pub fn month(date: Date, lang: Lang) -> String {
    self::date(Date { day: None, ..date }, lang)
}

pub fn date(date: Date, lang: Lang) -> String {
    let formats = lang.formats();
    let year = date.year.to_string();
    let Some(month) = date.month else { return year };
    let month = formats.months[usize::from(month.clamp(1, 12) - 1)];
    match date.day {
        None => fill(formats.month_year, &[("month", month), ("year", &year)]),
        Some(day) => {
            let day = if day == 1 { formats.first_day.to_owned() } else { day.to_string() };
            fill(formats.day_month_year, &[("day", &day), ("month", month), ("year", &year)])
        }
    }
}

/// Formats an exchange rate: `€1 = $1.1744` or `1 € = 1,1744 $`.
pub fn rate(usd_per_eur: f64, lang: Lang) -> String {
    let text = format!("{usd_per_eur:.4}").replace('.', &lang.formats().decimal.to_string());
    fill(lang.formats().rate, &[("rate", &text)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(actual: String, expected: &str) {
        let actual = actual.replace('\u{a0}', " ").replace('\u{202f}', "_");
        assert_eq!(actual, expected);
    }

    #[test]
    fn money_in_both_languages() {
        let cases = [
            (11.7, Currency::Eur, Digits::Source, "€11.7B", "11,7 Md€"),
            (183.0, Currency::Usd, Digits::Source, "$183B", "183 Md$"),
            (500.0, Currency::Usd, Digits::Source, "$500B", "500 Md$"),
            (0.5, Currency::Eur, Digits::Source, "€500M", "500 M€"),
            (0.24, Currency::Eur, Digits::Source, "€240M", "240 M€"),
            (0.105, Currency::Eur, Digits::Source, "€105M", "105 M€"),
            (109.08, Currency::Usd, Digits::Source, "$109.08B", "109,08 Md$"),
            (183.0 / 1.1646, Currency::Eur, Digits::Computed, "€157B", "157 Md€"),
            (11.7 * 1.1744, Currency::Usd, Digits::Computed, "$13.7B", "13,7 Md$"),
            (0.5 * 1.0469, Currency::Usd, Digits::Computed, "$523M", "523 M$"),
            (1234.6, Currency::Usd, Digits::Computed, "$1,235B", "1_235 Md$"),
        ];
        for (value, currency, digits, en, fr) in cases {
            check(money(value, currency, digits, Lang::En), en);
            check(money(value, currency, digits, Lang::Fr), fr);
        }
    }

    #[test]
    fn source_figures_keep_every_decimal() {
        check(number(1.809, Digits::Source, Lang::En), "1.809");
        check(number(2.1984, Digits::Source, Lang::Fr), "2,1984");
        check(number(1.0, Digits::Source, Lang::En), "1");
        check(number(0.000_001, Digits::Source, Lang::En), "0.000001");
    }

    #[test]
    fn computing_speeds_in_exaflops_or_petaflops() {
        check(flops(1.809, Digits::Source, Lang::En), "1.809 EFlop/s");
        check(flops(1.809, Digits::Source, Lang::Fr), "1,809 Eflop/s");
        check(flops(1.0, Digits::Source, Lang::En), "1 EFlop/s");
        check(flops(0.5612, Digits::Source, Lang::En), "561.2 PFlop/s");
        check(flops(0.44201, Digits::Source, Lang::Fr), "442,01 Pflop/s");
        check(flops(0.7934, Digits::Source, Lang::En), "793.4 PFlop/s");
    }

    #[test]
    fn figures_keep_the_decimals_their_source_prints() {
        check(flops(1.0, Digits::Fixed(3), Lang::En), "1.000 EFlop/s");
        check(flops(1.0, Digits::Fixed(3), Lang::Fr), "1,000 Eflop/s");
        check(flops(0.5612, Digits::Fixed(4), Lang::En), "561.2 PFlop/s");
        check(money(5.9, Currency::Usd, Digits::Fixed(2), Lang::Fr), "5,90 Md$");
        check(money(1.2, Currency::Usd, Digits::Fixed(2), Lang::En), "$1.20B");
        check(money(0.25, Currency::Eur, Digits::Fixed(2), Lang::En), "€250M");
        check(number(40.0, Digits::Fixed(0), Lang::En), "40");
    }

    #[test]
    fn plain_numbers_group_thousands() {
        check(number(40.0, Digits::Source, Lang::En), "40");
        check(number(12345.0, Digits::Source, Lang::En), "12,345");
        check(number(12345.0, Digits::Source, Lang::Fr), "12_345");
        check(number(1000.0, Digits::Source, Lang::Fr), "1_000");
        check(number(1.36, Digits::Source, Lang::Fr), "1,36");
        check(number(-2.5, Digits::Source, Lang::En), "−2.5");
    }

    #[test]
    fn dates_and_rates() {
        let day = Date::parse("2025-09-09").unwrap();
        assert_eq!(date(day, Lang::En), "Sep 9, 2025");
        assert_eq!(date(day, Lang::Fr), "9 sept. 2025");
        assert_eq!(date(Date::parse("2023-04").unwrap(), Lang::Fr), "avr. 2023");
        assert_eq!(date(Date::parse("2024-02-01").unwrap(), Lang::Fr), "1er févr. 2024");
        assert_eq!(date(Date::parse("2024").unwrap(), Lang::En), "2024");
        check(rate(1.1744, Lang::En), "€1 = $1.1744");
        check(rate(1.159, Lang::Fr), "1 € = 1,1590 $");
    }
}
