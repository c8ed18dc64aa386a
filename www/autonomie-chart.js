// <autonomie-chart>: the embeddable chart. One script tag defines it:
//
//   <script type="module" src="https://WIDGET-HOST/dist/autonomie-chart.<hash>.js"
//           integrity="sha384-…" crossorigin="anonymous"></script>
//   <autonomie-chart chart="valuations" currency="USD" lang="fr"></autonomie-chart>
//
// Attributes (all optional): chart, view, scale, currency, lang, hidden-series
// (comma-separated series keys; `hidden` is read too, the name of version 0.1), src (URL of a dataset JSON), height (CSS pixels), theme (`light`, `dark`
// or `auto`, the default), loading (`lazy`, the default, or `eager` to start at once). Attributes and the
// reader's toggles stay in sync both ways; each change fires `autonomie-change` with the
// state as `detail`. The chart lives in a shadow root with its own stylesheet, starts
// when it comes near the viewport and frees its memory when removed.

import { requestFrameWork } from './frames.js';
import { AutonomieChart, chartIds, loadWasm, renderError } from './autonomie.js';
import { widgetSheet } from './widget-style.js';
import { say } from './words.js';

// The JS API, from the same file: the shipped bundle is this module and its imports.
export { AutonomieChart, allSources, chartIds, loadWasm } from './autonomie.js';

const ATTRIBUTES = ['chart', 'view', 'scale', 'currency', 'lang', 'hidden-series', 'hidden', 'src', 'height', 'theme'];
const FETCH_TIMEOUT_MS = 10000;
const MAX_DATASET_BYTES = 5 * 1024 * 1024;

/**
 * The body of `response` as text, refused as soon as it passes MAX_DATASET_BYTES (the
 * limit of the Rust side, in UTF-8 bytes): by its Content-Length before reading, else
 * while it streams in, so that an endless or huge response never fills the memory.
 */
async function readCapped(response, tooLarge) {
  if (Number(response.headers.get('content-length')) > MAX_DATASET_BYTES) throw tooLarge();
  const reader = response.body?.getReader();
  if (!reader) return response.text();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_DATASET_BYTES) {
      reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** Why a dataset URL could not be used, in words a blogger can act on. */
async function fetchDataset(url, lang) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
  const timedOut = () => new Error(say(lang, 'fetchTimeout', { url, s: FETCH_TIMEOUT_MS / 1000 }));
  let response;
  try {
    response = await fetch(url, { credentials: 'omit', signal: controller.signal, cache: 'no-cache' });
  } catch (error) {
    clearTimeout(timer);
    if (error.name === 'AbortError') throw timedOut();
    throw new Error(say(lang, 'fetchNetwork', { url }));
  }
  try {
    if (!response.ok) {
      throw new Error(say(lang, 'fetchStatus', { url, status: response.status }));
    }
    const text = await readCapped(response, () => new Error(say(lang, 'fetchTooLarge', { url }))).catch((error) => {
      // A body that stops coming in is aborted by the same timer as the request.
      throw error.name === 'AbortError' ? timedOut() : error;
    });
    if (/^\s*</.test(text)) {
      const type = response.headers.get('content-type') ?? '?';
      throw new Error(say(lang, 'fetchPage', { url, type }));
    }
    return text;
  } finally {
    clearTimeout(timer);
  }
}

function parseHidden(value) {
  return (value ?? '').split(',').map((key) => key.trim()).filter(Boolean);
}

