//! How a [`Session`](crate::session::Session) answers: a change applied to a state, the
//! parts of an answer (each dirty only when it differs from what was last answered),
//! a tooltip's item, the list of every source, and the embedded dataset, read once per
//! page in two steps.

use std::cell::RefCell;
use std::rc::Rc;

use crate::chart::describe;
use crate::chart::figure::{Figure, ItemIndex, WEAK_SIGN};
use crate::chart::state::ViewState;
use crate::data::model::{Dataset, Measure};
use crate::data::spec::DatasetSpec;
use crate::error::Error;
use crate::layout::plan::Plan;
use crate::session::answer::{
    Answer, Change, Controls, Legend, LegendEntry, Notes, Part, Reading, Source, Sources, State, ViewChoice,
};
use crate::session::shape::answer_type;
use crate::session::to_json;
use crate::units::format;
use crate::units::i18n::{Lang, Ui};

/// The language of `code` (`fr` or `en`); the default when absent.
pub(crate) fn lang_from(code: Option<&str>) -> Result<Lang, Error> {
    match code {
        None => Ok(Lang::default()),
        Some(code) => Lang::parse(code).ok_or_else(|| Error::UnknownOption {
            option: "language",
            value: code.to_owned(),
            expected: Lang::ALL.iter().map(|l| l.code().to_owned()).collect(),
        }),
    }
}

/// Applies `change` to `state`, field by field in [`Change`]'s order.
pub(crate) fn apply(state: &mut ViewState, dataset: &Dataset, change: &Change) -> Result<(), Error> {
    if let Some(view) = &change.view {
        state.set_view(dataset, view)?;
    }
    if let Some(scale) = &change.scale {
        state.set_scale(scale)?;
    }
    if let Some(currency) = &change.currency {
        state.set_currency(currency)?;
    }
    if let Some(lang) = &change.lang {
        state.set_lang(lang)?;
    }
    if let Some(hidden) = &change.hidden {
        let (_, view) = state.resolve(dataset)?;
        let keys: Vec<String> = view.series.iter().map(|s| s.key.clone()).collect();
        for key in &keys {
            state.set_series_visible(dataset, key, !hidden.contains(key))?;
        }
        for key in hidden {
            state.set_series_visible(dataset, key, false)?;
        }
    }
    if let Some(series) = &change.series {
        state.set_series_visible(dataset, &series.key, series.visible)?;
    }
    if let Some(key) = &change.toggle {
        let visible = !state.is_visible(key);
        state.set_series_visible(dataset, key, visible)?;
    }
    Ok(())
}

/// What the last answer said of each part (its JSON), and the state it was for.
#[derive(Debug, Clone, Default)]
pub(crate) struct Answered {
    parts: [Option<String>; 5],
    state: Option<ViewState>,
}

impl Answered {
    /// Whether `part`, which would now say `json`, differs from the last answer; keeps
    /// `json` as the last answer.
    fn dirty(&mut self, part: Part, json: String) -> bool {
        let slot = &mut self.parts[Part::ALL.iter().position(|p| *p == part).unwrap_or(0)];
        let dirty = slot.as_deref() != Some(json.as_str());
        *slot = Some(json);
        dirty
    }
}

