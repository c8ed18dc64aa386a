// <autonomie-chart>: the embeddable chart. One script tag defines it:
//
//   <script type="module" src="https://WIDGET-HOST/dist/autonomie-chart.<hash>.js"
//           integrity="sha384-…" crossorigin="anonymous"></script>
//   <autonomie-chart chart="valuations" currency="USD" lang="fr"></autonomie-chart>
//
// Attributes (all optional): chart, view, scale, currency, lang, hidden-series
// (comma-separated series keys; `hidden` is read too, the name of version 0.1), src (URL of
// a dataset JSON), height (CSS pixels), theme (`light`, `dark` or `auto`, the default),
// load (when the wasm is fetched: `eager` at once, `visible`, the default, once the chart
// is near the viewport and the page is idle, `interaction` on the first pointer, touch,
// click or focus on it; `loading="eager"`, the name of version 0.2, still means `eager`).
// Attributes and the reader's toggles stay in sync both ways; each change fires
// `autonomie-change` with the state as `detail`. The chart lives in a shadow root with
// its own stylesheet and frees its memory when removed.
//
// The picture (issue 20): an embed code carries the chart's picture inside the element
// (a <picture> of the state's pictures by width band and colour scheme, embed-code.js),
// which the host page lays out and shows before any script runs, and where none runs.
// The element keeps it where it is, puts the chart's toolbar over its blank bottom, and
// draws the canvas as that picture scaled, in its place, once the wasm has arrived
// (picture-view.js). When the wasm cannot run (a host CSP without 'wasm-unsafe-eval', a
// network error, an altered file), the picture stays, with a line saying so and a link
// to the interactive chart; the browser's words go to the console. An element without a
// picture keeps its room (320 px) until its chart is drawn.

import { fetchDataset } from './fetch-dataset.js';
import { PictureView, embeddedPicture } from './picture-view.js';
import { requestFrameWork } from './frames.js';
import { AutonomieChart, chartIds, loadWasm, renderError } from './autonomie.js';
import { widgetSheet } from './widget-style.js';
import { say } from './words.js';
import { CHARTS, DEFAULT_LANG, DEFAULT_THEME, LANGS, STATE_KEYS, THEME_CHOICES } from './contract.js';

// The JS API, from the same file: the shipped bundle is this module and its imports.
export { AutonomieChart, allSources, chartIds, loadWasm } from './autonomie.js';

/** The release's directory (this script's), where the interactive charts' pages are. */
const RELEASE_BASE = new URL('./', import.meta.url).href;
/** What starts the wasm with load="interaction". */
const INTERACTIONS = ['pointerenter', 'focusin', 'touchstart', 'click'];

