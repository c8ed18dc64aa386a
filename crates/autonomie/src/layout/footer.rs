//! What goes under the plot: the screen's short source line, or an export's full footer
//! (notes, exchange rates, every source).

use crate::chart::figure::Figure;
use crate::data::model::Dataset;
use crate::layout::painter::Painter;
use crate::units::i18n::Ui;

impl Painter<'_> {
    /// The footer of an export: the notes, the exchange rates, and every source with its
    /// title and date; returns the `y` below it.
    pub(crate) fn full_footer(&mut self, figure: &Figure, dataset: &Dataset, inner: (f64, f64), y: f64) -> f64 {
        let (m, muted, lang) = (self.m, self.p.muted, figure.lang);
        let (font, leading, gap) = (m.fonts.small, m.small_leading, m.footer_gap);
        let mut y = y;
        for note in &figure.notes {
            y = self.paragraph(&format!("\u{2022} {note}"), inner, y + gap, font, muted, leading);
        }
        if !figure.rates.is_empty() {
            let text = format!("{} {}.", Ui::RateIntro.get(lang), figure.rates.join(lang.list_separator()));
            y = self.paragraph(&text, inner, y + gap, font, muted, leading);
        }
        for text in &figure.unconverted {
            y = self.paragraph(text, inner, y + gap, font, muted, leading);
        }
        let prefix = if figure.sources.len() > 1 { Ui::Sources } else { Ui::Source };
        y = self.paragraph(prefix.get(lang), inner, y + gap, font, muted, leading);
        let (open, close) = lang.quotes();
        for &index in &figure.sources {
            let source = dataset.source(index);
            let date = crate::units::format::date(source.date, lang);
            let (publisher, kind) = (source.publisher.get(lang), source.kind.words().get(lang));
            let text = format!("{publisher} ({kind}), {open}{}{close}, {date}", source.title.get(lang));
            y = self.paragraph(&text, (inner.0 + m.source_indent, inner.1), y, font, muted, leading);
        }
        self.paragraph(&figure.dates_line(dataset), inner, y + gap, font, muted, leading)
    }
}

/// The source line of the screen: each publisher and date while there are three at most,
/// else how many sources, from when to when, and that the page lists them.
pub(crate) fn short_source_line(figure: &Figure, dataset: &Dataset) -> String {
    let mut publishers: Vec<&str> =
        figure.sources.iter().map(|&index| dataset.source(index).publisher.get(figure.lang)).collect();
    publishers.sort_unstable();
    publishers.dedup();
    let dates = figure.sources.iter().map(|&index| dataset.source(index).date);
    let (Some(first), Some(last)) = (dates.clone().min(), dates.max()) else { return figure.source_line(dataset) };
    if publishers.len() <= 3 {
        return figure.source_line(dataset);
    }
    let lang = figure.lang;
    let (first, last) = (crate::units::format::month(first, lang), crate::units::format::month(last, lang));
    crate::units::i18n::sources_summary(lang, figure.sources.len(), &first, &last)
}
