// Autonomie's chart controller: one AutonomieChart per container (the <autonomie-chart>
// element's shadow root, or any element of a page that scripts it directly).
//
// The chart itself (data, conversion, layout, drawing, hit-testing, description, table,
// exports) lives in Rust/wasm behind WasmChart (wasm.js, the one module that talks to it). This module builds the HTML around
// the canvas from what the handle reports (controls, legend, tooltip, description,
// table, notes, sources), forwards the reader's actions to it, and redraws at most once
// per animation frame. No framework, no bundler, no global.

import { disclosure, element, setText, setTextContent, sourceLink, syncChildren, uniqueId } from './dom.js';
import { exportChart, printableSvg } from './export.js';
import { requestFrameWork } from './frames.js';
import { ItemReader } from './reading.js';
import { resolveTheme, watchTheme } from './theme.js';
import { say, WORDS } from './words.js';
import { lastPanic, WasmChart } from './wasm.js';
import { NotesPart } from './notes.js';

export { allSources, chartIds, loadWasm } from './wasm.js';

export { sourceLink };

/** Replaces `container`'s content with an error box saying `message`. */
export function renderError(container, message, lang) {
  const box = element('div', { class: 'atm-error', role: 'alert' });
  box.append(element('strong', {}, say(lang, 'error')), ' ', message);
  container.replaceChildren(box);
  return box;
}

/** One chart with its controls, legend, notes and sources, inside `container`. */
export class AutonomieChart {
  #handle = null;
  /** The state as of the last change, kept for `state()` if the handle is lost. */
  #lastState = null;
  #root;
  #stage;
  #canvas;
  #error;
  #controls;
  #legend;
  #description;
  #tableBox;
  #tableButton;
  /** The notes, rates, sources and dates under the canvas (notes.js). */
  #notes = new NotesPart();
  /** Why some amounts are shown in their own currency only (no ECB rate yet). */
  #viewGroup = null;
  #scaleGroup;
  #currencyGroup;
  #tools;
  /** On a narrow chart, shows or hides the series toggles, the table and downloads. */
  #moreToggle;
  #tableCaption;
  #tableHead;
  #tableBody;
  /** The one live region: a toggle's new state is announced here, once. */
  #status;
  /** The handle's last `info()` answer, parsed once per change. */
  #info = null;
  /** For each part of the chart, the data it shows (its dirty flag is a difference). */
  #shown = {};
  #print;
  #reader;
  #cancelFrame = null;
  #lastWidth = 0;
  #stageWidth = 0;
  #lastRatio = 0;
  #observer;
  #ratioQuery = null;
  #onRatioChange = () => this.#schedule(true);
  #unwatchTheme;
  #onBeforePrint = () => this.#preparePrint();
  #printQuery = matchMedia('print');
  #lang = 'fr';
  #chartId;
  #height = null;
  #themeChoice = 'auto';
  #onChange = null;
  #onShown = null;
  /** How many times the chart was drawn (for tests and the benchmark). */
  drawCount = 0;