/// The answer for `state`, given `answered`: every part whose data differs from what
/// `answered` holds, and the canvas when the state differs from the one last answered.
pub(crate) fn answer(
    dataset: &Dataset,
    state: &ViewState,
    figure: &Figure,
    answered: &mut Answered,
    changed: bool,
) -> Result<Answer, Error> {
    let lang = state.lang;
    let code = lang.code().to_owned();
    let first = answered.state.is_none();
    let mut dirty = Vec::new();
    let mut keep = |part: Part, json: String| {
        let is_dirty = answered.dirty(part, json);
        if is_dirty {
            dirty.push(part.name().to_owned());
        }
        is_dirty
    };
    let controls = controls(dataset, state)?;
    let controls = keep(Part::Controls, to_json(&controls)).then_some(controls);
    let legend = Legend { lang: code.clone(), entries: figure.legend.iter().map(legend_entry).collect() };
    let legend = keep(Part::Legend, to_json(&legend)).then_some(legend);
    let notes = Notes {
        lang: code.clone(),
        notes: figure.notes.clone(),
        rates: figure.rates.clone(),
        unconverted: figure.unconverted.clone(),
        newest: figure.newest.map(|d| format::date(d, lang)),
        checked: format::date(dataset.checked, lang),
    };
    let notes = keep(Part::Notes, to_json(&notes)).then_some(notes);
    let list = figure.sources.iter().map(|&s| source(dataset.source(s), lang, false)).collect();
    let sources = Sources { lang: code.clone(), list };
    let sources = keep(Part::Sources, to_json(&sources)).then_some(sources);
    let reading = Reading {
        lang: code,
        title: figure.title.clone(),
        subtitle: figure.subtitle.clone(),
        label: format!("{}. {} ({})", figure.title, figure.subtitle, Ui::CanvasHint.get(lang)),
        description: describe::description(figure),
        table: describe::table(figure, dataset).into(),
    };
    let reading = keep(Part::Reading, to_json(&reading)).then_some(reading);
    // A change of state after the first answer is said once, in the live region.
    let announcement = (changed && !first).then(|| format!("{}. {}", figure.title, figure.subtitle));
    if answered.state.as_ref() != Some(state) {
        dirty.push(Part::Canvas.name().to_owned());
        answered.state = Some(state.clone());
    }
    Ok(Answer { state: state_of(state), changed, dirty, controls, legend, notes, sources, reading, announcement })
}

/// The state as the page sees it.
pub(crate) fn state_of(state: &ViewState) -> State {
    State {
        chart: state.chart.clone(),
        view: state.view.clone(),
        scale: state.scale.name().to_owned(),
        currency: state.currency.code().to_owned(),
        lang: state.lang.code().to_owned(),
        hidden: state.hidden.clone(),
    }
}

fn controls(dataset: &Dataset, state: &ViewState) -> Result<Controls, Error> {
    let (chart, view) = state.resolve(dataset)?;
    let lang = state.lang;
    Ok(Controls {
        lang: lang.code().to_owned(),
        views: chart
            .views
            .iter()
            .map(|v| ViewChoice { id: v.id.clone(), label: v.label.get(lang).to_owned(), active: v.id == view.id })
            .collect(),
        money: view.measure == Measure::Money,
        currency: state.currency.code().to_owned(),
        scale: state.scale.name().to_owned(),
    })
}

fn legend_entry(entry: &crate::chart::figure::LegendEntry) -> LegendEntry {
    let (r, g, b) = entry.color;
    LegendEntry {
        key: entry.key.clone(),
        label: entry.label.clone(),
        color: format!("#{r:02x}{g:02x}{b:02x}"),
        visible: entry.visible,
    }
}

/// A cited document, its dates in `lang`; with its key in the list of every source.
fn source(source: &crate::data::model::Source, lang: Lang, with_key: bool) -> Source {
    Source {
        key: with_key.then(|| source.key.clone()),
        publisher: source.publisher.get(lang).to_owned(),
        kind: source.kind.words().get(lang).to_owned(),
        title: source.title.get(lang).to_owned(),
        url: source.url.clone(),
        date: format::date(source.date, lang),
        date_note: source.date_note.as_ref().map(|note| note.get(lang).to_owned()),
    }
}

answer_type! {
    /// What a tooltip shows about one item.
    pub struct ItemInfo {
        /// The language of its texts.
        pub lang: String as "'fr' | 'en'",
        /// The item's index.
        pub index: usize,
        /// How many items the figure has.
        pub count: usize,
        /// Its label.
        pub label: String,
        /// Its group (a panel or a year).
        pub group: Option<String>,
        /// Its value as shown.
        pub value: String,
        /// The published figure, when the value is converted.
        pub published: Option<String>,
        /// Its date.
        pub date: String,
        /// Its basis (announced, press-reported, secondary sale).
        pub basis: Option<String>,
        /// A note about it.
        pub note: Option<String>,
        /// Its parts, when it is a sum.
        pub parts: Option<String>,
        /// Why it is shown in its own currency.
        pub unconverted: Option<String>,
        /// Its sources, the strongest first.
        pub sources: Vec<Source>,
        /// Said when it rests on a blog or an aggregator only, after its drawn sign (`? weak source: …`).
        pub weak: Option<String>,
        /// Its box in the canvas's device pixels: x0, y0, x1, y1.
        pub rect: Option<[i32; 4]>,
    }
}

