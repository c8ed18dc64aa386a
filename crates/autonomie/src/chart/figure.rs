//! What one chart shows in one state, resolved to display values and strings.
//!
//! [`Figure::build`] does every conversion and formatting; the layout
//! ([`crate::layout`]) then only places and [`crate::draw`] only draws. The page's legend, notes and source list come from the same
//! figure, so the canvas and the HTML around it cannot disagree.

use crate::chart::state::ViewState;
use crate::data::model::{
    Basis, Chart, Dataset, Deal, GroupId, Measure, Point, RateId, Scale, Series, SourceId, View, ViewKind,
};
use crate::error::Error;
use crate::units::date::Date;
use crate::units::format;
use crate::units::i18n::{Lang, Ui};
use crate::units::money::{Currency, RateKind};

mod item;
use item::resolve_item;

/// The sign drawn after the value or beside the marker of a figure that rests on weak
/// sources (a blog or an aggregator only); the key and the tooltip say it in words.
pub const WEAK_SIGN: &str = "?";

/// Colour as red, green, blue.
pub type Rgb = (u8, u8, u8);

/// How reliable a figure is (its basis, its deal, or a sum), which its drawn mark shows
/// (solid, hollow, hatched, outlined) so that the reader can tell how solid it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reliability {
    /// A published statistic with no basis to tell apart: solid, and not in the key.
    Plain,
    /// Announced by the company or publisher: solid.
    Official,
    /// Reported by the press: light with an outline (hollow marker).
    PressReported,
    /// Price of a sale of existing shares: hatched bar, diamond marker.
    Secondary,
    /// Reported secondary sale: hatched bar, hollow diamond.
    PressReportedSecondary,
    /// A regional total overlapping other bars: outline only.
    Aggregate,
}

impl Reliability {
    fn of(point: &Point, aggregate: bool) -> Reliability {
        let secondary = point.deal == Some(Deal::Secondary);
        match (aggregate, secondary, point.basis) {
            (true, _, _) => Reliability::Aggregate,
            (false, true, Some(Basis::PressReported)) => Reliability::PressReportedSecondary,
            (false, true, _) => Reliability::Secondary,
            (false, false, Some(Basis::PressReported)) => Reliability::PressReported,
            (false, false, Some(Basis::Official)) => Reliability::Official,
            (false, false, None) => Reliability::Plain,
        }
    }

    /// Its name in the file format (a note's `marks`, the reliabilities it is about).
    pub fn name(self) -> &'static str {
        match self {
            Reliability::Plain => "plain",
            Reliability::Official => "official",
            Reliability::PressReported => "press-reported",
            Reliability::Secondary => "secondary",
            Reliability::PressReportedSecondary => "press-reported-secondary",
            Reliability::Aggregate => "aggregate",
        }
    }

    /// How the reader should take the figure, in words; `None` for a plain statistic.
    pub fn describe(self, lang: Lang) -> Option<&'static str> {
        Some(match (self, lang) {
            (Reliability::Plain, _) => return None,
            (Reliability::Official, _) => Ui::Official.get(lang),
            (Reliability::PressReported, _) => Ui::PressReported.get(lang),
            (Reliability::Secondary, _) => Ui::SecondarySale.get(lang),
            (Reliability::PressReportedSecondary, _) => Ui::PressReportedSecondary.get(lang),
            (Reliability::Aggregate, _) => Ui::RegionalTotal.get(lang),
        })
    }

    /// Whether the figure came from the press rather than from the company.
    pub fn is_press_reported(self) -> bool {
        matches!(self, Reliability::PressReported | Reliability::PressReportedSecondary)
    }

    /// Whether the figure is the price of a secondary sale.
    pub fn is_secondary(self) -> bool {
        matches!(self, Reliability::Secondary | Reliability::PressReportedSecondary)
    }
}

/// An item's place in [`Figure::items`] order: what a layout's hit points at, and the
/// number the page gets for the item under the pointer and hands back for its tooltip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemIndex(usize);

