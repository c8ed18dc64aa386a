//! Units: dates, money and ECB rates, number formats, languages. The lowest layer: it
//! imports nothing else of the crate.

pub mod date;
pub mod format;
pub mod i18n;
pub mod money;
