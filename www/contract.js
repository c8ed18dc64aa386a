// The contract between the wasm and the scripts, written from
// crates/autonomie/src/session/contract.rs and answer.rs: do not edit; `UPDATE_CONTRACT=1 cargo test -q contract` rewrites it.

/** The charts of the embedded dataset, in page order (they have pictures). */
export const CHARTS = ["models","valuations","funding","compute"];
/** Every view id of the embedded dataset. */
export const VIEWS = ["countries","countries-2024","history","june-2026","latest","november-2025","october-2025"];
/** The scales. */
export const SCALES = ["linear","log"];
/** The currencies amounts are shown in. */
export const CURRENCIES = ["EUR","USD"];
/** The languages, in the order the switch shows them. */
export const LANGS = ["fr","en"];
/** The language of a chart told none, or one it does not speak. */
export const DEFAULT_LANG = "en";
/** The `theme` attribute's values. */
export const THEME_CHOICES = ["light","dark","auto"];
/** The `theme` attribute's default. */
export const DEFAULT_THEME = "auto";
/** The themes a chart is drawn in (`contrast` under forced colors). */
export const THEMES = ["light","dark","contrast"];
/** The state's keys in attributes and URL fragments, the chart apart. */
export const STATE_KEYS = ["view","scale","currency","lang","hidden"];
/** The parts of a chart that an answer may mark dirty, in update order. */
export const PARTS = ["controls","legend","notes","sources","reading","canvas"];
/** The embed pictures' width bands (issue 20), narrowest first: `from` (CSS px), the layout `width`, the toolbar's `rows` and height (`toolbar`, CSS px at `width`). */
export const BANDS = [{"from":0,"width":310,"rows":2,"toolbar":82},{"from":341,"width":375,"rows":2,"toolbar":82},{"from":414,"width":457,"rows":2,"toolbar":82},{"from":504,"width":573,"rows":1,"toolbar":44},{"from":651,"width":740,"rows":1,"toolbar":44},{"from":840,"width":955,"rows":1,"toolbar":44},{"from":1085,"width":1232,"rows":1,"toolbar":44}];
/** How an embed picture's file is named, without `.svg`. */
export const PICTURE_NAME = "{chart}-{view}-{scale}-{currency}-{lang}-{theme}-{band}";
/** Under this width in CSS pixels a chart has its narrow layout (a band's edge). */
export const NARROW_WIDTH = 504;

/** @typedef {'controls' | 'legend' | 'notes' | 'sources' | 'reading' | 'canvas'} Part A part of a chart. */

/**
 * @typedef {object} Change What the page asks to change: every field is optional, and they apply in this order (a view first, since it brings its own scale and forgets hidden series it does not have). Either all apply or, on an error, none.
 * @property {string | null} view A view id of the chart.
 * @property {'linear' | 'log' | null} scale `linear` or `log`.
 * @property {'EUR' | 'USD' | null} currency `EUR` or `USD`.
 * @property {'fr' | 'en' | null} lang `fr` or `en`.
 * @property {string[] | null} hidden Exactly the series to hide (every other series of the view is shown).
 * @property {SeriesChange | null} series One series shown (`visible: true`) or hidden.
 * @property {string | null} toggle One series flipped: shown if hidden, hidden if shown.
 */

/**
 * @typedef {object} SeriesChange One series shown or hidden ([`Change::series`]).
 * @property {string} key The series' key.
 * @property {boolean} visible Shown or hidden.
 */

/**
 * @typedef {object} State What the reader chose (the state the wasm keeps; the page holds no copy).
 * @property {string} chart The chart's id.
 * @property {string} view The view's id.
 * @property {'linear' | 'log'} scale The scale.
 * @property {'EUR' | 'USD'} currency The currency amounts are shown in.
 * @property {'fr' | 'en'} lang The language of every text.
 * @property {string[]} hidden The keys of the hidden series.
 */

/**
 * @typedef {object} ViewChoice An entry of the view switch.
 * @property {string} id The view's id.
 * @property {string} label Its label.
 * @property {boolean} active Whether it is shown.
 */

