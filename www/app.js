// The page: four <autonomie-chart> elements, the FR/EN switch, the state of every chart
// in the URL fragment, under each chart a link to its view's permalink page and an
// embed-code generator (the link first, then the element, then the iframe), and the list
// of every source.

import { attributeName, readFragment, writeFragment, stateEntries } from './fragment.js';
import { sourceLink } from './dom.js';
import { SITE_WORDS, WORDS } from './words.js';
import { CURRENCIES, LANGS, STATE_KEYS } from './contract.js';
import { elementSnippet, frameHeight, iframeSnippet, parsePictureName, stateName } from './embed-code.js';
import { permalinkPath } from './permalink.js';

const charts = new Map([...document.querySelectorAll('autonomie-chart[chart]')].map((el) => [el.getAttribute('chart'), el]));
const touched = new Set();
/** The last state each chart told (`autonomie-ready`, `autonomie-change`), for the fragment and the embed codes. */
const states = new Map();
const fragment = readFragment();
/** The page's own language (its HTML's), unless the fragment names another. */
const pageLang = document.documentElement.lang;
let lang = LANGS.includes(fragment.get('lang')) ? fragment.get('lang') : pageLang;

// Restore the linked view before the elements start.
document.documentElement.lang = lang;
for (const [id, element] of charts) {
  element.setAttribute('lang', lang);
  for (const name of STATE_KEYS.filter((key) => key !== 'lang')) {
    const value = fragment.get(`${id}.${name}`);
    if (value !== undefined) {
      element.setAttribute(attributeName(name), value);
      touched.add(id);
    }
  }
}

/* global AUTONOMIE_RELEASE_BASE */
// The embed codes point at the release (dist/, made by scripts/bundle.mjs): file names
// that carry a hash of their content, each with its Subresource Integrity hash, read
// from dist/manifest.json. The page as shipped (dist/index.html) is in the release
// itself: its bundle is built with AUTONOMIE_RELEASE_BASE = './'.
const RELEASE_BASE = new URL(typeof AUTONOMIE_RELEASE_BASE === 'string' ? AUTONOMIE_RELEASE_BASE : '../dist/', import.meta.url).href;
/** dist/manifest.json once read; `false` if it could not be. */
let release = null;

function updateFragment() {
  const entries = new Map();
  if (lang !== pageLang) entries.set('lang', lang);
  for (const id of touched) {
    const state = states.get(id);
    if (!state) continue;
    for (const [key, value] of stateEntries(state, { lang: state.lang }, `${id}.`)) entries.set(key, value);
  }
  const hash = writeFragment(entries);
  if (hash !== location.hash) history.replaceState(null, '', hash || location.pathname + location.search);
}

/** A state's data in the release (autonomie-static's `{state}.json`: sizes, description, defaults). */
async function stateData(state) {
  const directory = new URL(release.files['static/pictures/'].file, RELEASE_BASE);
  const read = (currency) => fetch(new URL(`${stateName({ ...state, currency })}.json`, directory), { credentials: 'omit' })
    .then((response) => (response.ok ? response.json() : null));
  // A view without money has one currency, its chart's.
  const data = await read(state.currency) ?? await read(CURRENCIES.find((c) => c !== state.currency));
  if (!data) throw new Error(`no picture for ${stateName(state)}`);
  return { data, pictures: directory.href };
}

/** The address of the permalink page of a chart's view in `lang` (www/permalink.js), in the release. */
function permalinkUrl(chart, view, lang) {
  return new URL(permalinkPath({ chart, view, lang }), RELEASE_BASE).href;
}

/**
 * The view a chart shows: its state once it told it, else its `view` attribute, else the
 * view of its picture (the page as shipped); null when none says it yet.
 */
function viewOf(id, element) {
  const picture = element.querySelector('img');
  const named = picture ? parsePictureName(picture.currentSrc || picture.getAttribute('src')) : null;
  return states.get(id)?.view ?? element.getAttribute('view') ?? named?.chartView.slice(id.length + 1) ?? null;
}

/** The three codes that reproduce a chart's current view, `state`, on another site: the link, the element, the iframe. */
export async function embedSnippets(state) {
  const { data, pictures } = await stateData(state);
  const file = (name) => ({ src: new URL(release.files[name].file, RELEASE_BASE).href, integrity: release.files[name].integrity });
  return {
    link: permalinkUrl(data.state.chart, data.state.view, data.state.lang),
    element: elementSnippet({ script: file('autonomie-chart.js'), pictures, data, hidden: state.hidden }),
    iframe: iframeSnippet({
      base: RELEASE_BASE, state: { ...data.state, hidden: state.hidden }, title: data.reading.title, height: frameHeight(data.heights), resize: file('autonomie-resize.js'),
    }),
  };
}

