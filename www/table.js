// The data table of exactly what is drawn: always in the accessibility tree, shown on
// screen by its button (in the controls' tools). Its rows are updated in place.

import { element, setTextContent, syncChildren, uniqueId } from './dom.js';

export class TablePart {
  // A focusable region, so that a wide table can be scrolled from the keyboard.
  root = element('div', { class: 'atm-table atm-visually-hidden', id: uniqueId('atm-table'), role: 'region', tabindex: '0' });
  button = element('button', { type: 'button', class: 'atm-table-button', 'aria-expanded': 'false', 'aria-controls': this.root.id });
  #caption = element('caption');
  #head = element('thead');
  #body = element('tbody');

  constructor() {
    const table = element('table');
    table.append(this.#caption, this.#head, this.#body);
    this.root.append(table);
    this.button.addEventListener('click', () => {
      const open = this.button.getAttribute('aria-expanded') !== 'true';
      this.button.setAttribute('aria-expanded', String(open));
      this.root.classList.toggle('atm-visually-hidden', !open);
    });
  }

  /** Brings the table up to date with `table` (a reading's `TableText`). */
  update(table) {
    this.root.setAttribute('aria-label', table.caption);
    this.#caption.textContent = table.caption;
    const byIndex = (_, index) => index;
    syncChildren(this.#head, [table.headers], byIndex, () => element('tr'), (tr, headers) => {
      syncChildren(tr, headers, byIndex, () => element('th', { scope: 'col' }), setTextContent);
    });
    syncChildren(this.#body, table.rows, byIndex, () => element('tr'), (tr, row) => {
      syncChildren(tr, row, byIndex, (_, i) => (i === 0 ? element('th', { scope: 'row' }) : element('td')), setTextContent);
    });
  }
}