export class AutonomieChartElement extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  #shadow;
  #internals;
  #chart = null;
  #cancelBuild = null;
  #visibility = null;
  #generation = 0;
  #reflecting = false;
  #starting = false;
  /** Whether the chart is running (it starts near the viewport). */
  started = false;

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: 'open' });
    this.#shadow.adoptedStyleSheets = [widgetSheet()];
    this.#internals = this.attachInternals?.() ?? null;
  }

  connectedCallback() {
    if ('IntersectionObserver' in window && this.getAttribute('loading') !== 'eager') {
      this.#visibility = new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          this.#visibility?.disconnect();
          this.#visibility = null;
          this.#start();
        }
      }, { rootMargin: '300px 0px' });
      this.#visibility.observe(this);
    } else {
      // Not in the connection itself: twenty elements parsed at once would start in
      // one long task.
      this.#cancelBuild = requestFrameWork(() => {
        this.#cancelBuild = null;
        this.#start();
      });
    }
  }

  disconnectedCallback() {
    this.#visibility?.disconnect();
    this.#visibility = null;
    this.#generation += 1;
    this.#cancelBuild?.();
    this.#cancelBuild = null;
    this.#chart?.destroy();
    this.#chart = null;
    this.started = false;
    this.#internals?.states?.delete('started');
    this.#shadow.replaceChildren();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (this.#reflecting || oldValue === newValue || !this.started) return;
    if (name === 'chart' || name === 'src') {
      this.#restart();
      return;
    }
    if (!this.#chart) return;
    try {
      this.#applyAttribute(name, newValue);
    } catch {
      // The controller has already shown the message in place and logged it.
    }
  }

  /** The reader's choices as a plain object (null before the chart starts). */
  state() {
    return this.#chart?.state() ?? null;
  }

  /** The chart's title in its current language ('' before it starts). */
  chartTitle() {
    return this.#chart?.title() ?? '';
  }

  /** How many times the chart was drawn. */
  get drawCount() {
    return this.#chart?.drawCount ?? 0;
  }

  /** Downloads what is shown as `png`, `svg` or `csv`; resolves to the file name. */
  download(format) { return this.#chart ? this.#chart.download(format) : Promise.reject(new Error(say(this.#lang(), 'notStarted'))); }
  setView(id) { this.#chart?.setView(id); }
  setScale(scale) { this.#chart?.setScale(scale); }
  setCurrency(currency) { this.#chart?.setCurrency(currency); }
  setLang(lang) { this.#chart?.setLang(lang); }
  setSeriesVisible(key, visible) { this.#chart?.setSeriesVisible(key, visible); }
  toggleSeries(key) { this.#chart?.toggleSeries(key); }

  #lang() {
    const own = this.getAttribute('lang');
    if (own) return own;
    const inherited = this.parentElement?.closest('[lang]')?.getAttribute('lang') ?? '';
    return inherited.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  }

  #restart() {
    this.disconnectedCallback();
    this.#start();
  }

  async #start() {
    if (this.started || !this.isConnected) return;
    this.started = true;
    this.#internals?.states?.add('started');
    const generation = ++this.#generation;
    const lang = this.#lang();
    const stage = document.createElement('div');
    this.#shadow.replaceChildren(stage);
    let dataset;
    let chartId = this.getAttribute('chart');
    try {
      await loadWasm();
      const src = this.getAttribute('src');
      if (src) {
        dataset = await fetchDataset(new URL(src, document.baseURI).href, lang === 'en' ? 'en' : 'fr');
        chartId ??= chartIds(dataset, lang)[0];
      }
    } catch (error) {
      if (generation !== this.#generation) return;
      // A refused wasm file says why in both languages (autonomie.js).
      const message = error.messages?.[lang === 'en' ? 'en' : 'fr'] ?? error.message;
      console.error(`autonomie: ${message}`);
      renderError(stage, message, lang);
      this.#announce();
      return;
    }
    if (generation !== this.#generation) return;
    // Built after an animation frame, one chart per frame, with the other charts' work.
    this.#cancelBuild = requestFrameWork(() => {
      this.#cancelBuild = null;
      if (generation === this.#generation) this.#build(stage, chartId, dataset, lang);
    }, { build: true });
  }

  #build(stage, chartId, dataset, lang) {
    const height = Number(this.getAttribute('height'));
    this.#chart = new AutonomieChart(stage, chartId ?? 'models', {
      lang: lang === 'fr' ? 'fr' : 'en',
      dataset,
      height: height > 0 ? height : undefined,
      theme: ['light', 'dark'].includes(this.getAttribute('theme')) ? this.getAttribute('theme') : 'auto',
      onChange: (state) => this.#reflect(state),
    });
    this.#starting = true;
    if (lang !== 'fr' && lang !== 'en') this.#attempt(() => this.#chart.setLang(lang));
    for (const name of ['view', 'scale', 'currency', 'hidden', 'hidden-series', 'theme']) {
      if (this.hasAttribute(name)) this.#attempt(() => this.#applyAttribute(name, this.getAttribute(name)));
    }
    this.#starting = false;
    const state = this.#chart.state();
    if (state) this.#writeAttributes(state);
    this.#announce();
  }

  #attempt(change) {
    try {
      change();
    } catch {
      // Shown in place and logged by the controller.
    }
  }

  #applyAttribute(name, value) {
    const chart = this.#chart;
    switch (name) {
      case 'view': if (value) chart.setView(value); break;
      case 'scale': if (value) chart.setScale(value); break;
      case 'currency': if (value) chart.setCurrency(value.toUpperCase()); break;
      case 'lang': chart.setLang(value || this.#lang()); break;
      case 'hidden':
      case 'hidden-series': chart.setHidden(parseHidden(value)); break;
      case 'height': chart.setHeight(Number(value)); break;
      case 'theme': chart.setTheme(value || 'auto'); break;
      default: break;
    }
  }

  /** Mirrors a state change into the attributes, then tells the host page. */
  #reflect(state) {
    if (this.#starting) return;
    this.#writeAttributes(state);
    this.dispatchEvent(new CustomEvent('autonomie-change', { detail: state, bubbles: true, composed: true }));
  }

  #writeAttributes(state) {
    this.#reflecting = true;
    try {
      const wanted = { view: state.view, scale: state.scale, currency: state.currency, 'hidden-series': state.hidden.join(',') };
      // Never written: a global attribute, whose change drops the focus (fragment.js).
      if (this.hasAttribute('hidden')) this.removeAttribute('hidden');
      for (const [name, value] of Object.entries(wanted)) {
        const current = this.getAttribute(name);
        if (name === 'hidden-series' && value === '') {
          if (current !== null) this.removeAttribute(name);
        } else if (current !== value) {
          this.setAttribute(name, value);
        }
      }
      if (this.hasAttribute('lang') && this.getAttribute('lang') !== state.lang) this.setAttribute('lang', state.lang);
    } finally {
      this.#reflecting = false;
    }
  }

  /** Tells listeners that the element started, with or without a chart. */
  #announce() {
    this.dispatchEvent(new CustomEvent('autonomie-ready', { detail: this.state(), bubbles: true, composed: true }));
  }
}

if (!customElements.get('autonomie-chart')) {
  customElements.define('autonomie-chart', AutonomieChartElement);
}