/** A code to copy: its label, the code, a copy button and its status. */
function codeBlock(id, kind, label, value, text) {
  const block = document.createElement('div');
  block.className = 'embed-block';
  const heading = document.createElement('label');
  heading.htmlFor = `embed-${id}-${kind}`;
  heading.textContent = label;
  const code = document.createElement('textarea');
  code.id = `embed-${id}-${kind}`;
  code.readOnly = true;
  code.spellcheck = false;
  code.rows = { link: 1, iframe: 4 }[kind] ?? 8;
  code.dataset.snippet = kind;
  if (kind === 'link') code.setAttribute('wrap', 'off');
  code.value = value;
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.textContent = text.copy;
  const status = document.createElement('span');
  status.className = 'embed-status';
  status.setAttribute('role', 'status');
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.value);
    } catch {
      code.select();
      document.execCommand('copy');
    }
    status.textContent = text.copied;
  });
  block.append(heading, code, copy, status);
  return block;
}

/** A status line in the embed panel. */
function statusLine(message) {
  const status = document.createElement('p');
  status.className = 'embed-status';
  status.setAttribute('role', 'status');
  status.textContent = message;
  return status;
}

function setupEmbed(id, element) {
  const box = document.querySelector(`[data-embed-for="${id}"]`);
  const link = document.createElement('a');
  link.className = 'view-link';
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'embed-toggle';
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', `embed-${id}`);
  const panel = document.createElement('div');
  panel.className = 'embed-panel';
  panel.id = `embed-${id}`;
  panel.hidden = true;
  box.replaceChildren(link, toggle, panel);

  const render = () => {
    const text = { ...WORDS[lang], ...SITE_WORDS[lang] };
    const view = viewOf(id, element);
    link.hidden = !view;
    if (view) {
      link.href = permalinkUrl(id, view, lang);
      link.textContent = text.viewLink;
    }
    toggle.textContent = panel.hidden ? text.embed : text.close;
    const state = states.get(id);
    if (panel.hidden || !state) return;
    if (!release) {
      panel.replaceChildren(statusLine(release === false ? text.embedUnavailable : ''));
      return;
    }
    embedSnippets(state).then((snippets) => {
      if (panel.hidden) return;
      panel.replaceChildren(...[['link', text.embedLink], ['element', text.embedElement], ['iframe', text.embedIframe]]
        .map(([kind, label]) => codeBlock(id, kind, label, snippets[kind], text)));
    }, (error) => {
      console.error(`autonomie: no embed code: ${error.message}`);
      panel.replaceChildren(statusLine(text.embedUnavailable));
    });
  };
  toggle.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    toggle.setAttribute('aria-expanded', String(!panel.hidden));
    render();
  });
  // After the listeners below, which keep the state the event tells (before, the codes
  // were those of the state before the change).
  element.addEventListener('autonomie-change', () => queueMicrotask(render));
  element.addEventListener('autonomie-ready', () => queueMicrotask(render));
  return render;
}

const embedRenderers = [...charts].map(([id, element]) => setupEmbed(id, element));
fetch(new URL('manifest.json', RELEASE_BASE), { cache: 'no-cache', credentials: 'omit' })
  .then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  })
  .then((manifest) => { release = manifest; })
  .catch((error) => {
    release = false;
    console.error(`autonomie: ${RELEASE_BASE}manifest.json could not be read (${error.message}): no embed code`);
  })
  .then(() => { for (const render of embedRenderers) render(); });

function setPageLang(next) {
  lang = next;
  document.documentElement.lang = lang;
  for (const button of document.querySelectorAll('[data-lang-choice]')) {
    button.setAttribute('aria-pressed', String(button.dataset.langChoice === lang));
  }
  for (const element of charts.values()) element.setAttribute('lang', lang);
  for (const render of embedRenderers) render();
  renderSources();
  updateFragment();
}

let sourcesApi = null;
function renderSources() {
  if (!sourcesApi) return;
  const { checked, newest, sources } = sourcesApi.allSources(lang);
  const words = WORDS[lang];
  document.getElementById('data-checked').textContent = `${words.newestFigure} ${newest}${words.listSeparator}${words.sourcesChecked} ${checked}.`;
  const quotes = [words.quoteOpen, words.quoteClose];
  document.getElementById('source-list').replaceChildren(...sources.map((source) => {
    const item = document.createElement('li');
    item.id = `source-${source.key}`;
    const note = source.dateNote ? ` (${source.dateNote})` : '';
    item.append(`${source.publisher} (${source.kind}), `, sourceLink(source, quotes), `, ${source.date}${note}.`);
    return item;
  }));
}

for (const button of document.querySelectorAll('[data-lang-choice]')) {
  button.setAttribute('aria-pressed', String(button.dataset.langChoice === lang));
  button.addEventListener('click', () => setPageLang(button.dataset.langChoice));
}
for (const [id, element] of charts) {
  element.addEventListener('autonomie-ready', (event) => {
    if (event.detail) states.set(id, event.detail);
  });
  element.addEventListener('autonomie-change', (event) => {
    states.set(id, event.detail);
    touched.add(id);
    updateFragment();
  });
}
for (const render of embedRenderers) render();

// Exposed for the end-to-end tests and for readers who script the page.
window.autonomieCharts = charts;

// The element and its JS API: one module (in dist/, the element's own bundle, which the
// page's HTML also names, so that both download at once).
try {
  sourcesApi = await import('./autonomie-chart.js');
  await sourcesApi.loadWasm();
  renderSources();
} catch (error) {
  console.error('autonomie: the chart engine could not load:', error);
}
document.documentElement.dataset.ready = 'true';
