// The embed codes (issue 20): what a blogger pastes, built from a chart's state and the
// release's files, and the addresses they name. Pure: no DOM, no fetch, so that the page's
// generator (app.js), the element (the address of the interactive chart), the build
// (scripts/bundle.mjs: the iframe pages) and the tests (node:test) share one definition.
//
// The element's code carries the chart's picture for the reader's screen before any script
// runs (and where none runs: feed readers, newsletters, reader modes): a <picture> whose
// <source>s choose a width band by the viewport's width and, for the `auto` theme, the
// reader's colour scheme, each with its own width and height, so that the host page keeps
// the room at once. The chart's band is the one of its picture (autonomie-chart.js keeps
// it while the scale stays readable), so that the canvas is that picture scaled.

import { BANDS, PICTURE_NAME } from './contract.js';

/**
 * Which band's picture a viewport of each width shows: a phone's column is the viewport
 * less the page's margins (about 32 to 48 CSS px), a desktop's a blog column (600 to
 * 900 CSS px). The last entry has no condition.
 */
export const SNIPPET_BANDS = [
  { maxViewport: 374, band: 310 },
  { maxViewport: 479, band: 375 },
  { maxViewport: 767, band: 573 },
  { maxViewport: null, band: 740 },
];

/**
 * The bands of a page whose chart is as wide as its viewport less `margin` CSS pixels (an
 * iframe page: its viewport is the frame), in the form of SNIPPET_BANDS: each band's
 * picture exactly where the chart's width is in the band.
 */
export function frameBands(margin) {
  return BANDS.map((band, i) => ({ maxViewport: i + 1 < BANDS.length ? BANDS[i + 1].from + margin - 0.02 : null, band: band.width }));
}

/**
 * A picture's `width` and `height` attributes are this many times its band's: the same
 * proportions exactly (whole numbers), and a size that host pages' usual
 * `img { max-width: 100%; height: auto }` brings down to the column, so that the picture
 * fills a column up to twice its band (a chart keeps its band up to 1.25 times).
 */
export const PICTURE_SIZE = 2;

/** The themes a picture exists in. */
const PICTURE_THEMES = ['light', 'dark'];

/** The name of a state's data file, without `.json`: `valuations-history-log-USD-fr`. */
export function stateName({ chart, view, scale, currency, lang }) {
  return `${chart}-${view}-${scale}-${currency}-${lang}`;
}

/** The name of a state's picture in `theme` at `band`, without `.svg` (PICTURE_NAME). */
export function pictureName(state, theme, band) {
  const values = { ...state, theme, band };
  return PICTURE_NAME.replace(/\{(\w+)\}/g, (_, key) => values[key]);
}

/**
 * The state, theme and band that a picture's address names, or null when it is not one
 * of the release's pictures. Chart and view ids may hold dashes; the other fields never.
 */
