// The bad-input catalogue of issue #6 (tests/bad-inputs/catalogue.json) in Chromium, and
// the XSS test. Each input goes to its own <autonomie-chart> on a page that also holds a
// good chart: the message must be shown in place and logged, and the good chart and the
// host page must keep working. The native half is tests/it/bad_inputs.rs.
//
// Origins: the widget (A, the project's server), a test host (C) serving the catalogue's
// files, made-up pages and misbehaving `src` answers, and its twin without CORS (D).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { ARTIFACTS, canvasPixels, launchBrowser, listen, openPage, settle, startServer } from './browser.mjs';
import { cspWithWidget } from '../../scripts/serve.mjs';
import { BASE, CATALOGUE, patchedText } from '../bad-inputs/expand.mjs';

const DIR = new URL('../bad-inputs/', import.meta.url);
const MAX_DATASET_BYTES = 5 * 1024 * 1024;

/** A bar view of `count` categories: the same generator as `categories()` in bad_inputs.rs. */
function categories(count) {
  const dataset = JSON.parse(BASE);
  dataset.charts[0].views[0].series = Array.from({ length: count }, (_, index) => {
    const i = index + 1;
    return {
      key: `c${i}`,
      label: { en: `Category ${i}`, fr: `Catégorie ${i}` },
      color: '#1f5fbf',
      points: [{ group: '2024', date: '2024', value: i, source: 'hai-2025' }],
    };
  });
  return JSON.stringify(dataset);
}

/** Every list at its limit: the same generator as `at_the_limits()` in bad_inputs.rs. */
function atTheLimits() {
  const dataset = JSON.parse(BASE);
  const bars = dataset.charts[0].views[0];
  bars.groups = [{ key: '2024', label: { en: '2024', fr: '2024' } }, { key: '2023', label: { en: '2023', fr: '2023' } }];
  const note = 'note '.repeat(200).trimEnd();
  bars.notes = Array.from({ length: 20 }, () => ({ en: note, fr: note }));
  bars.series = Array.from({ length: 100 }, (_, index) => {
    const i = index + 1;
    return {
      key: `c${i}`,
      label: { en: `Category ${i} `.padEnd(300, 'x'), fr: `Catégorie ${i}` },
      color: '#1f5fbf',
      points: [
        { group: '2024', date: '2024', value: i, source: 'hai-2025' },
        { group: '2023', date: '2023', value: i + 1, source: 'hai-2025' },
      ],
    };
  });
  const month = (k) => `${2000 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  dataset.rates = Array.from({ length: 100 }, (_, k) => ({ date: `${month(k)}-13`, usd_per_eur: 1.1, kind: 'daily', source: 'ecb' }));
  dataset.charts[1].views[0].series = Array.from({ length: 20 }, (_, index) => {
    const s = index + 1;
    return {
      key: `l${s}`,
      label: { en: `Line ${s}`, fr: `Ligne ${s}` },
      color: '#7a4fa3',
      points: Array.from({ length: 100 }, (__, k) => ({ date: `${month(k)}-15`, value: s * 100 + k + 1, currency: 'EUR', source: 'cnbc-2024' })),
    };
  });
  return JSON.stringify(dataset);
}

const GENERATORS = {
  'at-the-limits': atTheLimits,
  'categories-100': () => categories(100),
  'categories-10000': () => categories(10000),
  'size-10mb': () => categories(64000),
};
const generated = new Map();
function generate(name) {
  if (!generated.has(name)) generated.set(name, Buffer.from(GENERATORS[name](), 'utf8'));
  return generated.get(name);
}

/** The bytes of a dataset entry: its own file, base.json patched, or generated. */
function body(entry) {
  if (entry.file) return readFileSync(new URL(entry.file, DIR));
  if (entry.patch) return Buffer.from(patchedText(entry), 'utf8');
  return generate(entry.generate);
}

let widget, A, hostC, C, hostD, D, browser;
const pages = new Map();
const openSockets = new Set();

/** The test host: catalogue files, made-up pages, and `src` answers that misbehave. */
function testHost(cors) {
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    const headers = cors ? { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' } : { 'Cache-Control': 'no-store' };
    const send = (status, type, content, extra = {}) => {
      response.writeHead(status, { ...headers, 'Content-Type': type, ...extra });
      response.end(content);
    };
    if (pages.has(path)) {
      const page = pages.get(path);
      return send(200, 'text/html; charset=utf-8', page.html, page.csp ? { 'Content-Security-Policy': page.csp } : {});
    }
    const id = path.match(/^\/data\/([a-z0-9-]+)\.json$/)?.[1];
    const entry = CATALOGUE.find((e) => e.id === id && (e.file || e.patch));
    if (id === 'base') return send(200, 'application/json', BASE);
    if (entry) return send(200, 'application/json', body(entry));
    const name = path.match(/^\/gen\/([a-z0-9-]+)\.json$/)?.[1];
    if (name && GENERATORS[name]) return send(200, 'application/json', generate(name));
    switch (path) {
      case '/src/html': return send(200, 'text/html', '<!doctype html><title>Blog</title><p>Moved</p>');
      case '/src/timeout': return undefined; // never answers
      case '/src/stalled-body':
        response.writeHead(200, { ...headers, 'Content-Type': 'application/json' });
        response.write('{"format": 1, "checked": "2026-11-23", "charts": [');
        return undefined; // and never ends
      case '/src/too-large-declared': return send(200, 'application/json', generate('size-10mb'));
      case '/src/endless': {
        // Chunked, no Content-Length, never ends: the client must stop reading.
        response.writeHead(200, { ...headers, 'Content-Type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (!response.destroyed && sent < 64 * MAX_DATASET_BYTES) {
            sent += chunk.length;
            if (!response.write(chunk)) return response.once('drain', pump);
          }
          return undefined;
        };
        response.on('close', () => { server.endlessSent = sent; });
        return pump();
      }
      default: return send(404, 'text/plain', 'Not found');
    }
  });
  server.on('connection', (socket) => {
    openSockets.add(socket);
    socket.on('close', () => openSockets.delete(socket));
  });
  return server;
}

before(async () => {
  ({ server: widget, origin: A } = await startServer());
  hostC = testHost(true);
  C = await listen(hostC);
  hostD = testHost(false);
  D = await listen(hostD);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const socket of openSockets) socket.destroy();
  for (const server of [widget, hostC, hostD]) {
    server?.closeAllConnections?.();
    server?.close();
  }
});

/** Serves a page on the test host and opens it; `csp` adds the strict policy. */
async function openMadePage(name, content, { csp = false, script = '' } = {}) {
  pages.set(`/${name}.html`, {
    csp: csp ? cspWithWidget(A) : null,
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>
<script type="module" src="${A}/www/autonomie-chart.js"></script></head>
<body><h1 id="host-title">Host page</h1><button id="host-button" type="button">Host button</button>
${content}${script}</body></html>`,
  });
  return openPage(browser.context, C, `/${name}.html`);
}

