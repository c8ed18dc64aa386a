// Types of the autonomie-chart package: the <autonomie-chart> element (its attributes,
// methods and events, registered in HTMLElementTagNameMap and HTMLElementEventMap) and
// the JS API exported by the same script. The wasm module's own exports, as wasm-bindgen
// declares them, are in wasm-bindgen/autonomie.d.ts (bundled inside the script, not
// imported separately).

// <contract> written from crates/autonomie/src/session/contract.rs: do not edit; `UPDATE_CONTRACT=1 cargo test -q contract` rewrites it.
/** The charts of the embedded dataset (a `src` dataset may define others). */
export type AutonomieChartId = 'models' | 'valuations' | 'funding' | 'compute' | (string & {});
export type AutonomieView = 'countries' | 'countries-2024' | 'history' | 'june-2026' | 'latest' | 'november-2025' | 'october-2025' | (string & {});
export type AutonomieScale = 'linear' | 'log';
export type AutonomieCurrency = 'EUR' | 'USD';
export type AutonomieLang = 'fr' | 'en';
export type AutonomieTheme = 'light' | 'dark' | 'auto';

/** What the reader chose: `state()`, and the `detail` of `autonomie-change`. */
export interface AutonomieState {
  /** The chart's id. */
  chart: string;
  /** The view's id. */
  view: string;
  /** The scale. */
  scale: AutonomieScale;
  /** The currency amounts are shown in. */
  currency: AutonomieCurrency;
  /** The language of every text. */
  lang: AutonomieLang;
  /** The keys of the hidden series. */
  hidden: string[];
}

/** Several changes at once (`AutonomieChart.change`): all apply, or none. */
export interface AutonomieChange {
  /** A view id of the chart. */
  view?: AutonomieView;
  /** `linear` or `log`. */
  scale?: AutonomieScale;
  /** `EUR` or `USD`. */
  currency?: AutonomieCurrency;
  /** `fr` or `en`. */
  lang?: AutonomieLang;
  /** Exactly the series to hide (every other series of the view is shown). */
  hidden?: string[];
  /** One series shown (`visible: true`) or hidden. */
  series?: { key: string; visible: boolean };
  /** One series flipped: shown if hidden, hidden if shown. */
  toggle?: string;
}
// </contract>
export type AutonomieLoading = 'lazy' | 'eager';
export type AutonomieLoad = 'eager' | 'visible' | 'interaction';
export type AutonomieExportFormat = 'png' | 'svg' | 'csv';

/** The element's attributes, as strings in HTML (all optional). */
export interface AutonomieChartAttributes {
  chart?: AutonomieChartId;
  view?: AutonomieView;
  scale?: AutonomieScale;
  currency?: AutonomieCurrency;
  /** Default: the nearest `lang` of the host page (`fr-FR` counts as `fr`), else `en`. */
  lang?: AutonomieLang;
  /** Comma-separated keys of hidden series, e.g. `openai,anthropic`. */
  'hidden-series'?: string;
  /** @deprecated The 0.1 name of `hidden-series`: read once and moved there. */
  hidden?: string;
  /** URL of a dataset JSON (format: dataset.schema.json); default: the embedded dataset. */
  src?: string;
  /** Canvas height to aim at, in CSS pixels. */
  height?: `${number}` | number;
  /**
   * When the wasm is fetched: `eager` at once; `visible` (default) once the chart is
   * within 300 px of the viewport and the page is idle; `interaction` on the first
   * pointer, touch, click or focus on the chart. Until then a chart whose embed code
   * carries its picture (a `<picture>` child) shows it. Read when the element is connected.
   */
  load?: AutonomieLoad;
  /** @deprecated The 0.2 name: `loading="eager"` is `load="eager"`. */
  loading?: AutonomieLoading;
  /** Default: `auto` (follows prefers-color-scheme). */
  theme?: AutonomieTheme;
}

/** The names of the attributes the element reads. */
export type AutonomieChartAttributeName = keyof AutonomieChartAttributes;

