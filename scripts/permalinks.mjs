// The permalinks of the release (issue 21): a static page per chart × view × language, at
// a stable address (www/permalink.js: <lang>/<chart>/<view>/), that shows the view's
// chart full width (the element with the view's picture, as an embed code carries it),
// its notes and sources, and a "cite / reuse" block, in the page's language from the
// first word to the last. Its <head> says what link previews and oEmbed consumers read
// without running a script: a canonical URL, the chart's description, Open Graph and
// Twitter card tags with the view's 1200 × 630 PNG, and the oEmbed discovery link to a
// static JSON beside the page (rich, its `html` from www/oembed.js: the state's iframe
// page). Run by scripts/bundle.mjs once the iframe pages and the page are written; it
// also writes the list of every permalink into the page as shipped (dist/index.html).
//
// The preview PNGs are drawn by the build before (scripts/build.sh, into
// www/static/previews/<chart>-<view>-<lang>.png); a missing or wrongly sized one stops the
// build. Each is copied beside its page under a name that carries its hash.
//
// Link previews need absolute addresses: the release's public address comes from
// AUTONOMIE_PUBLIC_URL at build time, by default the README's serve command's
// (http://127.0.0.1:8080/dist/: scripts/serve.mjs serves dist/ under /dist/).

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BANDS, CHARTS, LANGS } from '../www/contract.js';
import { escapeAttribute, interactiveUrl, pictureHtml, stateName, viewCurrency } from '../www/embed-code.js';
import { oembedHtml } from '../www/oembed.js';
import { OEMBED_FILE, PREVIEW_SIZE, permalinkPath, previewName } from '../www/permalink.js';
import { SITE_WORDS, WORDS, say } from '../www/words.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where the release is when served by the README's command (scripts/serve.sh: port 8080, dist/ under /dist/). */
export const DEFAULT_PUBLIC_URL = 'http://127.0.0.1:8080/dist/';
/** The preview PNGs as the build draws them (www/static/previews/<chart>-<view>-<lang>.png). */
export const PREVIEWS = join(ROOT, 'www/static/previews');
/** The width an oEmbed answer declares for its frame, CSS px (a blog column). */
export const OEMBED_WIDTH = 600;
/** How long an oEmbed consumer may keep an answer, in seconds (a day). */
const CACHE_AGE = 86400;
/** The iframe page's margins (www/embed.css: 8 px of padding) and its credit line, CSS px. */
const FRAME_MARGINS = 16;
const FRAME_CREDIT = 24;
const PUBLISHER = 'Autonomie';
/** The licence of the text and the dataset, in each language. */
const CC_BY = { fr: 'https://creativecommons.org/licenses/by/4.0/deed.fr', en: 'https://creativecommons.org/licenses/by/4.0/deed.en' };
/** From a permalink page to the release's folder. */
const UP = '../../../';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The words of a permalink page in `lang`: the chart's (notes, sources) and the site's own. */
const wordsOf = (lang) => ({ ...WORDS[lang], ...SITE_WORDS[lang] });
const escapeHtml = (text) => String(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const nameHash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/**
 * The release's public address (ending in `/`): `value` (AUTONOMIE_PUBLIC_URL), or the
 * serve command's. An address that is not absolute http(s) stops the build.
 */
export function publicBase(value = process.env.AUTONOMIE_PUBLIC_URL) {
  const text = value?.trim() || DEFAULT_PUBLIC_URL;
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`AUTONOMIE_PUBLIC_URL=${text} is not an absolute address (e.g. https://charts.example/autonomie/)`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash) {
    throw new Error(`AUTONOMIE_PUBLIC_URL=${text}: give the http(s) address of the release's folder, without ? or #`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * Every permalink of the release: for each chart, view and language, the view's state
 * (its default scale and currency, as autonomie-static gives them: a view that cannot be
 * shown in the chart's currency is in the other), its data (autonomie-static's `{state}.json`) and its view's label.
 */
export function permalinkStates(pictures) {
  const read = (name) => {
    const file = join(pictures, `${name}.json`);
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  };
  const names = readdirSync(pictures).filter((n) => n.endsWith('.json'));
  const list = [];
  for (const lang of LANGS) {
    for (const chart of CHARTS) {
      const any = names.find((n) => n.startsWith(`${chart}-`) && n.endsWith(`-${lang}.json`));
      if (!any) throw new Error(`no state data of ${chart} in ${lang} in ${pictures}`);
      const { defaults, controls } = JSON.parse(readFileSync(join(pictures, any), 'utf8'));
      for (const { id: view, label } of controls.views) {
        const { scale } = defaults.views[view];
        const currency = viewCurrency(defaults, view);
        const name = stateName({ chart, view, scale, currency, lang });
        const data = read(name);
        if (!data) throw new Error(`no state data ${name}.json in ${pictures}`);
        list.push({ state: data.state, data, label, path: permalinkPath(data.state) });
      }
    }
  }
  return list;
}

/** The preview PNG of a view, checked: a PNG of 1200 × 630 pixels. */
function readPreview(previews, name) {
  const file = join(previews, `${name}.png`);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: the preview PNGs (1200 × 630, one per chart, view and language) are drawn by scripts/build.sh before the release is made`);
  }
  const bytes = readFileSync(file);
  const size = bytes.length >= 24 && bytes.subarray(0, 8).equals(PNG_SIGNATURE) && bytes.toString('latin1', 12, 16) === 'IHDR'
    ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : null;
  if (size?.width !== PREVIEW_SIZE.width || size?.height !== PREVIEW_SIZE.height) {
    throw new Error(`${file}: expected a PNG of ${PREVIEW_SIZE.width} × ${PREVIEW_SIZE.height} pixels, found ${size ? `${size.width} × ${size.height}` : 'no PNG'}`);
  }
  return bytes;
}

/**
 * The height of a state's iframe page at `width` CSS px: its picture at the band of its
 * chart's width (the frame less its margins), scaled to that width, with the margins and
 * the credit line.
 */
export function frameHeightAt(width, heights) {
  const chart = width - FRAME_MARGINS;
  const band = BANDS.findLast((b) => b.from <= chart) ?? BANDS[0];
  return Math.ceil((heights[band.width] * chart) / band.width + FRAME_MARGINS + FRAME_CREDIT);
}

/** A permalink's title: the chart's title and the view's name. */
const titleOf = ({ data, label, state }) => wordsOf(state.lang).permalinkTitle.replace('{title}', data.reading.title).replace('{view}', label);

/** The static oEmbed answer of a permalink (oEmbed 1.0, type rich). */
export function oembedJson(permalink, { base, url, image }) {
  const title = titleOf(permalink);
  const height = frameHeightAt(OEMBED_WIDTH, permalink.data.heights);
  return {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: PUBLISHER,
    provider_url: base,
    html: oembedHtml({ url, title, src: interactiveUrl(base, permalink.state), width: OEMBED_WIDTH, height }),
    width: OEMBED_WIDTH,
    height,
    thumbnail_url: image,
    thumbnail_width: PREVIEW_SIZE.width,
    thumbnail_height: PREVIEW_SIZE.height,
    cache_age: CACHE_AGE,
  };
}

/** The <head> of a permalink page: its title, description, addresses, link preview and oEmbed discovery. */
function headHtml(permalink, { base, url, image, other, files }) {
  const { data, state } = permalink;
  const title = titleOf(permalink);
  const description = data.reading.description;
  const meta = (attribute, name, content) => `<meta ${attribute}="${name}" content="${escapeAttribute(content)}">`;
  const sri = (logical) => `integrity="${files[logical].integrity}" crossorigin="anonymous"`;
  return [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)} · ${PUBLISHER}</title>`,
    meta('name', 'description', description),
    `<link rel="canonical" href="${escapeAttribute(url)}">`,
    `<link rel="alternate" type="application/json+oembed" href="${escapeAttribute(`${url}${OEMBED_FILE}`)}" title="${escapeAttribute(title)}">`,
    `<link rel="alternate" hreflang="${other.state.lang}" href="${escapeAttribute(base + other.path)}">`,
    meta('property', 'og:type', 'article'),
    meta('property', 'og:site_name', PUBLISHER),
    meta('property', 'og:title', title),
    meta('property', 'og:description', description),
    meta('property', 'og:url', url),
    meta('property', 'og:image', image),
    meta('property', 'og:image:type', 'image/png'),
    meta('property', 'og:image:width', String(PREVIEW_SIZE.width)),
    meta('property', 'og:image:height', String(PREVIEW_SIZE.height)),
    meta('property', 'og:image:alt', description),
    meta('property', 'og:locale', state.lang === 'fr' ? 'fr_FR' : 'en_GB'),
    meta('name', 'twitter:card', 'summary_large_image'),
    meta('name', 'twitter:title', title),
    meta('name', 'twitter:description', description),
    meta('name', 'twitter:image', image),
    meta('name', 'twitter:image:alt', description),
    `<link rel="icon" href="${UP}${files['favicon.svg'].file}" type="image/svg+xml">`,
    `<link rel="stylesheet" href="${UP}${files['style.css'].file}" ${sri('style.css')}>`,
    `<script type="module" src="${UP}${files['autonomie-chart.js'].file}" ${sri('autonomie-chart.js')} fetchpriority="low"></script>`,
  ].map((line) => `  ${line}`).join('\n');
}

/** A source as the page lists it: publisher (kind), “title” (linked when http(s)), date. */
function sourceHtml(source, words) {
  const title = `${words.quoteOpen}${escapeHtml(source.title)}${words.quoteClose}`;
  const link = /^https?:\/\//i.test(source.url) ? `<a href="${escapeAttribute(source.url)}" rel="noopener noreferrer">${title}</a>` : title;
  const note = source.dateNote ? ` (${escapeHtml(source.dateNote)})` : '';
  return `<li>${escapeHtml(source.publisher)} (${escapeHtml(source.kind)}), ${link}, ${escapeHtml(source.date)}${note}.</li>`;
}

/** The notes, exchange rates, unconverted amounts and sources of a view. */
function notesHtml({ data, state }) {
  const words = wordsOf(state.lang);
  const { notes, sources } = data;
  const items = [...notes.notes, ...notes.unconverted].map((note) => `<li>${escapeHtml(note)}</li>`).join('\n');
  return [
    '<section class="permalink-notes" aria-labelledby="notes-heading">',
    `<h2 id="notes-heading">${escapeHtml(words.notesTitle)}</h2>`,
    `<p class="checked">${escapeHtml(`${words.newestFigure} ${notes.newest}${words.listSeparator}${words.sourcesChecked} ${notes.checked}.`)}</p>`,
    items ? `<ul>\n${items}\n</ul>` : '',
    notes.rates.length ? `<p>${escapeHtml(`${words.rates} ${notes.rates.join(words.listSeparator)}`)}</p>` : '',
    `<h2 id="sources-heading">${escapeHtml(say(state.lang, 'sourcesTitle', { n: sources.list.length }))}</h2>`,
    `<ol class="source-list">\n${sources.list.map((source) => sourceHtml(source, words)).join('\n')}\n</ol>`,
    '</section>',
  ].filter(Boolean).join('\n');
}

/** The "cite / reuse" block: title, publisher, dates, address, licences. */
function citeHtml(permalink, url) {
  const { data, state } = permalink;
  const words = wordsOf(state.lang);
  const title = titleOf(permalink);
  const row = (term, value) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`;
  const link = `<a href="${escapeAttribute(url)}">${escapeHtml(url)}</a>`;
  const citation = `${PUBLISHER}, ${words.quoteOpen}${title}${words.quoteClose}, ${data.notes.checked}, ${url}`;
  return [
    '<section class="cite" aria-labelledby="cite-heading">',
    `<h2 id="cite-heading">${escapeHtml(words.citeTitle)}</h2>`,
    '<dl>',
    row(words.citeName, escapeHtml(title)),
    row(words.citePublisher, PUBLISHER),
    row(words.citeNewest, escapeHtml(data.notes.newest)),
    row(words.citeChecked, escapeHtml(data.notes.checked)),
    row(words.citeAddress, link),
    row(words.citeLicences, `<ul><li>${escapeHtml(words.licenceCode)}</li>`
      + `<li><a href="${CC_BY[state.lang]}" rel="license noopener noreferrer">${escapeHtml(words.licenceText)}</a></li>`
      + `<li>${escapeHtml(words.licenceFigures)}</li></ul>`),
    '</dl>',
    `<p class="citation">${escapeHtml(words.citeAs)} <span>${escapeHtml(citation)}</span></p>`,
    '</section>',
  ].join('\n');
}

/** The links to every permalink of `lang`, by chart, each view by its name (`current` marked). */
function listHtml(permalinks, lang, prefix, current = null) {
  const charts = CHARTS.map((chart) => permalinks.filter((p) => p.state.chart === chart && p.state.lang === lang)).filter((views) => views.length);
  return charts.map((views) => {
    const links = views.map((p) => {
      const here = p === current ? ' aria-current="page"' : '';
      return `<li><a href="${prefix}${p.path}"${here}>${escapeHtml(p.label)}</a></li>`;
    }).join('');
    return `<li>${escapeHtml(views[0].data.reading.title)}<ul class="view-links">${links}</ul></li>`;
  }).join('\n');
}

/** A permalink page, whole. */
export function permalinkHtml(permalink, { base, image, files, pictureDirectory, permalinks }) {
  const { data, state } = permalink;
  const url = base + permalink.path;
  const words = wordsOf(state.lang);
  const other = permalinks.find((p) => p !== permalink && p.state.chart === state.chart && p.state.view === state.view);
  const home = state.lang === 'fr' ? UP : `${UP}#lang=${state.lang}`;
  const attributes = ['chart', 'view', 'scale', 'currency', 'lang'].map((key) => `${key}="${escapeAttribute(state[key])}"`).join(' ');
  const picture = pictureHtml({ pictures: `${UP}${pictureDirectory}`, state, heights: data.heights, alt: data.reading.description });
  return `<!doctype html>
<html lang="${state.lang}">
<head>
${headHtml(permalink, { base, url, image, other, files })}
</head>
<body class="permalink-page">
  <header class="page-header">
    <div class="page-header-inner">
      <a class="brand" href="${home}">${PUBLISHER}</a>
      <a href="${UP}${other.path}" hreflang="${other.state.lang}">${escapeHtml(words.otherLanguage)}</a>
    </div>
  </header>
  <main>
    <p class="back"><a href="${home}">${escapeHtml(words.allCharts)}</a></p>
    <h1>${escapeHtml(data.reading.title)} <span class="view-name">(${escapeHtml(permalink.label)})</span></h1>
    <p class="caption">${escapeHtml(data.reading.subtitle)}</p>
    <autonomie-chart ${attributes}>
${picture}
</autonomie-chart>
${notesHtml(permalink)}
${citeHtml(permalink, url)}
<nav class="permalinks" aria-labelledby="other-views-heading">
<h2 id="other-views-heading">${escapeHtml(words.otherViews)}</h2>
<ul>
${listHtml(permalinks, state.lang, UP, permalink)}
</ul>
</nav>
  </main>
</body>
</html>
`;
}

/** The list of every permalink for the page as shipped, in each of its languages (shown by its `.i18n` rule). */
function pageListHtml(permalinks) {
  const heading = LANGS.map((lang) => `<span class="i18n" lang="${lang}">${escapeHtml(SITE_WORDS[lang].permalinksTitle)}</span>`).join('');
  const lists = LANGS.map((lang) => `<ul class="i18n" lang="${lang}">\n${listHtml(permalinks, lang, '')}\n</ul>`).join('\n');
  return `<section class="permalinks" id="permalinks" aria-labelledby="permalinks-heading">
      <h2 id="permalinks-heading">${heading}</h2>
${lists}
    </section>`;
}

/** Where the page (index.html) asks for the list of every permalink. */
export const PAGE_MARK = '<!-- permalinks: the list of every chart’s link, written by scripts/permalinks.mjs into the page as shipped -->';

/**
 * Writes, into the release `out`, every permalink's page, oEmbed JSON and preview PNG
 * (from `previews`) for the public address `base`, and, with `page`, the list of them
 * into the page as shipped (`out`/index.html). `files` are the manifest's entries.
 * Returns the permalinks.
 */
export function writePermalinks({ out, files, pictureDirectory, base = publicBase(), previews = PREVIEWS, page = true }) {
  const permalinks = permalinkStates(join(out, pictureDirectory));
  for (const permalink of permalinks) {
    const folder = join(out, permalink.path);
    mkdirSync(folder, { recursive: true });
    const png = readPreview(previews, previewName(permalink.state));
    const pngName = `${previewName(permalink.state)}.${nameHash(png)}.png`;
    writeFileSync(join(folder, pngName), png);
    const url = base + permalink.path;
    const image = url + pngName;
    const html = permalinkHtml(permalink, { base, image, files, pictureDirectory, permalinks });
    if (html.indexOf('application/json+oembed') > html.indexOf('</head>') || html.indexOf('</head>') > 150_000) {
      throw new Error(`${permalink.path}: the oEmbed link must be in the <head>, within its first 150 KB`);
    }
    writeFileSync(join(folder, 'index.html'), html);
    writeFileSync(join(folder, OEMBED_FILE), `${JSON.stringify(oembedJson(permalink, { base, url, image }), null, 2)}\n`);
  }
  if (page) {
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    if (!index.includes(PAGE_MARK)) throw new Error(`index.html no longer contains ${PAGE_MARK}: update scripts/permalinks.mjs`);
    writeFileSync(join(out, 'index.html'), index.replace(PAGE_MARK, () => pageListHtml(permalinks)));
  }
  return permalinks;
}
