// The one module that talks to the wasm (wasm-bindgen's glue in ./pkg/): it loads and
// checks the module, and wraps every call in plain JavaScript with the type of its answer
// (the JSDoc types of contract.js, written from the Rust answer types), parsed from the
// JSON text the Rust side writes (crates/autonomie/src/session.rs). The rest of the
// scripts never see a ChartHandle or a JSON string.

import init, { ChartHandle, chart_ids, last_panic, prepareEmbeddedDataset, sources } from './pkg/autonomie.js';
import { requestFrameWork } from './frames.js';
import { sha256Hex } from './sha256.js';
import { say } from './words.js';

/** @typedef {import('./contract.js').State} State */
/** @typedef {import('./contract.js').Answer} Answer */
/** @typedef {import('./contract.js').ItemInfo} ItemInfo */
/** @typedef {import('./contract.js').AllSources} AllSources */

let wasmReady = null;

/* global AUTONOMIE_WASM_FILE, AUTONOMIE_WASM_SHA256 */
// In the shipped bundle (scripts/bundle.mjs), the wasm file's hashed name and its
// SHA-256, written in at build time: the bytes are checked before they are compiled.
// The source modules (the project's own page and tests) load ./pkg/ as built.
const SHIPPED_WASM = typeof AUTONOMIE_WASM_FILE === 'string'
  ? { url: new URL(AUTONOMIE_WASM_FILE, import.meta.url).href, sha256: AUTONOMIE_WASM_SHA256 }
  : null;

/** Why a wasm file was refused (the words table's `key`), in French and in English (`messages`). */
function wasmError(key, values) {
  const messages = { fr: say('fr', key, values), en: say('en', key, values) };
  return Object.assign(new Error(messages.en), { messages });
}

/**
 * The shipped wasm, compiled while it downloads, and returned only once its SHA-256 is
 * the one built into this script. Anything else (an altered file, a file of another
 * version, a page that a proxy put in its place) is refused before any of its code runs:
 * fail closed.
 *
 * The body is split in two as it arrives: one branch goes to the browser's streaming
 * compiler, the other is kept and hashed. Compiling runs none of the file's code; the
 * module is instantiated (wasm-bindgen's init) only after the hash matched. (`fetch`'s own
 * `integrity` option would check it too, but a fetch with integrity hands the body over
 * only once all of it has arrived and been checked, which rules out compiling during the
 * download, and its failure is an opaque network error, with nothing to tell the blogger.)
 */
async function checkedWasm({ url, sha256 }) {
  let response;
  try {
    response = await fetch(url, { credentials: 'omit' });
  } catch {
    throw wasmError('wasmNetwork', { url });
  }
  if (!response.ok) {
    throw wasmError('wasmStatus', { url, status: response.status });
  }
  let compiled = null;
  let kept = response;
  if (typeof WebAssembly.compileStreaming === 'function' && response.body) {
    const [toCompile, toHash] = response.body.tee();
    compiled = WebAssembly.compileStreaming(new Response(toCompile, { headers: { 'Content-Type': 'application/wasm' } }));
    // Awaited below, after the hash: a file that does not compile is reported by it.
    compiled.catch(() => {});
    kept = new Response(toHash);
  }
  const bytes = await kept.arrayBuffer();
  const actual = await sha256Hex(bytes);
  if (actual !== sha256) {
    throw wasmError('wasmAltered', { url, expected: sha256, actual });
  }
  // A compiled WebAssembly.Module (instantiated by init), or the checked bytes.
  return compiled ?? bytes;
}

/**
 * The wasm to instantiate: the release's, checked against its hash, or the source
 * modules' (www/pkg/). The release's bundle defines AUTONOMIE_WASM_FILE, so the test
 * folds to a constant there and the other branch, address included, leaves the bundle.
 */
function wasmSource() {
  return typeof AUTONOMIE_WASM_FILE === 'string'
    ? checkedWasm(SHIPPED_WASM)
    : Promise.resolve(new URL('./pkg/autonomie_bg.wasm', import.meta.url));
}

