// The chart's legend: one button per series, kept by key, so that the button a reader
// pressed keeps the focus when the legend changes. An embed code's picture view builds
// the chart's legend before its wasm arrives; the chart then adopts it.

import { element, setText, syncChildren, uniqueId } from './dom.js';
import { WORDS } from './words.js';

export class LegendPart {
  root = element('div', { class: 'atm-legend', role: 'group', id: uniqueId('atm-legend') });
  /** What a press on a series' button does (the chart that adopts a picture view's legend sets it). */
  onToggle;

  /** @param {(key: string) => void} onToggle a press on a series' button. */
  constructor(onToggle) {
    this.onToggle = onToggle;
  }

  /** Brings the legend up to date with `legend` (an answer's `Legend`). */
  update(legend) {
    setText(this.root, 'aria-label', WORDS[legend.lang].series);
    syncChildren(this.root, legend.entries, (entry) => entry.key, (entry) => {
      const button = element('button', { type: 'button', class: 'atm-series', 'data-key': entry.key });
      button.append(element('span', { class: 'atm-swatch', 'aria-hidden': 'true' }), document.createTextNode(''));
      button.addEventListener('click', () => this.onToggle(button.dataset.key));
      return button;
    }, (button, entry) => {
      setText(button, 'aria-pressed', String(entry.visible));
      const swatch = button.firstChild;
      swatch.style.backgroundColor = entry.color;
      swatch.style.borderColor = entry.color;
      if (button.lastChild.data !== entry.label) button.lastChild.data = entry.label;
    });
  }
}
