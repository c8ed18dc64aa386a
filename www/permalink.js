// The permalinks (issue 21): one static page per chart × view × language, written by the
// build (scripts/permalinks.mjs) at a stable, readable address of the release, with its
// oEmbed JSON and its preview PNG beside it. Pure: no DOM, no fetch, so that the page
// (app.js: a link to each view, the link in the embed panel), the build and the tests
// share one definition of the addresses.
//
//   <lang>/<chart>/<view>/                       the page (index.html)
//   <lang>/<chart>/<view>/oembed.json            its oEmbed answer
//   <lang>/<chart>/<view>/<chart>-<view>-<lang>.<hash>.png   its preview (1200 × 630)
//
// Ids, not translated slugs: they are the element's own attribute values, stable
// across releases (the contract), and readable in both languages.

/** The address of a view's permalink page in the release, relative to its folder. */
export function permalinkPath({ chart, view, lang }) {
  return `${lang}/${chart}/${view}/`;
}

/** The name of the oEmbed answer beside a permalink page. */
export const OEMBED_FILE = 'oembed.json';

/** The name of a view's preview PNG without extension (lane A's www/static/previews/ names). */
export function previewName({ chart, view, lang }) {
  return `${chart}-${view}-${lang}`;
}

/** The size of every preview PNG: what link previews show (Open Graph, Twitter cards). */
export const PREVIEW_SIZE = { width: 1200, height: 630 };