const ATTRIBUTES = ['chart', ...STATE_KEYS.map((key) => (key === 'hidden' ? 'hidden-series' : key)), 'hidden', 'src', 'height', 'theme'];

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
  /** The picture of the embed code and the parts around it (picture-view.js), if it has one. */
  #view = null;
  #idle = null;
  /** Presses on the picture's toolbar, applied when the chart is built. */
  #pressed = {};
  #onInteraction = () => this.#start();
  /** Whether the chart is running (see the `load` attribute). */
  started = false;

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: 'open' });
    this.#shadow.adoptedStyleSheets = [widgetSheet()];
    this.#internals = this.attachInternals?.() ?? null;
  }

  /** `eager`, `visible` or `interaction` (the `load` attribute, read when connected). */
  #loadMode() {
    const load = this.getAttribute('load');
    if (load === 'eager' || load === 'interaction') return load;
    return this.getAttribute('loading') === 'eager' && load === null ? 'eager' : 'visible';
  }

  connectedCallback() {
    if (!this.#view && !this.started) this.#showPicture();
    const mode = this.#loadMode();
    if (mode === 'interaction') {
      for (const type of INTERACTIONS) this.addEventListener(type, this.#onInteraction, { passive: true });
    } else if ('IntersectionObserver' in window && mode === 'visible') {
      this.#visibility = new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          this.#visibility?.disconnect();
          this.#visibility = null;
          // Visible: started when the page is idle, at the latest after a second.
          const idle = window.requestIdleCallback ?? ((task) => setTimeout(task, 1));
          const cancel = window.cancelIdleCallback ?? clearTimeout;
          const id = idle(() => {
            this.#idle = null;
            this.#start();
          }, { timeout: 1000 });
          this.#idle = () => cancel(id);
        }
      }, { rootMargin: '300px 0px' });
      this.#visibility.observe(this);
      // A click or a key on the picture's toolbar does not wait for the idle time.
      for (const type of ['click', 'focusin']) this.addEventListener(type, this.#onInteraction, { passive: true });
    } else {
      // Not in the connection itself: twenty elements parsed at once would start in
      // one long task.
      this.#cancelBuild = requestFrameWork(() => {
        this.#cancelBuild = null;
        this.#start();
      });
    }
  }

  /**
   * The embed code's picture, if it has one (picture-view.js): shown in the host's own
   * layout until the canvas, which is that picture scaled, takes its place; the toolbar
   * over its blank bottom takes presses at once.
   */
  #showPicture() {
    const picture = embeddedPicture(this);
    if (!picture) return;
    // Its width is the element's, wherever the host page's CSS leaves it.
    picture.image.style.maxWidth = '100%';
    picture.image.style.height = 'auto';
    this.#view = new PictureView(picture, (name, value) => this.#keep(name, value));
    this.#internals?.states?.add('picture');
    this.#view.attach(this.#shadow);
  }

  /** A press before the chart is built, applied when it is (#build). */
  #keep(name, value) {
    if (name === 'series') this.#pressed.series = { ...this.#pressed.series, [value.key]: value.visible };
    else this.#pressed[name] = value;
  }

  disconnectedCallback() {
    for (const type of INTERACTIONS) this.removeEventListener(type, this.#onInteraction);
    this.#idle?.();
    this.#idle = null;
    this.#view?.destroy();
    this.#view = null;
    this.#internals?.states?.delete('picture');
    this.#visibility?.disconnect();
    this.#visibility = null;
    this.#generation += 1;
    this.#cancelBuild?.();
    this.#cancelBuild = null;
    this.#chart?.destroy();
    this.#chart = null;
    this.started = false;
    this.#internals?.states?.delete('started');
    this.#internals?.states?.delete('shown');
    this.#shadow.replaceChildren();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (this.#reflecting || oldValue === newValue) return;
    if (!this.started) {
      // Set before the start (as embed.js does): read when the chart is built.
      return;
    }
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

  /** Its own `lang`, else the language of the nearest `lang` of the page (`fr-FR` is `fr`), else the default. */
  #lang() {
    const own = this.getAttribute('lang');
    if (own) return own;
    const inherited = (this.parentElement?.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase();
    return LANGS.find((lang) => inherited === lang || inherited.startsWith(`${lang}-`)) ?? DEFAULT_LANG;
  }

  #restart() {
    this.disconnectedCallback();
    this.#start();
  }

  async #start() {
    if (this.started || !this.isConnected) return;
    for (const type of INTERACTIONS) this.removeEventListener(type, this.#onInteraction);
    this.#idle?.();
    this.#idle = null;
    this.started = true;
    this.#internals?.states?.add('started');
    const generation = ++this.#generation;
    const lang = this.#lang();
    // A picture view's chart goes into the shadow root beside its picture (it adopts the view).
    const stage = this.#view ? this.#shadow : document.createElement('div');
    if (!this.#view) this.#shadow.replaceChildren(stage);
    let dataset;
    let chartId = this.getAttribute('chart');
    try {
      // The dataset is fetched while the wasm downloads and compiles, not after it.
      const src = this.getAttribute('src');
      const fetched = src ? fetchDataset(new URL(src, document.baseURI).href, LANGS.includes(lang) ? lang : DEFAULT_LANG) : null;
      fetched?.catch(() => {});
      await loadWasm();
      if (fetched) {
        dataset = await fetched;
        chartId ??= chartIds(dataset, lang)[0];
      }
    } catch (error) {
      if (generation !== this.#generation) return;
      // A refused wasm file says why in both languages (autonomie.js).
      const message = error.messages?.[LANGS.includes(lang) ? lang : DEFAULT_LANG] ?? error.message;
      console.error(`autonomie: ${message}`);
      if (this.#view) this.#view.fail(LANGS.includes(lang) ? lang : DEFAULT_LANG, RELEASE_BASE, { ...this.#view.state, hidden: parseHidden(this.getAttribute('hidden-series')) });
      else renderError(stage, message, lang);
      this.#internals?.states?.add('shown');
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
    this.#chart = new AutonomieChart(stage, chartId ?? CHARTS[0], {
      lang,
      dataset,
      height: height > 0 ? height : undefined,
      theme: THEME_CHOICES.includes(this.getAttribute('theme')) ? this.getAttribute('theme') : DEFAULT_THEME,
      onChange: (state) => this.#reflect(state),
      view: this.#view ?? undefined,
      onShown: () => {
        // Drawn (or its error shown): the element may now take its own height.
        this.#internals?.states?.add('shown');
      },
    });
    this.#starting = true;
    if (!LANGS.includes(lang)) this.#attempt(() => this.#chart.setLang(lang));
    for (const name of ['view', 'scale', 'currency', 'hidden', 'hidden-series', 'theme']) {
      if (this.hasAttribute(name)) this.#attempt(() => this.#applyAttribute(name, this.getAttribute(name)));
    }
    this.#starting = false;
    // What the reader pressed on the picture's toolbar, as if pressed now (an autonomie-change).
    const pressed = this.#pressed;
    this.#pressed = {};
    if (pressed.view) this.#attempt(() => this.#chart.setView(pressed.view));
    if (pressed.currency) this.#attempt(() => this.#chart.setCurrency(pressed.currency));
    if (pressed.scale) this.#attempt(() => this.#chart.setScale(pressed.scale));
    for (const [key, visible] of Object.entries(pressed.series ?? {})) this.#attempt(() => this.#chart.setSeriesVisible(key, visible));
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
      case 'theme': chart.setTheme(value || DEFAULT_THEME); break;
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

