// The iframe pages of the release (issue 20): one page per state an embed code can name,
// dist/embed/<chart>-<view>-<scale>-<currency>-<lang>.html, that carries only what it
// shows: its element with that state's picture (a source per width band, chosen by the
// frame's own width, so exactly the chart's band, and per colour scheme), and, for a
// frame whose scripts do not run, the notes and sources of that state. Its only script
// tag is embed.js's, which asks for the element's once the picture is on screen. Written by
// scripts/bundle.mjs from www/embed.html; the generic embed.html (state in the fragment,
// no picture) stays for the embed codes of version 0.2.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeAttribute, frameBands, pictureHtml, stateName } from '../www/embed-code.js';
import { WORDS } from '../www/words.js';

/** The iframe page's margin on each side (www/embed.css: the body's padding), CSS px. */
const PAGE_MARGIN = 8;

const escapeHtml = (text) => String(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The notes and sources of a state's data, as HTML, for a frame whose scripts do not run. */
function notesHtml(data) {
  const words = WORDS[data.state.lang];
  const notes = data.notes.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('');
  const sources = data.sources.list.map((source) => {
    const title = `${words.quoteOpen}${escapeHtml(source.title)}${words.quoteClose}`;
    const link = /^https?:\/\//i.test(source.url) ? `<a href="${escapeAttribute(source.url)}" rel="noopener noreferrer" target="_blank">${title}</a>` : title;
    return `<li>${escapeHtml(source.publisher)}, ${link}, ${escapeHtml(source.date)}</li>`;
  }).join('');
  const rates = data.notes.rates.length ? `<p>${escapeHtml(`${words.rates} ${data.notes.rates.join(words.listSeparator)}`)}</p>` : '';
  return `<noscript><div class="notes">${notes ? `<ul>${notes}</ul>` : ''}${rates}<p>${escapeHtml(words.sourcesTitle.replace('{n}', data.sources.list.length))}</p><ul>${sources}</ul></div></noscript>`;
}

/**
 * Writes an iframe page per state data file of `pictureDirectory` (in `out`) into
 * `out/embed/`, from `template` (www/embed.html with the release's hashed names); returns
 * how many.
 */
export function writeEmbedPages({ out, template, pictureDirectory }) {
  mkdirSync(join(out, 'embed'), { recursive: true });
  const element = '<autonomie-chart id="chart" loading="eager"></autonomie-chart>';
  if (!template.includes(element)) throw new Error(`www/embed.html no longer contains ${element}: update scripts/embed-pages.mjs`);
  let count = 0;
  for (const name of readdirSync(join(out, pictureDirectory)).filter((n) => n.endsWith('.json')).sort()) {
    const data = JSON.parse(readFileSync(join(out, pictureDirectory, name), 'utf8'));
    const { state } = data;
    const attributes = ['chart', 'view', 'scale', 'currency', 'lang'].map((key) => `${key}="${escapeAttribute(state[key])}"`).join(' ');
    const picture = pictureHtml({
      pictures: `../${pictureDirectory}`, state, heights: data.heights, alt: data.reading.description, bands: frameBands(2 * PAGE_MARGIN),
    });
    let html = template
      .replace('<html lang="fr">', `<html lang="${state.lang}">`)
      // The element's script is asked for by embed.js once the picture is on screen.
      .replace(/\n\s*<script type="module" src="autonomie-chart\.[0-9a-f]{16}\.js"[^>]*><\/script>/, '')
      .replace('<title>Autonomie</title>', `<title>${escapeHtml(data.reading.title)} · Autonomie</title>`)
      .replace('<h1 id="title" class="visually-hidden">Autonomie</h1>', `<h1 id="title" class="visually-hidden">${escapeHtml(data.reading.title)}</h1>`)
      .replace(element, `<autonomie-chart id="chart" ${attributes} load="eager">\n${picture}\n</autonomie-chart>\n${notesHtml(data)}`);
    // The page's files are one directory up.
    html = html.replace(/(href|src)="(?!https?:|data:|#|\.\.\/)([^"]+)"/g, '$1="../$2"');
    if (stateName(state) !== name.replace(/\.json$/, '')) throw new Error(`${name}: its data names ${stateName(state)}`);
    writeFileSync(join(out, 'embed', `${stateName(state)}.html`), html);
    count += 1;
  }
  return count;
}
