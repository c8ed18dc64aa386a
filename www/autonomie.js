// Autonomie's chart controller: one AutonomieChart per container (the <autonomie-chart>
// element's shadow root, or any element of a page that scripts it directly).
//
// The chart itself (state, data, conversion, layout, drawing, hit-testing, description,
// table, exports) lives in Rust/wasm behind WasmChart (wasm.js, the one module that
// talks to it). A change is one call, `change()`, whose answer names the dirty parts and
// carries their data; this module hands each dirty part to its own class (controls.js,
// legend.js, stage.js, table.js, notes.js) and queues one drawing (redraw.js), the
// second call. It keeps no copy of the state. No framework, no global.

import { element } from './dom.js';
import { exportChart, printableSvg } from './export.js';
import { ItemReader } from './reading.js';
import { resolveTheme } from './theme.js';
import { DEFAULT_LANG, DEFAULT_THEME, LANGS, THEME_CHOICES } from './contract.js';
import { say } from './words.js';
import { lastPanic, WasmChart } from './wasm.js';
import { ControlsPart } from './controls.js';
import { LegendPart } from './legend.js';
import { NotesPart } from './notes.js';
import { Redraw } from './redraw.js';
import { StagePart } from './stage.js';
import { TablePart } from './table.js';

export { allSources, chartIds, loadWasm } from './wasm.js';
export { sourceLink } from './dom.js';

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
  /** The chart's parts, each updated from its part of an answer. */
  #parts;
  /** The chart's root; its `lang` is the language of what it shows. */
  #root = element('div', { class: 'atm' });
  /** The one live region: a toggle's new state is announced here, once. */
  #status = element('p', { class: 'atm-visually-hidden', role: 'status' });
  #reader;
  #redraw;
  #options;
  #onBeforePrint = () => this.#preparePrint();
  #printQuery = matchMedia('print');
  /** How many times the chart was drawn (for tests and the benchmark). */
  drawCount = 0;

  /**
   * @param {HTMLElement} container where the chart goes; its content is replaced.
   * @param {string | undefined} chartId a chart of the dataset (its first when undefined).
   * @param {{lang?: string, dataset?: string, height?: number, theme?: string, onChange?: function, onShown?: function}} options
   *   `dataset` is a JSON text (default: the embedded dataset); `height` the canvas
   *   height to aim at, in CSS pixels; `theme` one of THEME_CHOICES (default `auto`);
   *   `onChange(state)` is called after each change; `onShown()` after each drawing
   *   and each error shown.
   */
  constructor(container, chartId, options = {}) {
    this.#options = { ...options, chartId, height: validHeight(options.height), theme: options.theme ?? DEFAULT_THEME };
    const { view } = options;
    const press = (name, value) => this.#press(name, value);
    const toggle = (key) => this.toggleSeries(key);
    const stage = new StagePart();
    if (view) {
      // The picture view's parts, which a reader may already be using, are this chart's.
      this.#parts = { ...view.parts, stage };
      this.#root = view.root;
      view.adopt(stage.root, this.#status, press, toggle);
      this.#root.append(stage.description);
    } else {
      const table = new TablePart();
      const legend = new LegendPart(toggle);
      this.#parts = { legend, table, stage, notes: new NotesPart(), controls: new ControlsPart(legend.root, table.button, press) };
      this.#root.append(this.#parts.controls.root, legend.root, stage.root, stage.description, table.root, this.#parts.notes.root, this.#status);
    }
    const lang = LANGS.includes(options.lang) ? options.lang : DEFAULT_LANG;
    this.#root.lang = lang;
    if (this.#root.parentNode !== container) container.replaceChildren(this.#root);
    this.#reader = new ItemReader(stage.canvas, stage.root, () => this.#handle);
    this.#redraw = new Redraw(stage.root, (width, ratio) => this.#draw(width, ratio));
    window.addEventListener('beforeprint', this.#onBeforePrint);
    this.#printQuery.addEventListener('change', this.#onBeforePrint);
    try {
      this.#handle = new WasmChart(stage.canvas, chartId, options.dataset, lang);
      this.#show(this.#handle.change({}));
    } catch (error) {
      this.#fail(error);
    }
  }

  /** The reader's choices as a plain object (null once the chart has stopped). */
  state() {
    return this.#handle?.state() ?? null;
  }

  /** Switches view (`latest`, `history`, `countries`… as the chart offers). */
  setView(view) { this.change({ view }); }
  /** `linear` or `log`. */
  setScale(scale) { this.change({ scale }); }
  /** `EUR` or `USD`. */
  setCurrency(currency) { this.change({ currency }); }
  /** `fr` or `en`. */
  setLang(lang) { this.change({ lang }); }
  /** Shows or hides the series `key`. */
  setSeriesVisible(key, visible) { this.change({ series: { key, visible: Boolean(visible) } }); }
  /** Flips the visibility of series `key`. */
  toggleSeries(key) { this.change({ toggle: key }); }
  /** Shows exactly the series not listed in `keys`. */
  setHidden(keys) { this.change({ hidden: [...keys] }); }

  /**
   * Applies `change` (any of view, scale, currency, lang, hidden, series, toggle: the
   * wasm's `Change`) in one call, updates the parts its answer marks dirty and queues
   * one drawing if the canvas is. Throws, after showing the message in place, on an
   * unknown value.
   */
  change(change) {
    if (!this.#handle) return;
    let answer;
    try {
      answer = this.#handle.change(change);
    } catch (error) {
      this.#fail(error);
      throw error;
    }
    this.#show(answer);
    if (answer.changed) this.#options.onChange?.(answer.state);
  }

  /** Aims the canvas at `height` CSS pixels (null: the chart's natural height). */
  setHeight(height) {
    this.#options.height = validHeight(height);
    this.#redraw.schedule(true);
  }
  /** One of THEME_CHOICES: `auto` (the reader's system preference), `light` or `dark`. */
  setTheme(choice) {
    if (!THEME_CHOICES.includes(choice)) {
      const error = new Error(say(this.#root.lang, 'unknownTheme', { value: choice, expected: THEME_CHOICES.join(', ') }));
      this.#fail(error);
      throw error;
    }
    this.#options.theme = choice;
    this.#redraw.schedule(true);
  }
  /** The chart's title in the current language. */
  title() {
    return this.#handle ? this.#parts.stage.title : '';
  }
  /** Downloads what is shown as `png`, `svg` or `csv`; resolves to the file name. */
  download(format) {
    if (!this.#handle) return Promise.reject(new Error(say(this.#root.lang, 'noChart')));
    return exportChart(this.#handle, format, this.#parts.stage.canvas.clientWidth || 760, resolveTheme(this.#options.theme), this.#root.lang);
  }

  /** Stops observing, frees the wasm handle and empties the container. */
  destroy() {
    this.#redraw.destroy();
    window.removeEventListener('beforeprint', this.#onBeforePrint);
    this.#printQuery.removeEventListener('change', this.#onBeforePrint);
    this.#reader.destroy();
    this.#handle?.free();
    this.#handle = null;
    this.#root.remove();
  }

  #press(name, value) {
    if (name === 'export') this.download(value).catch((error) => this.#fail(error));
    else this.change({ [name]: value });
  }

  /**
   * Hands each dirty part of `answer` to its part, in place: a part whose data did not
   * change is not touched, and a touched part changes only the nodes whose text or state
   * differ, so the control the reader used stays in the document and keeps the focus.
   */
  #show(answer) {
    const { stage, controls, legend, notes, table } = this.#parts;
    stage.recover();
    this.#root.classList.remove('atm-failed');
    if (this.#root.lang !== answer.state.lang) this.#root.lang = answer.state.lang;
    this.#options.view?.follow(answer.state);
    this.#reader.hide();
    for (const part of answer.dirty) {
      switch (part) {
        case 'controls': controls.update(answer.controls); break;
        case 'legend': legend.update(answer.legend); break;
        case 'notes': notes.update(answer.notes); break;
        case 'sources': notes.updateSources(answer.sources); break;
        case 'reading': stage.update(answer.reading); table.update(answer.reading.table); break;
        case 'canvas': this.#redraw.schedule(true); break;
        default: break;
      }
    }
    // One live region, one sentence: the new state, heard once.
    if (answer.announcement) this.#status.textContent = answer.announcement;
  }

  #fail(error) {
    const trapped = error instanceof WebAssembly.RuntimeError;
    const lang = this.#root.lang;
    // After a trap (a panic) the handle is left mid-call and cannot be used again, not
    // even freed: this chart stops here; the others go on. The reader gets a sentence in
    // the chart's language; Rust's own words go to the console.
    if (trapped) this.#handle = null;
    const message = trapped ? say(lang, 'internal') : (error?.message ?? String(error));
    const panic = trapped ? lastPanic() : null;
    console.error(`autonomie (${this.#options.chartId}): ${message}${panic ? ` (${panic})` : ''}`);
    this.#parts.stage.fail(message, lang);
    this.#reader.hide();
    this.#root.classList.add('atm-failed');
    this.#options.onShown?.();
  }

  /** Draws at `width` CSS pixels and `ratio` (the second call of a change). */
  #draw(width, ratio) {
    const { stage } = this.#parts;
    if (!this.#handle || !stage.shown) return false;
    const theme = resolveTheme(this.#options.theme);
    this.#root.dataset.theme = theme;
    // A picture view's chart is laid out at its band's width and drawn at its own: the
    // canvas is the picture scaled (picture-view.js).
    const layout = this.#options.view?.layoutWidth(width) ?? width;
    try {
      const height = this.#handle.draw(layout, (ratio * width) / layout, this.#options.height ?? undefined, theme) * (width / layout);
      stage.setHeight(height);
      this.#options.view?.drawn(height);
      this.drawCount += 1;
      this.#reader.refresh();
      this.#options.onShown?.();
    } catch (error) {
      this.#fail(error);
    }
    return true;
  }

  #preparePrint() {
    if (!this.#handle || !this.#parts.stage.shown) return;
    this.#parts.notes.openAll();
    try {
      this.#parts.stage.setPrintable(printableSvg(this.#handle, this.#parts.stage.canvas.clientWidth || 760));
    } catch (error) {
      console.error(`autonomie (${this.#options.chartId}): the printable version failed: ${error.message}`);
    }
  }
}

/** A canvas height to aim at, or null. */
function validHeight(height) {
  return Number.isFinite(height) && height > 0 ? height : null;
}