/**
 * @typedef {object} Controls The view, currency and scale switches.
 * @property {'fr' | 'en'} lang The words' language.
 * @property {ViewChoice[]} views The chart's views.
 * @property {boolean} money Whether the view shows amounts of money (the currency switch is shown).
 * @property {'EUR' | 'USD'} currency The currency chosen.
 * @property {'linear' | 'log'} scale The scale chosen.
 */

/**
 * @typedef {object} LegendEntry A series' button.
 * @property {string} key The series' key.
 * @property {string} label Its label.
 * @property {string} color Its colour, `#rrggbb`.
 * @property {boolean} visible Whether it is drawn.
 */

/**
 * @typedef {object} Legend The series' buttons.
 * @property {'fr' | 'en'} lang The words' language.
 * @property {LegendEntry[]} entries One entry per series of the view.
 */

/**
 * @typedef {object} Notes The notes under the canvas.
 * @property {'fr' | 'en'} lang The words' language.
 * @property {string[]} notes Notes about what is drawn.
 * @property {string[]} rates The ECB rates used, as sentences.
 * @property {string[]} unconverted Amounts shown in their own currency, with the reason.
 * @property {string | null} newest The date of the view's newest figure.
 * @property {string} checked When the sources were last checked.
 */

/**
 * @typedef {object} Source A published document, its dates in the reader's language.
 * @property {string | null} key Its key in the dataset (in the list of every source only).
 * @property {string} publisher Who published it.
 * @property {string} kind What kind of publisher, in words ("wire service").
 * @property {string} title Its title.
 * @property {string} url Its address.
 * @property {string} date When it was published.
 * @property {string | null} dateNote A note about that date.
 */

/**
 * @typedef {object} Sources The sources of what is drawn.
 * @property {'fr' | 'en'} lang The words' language.
 * @property {Source[]} list Each source once.
 */

/**
 * @typedef {object} TableText What is shown as a table of texts.
 * @property {string} caption Caption: the chart's title and subtitle.
 * @property {string[]} headers Column headings.
 * @property {string[][]} rows One row per drawn item, in drawing order.
 */

/**
 * @typedef {object} Reading What a screen reader reads of the canvas.
 * @property {'fr' | 'en'} lang The words' language.
 * @property {string} title The chart's title.
 * @property {string} subtitle Its subtitle.
 * @property {string} label The canvas's accessible name.
 * @property {string} description A description of what is drawn, a few sentences.
 * @property {TableText} table The data table of what is drawn.
 */

/**
 * @typedef {object} Answer Everything the page needs after a change: the state, the dirty parts (computed by the session from what it last answered) and the data of exactly those parts.
 * @property {State} state The state after the change.
 * @property {boolean} changed Whether the state differs from before the change.
 * @property {Part[]} dirty The parts to update, in order.
 * @property {Controls | null} controls When `controls` is dirty.
 * @property {Legend | null} legend When `legend` is dirty.
 * @property {Notes | null} notes When `notes` is dirty.
 * @property {Sources | null} sources When `sources` is dirty.
 * @property {Reading | null} reading When `reading` is dirty.
 * @property {string | null} announcement The sentence the live region says: the new state's title and subtitle, when the state changed (not in the first answer).
 */

/**
 * @typedef {object} ItemInfo What a tooltip shows about one item.
 * @property {'fr' | 'en'} lang The language of its texts.
 * @property {number} index The item's index.
 * @property {number} count How many items the figure has.
 * @property {string} label Its label.
 * @property {string | null} group Its group (a panel or a year).
 * @property {string} value Its value as shown.
 * @property {string | null} published The published figure, when the value is converted.
 * @property {string} date Its date.
 * @property {string | null} basis Its basis (announced, press-reported, secondary sale).
 * @property {string | null} note A note about it.
 * @property {string | null} parts Its parts, when it is a sum.
 * @property {string | null} unconverted Why it is shown in its own currency.
 * @property {Source[]} sources Its sources, the strongest first.
 * @property {string | null} weak Said when it rests on a blog or an aggregator only, after its drawn sign (`? weak source: …`).
 * @property {[number, number, number, number] | null} rect Its box in the canvas's device pixels: x0, y0, x1, y1.
 */

/**
 * @typedef {object} AllSources Every source of a dataset, for the page's sources section.
 * @property {string} checked The day the sources were last checked.
 * @property {string | null} newest The date of the newest figure of every chart.
 * @property {Source[]} sources Every source, with its key.
 */
