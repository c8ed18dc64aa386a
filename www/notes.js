// The part of a chart under its canvas: the notes (the first three in sight, more behind
// "Notes (n)"), the amounts left unconverted, the ECB rates, the sources, and when the
// figures are from. Built by the controller from each state's `info()`, and by the first
// view from the same answer written at build time, so that both are the same height.

import { element, setTextContent, sourceLink, syncChildren } from './dom.js';
import { say } from './words.js';

export class NotesPart {
  root = element('div', { class: 'atm-notes' });
  noteList = null;
  moreNotes;
  rates;
  sources;
  unconverted;
  checked;


  /**
   * Notes, exchange rates, sources and the checked date, updated in place. The canvas
   * on screen carries only a short source line: the notes, the rates and the full
   * source list are here, once, the long ones behind a disclosure.
   */
  /** Brings the notes, rates, unconverted amounts and dates up to date with `info`. */
  update(info, ui) {
    if (!this.noteList) {
      this.noteList = element('ul', { class: 'atm-note-list' });
      // More than three notes: the first stays in sight, the others behind "Notes (n)".
      this.moreNotes = element('details', { class: 'atm-more-notes' });
      this.moreNotes.append(element('summary'), element('ul', { class: 'atm-note-list' }));
      this.rates = element('details', { class: 'atm-rates' });
      this.rates.append(element('summary'), element('p'));
      this.sources = element('details', { class: 'atm-sources' });
      this.sources.append(element('summary'), element('ul', { class: 'atm-source-list' }));
      this.unconverted = element('div', { class: 'atm-unconverted' });
      this.checked = element('p', { class: 'atm-checked' });
      this.root.replaceChildren(this.noteList, this.moreNotes, this.unconverted, this.rates, this.sources, this.checked);
    }
    const shown = info.notes.length > 3 ? info.notes.slice(0, 1) : info.notes;
    const behind = info.notes.slice(shown.length);
    this.noteList.hidden = shown.length === 0;
    syncChildren(this.noteList, shown, (_, index) => index, () => element('li'), setTextContent);
    this.moreNotes.hidden = behind.length === 0;
    setTextContent(this.moreNotes.firstChild, say(info.state.lang, 'moreNotes', { n: behind.length }));
    syncChildren(this.moreNotes.lastChild, behind, (_, index) => index, () => element('li'), setTextContent);
    this.rates.hidden = info.rates.length === 0;
    setTextContent(this.rates.firstChild, say(info.state.lang, 'ratesTitle', { n: info.rates.length }));
    setTextContent(this.rates.lastChild, `${ui.rates} ${info.rates.join(ui.listSeparator)}`);
    this.unconverted.hidden = !info.unconverted?.length;
    syncChildren(this.unconverted, info.unconverted ?? [], (_, index) => index, () => element('p'), setTextContent);
    // When the figures are from, apart from when their sources were checked.
    const dates = info.newest
      ? `${ui.newestFigure} ${info.newest}${ui.listSeparator}${ui.sourcesChecked} ${info.checked}.`
      : `${ui.sourcesChecked} ${info.checked}.`;
    setTextContent(this.checked, dates.charAt(0).toUpperCase() + dates.slice(1));
  }

  /** The source list: each source a line with its link, rebuilt only when the sources or
   * the language change (a view that cites the same sources leaves it alone). Two
   * sources or fewer are shown open. */
  updateSources(info, ui) {
    setTextContent(this.sources.firstChild, say(info.state.lang, 'sourcesTitle', { n: info.sources.length }));
    if (info.sources.length <= 2) this.sources.open = true;
    this.sources.lastChild.replaceChildren(...info.sources.map((source) => {
      const item = element('li');
      item.append(`${source.publisher}, `, sourceLink(source, [ui.quoteOpen, ui.quoteClose]), `, ${source.date}`);
      return item;
    }));
  }

  /** Opens every disclosure, so that print shows what they hold. */
  openAll() {
    this.moreNotes.open = true;
    this.rates.open = true;
    this.sources.open = true;
  }
}