export type AutonomieChangeEvent = CustomEvent<AutonomieState>;
/** Fired once the element started, with a chart (`detail`: its state) or with an error shown in place (`detail`: null). */
export type AutonomieReadyEvent = CustomEvent<AutonomieState | null>;

/**
 * `<autonomie-chart>`: one sourced chart with its controls, in a shadow root. Its events
 * (`autonomie-change`, `autonomie-ready`; bubbling and composed) are typed through
 * HTMLElementEventMap below.
 */
export declare class AutonomieChartElement extends HTMLElement {
  static readonly observedAttributes: readonly AutonomieChartAttributeName[];
  /** Whether the chart is running (it starts near the viewport). */
  readonly started: boolean;
  /** How many times the chart was drawn. */
  readonly drawCount: number;
  /** The reader's choices (null before the chart starts). */
  state(): AutonomieState | null;
  /** The chart's title in its current language ('' before it starts). */
  chartTitle(): string;
  /** Downloads what is shown; resolves to the file name. */
  download(format: AutonomieExportFormat): Promise<string>;
  setView(id: AutonomieView): void;
  setScale(scale: AutonomieScale): void;
  setCurrency(currency: AutonomieCurrency): void;
  setLang(lang: AutonomieLang): void;
  setSeriesVisible(key: string, visible: boolean): void;
  toggleSeries(key: string): void;
}

export interface AutonomieChartOptions {
  /** Default `fr`. */
  lang?: AutonomieLang;
  /** A dataset as JSON text (default: the embedded dataset). */
  dataset?: string;
  /** Canvas height to aim at, in CSS pixels. */
  height?: number;
  theme?: AutonomieTheme;
  /** Called after each change. */
  onChange?: (state: AutonomieState) => void;
}

/** A chart in any container, without the element (call `loadWasm()` first). */
export declare class AutonomieChart {
  /** @param container where the chart goes; its content is replaced. */
  constructor(container: HTMLElement, chartId: AutonomieChartId, options?: AutonomieChartOptions);
  /** How many times the chart was drawn. */
  readonly drawCount: number;
  state(): AutonomieState | null;
  setView(id: AutonomieView): void;
  setScale(scale: AutonomieScale): void;
  setCurrency(currency: AutonomieCurrency): void;
  setLang(lang: AutonomieLang): void;
  setSeriesVisible(key: string, visible: boolean): void;
  toggleSeries(key: string): void;
  /** Shows exactly the series not listed. */
  setHidden(keys: Iterable<string>): void;
  /** Several changes in one call into the wasm: all apply, or none. */
  change(change: AutonomieChange): void;
  /** Null: the chart's natural height. */
  setHeight(height: number | null): void;
  setTheme(choice: AutonomieTheme): void;
  /** The chart's title in the current language. */
  title(): string;
  download(format: AutonomieExportFormat): Promise<string>;
  /** Stops observing, frees the wasm memory and empties the container. */
  destroy(): void;
}

export interface AutonomieSource {
  key: string;
  publisher: string;
  title: string;
  url: string;
  /** Formatted in the requested language. */
  date: string;
  dateNote: string | null;
}

/**
 * Fetches, checks (SHA-256) and instantiates the wasm once for the page. Rejects when
 * the file cannot be loaded or is not the one this script was built with.
 */
export declare function loadWasm(): Promise<void>;
/** Every source of the embedded dataset (after `loadWasm()`). */
export declare function allSources(lang: AutonomieLang): { checked: string; sources: AutonomieSource[] };
/** The chart ids of a dataset given as JSON text, or of the embedded one (after `loadWasm()`). */
export declare function chartIds(datasetJson?: string): string[];

declare global {
  interface HTMLElementTagNameMap {
    'autonomie-chart': AutonomieChartElement;
  }
  interface HTMLElementEventMap {
    'autonomie-change': AutonomieChangeEvent;
    'autonomie-ready': AutonomieReadyEvent;
  }
}
