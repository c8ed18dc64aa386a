// Autonomie's chart controller: one AutonomieChart per container (the <autonomie-chart>
// element's shadow root, or any element of a page that scripts it directly).
//
// The chart itself (data, conversion, layout, drawing, hit-testing, description, table,
// exports) lives in Rust/wasm behind ChartHandle. This module builds the HTML around
// the canvas from what the handle reports (controls, legend, tooltip, description,
// table, notes, sources), forwards the reader's actions to it, and redraws at most once
// per animation frame. No framework, no bundler, no global.

import init, { ChartHandle, chart_ids, last_panic, prepareEmbeddedDataset, sources } from './pkg/autonomie.js';
import { element, sourceLink, uniqueId } from './dom.js';
import { exportChart, printableSvg } from './export.js';
import { requestFrameWork } from './frames.js';
import { ItemReader } from './reading.js';
import { resolveTheme, watchTheme } from './theme.js';

export { sourceLink };

let wasmReady = null;

/** Loads and instantiates the wasm module once for the whole page. */
export function loadWasm() {
  // The embedded dataset is read once, before any chart starts, in frame tasks of its
  // own (reading, then checking): it is the longest step of a cold start.
  wasmReady ??= init({ module_or_path: new URL('./pkg/autonomie_bg.wasm', import.meta.url) })
    .then(() => new Promise((resolve, reject) => {
      const step = (n) => requestFrameWork(() => {
        try {
          if (prepareEmbeddedDataset(n)) resolve();
          else step(n + 1);
        } catch (error) {
          reject(error);
        }
      });
      step(0);
    }));
  return wasmReady;
}

/** Every source of the embedded dataset, in `lang`: `{checked, newest, sources: [...]}`. */
export function allSources(lang) {
  return JSON.parse(sources(lang));
}

/** Chart ids of a dataset given as JSON text, or of the embedded one. */
export function chartIds(datasetJson) {
  return JSON.parse(chart_ids(datasetJson));
}

const UI = {
  fr: {
    view: 'Vue', scale: 'Échelle', linear: 'Linéaire', log: 'Logarithmique', currency: 'Devise',
    series: 'Séries (cliquer pour afficher ou masquer)', rates: 'Taux de change BCE :', source: 'Source :',
    sources: 'Sources :', quotes: ['«\u00a0', '\u00a0»'], newest: 'Chiffre le plus récent :', checked: 'sources vérifiées le', error: 'Ce graphique ne peut pas s’afficher :',
    internal: 'erreur interne', table: 'Tableau', download: 'Télécharger',
    canvasHint: 'utilisez les flèches pour lire chaque valeur', listSeparator: '\u00a0; ',
  },
  en: {
    view: 'View', scale: 'Scale', linear: 'Linear', log: 'Logarithmic', currency: 'Currency',
    series: 'Series (click to show or hide)', rates: 'ECB exchange rates:', source: 'Source:',
    sources: 'Sources:', quotes: ['“', '”'], newest: 'Newest figure:', checked: 'sources checked on', error: 'This chart cannot be shown:',
    internal: 'internal error', table: 'Table', download: 'Download',
    canvasHint: 'use the arrow keys to read each value', listSeparator: '; ',
  },
};

/** Interface strings of the widget in `lang` (`fr` or `en`). */
export function uiText(lang) {
  return UI[lang === 'en' ? 'en' : 'fr'];
}

