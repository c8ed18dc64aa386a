//! One change, one answer: [`Change`] is what the page asks (any of view, scale,
//! currency, language, hidden series, one series shown or hidden or flipped), and
//! [`Answer`] is everything the page needs after it: the new state, which parts of the
//! chart are dirty ([`Part`]), computed here from what the session last answered for
//! each part, and the data of exactly those parts. The page holds no copy of the state;
//! it updates the parts it is told, and draws when the canvas is dirty.

use crate::chart::describe::Table;
use crate::session::shape::{answer_type, Fields, TypeScript};

answer_type! {
    /// What the page asks to change: every field is optional, and they apply in this
    /// order (a view first, since it brings its own scale and forgets hidden series it
    /// does not have). Either all apply or, on an error, none.
    pub struct Change {
        /// A view id of the chart.
        pub view: Option<String>,
        /// `linear` or `log`.
        pub scale: Option<String> as "'linear' | 'log' | null",
        /// `EUR` or `USD`.
        pub currency: Option<String> as "'EUR' | 'USD' | null",
        /// `fr` or `en`.
        pub lang: Option<String> as "'fr' | 'en' | null",
        /// Exactly the series to hide (every other series of the view is shown).
        pub hidden: Option<Vec<String>>,
        /// One series shown (`visible: true`) or hidden.
        pub series: Option<SeriesChange>,
        /// One series flipped: shown if hidden, hidden if shown.
        pub toggle: Option<String>,
    }
}

answer_type! {
    /// One series shown or hidden ([`Change::series`]).
    pub struct SeriesChange {
        /// The series' key.
        pub key: String,
        /// Shown or hidden.
        pub visible: bool,
    }
}

/// A part of the chart that the page updates on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The view, currency and scale switches ([`Controls`]).
    Controls,
    /// The series' buttons ([`Legend`]).
    Legend,
    /// Notes, rates, unconverted amounts and dates under the canvas ([`Notes`]).
    Notes,
    /// The sources under the canvas ([`Sources`]).
    Sources,
    /// What a screen reader reads: the canvas's label, the description, the table
    /// ([`Reading`]).
    Reading,
    /// The drawing itself: the page draws again on its next frame.
    Canvas,
}

impl Part {
    /// Every part, in the order the page updates them.
    pub const ALL: [Part; 6] = [Part::Controls, Part::Legend, Part::Notes, Part::Sources, Part::Reading, Part::Canvas];

    /// The part's name in an [`Answer`]'s `dirty` list.
    pub fn name(self) -> &'static str {
        match self {
            Part::Controls => "controls",
            Part::Legend => "legend",
            Part::Notes => "notes",
            Part::Sources => "sources",
            Part::Reading => "reading",
            Part::Canvas => "canvas",
        }
    }
}

answer_type! {
    /// What the reader chose (the state the wasm keeps; the page holds no copy).
    pub struct State {
        /// The chart's id.
        pub chart: String,
        /// The view's id.
        pub view: String,
        /// The scale.
        pub scale: String as "'linear' | 'log'",
        /// The currency amounts are shown in.
        pub currency: String as "'EUR' | 'USD'",
        /// The language of every text.
        pub lang: String as "'fr' | 'en'",
        /// The keys of the hidden series.
        pub hidden: Vec<String>,
    }
}

answer_type! {
    /// An entry of the view switch.
    pub struct ViewChoice {
        /// The view's id.
        pub id: String,
        /// Its label.
        pub label: String,
        /// Whether it is shown.
        pub active: bool,
    }
}

answer_type! {
    /// The view, currency and scale switches.
    pub struct Controls {
        /// The words' language.
        pub lang: String as "'fr' | 'en'",
        /// The chart's views.
        pub views: Vec<ViewChoice>,
        /// Whether the view shows amounts of money (the currency switch is shown).
        pub money: bool,
        /// The currency chosen.
        pub currency: String as "'EUR' | 'USD'",
        /// The scale chosen.
        pub scale: String as "'linear' | 'log'",
    }
}

answer_type! {
    /// A series' button.
    pub struct LegendEntry {
        /// The series' key.
        pub key: String,
        /// Its label.
        pub label: String,
        /// Its colour, `#rrggbb`.
        pub color: String,
        /// Whether it is drawn.
        pub visible: bool,
    }
}