export function parsePictureName(url) {
  const file = String(url).split(/[?#]/)[0].split('/').pop() ?? '';
  const match = /^(.+)-(linear|log)-([A-Z]{3})-([a-z]{2})-(light|dark)-(\d+)\.svg$/.exec(file);
  if (!match) return null;
  const [, chartView, scale, currency, lang, theme, band] = match;
  return { chartView, scale, currency, lang, theme, band: Number(band) };
}

/**
 * The address of the interactive chart of `state` in the release at `base` (ending in
 * `/`): its iframe page (the chart alone, full width), hidden series in the fragment. The
 * one place it is built: a copy that is not interactive links there.
 */
export function interactiveUrl(base, state) {
  const hidden = state.hidden?.length ? `#hidden=${state.hidden.join(',')}` : '';
  return `${base}embed/${stateName(state)}.html${hidden}`;
}

/** `text` as an attribute value in double quotes. */
export function escapeAttribute(text) {
  return String(text).replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * The `<picture>` of a state: a source per band of SNIPPET_BANDS (and per colour scheme
 * for `theme` `auto`), each with its size, and the `<img>` with the chart's description.
 * @param {{pictures: string, state: object, heights: Record<string, number>, alt: string, theme?: string, bands?: typeof SNIPPET_BANDS}} options
 *   `pictures`: the address of the pictures' directory (ending in `/`); `heights`: the
 *   picture's height at each band (the state's data, `heights`); `bands`: which band
 *   each viewport width shows.
 */
export function pictureHtml({ pictures, state, heights, alt, theme = 'auto', bands = SNIPPET_BANDS }) {
  const themes = theme === 'auto' ? ['dark', 'light'] : [PICTURE_THEMES.includes(theme) ? theme : 'light'];
  const file = (t, band) => escapeAttribute(`${pictures}${pictureName(state, t, band)}.svg`);
  const size = (band) => `width="${band * PICTURE_SIZE}" height="${heights[band] * PICTURE_SIZE}"`;
  const lines = ['<picture>'];
  for (const { maxViewport, band } of bands) {
    for (const t of themes) {
      const media = [maxViewport === null ? null : `(max-width: ${maxViewport}px)`, themes.length > 1 && t === 'dark' ? '(prefers-color-scheme: dark)' : null]
        .filter(Boolean).join(' and ');
      if (!media) continue;
      lines.push(`<source media="${media}" srcset="${file(t, band)}" ${size(band)}>`);
    }
  }
  const last = bands.at(-1).band;
  lines.push(`<img src="${file(themes.at(-1), last)}" ${size(last)} alt="${escapeAttribute(alt)}" decoding="sync">`, '</picture>');
  return lines.join('\n');
}

/**
 * The currency `view` starts in when the chart starts in its own (`defaults`: a state's
 * data's `defaults`, whose `views[view].currency` says, for each currency the reader may
 * have, the one the view is shown in).
 */
export function viewCurrency(defaults, view) {
  return defaults.views?.[view]?.currency?.[defaults.currency] ?? defaults.currency;
}

/**
 * The element's embed code: the script (with its integrity hash) and the element naming
 * what differs from the chart's defaults, its picture inside.
 * @param {{script: {src: string, integrity: string}, pictures: string, data: object, hidden?: string[], theme?: string}} options
 *   `data`: the state's data (autonomie-static's `{state}.json`: `state`, `defaults`,
 *   `reading`, `heights`).
 */
export function elementSnippet({ script, pictures, data, hidden = [], theme = 'auto' }) {
  const { state, defaults } = data;
  // What the element shows unless told: the chart's view, and this view's own scale and
  // currency (a view that cannot be shown in the chart's currency starts in the other:
  // autonomie-static's `defaults.views[view].currency`, per reader's currency).
  const own = { ...defaults, currency: viewCurrency(defaults, state.view) };
  const attributes = [`chart="${escapeAttribute(state.chart)}"`];
  for (const key of ['view', 'scale', 'currency']) {
    if (state[key] !== own[key]) attributes.push(`${key}="${escapeAttribute(state[key])}"`);
  }
  attributes.push(`lang="${escapeAttribute(state.lang)}"`);
  if (hidden.length) attributes.push(`hidden-series="${escapeAttribute(hidden.join(','))}"`);
  if (theme !== 'auto') attributes.push(`theme="${escapeAttribute(theme)}"`);
  return [
    // The picture first: the script, fetched at a low priority, comes after it.
    `<script type="module" src="${escapeAttribute(script.src)}" integrity="${script.integrity}" crossorigin="anonymous" fetchpriority="low"></script>`,
    `<autonomie-chart ${attributes.join(' ')}>`,
    pictureHtml({ pictures, state, heights: data.heights, alt: data.reading.description, theme }),
    '</autonomie-chart>',
  ].join('\n');
}

/**
 * The iframe's embed code: the chart's own page in the release at `base` (`state`'s, its
 * hidden series in the fragment), as high as `height`, and the optional script that fits
 * the frame to the page's reported height.
 */
export function iframeSnippet({ base, state, title, height, resize }) {
  const src = interactiveUrl(base, state);
  return [
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${Math.ceil(height)}" loading="lazy" frameborder="0"></iframe>`,
    `<script src="${escapeAttribute(resize.src)}" integrity="${resize.integrity}" crossorigin="anonymous" defer></script>`,
  ].join('\n');
}

/**
 * An iframe's height for a state of picture `heights` (at each band's width): the tallest
 * its page can be over the bands (the picture at the widest width its band is shown at,
 * the page's margins and its credit line), so that nothing is cut where the resize
 * script does not fit the frame.
 */
export function frameHeight(heights) {
  return Math.max(...BANDS.map((band, i) => heights[band.width] * ((BANDS[i + 1]?.from ?? 1400) / band.width))) + 16 + 24;
}

/** The band of a picture of `width` CSS pixels laid out at `band`: BANDS's entry. */
export function bandOf(width) {
  return BANDS.find((band) => band.width === width) ?? null;
}