impl ItemIndex {
    /// The `index`-th item.
    pub fn new(index: usize) -> ItemIndex {
        ItemIndex(index)
    }

    /// Its place, from 0.
    pub fn get(self) -> usize {
        self.0
    }
}

/// One drawn value: a bar, or a point of a timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Label of its series.
    pub label: String,
    /// Value in the display currency (or the count).
    pub value: f64,
    /// The value as text, with the source figure when converted: `≈157 Md€ (183 Md$)`.
    pub value_text: String,
    /// The value alone as text: `≈157 Md€`.
    pub shown_text: String,
    /// The figure as published, when it was converted: `183 Md$`.
    pub published_text: Option<String>,
    /// The figure as published, a number.
    pub published_value: f64,
    /// Its currency, for money.
    pub published_currency: Option<Currency>,
    /// The ECB rate used to convert it, if it was.
    pub rate: Option<RateId>,
    /// Panel heading, for bars of a view with several panels.
    pub group: Option<String>,
    /// Short description of the figure from the dataset.
    pub note: Option<String>,
    /// Date the figure refers to.
    pub date: Date,
    /// How to draw it.
    pub reliability: Reliability,
    /// Colour of its series.
    pub color: Rgb,
    /// Its sources, the strongest first.
    pub sources: Vec<SourceId>,
    /// Whether the value is only a lower bound: every text of it starts with
    /// [`format::MORE_THAN`].
    pub lower_bound: bool,
    /// Whether it rests on a blog or an aggregator only: drawn with a mark, said in words.
    pub weak: bool,
    /// The split of the amount, as text: `EuroHPC (UE) 250 M€ · …`.
    pub parts: Option<String>,
    /// Why the amount is shown in its own currency rather than the one chosen (no rate
    /// is available for its date): it is then not drawn on the value axis.
    pub unconverted: Option<String>,
}

impl Item {
    /// Whether the item has a place on the value axis (an amount without a rate, shown
    /// in a currency other than the axis's, has none).
    pub fn on_axis(&self) -> bool {
        self.unconverted.is_none()
    }
}

/// A panel of bars.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    /// Heading (the group label); empty when the view has a single panel.
    pub heading: String,
    /// Bars, top to bottom.
    pub bars: Vec<Item>,
}

/// A line of a timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Series label.
    pub label: String,
    /// Colour.
    pub color: Rgb,
    /// Points in date order.
    pub points: Vec<Item>,
}

/// A legend entry, for the page's show/hide buttons.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    /// Series key.
    pub key: String,
    /// Label.
    pub label: String,
    /// Colour.
    pub color: Rgb,
    /// Drawn or hidden.
    pub visible: bool,
}

/// Everything one state of one chart shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Chart title.
    pub title: String,
    /// View subtitle.
    pub subtitle: String,
    /// Value axis label.
    pub axis_label: String,
    /// Bars or timeline.
    pub kind: ViewKind,
    /// Counts or money.
    pub measure: Measure,
    /// Scale.
    pub scale: Scale,
    /// Display currency.
    pub currency: Currency,
    /// Language.
    pub lang: Lang,
    /// Bar panels (bar views).
    pub panels: Vec<Panel>,
    /// Lines (timelines).
    pub lines: Vec<Line>,
    /// Legend.
    pub legend: Vec<LegendEntry>,
    /// The reliabilities drawn, for the key under the plot.
    pub reliabilities: Vec<Reliability>,
    /// Notes for the page.
    pub notes: Vec<String>,
    /// One line per exchange rate used: `€1 = $1.1744 (Sep 9, 2025)`.
    pub rates: Vec<String>,
    /// The sources behind what is drawn, in first-use order.
    pub sources: Vec<SourceId>,
    /// Amounts shown in their own currency, not converted, with the reason: one sentence
    /// per reason.
    pub unconverted: Vec<String>,
    /// Date of the newest figure of the view (whichever series are shown).
    pub newest: Option<Date>,
}