/** Loads and instantiates the wasm module once for the whole page. */
export function loadWasm() {
  // The embedded dataset is read once, before any chart starts, in frame tasks of its
  // own (reading, then checking): it is the longest step of a cold start.
  wasmReady ??= wasmSource()
    .then((source) => init({ module_or_path: source }))
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

/**
 * Every source of the embedded dataset, in `lang`.
 * @param {'fr' | 'en'} lang
 * @returns {AllSources}
 */
export function allSources(lang) {
  return JSON.parse(sources(lang));
}

/**
 * Chart ids of a dataset given as JSON text, or of the embedded one; errors in `lang`.
 * @param {string | undefined} datasetJson
 * @param {string} lang
 * @returns {string[]}
 */
export function chartIds(datasetJson, lang) {
  return JSON.parse(chart_ids(datasetJson, lang));
}

/** The message of the last panic of the wasm, if one happened (the hook keeps it). */
export function lastPanic() {
  return last_panic() ?? null;
}

/**
 * One chart of the wasm: a dataset, a state, a canvas (the Rust `ChartHandle`). A change
 * is one call (`change`), its drawing a second (`draw`). Every method may throw an Error
 * whose message is in the chart's language; after a panic (a WebAssembly trap) it must
 * not be used again.
 */
export class WasmChart {
  #handle;
  #scale = 1;

  /**
   * @param {HTMLCanvasElement} canvas
   * @param {string | undefined} chartId the dataset's first chart if undefined
   * @param {string | undefined} datasetJson a dataset as JSON text; the embedded one if undefined
   * @param {string} lang
   */
  constructor(canvas, chartId, datasetJson, lang) {
    this.#handle = new ChartHandle(canvas, chartId, datasetJson, lang);
  }

  /**
   * Applies a change (any of view, scale, currency, lang, hidden, series, toggle) and
   * answers with the state, the dirty parts and their data; `{}` changes nothing.
   * @param {Partial<import('./contract.js').Change>} change @returns {Answer}
   */
  change({ view, scale, currency, lang, hidden, toggle, series } = {}) {
    const text = this.#handle.change(view, scale, currency, lang, hidden?.join(','), toggle, series?.key, series?.visible);
    return JSON.parse(text);
  }
  /** @returns {State} */
  state() { return JSON.parse(this.#handle.state()); }
  /** @returns {string} what is shown, as CSV */
  csv() { return this.#handle.csv(); }
  /**
   * What is shown as an SVG document `cssWidth` pixels wide.
   * @param {number} cssWidth
   * @param {'light' | 'dark'} theme
   * @returns {string}
   */
  svg(cssWidth, theme) { return this.#handle.svg(cssWidth, theme); }
  /**
   * The name of a downloaded file.
   * @param {string} day YYYY-MM-DD
   * @param {string} extension
   * @returns {string}
   */
  fileName(day, extension) { return this.#handle.fileName(day, extension); }
  /**
   * Draws on the chart's canvas (sizing its backing store); returns the canvas's CSS height.
   * @param {number} cssWidth @param {number} ratio @param {number | undefined} cssHeight @param {string} theme
   * @returns {number}
   */
  draw(cssWidth, ratio, cssHeight, theme) {
    // The canvas's CSS pixels per layout pixel (a picture view lays out at its band's width).
    this.#scale = ratio / (window.devicePixelRatio || 1);
    return this.#handle.draw(cssWidth, ratio, cssHeight, theme);
  }
  /**
   * Draws on another canvas (the PNG export), with the full footer.
   * @param {HTMLCanvasElement} canvas @param {number} cssWidth @param {number} ratio @param {string} theme
   */
  drawOn(canvas, cssWidth, ratio, theme) { return this.#handle.drawOn(canvas, cssWidth, ratio, theme); }
  /**
   * The index of the item under a point of the canvas (CSS pixels), if any.
   * @param {number} x @param {number} y
   * @returns {number | undefined}
   */
  itemAt(x, y) { return this.#handle.itemAt(x / this.#scale, y / this.#scale); }
  /** @param {number} index @returns {ItemInfo | null} */
  item(index) { const text = this.#handle.item(index); return text ? JSON.parse(text) : null; }
  /** How many items (bars, points) the last drawing shows. @returns {number} */
  itemCount() { return this.#handle.itemCount(); }
  /** Frees the wasm memory of the chart. */
  free() { this.#handle.free(); }
}