/// What a tooltip shows about item `index` of `figure` as laid out in `plan`.
pub(crate) fn item_info(
    dataset: &Dataset,
    figure: &Figure,
    plan: &Plan,
    index: ItemIndex,
    lang: Lang,
) -> Option<ItemInfo> {
    let item = figure.item(index)?;
    let rect = plan.hit(index).map(|h| h.rect);
    Some(ItemInfo {
        lang: lang.code().to_owned(),
        index: index.get(),
        count: figure.items().count(),
        label: item.label.clone(),
        group: item.group.clone(),
        value: if item.on_axis() { item.shown_text.clone() } else { item.value_text.clone() },
        published: item.published_text.clone(),
        date: format::date(item.date, lang),
        basis: item.reliability.describe(lang).map(str::to_owned),
        note: item.note.clone(),
        parts: item.parts.clone(),
        unconverted: item.unconverted.clone(),
        sources: item.sources.iter().map(|&s| source(dataset.source(s), lang, false)).collect(),
        weak: item.weak.then(|| format!("{WEAK_SIGN} {}", Ui::WeakSource.get(lang))),
        rect: rect.map(|[(x0, y0), (x1, y1)]| [x0, y0, x1, y1]),
    })
}

answer_type! {
    /// Every source of a dataset, for the page's sources section.
    pub struct AllSources {
        /// The day the sources were last checked.
        pub checked: String,
        /// The date of the newest figure of every chart.
        pub newest: Option<String>,
        /// Every source, with its key.
        pub sources: Vec<Source>,
    }
}

/// Every source of the dataset `json` (the embedded one when `None`), in the language
/// of code `lang`.
pub fn all_sources(json: Option<&str>, lang: Option<&str>) -> Result<AllSources, Error> {
    let lang = lang_from(lang)?;
    let dataset = dataset(json)?;
    Ok(AllSources {
        checked: format::date(dataset.checked, lang),
        newest: dataset.newest().map(|d| format::date(d, lang)),
        sources: dataset.sources().iter().map(|s| source(s, lang, true)).collect(),
    })
}

/// The chart ids of the dataset `json` (the embedded one when `None`), in page order.
pub fn chart_ids(json: Option<&str>) -> Result<Vec<String>, Error> {
    Ok(dataset(json)?.charts.iter().map(|c| c.id.clone()).collect())
}

thread_local! {
    /// The embedded dataset, read once per page.
    static EMBEDDED: RefCell<Option<Rc<Dataset>>> = const { RefCell::new(None) };
    /// The embedded dataset between the two steps of [`prepare_embedded`].
    static EMBEDDED_READ: RefCell<Option<DatasetSpec>> = const { RefCell::new(None) };
}

/// The dataset `json`, or the embedded one (read once) when `None`.
pub(crate) fn dataset(json: Option<&str>) -> Result<Rc<Dataset>, Error> {
    if let Some(json) = json {
        return Ok(Rc::new(Dataset::from_json(json)?));
    }
    if let Some(dataset) = EMBEDDED.with(|slot| slot.borrow().clone()) {
        return Ok(dataset);
    }
    let dataset = Rc::new(Dataset::embedded()?);
    EMBEDDED.with(|slot| *slot.borrow_mut() = Some(Rc::clone(&dataset)));
    Ok(dataset)
}

/// Prepares the embedded dataset in steps that a page can run in separate tasks, so
/// that no task of a cold start is long: step 0 reads the file, step 1 checks it.
/// Returns whether the dataset is ready. Optional: the first chart prepares it anyway.
pub fn prepare_embedded(step: u32) -> Result<bool, Error> {
    if EMBEDDED.with(|slot| slot.borrow().is_some()) {
        return Ok(true);
    }
    if step == 0 {
        let spec = Dataset::parse(crate::data::model::EMBEDDED_JSON)?;
        EMBEDDED_READ.with(|slot| *slot.borrow_mut() = Some(spec));
        return Ok(false);
    }
    let dataset = match EMBEDDED_READ.with(|slot| slot.borrow_mut().take()) {
        Some(spec) => Dataset::check(spec),
        None => Dataset::embedded(),
    }?;
    EMBEDDED.with(|slot| *slot.borrow_mut() = Some(Rc::new(dataset)));
    Ok(true)
}