/** A host-page script counting clicks on its own button (pages without a CSP only). */
const HOST_SCRIPT = `<script>window.__hostClicks = 0;
document.getElementById('host-button').addEventListener('click', () => { window.__hostClicks += 1; });</script>`;

/** Waits until every element in `ids` has either drawn or shown a message. */
function settled(target, ids, timeout = 30000) {
  return target.waitForFunction((list) => list.every((id) => {
    const element = document.getElementById(id);
    const error = element?.shadowRoot?.querySelector('.atm-error:not([hidden])');
    return element?.started && (element.drawCount > 0 || error);
  }), ids, { timeout, polling: 100 });
}

/** What an element shows: its message (without the heading), its text, its state. */
function outcome(target, id) {
  return target.$eval(`#${id}`, (element) => {
    const box = element.shadowRoot.querySelector('.atm-error:not([hidden])');
    const heading = box?.querySelector('strong')?.textContent ?? '';
    return {
      heading,
      error: box ? box.textContent.slice(heading.length).trim() : null,
      role: box?.getAttribute('role') ?? null,
      text: element.shadowRoot.textContent,
      drawCount: element.drawCount,
      canvasHidden: element.shadowRoot.querySelector('canvas')?.hidden ?? null,
    };
  });
}

/** Every tooltip text of a drawn element, read from the keyboard (Home, then →). */
async function tooltips(page, id) {
  const canvas = page.locator(`#${id} canvas`);
  await canvas.focus();
  await page.keyboard.press('Home');
  const texts = [];
  for (let i = 0; i < 200; i += 1) {
    const text = await page.$eval(`#${id}`, (e) => {
      const tip = e.shadowRoot.querySelector('.atm-tooltip');
      return tip.hidden ? null : tip.textContent;
    });
    if (text === null || texts.at(-1) === text) break;
    texts.push(text);
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Escape');
  return texts;
}

/** The good chart still draws and answers a click on a toggle; the host page works. */
async function goodChartAndHostStillWork(page, id) {
  const before = await canvasPixels(page, `#${id} canvas`);
  assert.ok(before.inked > 10000, `the good chart drew (${before.inked} inked pixels)`);
  const scale = await page.$eval(`#${id}`, (e) => e.state().scale);
  const other = scale === 'log' ? 'linear' : 'log';
  await page.click(`#${id} button[data-value="${other}"]`);
  await settle(page);
  assert.equal(await page.$eval(`#${id}`, (e) => e.state().scale), other, 'the good chart answers its toggle');
  assert.notEqual((await canvasPixels(page, `#${id} canvas`)).hash, before.hash, 'and redraws');
  assert.equal(await page.textContent('#host-title'), 'Host page', 'the host page is intact');
}

/** The console got the message (the element logs `autonomie…: <message>`). */
function logged(log, message) {
  return log.consoleErrors.some((line) => line.startsWith('autonomie') && line.endsWith(`: ${message}`));
}

/** English function words that no French message holds, and French ones that no English
 * message holds: the same lists as tests/it/bad_inputs.rs. */
const ENGLISH_WORDS = [' the ', ' is ', ' expected ', ' found ', ' must ', ' not ', ' and ', ' of '];
const FRENCH_WORDS = [' le ', ' la ', ' les ', ' une ', ' est ', ' il faut ', ' pas ', ' des ', ' du ', ' ou '];

/** The entry's substrings in `message`, in `lang`, and no word of the other language. */
function checkExpected(entry, message, failures, lang = 'en') {
  if (message === null) {
    failures.push(`${entry.id} (${lang}): no message shown`);
    return;
  }
  for (const expected of lang === 'fr' ? entry.expected_fr : entry.expected) {
    if (!message.includes(expected)) failures.push(`${entry.id} (${lang}): expected ${JSON.stringify(expected)} in:\n${message}`);
  }
  const padded = ` ${message.replaceAll('\n', ' ')} `;
  for (const word of lang === 'fr' ? ENGLISH_WORDS : FRENCH_WORDS) {
    if (padded.includes(word)) failures.push(`${entry.id} (${lang}): ${JSON.stringify(word)} of the other language in:\n${message}`);
  }
}

/** The whole message of a few entries, in each language (the rest are checked by substrings). */
const EXACT = {
  'not-json': {
    en: 'the dataset is not valid JSON for this format: expected a JSON value (an object, an array, a string, a number, true, false or null) at line 1 column 1',
    fr: 'le fichier de données n’est pas un JSON valide pour ce format : il faut une valeur JSON (un objet, un tableau, une chaîne, un nombre, true, false ou null) à la ligne 1, colonne 1',
  },
  'bad-colour': {
    en: 'the dataset has 1 problem:\n- charts[0].views[0].series[0].color: "red" is not a colour; expected #rrggbb',
    fr: 'le fichier de données a 1 problème :\n- charts[0].views[0].series[0].color : "red" n’est pas une couleur ; il faut #rrvvbb',
  },
  'number-as-string': {
    en: 'the dataset is not valid JSON for this format: charts[0].views[0].series[0].points[0].value: expected a number, found the string "40" at line 56 column 28',
    fr: 'le fichier de données n’est pas un JSON valide pour ce format : charts[0].views[0].series[0].points[0].value : il faut un nombre, pas la chaîne "40" à la ligne 56, colonne 28',
  },
};
const HEADINGS = { en: 'This chart cannot be shown:', fr: 'Ce graphique ne peut pas s’afficher :' };

/** Chart ids of an accepted dataset. */
function chartIdsOf(entry) {
  const text = body(entry).toString('utf8').replace(/^\uFEFF/, '');
  return JSON.parse(text).charts.map((c) => c.id);
}

const SRC_URLS = {
  404: () => `${C}/src/missing.json`,
  timeout: () => `${C}/src/timeout`,
  'stalled-body': () => `${C}/src/stalled-body`,
  html: () => `${C}/src/html`,
  cors: () => `${D}/data/base.json`,
  'too-large-declared': () => `${C}/src/too-large-declared`,
  endless: () => `${C}/src/endless`,
  javascript: () => 'javascript:window.__xss=1',
};

const escapeAttribute = (text) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

describe('bad inputs', () => {
  test('the catalogue covers the issue and the generators make what they say', () => {
    assert.ok(CATALOGUE.length >= 30, `${CATALOGUE.length} entries`);
    for (const kind of ['dataset', 'attribute', 'fragment', 'src']) {
      assert.ok(CATALOGUE.some((e) => e.kind === kind), kind);
    }
    assert.ok(generate('size-10mb').length >= 10 * 1024 * 1024, `${generate('size-10mb').length} bytes`);
    assert.equal(JSON.parse(generate('categories-10000').toString()).charts[0].views[0].series.length, 10000);
    for (const entry of CATALOGUE.filter((e) => e.kind === 'src')) assert.ok(SRC_URLS[entry.src], entry.id);
  });

  test('every bad dataset and `src` is explained in place and logged; odd but valid ones are drawn; the rest of the page keeps working', async () => {
    const datasets = CATALOGUE.filter((e) => e.kind === 'dataset');
    const sources = CATALOGUE.filter((e) => e.kind === 'src');
    const elements = [];
    const french = [];
    const accepted = [];
    for (const entry of datasets) {
      const src = entry.generate ? `/gen/${entry.generate}.json` : `/data/${entry.id}.json`;
      if (entry.accepted) {
        for (const chart of chartIdsOf(entry)) {
          for (const lang of ['en', 'fr']) {
            const id = `ok-${entry.id}-${chart}-${lang}`;
            accepted.push({ entry, id });
            elements.push(`<autonomie-chart id="${id}" src="${src}" chart="${chart}" lang="${lang}" loading="eager"></autonomie-chart>`);
          }
        }
      } else {
        elements.push(`<autonomie-chart id="e-${entry.id}" src="${src}" loading="eager"></autonomie-chart>`);
        french.push(`<autonomie-chart id="fr-${entry.id}" src="${src}" loading="eager"></autonomie-chart>`);
      }
    }
    for (const entry of sources) {
      const src = escapeAttribute(SRC_URLS[entry.src]());
      elements.push(`<autonomie-chart id="e-${entry.id}" src="${src}" loading="eager"></autonomie-chart>`);
      french.push(`<autonomie-chart id="fr-${entry.id}" src="${src}" loading="eager"></autonomie-chart>`);
    }
    // The same refused inputs in a French part of the page: every word in French.
    elements.push(`<div lang="fr">${french.join('\n')}</div>`);
    elements.push('<autonomie-chart id="good" chart="valuations" loading="eager"></autonomie-chart>');
    const { page, log } = await openMadePage('datasets', elements.join('\n'), { script: HOST_SCRIPT });
    const refused = [...datasets.filter((e) => !e.accepted), ...sources];
    await settled(page, ['good', ...refused.flatMap((e) => [`e-${e.id}`, `fr-${e.id}`]), ...accepted.map((a) => a.id)], 40000);
    await settle(page);

    const failures = [];
    for (const entry of refused) {
      for (const [lang, prefix] of [['en', 'e'], ['fr', 'fr']]) {
        const result = await outcome(page, `${prefix}-${entry.id}`);
        checkExpected(entry, result.error, failures, lang);
        if (result.error !== null) {
          if (result.heading !== HEADINGS[lang]) failures.push(`${entry.id} (${lang}): the heading is ${JSON.stringify(result.heading)}`);
          if (EXACT[entry.id] && result.error !== EXACT[entry.id][lang]) failures.push(`${entry.id} (${lang}): shows ${JSON.stringify(result.error)}`);
          if (result.role !== 'alert') failures.push(`${entry.id}: the message is not role=alert`);
          if (!logged(log, result.error)) failures.push(`${entry.id}: the console did not get the message:\n${result.error}`);
          if (result.drawCount !== 0) failures.push(`${entry.id}: drew ${result.drawCount} times`);
        }
      }
    }
    assert.ok(Object.keys(EXACT).every((id) => refused.some((e) => e.id === id)), 'the exact messages are of catalogue entries');
    const byEntry = new Map();
    for (const { entry, id } of accepted) {
      const result = await outcome(page, id);
      if (result.error !== null) failures.push(`${entry.id} (${id}): refused: ${result.error}`);
      if (!(result.drawCount > 0) || result.canvasHidden) failures.push(`${entry.id} (${id}): not drawn`);
      else if ((await canvasPixels(page, `#${id} canvas`)).inked < 5000) failures.push(`${entry.id} (${id}): a blank canvas`);
      byEntry.set(entry, [...(byEntry.get(entry) ?? []), result.text]);
    }
    for (const [entry, texts] of byEntry) {
      const missing = () => entry.shows.filter((s) => !texts.join('\n').includes(s));
      // Notes of points are shown in the tooltips only.
      for (const { id } of accepted.filter((a) => a.entry === entry)) {
        if (missing().length > 0) texts.push(...await tooltips(page, id));
      }
      for (const text of missing()) failures.push(`${entry.id}: ${JSON.stringify(text)} is not shown verbatim`);
    }
    // What a spreadsheet would run as a formula is defused in the CSV export.
    const csvs = new Map();
    for (const { entry, id } of accepted.filter((a) => a.entry.csv)) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#${id} button[data-export="csv"]`)]);
      csvs.set(entry.id, `${csvs.get(entry.id) ?? ''}${readFileSync(await download.path(), 'utf8')}`);
    }
    for (const entry of datasets.filter((e) => e.csv)) {
      const csv = csvs.get(entry.id) ?? '';
      for (const text of entry.csv) if (!csv.includes(text)) failures.push(`${entry.id}: ${JSON.stringify(text)} is not in the CSV export`);
    }
    assert.deepEqual(failures, [], failures.join('\n\n'));

    // An endless response was cut short, not read to the end.
    assert.ok(hostC.endlessSent === undefined || hostC.endlessSent < 64 * MAX_DATASET_BYTES, `${hostC.endlessSent} bytes sent`);
    await goodChartAndHostStillWork(page, 'good');
    await page.click('#host-button');
    assert.equal(await page.evaluate(() => window.__hostClicks), 1, 'the host page\'s own script still runs');
    assert.deepEqual(log.errors, [], 'no uncaught error');
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    await page.screenshot({ path: `${ARTIFACTS}bad-inputs-datasets.png` });
    await page.close();
  });

  test('a dataset above the size limit given to the controller directly is refused by the core before parsing', async () => {
    const { page, log } = await openMadePage('direct', '<div id="box"></div>');
    const message = await page.evaluate(async ([widgetOrigin, url]) => {
      const { AutonomieChart, loadWasm } = await import(`${widgetOrigin}/www/autonomie.js`);
      await loadWasm();
      const text = await (await fetch(url)).text();
      const box = document.getElementById('box');
      const started = performance.now();
      new AutonomieChart(box, 'models', { dataset: text, lang: 'en' });
      return { text: box.querySelector('.atm-error:not([hidden])').textContent, ms: performance.now() - started, length: text.length };
    }, [A, `${C}/gen/size-10mb.json`]);
    assert.ok(message.length >= 10 * 1024 * 1024);
    assert.match(message.text, /the dataset is larger than 5 MB \(\d+ bytes; the limit is 5242880 bytes\), so it was not read/);
    assert.ok(message.ms < 2000, `refused in ${Math.round(message.ms)} ms`);
    assert.ok(log.consoleErrors.some((line) => line.includes('larger than 5 MB')));
    await page.close();
  });

  test('unknown chart, view, scale, currency, language, series and theme in attributes are explained in place', async () => {
    const entries = CATALOGUE.filter((e) => e.kind === 'attribute');
    const elements = entries.map((entry) => {
      const attributes = Object.entries(entry.attributes).map(([k, v]) => `${k}="${escapeAttribute(v)}"`).join(' ');
      return `<autonomie-chart id="e-${entry.id}" ${attributes} loading="eager"></autonomie-chart>`;
    });
    elements.push('<autonomie-chart id="good" chart="funding" loading="eager"></autonomie-chart>');
    const { page, log } = await openMadePage('attributes', elements.join('\n'), { script: HOST_SCRIPT });
    await settled(page, ['good', ...entries.map((e) => `e-${e.id}`)]);
    const failures = [];
    for (const entry of entries) {
      const result = await outcome(page, `e-${entry.id}`);
      checkExpected(entry, result.error, failures);
      if (result.error !== null && !logged(log, result.error)) failures.push(`${entry.id}: not logged`);
    }
    assert.deepEqual(failures, [], failures.join('\n\n'));
    // A good value brings a refused chart back.
    // (Valuations open in euros: dollars is a change.)
    await page.evaluate(() => document.getElementById('e-attribute-unknown-currency').setAttribute('currency', 'USD'));
    await settle(page);
    assert.equal((await outcome(page, 'e-attribute-unknown-currency')).error, null);
    assert.equal(await page.$eval('#e-attribute-unknown-currency', (e) => e.state().currency), 'USD');
    await goodChartAndHostStillWork(page, 'good');
    await page.click('#host-button');
    assert.equal(await page.evaluate(() => window.__hostClicks), 1);
    assert.deepEqual(log.errors, []);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    const injected = await page.$eval('#e-attribute-markup-chart', (e) => e.shadowRoot.querySelectorAll('img, script').length);
    assert.equal(injected, 0, 'markup in an attribute stays text');
    await page.close();
  });

  test('unknown values in the fragment of embed.html are explained in place, frame by frame', async () => {
    const entries = CATALOGUE.filter((e) => e.kind === 'fragment');
    const frames = entries.map((entry) => `<iframe id="f-${entry.id}" title="${entry.id}" src="${A}/www/embed.html${escapeAttribute(entry.fragment)}" width="800" height="400"></iframe>`);
    frames.push(`<iframe id="f-good" title="good" src="${A}/www/embed.html#chart=valuations&amp;lang=en" width="800" height="600"></iframe>`);
    const { page, log } = await openMadePage('fragments', frames.join('\n'), { script: HOST_SCRIPT });
    const frameOf = async (id) => (await page.waitForSelector(`#f-${id}`)).contentFrame();
    const failures = [];
    for (const entry of entries) {
      const frame = await frameOf(entry.id);
      // Chromium pauses animation frames in off-screen frames of another origin.
      await page.locator(`#f-${entry.id}`).scrollIntoViewIfNeeded();
      await settled(frame, ['chart']);
      const result = await outcome(frame, 'chart');
      checkExpected(entry, result.error, failures);
      if (result.error !== null && !logged(log, result.error)) failures.push(`${entry.id}: not logged`);
      if (await frame.evaluate(() => window.__xss) !== undefined) failures.push(`${entry.id}: a script ran`);
    }
    assert.deepEqual(failures, [], failures.join('\n\n'));
    const good = await frameOf('good');
    await page.locator('#f-good').scrollIntoViewIfNeeded();
    await settled(good, ['chart']);
    assert.ok((await canvasPixels(good, '#chart canvas')).inked > 10000);
    await good.click('#chart button[data-value="history"]');
    assert.equal(await good.$eval('#chart', (e) => e.state().view), 'history');
    await page.click('#host-button');
    assert.equal(await page.evaluate(() => window.__hostClicks), 1);
    assert.deepEqual(log.errors, []);
    await page.close();
  });
});