impl Figure {
    /// Resolves `state` against `dataset`.
    pub fn build(dataset: &Dataset, state: &ViewState) -> Result<Figure, Error> {
        let (chart, view) = state.resolve(dataset)?;
        let lang = state.lang;
        let mut figure = Figure::start(chart, view, state);
        let mut rates_used: Vec<RateId> = Vec::new();
        let mut items_of = |series: &Series, point: &Point| -> Item {
            let item = resolve_item(dataset, state, &series.label, series.color, series.aggregate, point);
            if let (Some(from), Some(rate)) = (point.currency, point.rate) {
                if from != state.currency && !rates_used.contains(&rate) {
                    rates_used.push(rate);
                }
            }
            item
        };
        match view.kind {
            ViewKind::Bars => {
                for (group_index, group) in view.groups.iter().enumerate() {
                    let bars: Vec<Item> = view
                        .series
                        .iter()
                        .filter(|s| state.is_visible(&s.key))
                        .flat_map(|s| {
                            s.points.iter().filter(|p| p.group == Some(GroupId(group_index))).map(move |p| (s, p))
                        })
                        .map(|(s, p)| items_of(s, p))
                        .collect();
                    if !bars.is_empty() {
                        let heading =
                            if view.groups.len() > 1 { group.label.get(lang).to_owned() } else { String::new() };
                        figure.panels.push(Panel { heading, bars });
                    }
                }
            }
            ViewKind::Timeline => {
                for series in view.series.iter().filter(|s| state.is_visible(&s.key)) {
                    let points = series.points.iter().map(|p| items_of(series, p)).collect();
                    figure.lines.push(Line { label: series.label.get(lang).to_owned(), color: series.color, points });
                }
            }
        }
        rates_used.sort_by_key(|&r| dataset.rate(r).rate.date);
        figure.rates = rate_lines(dataset, &rates_used, lang);
        let items: Vec<&Item> =
            figure.panels.iter().flat_map(|p| &p.bars).chain(figure.lines.iter().flat_map(|l| &l.points)).collect();
        for item in &items {
            if item.on_axis() && !figure.reliabilities.contains(&item.reliability) {
                figure.reliabilities.push(item.reliability);
            }
        }
        figure.notes = notes_for(view, &figure.reliabilities, lang);
        figure.unconverted = unconverted_lines(&items, lang);
        let part_sources = view
            .series
            .iter()
            .filter(|s| state.is_visible(&s.key))
            .flat_map(|s| &s.points)
            .flat_map(|p| p.parts.iter().map(|part| part.source));
        let rate_sources = rates_used.iter().map(|&r| dataset.rate(r).source);
        let mut sources: Vec<SourceId> = Vec::new();
        let item_sources = items.iter().flat_map(|i| i.sources.iter().copied());
        for source in item_sources.chain(part_sources).chain(rate_sources) {
            if !sources.contains(&source) {
                sources.push(source);
            }
        }
        figure.sources = sources;
        Ok(figure)
    }

    /// The figure of `view` with its titles and legend, nothing drawn yet.
    fn start(chart: &Chart, view: &View, state: &ViewState) -> Figure {
        let lang = state.lang;
        Figure {
            title: chart.title.get(lang).to_owned(),
            subtitle: view.title.get(lang).to_owned(),
            axis_label: view.axis.get(lang).to_owned(),
            kind: view.kind,
            measure: view.measure,
            scale: state.scale,
            currency: state.currency,
            lang,
            panels: Vec::new(),
            lines: Vec::new(),
            legend: view
                .series
                .iter()
                .map(|s| LegendEntry {
                    key: s.key.clone(),
                    label: s.label.get(lang).to_owned(),
                    color: s.color,
                    visible: state.is_visible(&s.key),
                })
                .collect(),
            reliabilities: Vec::new(),
            notes: Vec::new(),
            rates: Vec::new(),
            sources: Vec::new(),
            unconverted: Vec::new(),
            newest: view.newest(),
        }
    }