answer_type! {
    /// The series' buttons.
    pub struct Legend {
        /// The words' language.
        pub lang: String as "'fr' | 'en'",
        /// One entry per series of the view.
        pub entries: Vec<LegendEntry>,
    }
}

answer_type! {
    /// The notes under the canvas.
    pub struct Notes {
        /// The words' language.
        pub lang: String as "'fr' | 'en'",
        /// Notes about what is drawn.
        pub notes: Vec<String>,
        /// The ECB rates used, as sentences.
        pub rates: Vec<String>,
        /// Amounts shown in their own currency, with the reason.
        pub unconverted: Vec<String>,
        /// The date of the view's newest figure.
        pub newest: Option<String>,
        /// When the sources were last checked.
        pub checked: String,
    }
}

answer_type! {
    /// A published document, its dates in the reader's language.
    pub struct Source {
        /// Its key in the dataset (in the list of every source only).
        pub key: Option<String>,
        /// Who published it.
        pub publisher: String,
        /// What kind of publisher, in words ("wire service").
        pub kind: String,
        /// Its title.
        pub title: String,
        /// Its address.
        pub url: String,
        /// When it was published.
        pub date: String,
        /// A note about that date.
        pub date_note: Option<String>,
    }
}

answer_type! {
    /// The sources of what is drawn.
    pub struct Sources {
        /// The words' language.
        pub lang: String as "'fr' | 'en'",
        /// Each source once.
        pub list: Vec<Source>,
    }
}

answer_type! {
    /// What is shown as a table of texts.
    pub struct TableText {
        /// Caption: the chart's title and subtitle.
        pub caption: String,
        /// Column headings.
        pub headers: Vec<String>,
        /// One row per drawn item, in drawing order.
        pub rows: Vec<Vec<String>>,
    }
}

impl From<Table> for TableText {
    fn from(table: Table) -> TableText {
        TableText { caption: table.caption, headers: table.headers, rows: table.rows }
    }
}

answer_type! {
    /// What a screen reader reads of the canvas.
    pub struct Reading {
        /// The words' language.
        pub lang: String as "'fr' | 'en'",
        /// The chart's title.
        pub title: String,
        /// Its subtitle.
        pub subtitle: String,
        /// The canvas's accessible name.
        pub label: String,
        /// A description of what is drawn, a few sentences.
        pub description: String,
        /// The data table of what is drawn.
        pub table: TableText,
    }
}

answer_type! {
    /// Everything the page needs after a change: the state, the dirty parts (computed by
    /// the session from what it last answered) and the data of exactly those parts.
    pub struct Answer {
        /// The state after the change.
        pub state: State,
        /// Whether the state differs from before the change.
        pub changed: bool,
        /// The parts to update, in order.
        pub dirty: Vec<String> as "Part[]",
        /// When `controls` is dirty.
        pub controls: Option<Controls>,
        /// When `legend` is dirty.
        pub legend: Option<Legend>,
        /// When `notes` is dirty.
        pub notes: Option<Notes>,
        /// When `sources` is dirty.
        pub sources: Option<Sources>,
        /// When `reading` is dirty.
        pub reading: Option<Reading>,
        /// The sentence the live region says: the new state's title and subtitle, when
        /// the state changed (not in the first answer).
        pub announcement: Option<String>,
    }
}

/// The answer types, in the order the written declarations list them.
pub fn declared() -> Vec<(&'static str, &'static str, Vec<crate::session::shape::Field>)> {
    fn one<T: Fields + TypeScript>() -> (&'static str, &'static str, Vec<crate::session::shape::Field>) {
        (T::NAME, T::DOC, T::fields())
    }
    vec![
        one::<Change>(),
        one::<SeriesChange>(),
        one::<State>(),
        one::<ViewChoice>(),
        one::<Controls>(),
        one::<LegendEntry>(),
        one::<Legend>(),
        one::<Notes>(),
        one::<Source>(),
        one::<Sources>(),
        one::<TableText>(),
        one::<Reading>(),
        one::<Answer>(),
    ]
}
