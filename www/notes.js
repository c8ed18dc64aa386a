// The part of a chart under its canvas: the notes (the first three in sight, more behind
// "Notes (n)"), the amounts left unconverted, the ECB rates, the sources, and when the
// figures are from. Updated from an answer's `notes` and `sources` parts, by the
// controller and, before the wasm arrives, by an embed code's picture view (from the
// state's data written at build time).

import { element, setTextContent, sourceLink, syncChildren } from './dom.js';
import { say, WORDS } from './words.js';

export class NotesPart {
  root = element('div', { class: 'atm-notes' });
  #noteList = element('ul', { class: 'atm-note-list' });
  // More than three notes: the first stays in sight, the others behind "Notes (n)".
  #moreNotes = element('details', { class: 'atm-more-notes' });
  #rates = element('details', { class: 'atm-rates' });
  #sources = element('details', { class: 'atm-sources' });
  #unconverted = element('div', { class: 'atm-unconverted' });
  #checked = element('p', { class: 'atm-checked' });

  constructor() {
    this.#moreNotes.append(element('summary'), element('ul', { class: 'atm-note-list' }));
    this.#rates.append(element('summary'), element('p'));
    this.#sources.append(element('summary'), element('ul', { class: 'atm-source-list' }));
    this.root.append(this.#noteList, this.#moreNotes, this.#unconverted, this.#rates, this.#sources, this.#checked);
  }

  /**
   * Notes, exchange rates, unconverted amounts and dates, updated in place from `notes`
   * (an answer's `Notes`). The canvas on screen carries only a short source line: the
   * notes, the rates and the full source list are here, once, the long ones behind a
   * disclosure.
   */
  update(notes) {
    const { lang } = notes;
    const ui = WORDS[lang];
    const shown = notes.notes.length > 3 ? notes.notes.slice(0, 1) : notes.notes;
    const behind = notes.notes.slice(shown.length);
    this.#noteList.hidden = shown.length === 0;
    syncChildren(this.#noteList, shown, (_, index) => index, () => element('li'), setTextContent);
    this.#moreNotes.hidden = behind.length === 0;
    setTextContent(this.#moreNotes.firstChild, say(lang, 'moreNotes', { n: behind.length }));
    syncChildren(this.#moreNotes.lastChild, behind, (_, index) => index, () => element('li'), setTextContent);
    this.#rates.hidden = notes.rates.length === 0;
    setTextContent(this.#rates.firstChild, say(lang, 'ratesTitle', { n: notes.rates.length }));
    setTextContent(this.#rates.lastChild, `${ui.rates} ${notes.rates.join(ui.listSeparator)}`);
    this.#unconverted.hidden = notes.unconverted.length === 0;
    syncChildren(this.#unconverted, notes.unconverted, (_, index) => index, () => element('p'), setTextContent);
    setTextContent(this.#checked, datesLine(notes, ui));
  }

  /**
   * The source list from `sources` (an answer's `Sources`): each source a line with its
   * link, rebuilt only when the sources or the language change (a view that cites the
   * same sources leaves it alone). Two sources or fewer are shown open.
   */
  updateSources(sources) {
    const ui = WORDS[sources.lang];
    setTextContent(this.#sources.firstChild, say(sources.lang, 'sourcesTitle', { n: sources.list.length }));
    if (sources.list.length <= 2) this.#sources.open = true;
    this.#sources.lastChild.replaceChildren(...sources.list.map((source) => {
      const item = element('li');
      item.append(`${source.publisher} (${source.kind}), `, sourceLink(source, [ui.quoteOpen, ui.quoteClose]), `, ${source.date}`);
      return item;
    }));
  }

  /** Opens every disclosure, so that print shows what they hold. */
  openAll() {
    this.#moreNotes.open = true;
    this.#rates.open = true;
    this.#sources.open = true;
  }
}

/** When the figures are from, apart from when their sources were checked: a sentence. */
export function datesLine(notes, ui) {
  const dates = notes.newest
    ? `${ui.newestFigure} ${notes.newest}${ui.listSeparator}${ui.sourcesChecked} ${notes.checked}.`
    : `${ui.sourcesChecked} ${notes.checked}.`;
  return dates.charAt(0).toUpperCase() + dates.slice(1);
}