// The XSS payloads of the catalogue's `xss-labels` entry, as titles, labels, notes, axis,
// source title, publisher and date note; its source URL carries quotes and a tag.
describe('XSS', () => {
  const entry = CATALOGUE.find((e) => e.id === 'xss-labels');
  const ids = ['x-models-en', 'x-models-fr', 'x-mistral-en', 'x-mistral-fr'];
  const elements = ids.map((id) => {
    const [, chart, lang] = id.split('-');
    return `<autonomie-chart id="${id}" src="/data/${entry.id}.json" chart="${chart}" lang="${lang}" loading="eager"></autonomie-chart>`;
  }).join('\n');

  /** Elements with an event-handler attribute, and elements of risky kinds, in the document and every shadow root. */
  const inventory = () => {
    const handlers = [];
    const kinds = {};
    const links = [];
    const visit = (root, inShadow) => {
      for (const element of root.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
          if (/^on/i.test(attribute.name)) handlers.push(`${element.localName}[${attribute.name}]`);
        }
        if (inShadow) {
          const name = element.localName;
          const printed = element.closest('.atm-print') !== null;
          if (['img', 'script', 'iframe', 'object', 'embed', 'svg', 'a', 'form', 'input', 'style', 'link', 'meta', 'base'].includes(name)) {
            const key = printed ? `print:${name}` : name;
            kinds[key] = (kinds[key] ?? 0) + 1;
          }
          if (name === 'a') links.push({ href: element.getAttribute('href'), rel: element.rel, target: element.target, text: element.textContent });
        }
        if (element.shadowRoot) visit(element.shadowRoot, true);
      }
    };
    visit(document, false);
    const light = {};
    for (const element of document.querySelectorAll('*')) light[element.localName] = (light[element.localName] ?? 0) + 1;
    return { handlers, kinds, links, light };
  };

  for (const csp of [false, true]) {
    test(`no payload runs or injects an element, and each shows verbatim as text (${csp ? 'strict CSP' : 'no CSP: a payload would run'})`, async () => {
      const { page, log } = await openMadePage(`xss-${csp ? 'csp' : 'open'}`, elements, { csp });
      await settled(page, ids);
      await settle(page);
      for (const id of ids) {
        assert.equal((await outcome(page, id)).error, null, `${id} is drawn`);
        assert.ok((await canvasPixels(page, `#${id} canvas`)).inked > 5000, `${id} is drawn`);
      }
      const before = await page.evaluate(inventory);

      // Read every item (tooltips), open the table, toggle each legend entry off and on,
      // export CSV and SVG, and print (the printable SVG goes into the page).
      const texts = [];
      for (const id of ids) {
        texts.push(...await tooltips(page, id));
        await page.click(`#${id} .atm-table-button`);
        for (const key of await page.$$eval(`#${id} .atm-series`, (buttons) => buttons.map((b) => b.dataset.key))) {
          await page.click(`#${id} .atm-series[data-key="${key}"]`);
          await page.click(`#${id} .atm-series[data-key="${key}"]`);
        }
        texts.push(await page.$eval(`#${id}`, (e) => e.shadowRoot.textContent));
      }
      const downloads = {};
      for (const format of ['csv', 'svg']) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#x-models-en button[data-export="${format}"]`)]);
        downloads[format] = readFileSync(await download.path(), 'utf8');
      }
      await page.emulateMedia({ media: 'print' });
      await page.waitForFunction(() => document.getElementById('x-models-en').shadowRoot.querySelector('.atm-print svg'));
      await page.emulateMedia({ media: 'screen' });
      await settle(page);
      const after = await page.evaluate(inventory);

      assert.equal(await page.evaluate(() => window.__xss), undefined, 'no payload ran');
      assert.deepEqual(after.handlers, [], 'no element with an event-handler attribute');
      assert.deepEqual(after.light, before.light, 'nothing added to the host page');
      for (const kind of ['img', 'script', 'iframe', 'object', 'embed', 'svg', 'form', 'input', 'style', 'link', 'meta', 'base', 'print:img', 'print:script', 'print:iframe', 'print:a']) {
        assert.equal(after.kinds[kind] ?? 0, 0, `no <${kind}> in the widgets: ${JSON.stringify(after.kinds)}`);
      }
      assert.ok((after.kinds['print:svg'] ?? 0) >= 1, 'the printable SVG is there (and nothing else in it)');
      assert.equal(after.kinds['print:svg'], await page.$$eval('autonomie-chart', (list) => list.filter((e) => e.shadowRoot.querySelector('.atm-print > svg')).length), 'one <svg> per printed chart, no nested one');
      // Links from data: http(s) only, opening with rel=noopener noreferrer.
      assert.ok(after.links.length >= 2, JSON.stringify(after.links));
      for (const link of after.links) {
        assert.match(link.href, /^https?:\/\//, link.href);
        assert.equal(link.rel, 'noopener noreferrer');
        assert.equal(link.target, '_blank');
      }
      assert.ok(after.links.some((l) => l.href === 'https://example.com/?q="><img/src=x/onerror=window.__xss=1>'), 'the odd URL is kept as it is, in the href only');
      // Every payload is shown verbatim, as text.
      const shown = texts.join('\n');
      for (const payload of entry.shows) assert.ok(shown.includes(payload), `${JSON.stringify(payload)} is shown verbatim`);
      // Exports: the SVG escapes the text, the CSV keeps it as data.
      assert.ok(downloads.svg.includes('&lt;img src=x onerror=window.__xss=1&gt;'), 'the SVG export has the label, escaped');
      assert.ok(!/<(img|script|iframe)\b/i.test(downloads.svg), 'and no markup from data');
      assert.ok(downloads.csv.includes('<img src=x onerror=window.__xss=1>'), 'the CSV export has the label as data');

      assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation');
      assert.deepEqual(log.errors, []);
      assert.deepEqual(log.consoleErrors.filter((line) => line.startsWith('autonomie')), [], 'nothing was refused');
      if (!csp) await page.screenshot({ path: `${ARTIFACTS}bad-inputs-xss.png`, fullPage: true });
      await page.close();
    });
  }
});