/** Replaces `container`'s content with an error box saying `message`. */
export function renderError(container, message, lang) {
  const box = element('div', { class: 'atm-error', role: 'alert' });
  box.append(element('strong', {}, uiText(lang).error), ' ', message);
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
  #notes;
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
  /** How many times the chart was drawn (for tests and the benchmark). */
  drawCount = 0;

  /**
   * @param {HTMLElement} container where the chart goes; its content is replaced.
   * @param {string} chartId `models`, `valuations` or `funding` (or a custom dataset's id).
   * @param {{lang?: string, dataset?: string, height?: number, theme?: string, onChange?: function}} options
   *   `dataset` is a JSON text (default: the embedded dataset); `height` the canvas
   *   height to aim at, in CSS pixels; `theme` is `light`, `dark` or `auto` (default);
   *   `onChange(state)` is called after each change.
   */
  constructor(container, chartId, options = {}) {
    this.#chartId = chartId;
    this.#lang = options.lang === 'en' ? 'en' : 'fr';
    this.#height = Number.isFinite(options.height) && options.height > 0 ? options.height : null;
    this.#themeChoice = options.theme ?? 'auto';
    this.#onChange = options.onChange ?? null;

    const descriptionId = uniqueId('atm-description');
    const tableId = uniqueId('atm-table');
    this.#root = element('div', { class: 'atm' });
    this.#controls = element('div', { class: 'atm-controls' });
    this.#legend = element('div', { class: 'atm-legend', role: 'group' });
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
    this.#notes = element('div', { class: 'atm-notes' });
    this.#root.append(this.#controls, this.#legend, this.#stage, this.#description, this.#tableBox, this.#notes);
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
      this.#handle = new ChartHandle(this.#canvas, chartId, options.dataset);
      if (this.#lang !== 'fr') this.#handle.setLang(this.#lang);
      this.#refresh();
    } catch (error) {
      this.#fail(error);
    }
  }

  /** The reader's choices as a plain object. */
  state() {
    if (this.#handle) return JSON.parse(this.#handle.state());
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
    const hidden = this.state()?.hidden ?? [];
    this.setSeriesVisible(key, hidden.includes(key));
  }
  /** Shows exactly the series not listed in `keys`. */
  setHidden(keys) {
    this.#apply((h) => {
      const wanted = new Set(keys);
      for (const entry of JSON.parse(h.info()).legend) h.setSeriesVisible(entry.key, !wanted.has(entry.key));
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
      const error = new Error(`unknown theme "${choice}"; expected one of: light, dark, auto`);
      this.#fail(error);
      throw error;
    }
    this.#themeChoice = choice;
    this.#schedule(true);
  }
  /** The chart's title in the current language. */
  title() {
    return this.#handle ? JSON.parse(this.#handle.info()).title : '';
  }
  /** Downloads what is shown as `png`, `svg` or `csv`; resolves to the file name. */
  download(format) {
    if (!this.#handle) return Promise.reject(new Error('no chart to export'));
    return exportChart(this.#handle, format, this.#canvas.clientWidth || 760, this.#theme());
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
    const before = this.#handle.state();
    try {
      change(this.#handle);
      this.#refresh();
    } catch (error) {
      this.#fail(error);
      throw error;
    }
    if (this.#handle.state() !== before) this.#onChange?.(this.state());
  }

  #watchPixelRatio() {
    this.#ratioQuery?.removeEventListener('change', this.#onRatioChange);
    this.#ratioQuery = matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
    this.#ratioQuery.addEventListener('change', this.#onRatioChange);
  }

  #fail(error) {
    const trapped = error instanceof WebAssembly.RuntimeError;
    const panic = trapped ? last_panic() : null;
    // After a trap (a panic) the handle is left mid-call and cannot be used again, not
    // even freed: this chart stops here, with its last state; the others go on.
    if (trapped) this.#handle = null;
    const message = panic ? `${UI[this.#lang].internal}: ${panic}` : (error?.message ?? String(error));
    console.error(`autonomie (${this.#chartId}): ${message}`);
    this.#error.replaceChildren(element('strong', {}, UI[this.#lang].error), ' ', message);
    this.#error.hidden = false;
    this.#canvas.hidden = true;
    this.#reader.hide();
    this.#root.classList.add('atm-failed');
  }

  /** Rebuilds the HTML around the canvas from the handle and schedules one redraw. */
  #refresh() {
    const info = JSON.parse(this.#handle.info());
    this.#lastState = info.state;
    this.#error.hidden = true;
    this.#canvas.hidden = false;
    this.#root.classList.remove('atm-failed');
    this.#reader.hide();
    this.#renderControls(info);
    this.#renderNotes(info);
    const ui = UI[info.state.lang];
    this.#canvas.setAttribute('aria-label', `${info.title}. ${info.subtitle} (${ui.canvasHint})`);
    this.#description.textContent = this.#handle.description();
    this.#renderTable();
    this.#schedule(true);
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
    } catch (error) {
      this.#fail(error);
    }
  }

  #preparePrint() {
    if (!this.#handle || this.#canvas.hidden) return;
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

  #renderTable() {
    const data = JSON.parse(this.#handle.table());
    this.#tableBox.setAttribute('aria-label', data.caption);
    const table = element('table');
    table.append(element('caption', {}, data.caption));
    const head = element('thead');
    const headRow = element('tr');
    headRow.append(...data.headers.map((h) => element('th', { scope: 'col' }, h)));
    head.append(headRow);
    const body = element('tbody');
    for (const row of data.rows) {
      const tr = element('tr');
      tr.append(element('th', { scope: 'row' }, row[0]), ...row.slice(1).map((cell) => element('td', {}, cell)));
      body.append(tr);
    }
    table.append(head, body);
    this.#tableBox.replaceChildren(table);
  }

  #buttonGroup(label, options, onPick) {
    const group = element('div', { class: 'atm-group', role: 'group', 'aria-label': label });
    group.append(element('span', { class: 'atm-group-label', 'aria-hidden': 'true' }, label));
    for (const option of options) {
      const button = element('button', { type: 'button', 'aria-pressed': String(option.active), 'data-value': option.value }, option.label);
      button.addEventListener('click', () => onPick(option.value));
      group.append(button);
    }
    return group;
  }

  #renderControls(info) {
    const ui = UI[info.state.lang];
    const groups = [];
    if (info.views.length > 1) {
      groups.push(this.#buttonGroup(ui.view, info.views.map((v) => ({ value: v.id, label: v.label, active: v.active })), (v) => this.setView(v)));
    }
    groups.push(this.#buttonGroup(ui.scale, ['linear', 'log'].map((s) => ({ value: s, label: ui[s], active: info.state.scale === s })), (s) => this.setScale(s)));
    if (info.measure === 'money') {
      groups.push(this.#buttonGroup(ui.currency, [['EUR', '€ EUR'], ['USD', '$ USD']].map(([c, l]) => ({ value: c, label: l, active: info.state.currency === c })), (c) => this.setCurrency(c)));
    }
    const tools = element('div', { class: 'atm-group', role: 'group', 'aria-label': ui.download });
    this.#tableButton.textContent = ui.table;
    tools.append(this.#tableButton, element('span', { class: 'atm-group-label', 'aria-hidden': 'true' }, ui.download));
    for (const format of ['png', 'svg', 'csv']) {
      const button = element('button', { type: 'button', 'data-export': format, 'aria-label': `${ui.download} ${format.toUpperCase()}` }, format.toUpperCase());
      button.addEventListener('click', () => this.download(format).catch((error) => this.#fail(error)));
      tools.append(button);
    }
    groups.push(tools);
    this.#controls.replaceChildren(...groups);
    this.#legend.setAttribute('aria-label', ui.series);
    this.#legend.replaceChildren(...info.legend.map((entry) => {
      const button = element('button', { type: 'button', class: 'atm-series', 'aria-pressed': String(entry.visible), 'data-key': entry.key });
      const swatch = element('span', { class: 'atm-swatch', 'aria-hidden': 'true' });
      swatch.style.backgroundColor = entry.color;
      swatch.style.borderColor = entry.color;
      button.append(swatch, entry.label);
      button.addEventListener('click', () => this.toggleSeries(entry.key));
      return button;
    }));
  }

  #renderNotes(info) {
    const ui = UI[info.state.lang];
    const parts = [];
    if (info.notes.length) {
      const list = element('ul', { class: 'atm-note-list' });
      list.append(...info.notes.map((n) => element('li', {}, n)));
      parts.push(list);
    }
    if (info.rates.length) {
      parts.push(element('p', { class: 'atm-rates' }, `${ui.rates} ${info.rates.join(ui.listSeparator)}`));
    }
    for (const text of info.unconverted ?? []) parts.push(element('p', { class: 'atm-unconverted' }, text));
    const list = element('p', { class: 'atm-sources' });
    list.append(element('span', { class: 'atm-sources-label' }, `${info.sources.length > 1 ? ui.sources : ui.source} `));
    info.sources.forEach((source, index) => {
      if (index > 0) list.append(ui.listSeparator);
      list.append(`${source.publisher}, `, sourceLink(source, ui.quotes), `, ${source.date}`);
    });
    // When the figures are from, apart from when they were checked.
    const dates = info.newest ? `${ui.newest} ${info.newest}${ui.listSeparator}${ui.checked} ${info.checked}.` : `${ui.checked} ${info.checked}.`;
    parts.push(list, element('p', { class: 'atm-checked' }, dates.charAt(0).toUpperCase() + dates.slice(1)));
    this.#notes.replaceChildren(...parts);
  }
}
