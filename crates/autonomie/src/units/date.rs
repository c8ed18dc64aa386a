//! Calendar dates at the precision the sources give: a year, a month or a day.

use std::cmp::Ordering;

/// A date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    /// Year, 1900..=2100.
    pub year: u16,
    /// Month 1..=12, when known.
    pub month: Option<u8>,
    /// Day of month, when known (only with a month).
    pub day: Option<u8>,
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` for anything else, including
    /// impossible days such as `2025-02-30`.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let year = parse_digits(parts.next()?, 4)?;
        let month = match parts.next() {
            Some(m) => Some(parse_digits(m, 2)?),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => Some(parse_digits(d, 2)?),
            None => None,
        };
        if parts.next().is_some() || !(1900..=2100).contains(&year) {
            return None;
        }
        let date = Date { year, month: month.map(|m| m as u8), day: day.map(|d| d as u8) };
        if let Some(m) = date.month {
            if !(1..=12).contains(&m) {
                return None;
            }
            if let Some(d) = date.day {
                if d == 0 || d > days_in_month(year, m) {
                    return None;
                }
            }
        }
        Some(date)
    }

    /// Position on a time axis in fractional years: the middle of the period a
    /// month- or year-precision date covers, the start of the day otherwise.
    pub fn as_year_fraction(self) -> f64 {
        let year = f64::from(self.year);
        match (self.month, self.day) {
            (None, _) => year + 0.5,
            (Some(m), None) => year + (f64::from(m) - 0.5) / 12.0,
            (Some(m), Some(d)) => {
                let before: u32 = (1..m).map(|k| u32::from(days_in_month(self.year, k))).sum();
                let total = if is_leap(self.year) { 366.0 } else { 365.0 };
                year + (f64::from(before) + f64::from(d) - 1.0) / total
            }
        }
    }

    /// Days since 1970-01-01 of the first day the date covers.
    pub fn first_day_number(self) -> i64 {
        let month = self.month.unwrap_or(1);
        let day = self.day.unwrap_or(1);
        let before_year: i64 = (1970..i64::from(self.year)).map(|y| if is_leap(y as u16) { 366 } else { 365 }).sum();
        let before_month: i64 = (1..month).map(|k| i64::from(days_in_month(self.year, k))).sum();
        before_year + before_month + i64::from(day) - 1
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Date {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0)).cmp(&(
            other.year,
            other.month.unwrap_or(0),
            other.day.unwrap_or(0),
        ))
    }
}

fn parse_digits(text: &str, len: usize) -> Option<u16> {
    if text.len() != len || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_precisions_and_rejects_the_rest() {
        assert_eq!(Date::parse("2024"), Some(Date { year: 2024, month: None, day: None }));
        assert_eq!(Date::parse("2023-04").map(|d| d.to_string()), Some("2023-04".into()));
        assert_eq!(Date::parse("2025-09-09").map(|d| d.to_string()), Some("2025-09-09".into()));
        for bad in ["", "24", "2024-13", "2025-02-29", "2024-1-01", "2024-01-01-01", "soon", "2024-00"] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2024-02-29").is_some());
    }

    #[test]
    fn orders_and_places_dates_on_a_year_axis() {
        let a = Date::parse("2023-12-10").unwrap();
        let b = Date::parse("2024-02-16").unwrap();
        assert!(a < b);
        assert!((Date::parse("2024").unwrap().as_year_fraction() - 2024.5).abs() < 1e-9);
        assert!((Date::parse("2025-01-01").unwrap().as_year_fraction() - 2025.0).abs() < 1e-9);
        assert_eq!(Date::parse("1970-01-02").unwrap().first_day_number(), 1);
        assert_eq!(b.first_day_number() - Date::parse("2024-02-12").unwrap().first_day_number(), 4);
    }
}
