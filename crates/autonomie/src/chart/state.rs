//! What a reader has chosen: chart, view, scale, currency, language and hidden series.
//!
//! The dataset never changes after loading; every toggle changes a [`ViewState`] and
//! the whole chart is drawn again from the two.

use serde::Serialize;

use crate::data::model::{Chart, Dataset, Scale, View};
use crate::error::Error;
use crate::units::i18n::Lang;
use crate::units::money::Currency;

/// The reader's choices for one chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewState {
    /// Chart id.
    pub chart: String,
    /// View id.
    pub view: String,
    /// Linear or log.
    pub scale: Scale,
    /// Currency amounts are shown in.
    pub currency: Currency,
    /// Language of every text.
    pub lang: Lang,
    /// Keys of hidden series, sorted, each once. A vector rather than a `BTreeSet`: a
    /// view has a few series, and the set's code would come into the wasm for them.
    pub hidden: Vec<String>,
}

impl ViewState {
    /// The default state of chart `chart`: its first view, at that view's scale, in French,
    /// in euros unless some amount of the chart cannot be converted to euros
    /// ([`Dataset::default_currency`]).
    pub fn new(dataset: &Dataset, chart: &str) -> Result<ViewState, Error> {
        let found = dataset.chart(chart)?;
        let view = first_view(found)?;
        Ok(ViewState {
            chart: found.id.clone(),
            view: view.id.clone(),
            scale: view.default_scale,
            currency: dataset.default_currency(found),
            lang: Lang::default(),
            hidden: Vec::new(),
        })
    }

    /// The chart and view this state points at.
    pub fn resolve<'a>(&self, dataset: &'a Dataset) -> Result<(&'a Chart, &'a View), Error> {
        let chart = dataset.chart(&self.chart)?;
        Ok((chart, chart.view(&self.view)?))
    }

    /// Switches to view `id`: its default scale applies, its currency when it cannot be
    /// shown in the reader's ([`View::currency_for`]), and hidden keys the view does not
    /// have are forgotten.
    pub fn set_view(&mut self, dataset: &Dataset, id: &str) -> Result<(), Error> {
        let chart = dataset.chart(&self.chart)?;
        let view = chart.view(id)?;
        self.view = view.id.clone();
        self.scale = view.default_scale;
        self.currency = view.currency_for(self.currency);
        self.hidden.retain(|key| view.series.iter().any(|s| &s.key == key));
        Ok(())
    }

    /// Sets the scale from its name.
    pub fn set_scale(&mut self, name: &str) -> Result<(), Error> {
        self.scale = Scale::parse(name).ok_or_else(|| unknown("scale", name, &["linear", "log"]))?;
        Ok(())
    }

    /// Sets the currency from its code.
    pub fn set_currency(&mut self, code: &str) -> Result<(), Error> {
        self.currency = Currency::parse(code).ok_or_else(|| unknown("currency", code, &["EUR", "USD"]))?;
        Ok(())
    }

    /// Sets the language from its code.
    pub fn set_lang(&mut self, code: &str) -> Result<(), Error> {
        self.lang = Lang::parse(code).ok_or_else(|| unknown("language", code, &["fr", "en"]))?;
        Ok(())
    }

    /// Shows or hides series `key` of the current view.
    pub fn set_series_visible(&mut self, dataset: &Dataset, key: &str, visible: bool) -> Result<(), Error> {
        let (_, view) = self.resolve(dataset)?;
        if !view.series.iter().any(|s| s.key == key) {
            return Err(Error::UnknownOption {
                option: "series",
                value: key.to_owned(),
                expected: view.series.iter().map(|s| s.key.clone()).collect(),
            });
        }
        match (self.hidden.binary_search_by(|k| k.as_str().cmp(key)), visible) {
            (Ok(at), true) => {
                self.hidden.remove(at);
            }
            (Err(at), false) => self.hidden.insert(at, key.to_owned()),
            _ => {}
        }
        Ok(())
    }

    /// Whether series `key` is drawn.
    pub fn is_visible(&self, key: &str) -> bool {
        !self.hidden.iter().any(|k| k == key)
    }

    /// The state as a JSON object, fields in alphabetical order:
    /// `{"chart":…,"currency":…,"hidden":[…],"lang":…,"scale":…,"view":…}`.
    pub fn to_json(&self) -> String {
        // serde_json fails only on a map whose keys are not strings, or a failing
        // `Serialize`: `StateJson` has neither, so the empty fallback is never used.
        serde_json::to_string(&self.json()).unwrap_or_default()
    }

    /// The state in the form serde writes as [`ViewState::to_json`].
    pub(crate) fn json(&self) -> StateJson<'_> {
        StateJson {
            chart: &self.chart,
            currency: self.currency.code(),
            hidden: &self.hidden,
            lang: self.lang.code(),
            scale: self.scale.name(),
            view: &self.view,
        }
    }
}

/// The JSON form of a [`ViewState`] (what the page keeps in the URL and in events).
#[derive(Serialize)]
pub(crate) struct StateJson<'a> {
    chart: &'a str,
    currency: &'static str,
    hidden: &'a [String],
    lang: &'static str,
    scale: &'static str,
    view: &'a str,
}

fn first_view(chart: &Chart) -> Result<&View, Error> {
    chart.views.first().ok_or_else(|| Error::UnknownOption {
        option: "view",
        value: String::new(),
        expected: Vec::new(),
    })
}

fn unknown(option: &'static str, value: &str, expected: &[&str]) -> Error {
    Error::UnknownOption {
        option,
        value: value.to_owned(),
        expected: expected.iter().map(|s| (*s).to_owned()).collect(),
    }
}