  /**
   * @param {HTMLElement} container where the chart goes; its content is replaced.
   * @param {string} chartId `models`, `valuations` or `funding` (or a custom dataset's id).
   * @param {{lang?: string, dataset?: string, height?: number, theme?: string, onChange?: function}} options
   *   `dataset` is a JSON text (default: the embedded dataset); `height` the canvas
   *   height to aim at, in CSS pixels; `theme` is `light`, `dark` or `auto` (default);
   *   `onChange(state)` is called after each change; `onShown()` after each drawing
   *   and each error shown.
   */
  constructor(container, chartId, options = {}) {
    this.#chartId = chartId;
    this.#lang = options.lang === 'en' ? 'en' : 'fr';
    this.#height = Number.isFinite(options.height) && options.height > 0 ? options.height : null;
    this.#themeChoice = options.theme ?? 'auto';
    this.#onChange = options.onChange ?? null;
    this.#onShown = options.onShown ?? null;

    const descriptionId = uniqueId('atm-description');
    const tableId = uniqueId('atm-table');
    this.#root = element('div', { class: 'atm' });
    this.#controls = element('div', { class: 'atm-controls' });
    this.#legend = element('div', { class: 'atm-legend', role: 'group', id: uniqueId('atm-legend') });
    this.#stage = element('div', { class: 'atm-stage' });
    this.#canvas = element('canvas', { class: 'atm-canvas', role: 'img', 'aria-describedby': descriptionId });
    this.#error = element('div', { class: 'atm-error', role: 'alert', hidden: '' });
    this.#print = element('div', { class: 'atm-print', 'aria-hidden': 'true' });
    this.#stage.append(this.#canvas, this.#error, this.#print);
    this.#description = element('p', { class: 'atm-description atm-visually-hidden', id: descriptionId });
    this.#tableButton = element('button', { type: 'button', class: 'atm-table-button', 'aria-expanded': 'false', 'aria-controls': tableId });
    this.#tableButton.addEventListener('click', () => this.#toggleTable());
    // A focusable region, so that a wide table can be scrolled from the keyboard.
    this.#tableBox = element('div', { class: 'atm-table atm-visually-hidden', id: tableId, role: 'region', tabindex: '0' });
    const table = element('table');
    this.#tableCaption = element('caption');
    this.#tableHead = element('thead');
    this.#tableBody = element('tbody');
    table.append(this.#tableCaption, this.#tableHead, this.#tableBody);
    this.#tableBox.append(table);
    this.#status = element('p', { class: 'atm-visually-hidden', role: 'status' });
    this.#root.append(this.#controls, this.#legend, this.#stage, this.#description, this.#tableBox, this.#notes.root, this.#status);
    container.replaceChildren(this.#root);

    this.#reader = new ItemReader(this.#canvas, this.#stage, () => this.#handle, () => this.#lang);
    // The stage's width comes from the observer, so that drawing never reads layout.
    this.#observer = new ResizeObserver((entries) => {
      this.#stageWidth = entries[entries.length - 1].contentRect.width;
      this.#schedule(false);
    });
    this.#observer.observe(this.#stage);
    this.#watchPixelRatio();
    this.#unwatchTheme = watchTheme(() => this.#schedule(true));
    window.addEventListener('beforeprint', this.#onBeforePrint);
    this.#printQuery.addEventListener('change', this.#onBeforePrint);
    try {
      this.#handle = new WasmChart(this.#canvas, chartId, options.dataset, this.#lang);
      this.#refresh();
    } catch (error) {
      this.#fail(error);
    }
  }

  /** The reader's choices as a plain object. */
  state() {
    if (this.#handle) return this.#handle.state();
    return this.#lastState ? structuredClone(this.#lastState) : null;
  }

  /** Switches view (`latest`, `history`, `countries`… as the chart offers). */
  setView(id) { this.#apply((h) => h.setView(id)); }
  /** `linear` or `log`. */
  setScale(scale) { this.#apply((h) => h.setScale(scale)); }
  /** `EUR` or `USD`. */
  setCurrency(currency) { this.#apply((h) => h.setCurrency(currency)); }
  /** `fr` or `en`. */
  setLang(lang) {
    this.#apply((h) => h.setLang(lang));
    if (lang === 'fr' || lang === 'en') this.#lang = lang;
  }
  /** Shows or hides the series `key`. */
  setSeriesVisible(key, visible) { this.#apply((h) => h.setSeriesVisible(key, Boolean(visible))); }
  /** Flips the visibility of series `key`. */
  toggleSeries(key) {
    const hidden = this.#lastState?.hidden ?? [];
    this.setSeriesVisible(key, hidden.includes(key));
  }
  /** Shows exactly the series not listed in `keys`. */
  setHidden(keys) {
    this.#apply((h) => {
      const wanted = new Set(keys);
      for (const entry of this.#info?.legend ?? []) h.setSeriesVisible(entry.key, !wanted.has(entry.key));
      for (const key of wanted) h.setSeriesVisible(key, false);
    });
  }
  /** Aims the canvas at `height` CSS pixels (null: the chart's natural height). */
  setHeight(height) {
    this.#height = Number.isFinite(height) && height > 0 ? height : null;
    this.#schedule(true);
  }
  /** `light`, `dark` or `auto` (the reader's system preference). */
  setTheme(choice) {
    if (!['light', 'dark', 'auto'].includes(choice)) {
      const error = new Error(say(this.#lang, 'unknownTheme', { value: choice }));
      this.#fail(error);
      throw error;
    }
    this.#themeChoice = choice;
    this.#schedule(true);
  }
  /** The chart's title in the current language. */
  title() {
    return this.#handle && this.#info ? this.#info.title : '';
  }
  /** Downloads what is shown as `png`, `svg` or `csv`; resolves to the file name. */
  download(format) {
    if (!this.#handle) return Promise.reject(new Error(say(this.#lang, 'noChart')));
    return exportChart(this.#handle, format, this.#canvas.clientWidth || 760, this.#theme(), this.#lang);
  }

  /** Stops observing, frees the wasm handle and empties the container. */
  destroy() {
    this.#cancelFrame?.();
    this.#observer.disconnect();
    this.#ratioQuery?.removeEventListener('change', this.#onRatioChange);
    this.#unwatchTheme();
    window.removeEventListener('beforeprint', this.#onBeforePrint);
    this.#printQuery.removeEventListener('change', this.#onBeforePrint);
    this.#reader.destroy();
    this.#handle?.free();
    this.#handle = null;
    this.#root.remove();
  }

  #theme() {
    return resolveTheme(this.#themeChoice);
  }

  #apply(change) {
    if (!this.#handle) return;
    const before = this.#handle.stateKey();
    try {
      change(this.#handle);
      this.#refresh({ announce: true });
    } catch (error) {
      this.#fail(error);
      throw error;
    }
    if (this.#handle.stateKey() !== before) this.#onChange?.(this.state());
  }

  #watchPixelRatio() {
    this.#ratioQuery?.removeEventListener('change', this.#onRatioChange);
    this.#ratioQuery = matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
    this.#ratioQuery.addEventListener('change', this.#onRatioChange);
  }

  #fail(error) {
    const trapped = error instanceof WebAssembly.RuntimeError;
    const panic = trapped ? lastPanic() : null;
    // After a trap (a panic) the handle is left mid-call and cannot be used again, not
    // even freed: this chart stops here, with its last state; the others go on.
    if (trapped) this.#handle = null;
    const message = panic ? say(this.#lang, 'internal', { message: panic }) : (error?.message ?? String(error));
    console.error(`autonomie (${this.#chartId}): ${message}`);
    this.#error.replaceChildren(element('strong', {}, say(this.#lang, 'error')), ' ', message);
    this.#error.hidden = false;
    this.#canvas.hidden = true;
    this.#reader.hide();
    this.#root.classList.add('atm-failed');
    this.#onShown?.();
  }

  /**
   * Brings the HTML around the canvas up to date with the handle, in place, and
   * schedules one redraw. Each part (controls, legend, notes, description, table) is
   * touched only when its data changed since the last refresh, and then only the nodes
   * whose text or state differ: the control the reader used stays in the document, so
   * keyboard and screen-reader focus stays on it.
   */
  #refresh({ announce = false } = {}) {
    const info = this.#handle.info();
    this.#info = info;
    this.#lastState = info.state;
    this.#error.hidden = true;
    this.#canvas.hidden = false;
    this.#root.classList.remove('atm-failed');
    this.#reader.hide();
    const ui = WORDS[info.state.lang];
    const dirty = this.#dirtyParts(info);
    if (dirty.has('controls')) this.#updateControls(info, ui);
    if (dirty.has('legend')) this.#updateLegend(info, ui);
    if (dirty.has('notes')) this.#notes.update(info, ui);
    if (dirty.has('sources')) this.#notes.updateSources(info, ui);
    if (dirty.has('text')) {
      setText(this.#canvas, 'aria-label', `${info.title}. ${info.subtitle} (${ui.canvasHint})`);
      this.#description.textContent = this.#handle.description();
      this.#updateTable(this.#handle.table());
      // One live region, one sentence: the new state, heard once.
      if (announce) this.#status.textContent = `${info.title}. ${info.subtitle}`;
    }
    if (dirty.has('canvas')) this.#schedule(true);
  }

  /** Which parts of the chart differ from what the last refresh showed. */
  #dirtyParts(info) {
    const state = JSON.stringify(info.state);
    const keys = {
      controls: JSON.stringify([info.views, info.state.scale, info.state.currency, info.state.lang, info.measure]),
      legend: JSON.stringify([info.legend, info.state.lang]),
      notes: JSON.stringify([info.notes, info.rates, info.unconverted, info.newest, info.checked, info.state.lang]),
      sources: JSON.stringify([info.sources, info.state.lang]),
      text: state,
      canvas: state,
    };
    const dirty = new Set();
    for (const [part, key] of Object.entries(keys)) {
      if (this.#shown[part] !== key) dirty.add(part);
      this.#shown[part] = key;
    }
    return dirty;
  }

  #schedule(force) {
    if (force) this.#lastWidth = 0;
    if (this.#cancelFrame) return;
    this.#cancelFrame = requestFrameWork(() => {
      this.#cancelFrame = null;
      this.#draw();
    });
  }

  #draw() {
    if (!this.#handle || this.#canvas.hidden) return;
    const width = this.#stageWidth;
    const ratio = window.devicePixelRatio || 1;
    if (width === 0 || (width === this.#lastWidth && ratio === this.#lastRatio)) return;
    if (ratio !== this.#lastRatio) this.#watchPixelRatio();
    this.#lastWidth = width;
    this.#lastRatio = ratio;
    const theme = this.#theme();
    this.#root.dataset.theme = theme;
    try {
      const height = this.#handle.draw(width, ratio, this.#height ?? undefined, theme);
      this.#canvas.style.height = `${height}px`;
      this.drawCount += 1;
      this.#reader.refresh();
      this.#onShown?.();
    } catch (error) {
      this.#fail(error);
    }
  }

  #preparePrint() {
    if (!this.#handle || this.#canvas.hidden) return;
    this.#notes.openAll();
    try {
      this.#print.replaceChildren(printableSvg(this.#handle, this.#canvas.clientWidth || 760));
    } catch (error) {
      console.error(`autonomie (${this.#chartId}): the printable version failed: ${error.message}`);
    }
  }

  #toggleTable() {
    const open = this.#tableButton.getAttribute('aria-expanded') !== 'true';
    this.#tableButton.setAttribute('aria-expanded', String(open));
    this.#tableBox.classList.toggle('atm-visually-hidden', !open);
  }

  /** The data table, its rows updated in place. */
  #updateTable(data) {
    this.#tableBox.setAttribute('aria-label', data.caption);
    this.#tableCaption.textContent = data.caption;
    const byIndex = (_, index) => index;
    syncChildren(this.#tableHead, [data.headers], byIndex, () => element('tr'), (tr, headers) => {
      syncChildren(tr, headers, byIndex, () => element('th', { scope: 'col' }), setTextContent);
    });
    syncChildren(this.#tableBody, data.rows, byIndex, () => element('tr'), (tr, row) => {
      syncChildren(tr, row, byIndex, (_, i) => (i === 0 ? element('th', { scope: 'row' }) : element('td')), setTextContent);
    });
  }

  /** A labelled group of toggle buttons, built once; `pick(value)` runs on a click. */
  #buttonGroup(values, pick) {
    const group = element('div', { class: 'atm-group atm-segmented', role: 'group' });
    for (const value of values) {
      const button = element('button', { type: 'button', 'aria-pressed': 'false', 'data-value': value });
      button.addEventListener('click', () => pick(button.dataset.value));
      group.append(button);
    }
    return group;
  }

  /** Sets a group's label and its buttons' labels and pressed states. */
  #setGroup(group, label, options) {
    setText(group, 'aria-label', label);
    const buttons = [...group.querySelectorAll('button')];
    buttons.forEach((button, i) => {
      setTextContent(button, options[i].label);
      // A short visible label (Log, €) keeps its full name for assistive technology.
      if (options[i].name) setText(button, 'aria-label', options[i].name);
      setText(button, 'aria-pressed', String(options[i].active));
    });
  }

  /**
   * The controls: built on the first refresh, then only their texts and states change.
   * One flex row that wraps: view, currency, scale, then an "Options" disclosure that a
   * narrow chart shows, for the series toggles, the table and the downloads, so that a
   * phone gets two rows of controls; a wide chart shows what it discloses inline.
   */
  #updateControls(info, ui) {
    if (!this.#viewGroup) {
      this.#viewGroup = this.#buttonGroup(info.views.map((v) => v.id), (v) => this.setView(v));
      this.#currencyGroup = this.#buttonGroup(['EUR', 'USD'], (c) => this.setCurrency(c));
      this.#scaleGroup = this.#buttonGroup(['linear', 'log'], (s) => this.setScale(s));
      this.#tools = element('div', { class: 'atm-group atm-tools', role: 'group', id: uniqueId('atm-tools') });
      this.#moreToggle = disclosure('atm-more-toggle', [this.#legend, this.#tools]);
      this.#tools.append(this.#tableButton);
      for (const format of ['png', 'svg', 'csv']) {
        const button = element('button', { type: 'button', 'data-export': format }, format.toUpperCase());
        button.addEventListener('click', () => this.download(format).catch((error) => this.#fail(error)));
        this.#tools.append(button);
      }
      this.#controls.replaceChildren(this.#viewGroup, this.#currencyGroup, this.#scaleGroup, this.#moreToggle, this.#tools);
    }
    this.#viewGroup.hidden = info.views.length < 2;
    this.#setGroup(this.#viewGroup, ui.view, info.views.map((v) => ({ label: v.label, active: v.active })));
    this.#currencyGroup.hidden = info.measure !== 'money';
    this.#setGroup(this.#currencyGroup, ui.currency, [['EUR', '€'], ['USD', '$']].map(([c, l]) => ({ label: l, name: ui[`currency${c}`], active: info.state.currency === c })));
    this.#setGroup(this.#scaleGroup, ui.scale, [['linear', 'Linear'], ['log', 'Log']].map(([s, key]) => ({ label: ui[`scale${key}`], name: ui[`scale${key}Name`], active: info.state.scale === s })));
    setTextContent(this.#moreToggle, ui.more);
    setText(this.#tools, 'aria-label', ui.download);
    setTextContent(this.#tableButton, ui.table);
    for (const button of this.#tools.querySelectorAll('[data-export]')) {
      setText(button, 'aria-label', say(info.state.lang, 'downloadFormat', { format: button.dataset.export.toUpperCase() }));
    }
  }

  /** The legend: one button per series, kept by key, so focus survives a toggle. */
  #updateLegend(info, ui) {
    setText(this.#legend, 'aria-label', ui.series);
    syncChildren(this.#legend, info.legend, (entry) => entry.key, (entry) => {
      const button = element('button', { type: 'button', class: 'atm-series', 'data-key': entry.key });
      button.append(element('span', { class: 'atm-swatch', 'aria-hidden': 'true' }), document.createTextNode(''));
      button.addEventListener('click', () => this.toggleSeries(button.dataset.key));
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
