//! Chart: what the reader chose ([`state::ViewState`]), what is shown for it
//! ([`figure::Figure`]: converted, formatted, sourced), and its words for a screen
//! reader, the data table and the CSV ([`describe`]). Uses [`crate::data`] and
//! [`crate::units`] only: no pixel here.

pub mod describe;
pub mod figure;
pub mod state;