    /// Every drawn item, bars then points.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.panels.iter().flat_map(|p| &p.bars).chain(self.lines.iter().flat_map(|l| &l.points))
    }

    /// The item at `index` in [`Figure::items`] order.
    pub fn item(&self, index: ItemIndex) -> Option<&Item> {
        self.items().nth(index.0)
    }

    /// Whether nothing is drawn (every series hidden).
    pub fn is_empty(&self) -> bool {
        self.items().next().is_none()
    }

    /// The short source line drawn under the plot: `Source: Stanford HAI (Apr 2025)`.
    pub fn source_line(&self, dataset: &Dataset) -> String {
        let mut parts: Vec<String> = Vec::new();
        for &id in &self.sources {
            let source = dataset.source(id);
            let text = format!("{} ({})", source.publisher.get(self.lang), format::date(source.date, self.lang));
            if !parts.contains(&text) {
                parts.push(text);
            }
        }
        let prefix = if parts.len() > 1 { Ui::Sources } else { Ui::Source };
        format!("{} {}", prefix.get(self.lang), parts.join(self.lang.list_separator()))
    }

    /// When the figures are from, and when they were checked, drawn under the plot:
    /// `Newest figure: May 28, 2026; sources checked on Nov 29, 2026.`
    pub fn dates_line(&self, dataset: &Dataset) -> String {
        let checked = format!("{} {}", Ui::SourcesChecked.get(self.lang), format::date(dataset.checked, self.lang));
        match self.newest {
            Some(newest) => format!(
                "{} {}{}{checked}.",
                Ui::NewestFigure.get(self.lang),
                format::date(newest, self.lang),
                self.lang.list_separator()
            ),
            // "Sources checked on …": both languages start with an ASCII letter (and
            // char::to_uppercase would bring Unicode's case tables into the wasm).
            None => {
                let mut text = format!("{checked}.");
                text[..1].make_ascii_uppercase();
                text
            }
        }
    }
}

/// One line per exchange rate used (`rates`, in date order): `€1 = $1.1744 (Sep 9, 2025)`.
fn rate_lines(dataset: &Dataset, rates: &[RateId], lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    for &id in rates {
        let rate = &dataset.rate(id).rate;
        let when = format::date(rate.date, lang);
        let kind = match rate.kind {
            RateKind::Daily => "",
            RateKind::MonthlyMean => Ui::MonthlyMean.get(lang),
            RateKind::AnnualMean => Ui::AnnualMean.get(lang),
        };
        lines.push(format!("{} ({when}{kind})", format::rate(rate.usd_per_eur, lang)));
    }
    lines
}

/// The notes of `view`: a note about a reliability only when a figure of it is drawn.
fn notes_for(view: &View, drawn: &[Reliability], lang: Lang) -> Vec<String> {
    view.notes
        .iter()
        .filter(|note| note.marks.is_empty() || drawn.iter().any(|r| note.marks.iter().any(|n| n == r.name())))
        .map(|note| note.text.get(lang).to_owned())
        .collect()
}

/// The amounts shown in their own currency, one sentence per reason.
fn unconverted_lines(items: &[&Item], lang: Lang) -> Vec<String> {
    let mut reasons: Vec<(&str, Vec<String>)> = Vec::new();
    for item in items {
        let Some(reason) = item.unconverted.as_deref() else { continue };
        let entry = format!("{} {} ({})", item.label, item.shown_text, format::date(item.date, lang));
        match reasons.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, entries)) => entries.push(entry),
            None => reasons.push((reason, vec![entry])),
        }
    }
    reasons
        .into_iter()
        .map(|(reason, entries)| {
            format!("{} {}. {reason}", Ui::NotConvertedIntro.get(lang), entries.join(lang.list_separator()))
        })
        .collect()
}
