// The chart's controls: the view, currency and scale switches, and on a narrow chart an
// "Options" disclosure for the legend, the table button and the downloads (one flex row
// that wraps; a wide chart shows what it discloses inline). Built once, on the first
// update; then only texts and pressed states change, so the button a reader pressed
// keeps the focus. An embed code's picture view (picture-view.js) builds the chart's
// controls before its wasm arrives, from the state's data written at build time; the
// chart then adopts them.

import { disclosure, element, setText, setTextContent, uniqueId } from './dom.js';
import { CURRENCIES, SCALES } from './contract.js';
import { say, WORDS } from './words.js';

/** The short label and the words of each currency and scale. */
const CURRENCY_LABELS = { EUR: '€', USD: '$' };
const SCALE_WORDS = { linear: 'Linear', log: 'Log' };
const EXPORTS = ['png', 'svg', 'csv'];
/**
 * Whether the chart runs in a sandboxed frame (an opaque origin, as WordPress frames an
 * embed: `sandbox="allow-scripts"`), where the browser refuses downloads: the download
 * buttons are then left out rather than shown dead (the table stays).
 */
const DOWNLOADS_REFUSED = globalThis.origin === 'null';

export class ControlsPart {
  root = element('div', { class: 'atm-controls' });
  #groups = null;
  #legend;
  #table;
  /** What a press on a button does (the chart that adopts a picture view's controls sets it). */
  onPress;

  /**
   * @param {HTMLElement} legend the legend's root, which the "Options" disclosure shows on a narrow chart.
   * @param {HTMLElement} tableButton the table's button, in the tools group.
   * @param {(name: 'view' | 'currency' | 'scale' | 'export', value: string) => void} onPress a press on a button.
   */
  constructor(legend, tableButton, onPress) {
    this.#legend = legend;
    this.#table = tableButton;
    this.onPress = onPress;
  }

  /** Brings the controls up to date with `controls` (an answer's `Controls`). */
  update(controls) {
    this.#groups ??= this.#build(controls);
    const { view, currency, scale, more, tools } = this.#groups;
    const ui = WORDS[controls.lang];
    view.hidden = controls.views.length < 2;
    setGroup(view, ui.view, controls.views.map((v) => ({ label: v.label, active: v.active })));
    currency.hidden = !controls.money;
    setGroup(currency, ui.currency, CURRENCIES.map((c) => ({ label: CURRENCY_LABELS[c], name: ui[`currency${c}`], active: controls.currency === c })));
    setGroup(scale, ui.scale, SCALES.map((s) => ({ label: ui[`scale${SCALE_WORDS[s]}`], name: ui[`scale${SCALE_WORDS[s]}Name`], active: controls.scale === s })));
    setTextContent(more, ui.more);
    // Named for its downloads; where there are none (a sandboxed frame), the table's
    // button speaks for itself.
    if (!DOWNLOADS_REFUSED) setText(tools, 'aria-label', ui.download);
    setTextContent(this.#table, ui.table);
    for (const button of tools.querySelectorAll('[data-export]')) {
      setText(button, 'aria-label', say(controls.lang, 'downloadFormat', { format: button.dataset.export.toUpperCase() }));
    }
  }

  #build(controls) {
    const view = this.#buttonGroup('view', controls.views.map((v) => v.id));
    const currency = this.#buttonGroup('currency', CURRENCIES);
    const scale = this.#buttonGroup('scale', SCALES);
    const tools = element('div', { class: 'atm-group atm-tools', role: 'group', id: uniqueId('atm-tools') });
    const more = disclosure('atm-more-toggle', [this.#legend, tools]);
    tools.append(this.#table);
    for (const format of DOWNLOADS_REFUSED ? [] : EXPORTS) {
      const button = element('button', { type: 'button', 'data-export': format }, format.toUpperCase());
      button.addEventListener('click', () => this.onPress('export', format));
      tools.append(button);
    }
    this.root.replaceChildren(view, currency, scale, more, tools);
    return { view, currency, scale, more, tools };
  }

  /** A labelled group of toggle buttons, built once. */
  #buttonGroup(name, values) {
    const group = element('div', { class: 'atm-group atm-segmented', role: 'group' });
    for (const value of values) {
      const button = element('button', { type: 'button', 'aria-pressed': 'false', 'data-value': value });
      button.addEventListener('click', () => this.onPress(name, button.dataset.value));
      group.append(button);
    }
    return group;
  }
}

/** Sets a group's label and its buttons' labels and pressed states. */
function setGroup(group, label, options) {
  setText(group, 'aria-label', label);
  [...group.querySelectorAll('button')].forEach((button, i) => {
    setTextContent(button, options[i].label);
    // A short visible label (Log, €) keeps its full name for assistive technology.
    if (options[i].name) setText(button, 'aria-label', options[i].name);
    setText(button, 'aria-pressed', String(options[i].active));
  });
}
