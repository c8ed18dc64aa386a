//! Axes: the axis title (measure, currency, log scale) and tick labels, and how many
//! tick labels fit side by side.

use crate::chart::figure::Figure;
use crate::data::model::{Measure, Scale};
use crate::layout::painter::Painter;
use crate::layout::scale::ValueScale;
use crate::layout::text::Font;
use crate::units::format::{self, Digits};
use crate::units::i18n::{fill, Ui};

impl Painter<'_> {
    /// How many tick labels fit side by side along `span` pixels.
    pub(crate) fn tick_budget(&self, figure: &Figure, scale: &ValueScale, span: f64, font: Font) -> usize {
        let widest =
            scale.ticks(12).iter().map(|&t| self.widths.width(&tick_text(figure, t), font)).fold(0.0, f64::max);
        ((span / (widest + self.m.tick_spacing)).floor() as usize + 1).max(2)
    }
}

pub(crate) fn axis_title(figure: &Figure) -> String {
    let unit = match figure.measure {
        Measure::Count => String::new(),
        Measure::Flops => Ui::AxisFlops.get(figure.lang).to_owned(),
        Measure::Money => fill(Ui::AxisMoney.get(figure.lang), &[("currency", figure.currency.code())]),
    };
    match figure.scale {
        Scale::Linear => format!("{}{unit}", figure.axis_label),
        Scale::Log => format!("{}{unit} ({})", figure.axis_label, Ui::LogScale.get(figure.lang)),
    }
}

pub(crate) fn tick_text(figure: &Figure, value: f64) -> String {
    match figure.measure {
        Measure::Count | Measure::Flops => format::number(value, Digits::Source, figure.lang),
        Measure::Money if value == 0.0 => "0".to_owned(),
        Measure::Money => format::money(value, figure.currency, Digits::Source, figure.lang),
    }
}
