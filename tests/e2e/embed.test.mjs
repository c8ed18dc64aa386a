// End-to-end tests of embedding: the <autonomie-chart> element, embed.html in an iframe,
// the page's fragment and embed codes, and custom data. Three origins take part: the
// widget's (A), the example blog's (B, served by the project's server as a second
// origin) and a test host (C, with a twin D that sends no CORS header) for pages and
// data that the tests make up.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { ARTIFACTS, canvasPixels, launchBrowser, listen, openPage, settle, startServer } from './browser.mjs';
import { serve } from '../../scripts/serve.mjs';

const EXAMPLE_DATA = readFileSync(new URL('../../examples/data/mistral-levees.json', import.meta.url), 'utf8');
let widget, A, blog, B, hostC, C, hostD, D, browser;
const pages = new Map();

/** The test host: made-up pages and datasets, with or without CORS. */
function testHost(cors) {
  return createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    const headers = cors ? { 'Access-Control-Allow-Origin': '*' } : {};
    const send = (status, type, body) => {
      response.writeHead(status, { ...headers, 'Content-Type': type });
      response.end(body);
    };
    if (pages.has(path)) return send(200, 'text/html; charset=utf-8', pages.get(path));
    switch (path) {
      case '/ok.json': return send(200, 'application/json', EXAMPLE_DATA);
      case '/page.json': return send(200, 'text/html', '<!doctype html><title>Oops</title><p>Not here');
      case '/bad.json': return send(200, 'application/json', '{"format": 1, "charts": [');
      case '/invalid.json': {
        const dataset = JSON.parse(EXAMPLE_DATA);
        dataset.charts[0].views[0].series[2].points[0].value = 0;
        return send(200, 'application/json', JSON.stringify(dataset));
      }
      case '/slow.json': return undefined; // never answers
      default: return send(404, 'text/plain', 'Not found');
    }
  });
}

before(async () => {
  ({ server: widget, origin: A } = await startServer());
  blog = await serve(0, { quiet: true, widgetOrigin: A });
  B = `http://127.0.0.1:${blog.address().port}`;
  hostC = testHost(true);
  C = await listen(hostC);
  hostD = testHost(false);
  D = await listen(hostD);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const server of [widget, blog, hostC, hostD]) {
    server?.closeAllConnections?.();
    server?.close();
  }
});

/** Serves `body` as a page of the test host and opens it. */
async function openMadePage(name, body, lang = 'en') {
  pages.set(`/${name}.html`, `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${name}</title>
<script type="module" src="${A}/www/autonomie-chart.js"></script></head><body>${body}</body></html>`);
  return openPage(browser.context, C, `/${name}.html`);
}

function drawn(page, selector) {
  return page.waitForFunction((s) => document.querySelector(s)?.drawCount > 0, selector);
}

const violations = (target) => target.evaluate(() => window.__cspViolations);

describe('embedding', () => {
  test('the blog post on another origin shows all three embeds, under a strict CSP, talking to no one else', async () => {
    const { page, log } = await openPage(browser.context, B, '/examples/blog-post.html');
    const declared = Number(await page.$eval('#figure-modeles iframe', (f) => f.getAttribute('height')));
    for (const figure of ['#figure-valorisations', '#figure-pays', '#figure-calcul']) {
      await page.locator(`${figure} autonomie-chart`).scrollIntoViewIfNeeded();
      await drawn(page, `${figure} autonomie-chart`);
    }
    await page.locator('#figure-modeles iframe').scrollIntoViewIfNeeded();
    const frame = await (await page.waitForSelector('#figure-modeles iframe')).contentFrame();
    await frame.waitForFunction(() => document.getElementById('chart')?.drawCount > 0);
    await page.locator('#figure-levees autonomie-chart').scrollIntoViewIfNeeded();
    await drawn(page, '#figure-levees autonomie-chart');
    await settle(page);

    for (const figure of ['#figure-valorisations', '#figure-pays', '#figure-calcul']) {
      assert.ok((await canvasPixels(page, `${figure} canvas`)).inked > 20000, figure);
    }
    assert.deepEqual(await page.$$eval('#figure-valorisations autonomie-chart, #figure-pays autonomie-chart, #figure-calcul autonomie-chart', (all) => all.map((e) => e.state().view)), ['history', 'countries', 'november-2025']);
    assert.ok((await canvasPixels(frame, '#chart canvas')).inked > 20000);
    const custom = await canvasPixels(page, '#figure-levees canvas');
    assert.ok(custom.inked > 10000);
    assert.equal(await page.$eval('#figure-levees autonomie-chart', (e) => e.state().chart), 'mistral-rounds');
    assert.equal(await frame.$eval('#chart', (e) => e.state().view), 'history');

    // Auto height: the resize script fitted the iframe to its content.
    await page.waitForFunction((declared) => Number(document.querySelector('iframe').height) !== declared, declared);
    const [frameHeight, contentHeight] = [
      Number(await page.$eval('iframe', (f) => f.height)),
      await frame.evaluate(() => document.documentElement.scrollHeight),
    ];
    assert.ok(Math.abs(frameHeight - contentHeight) <= 2, `iframe ${frameHeight} px, content ${contentHeight} px`);

    // The blog's own CSS (uppercase buttons, canvas max-width 50%) does not reach inside.
    assert.equal(await page.$eval('#figure-valorisations autonomie-chart button', (b) => getComputedStyle(b).textTransform), 'none');
    assert.ok(custom.cssWidth > 600, `custom chart is ${custom.cssWidth}px wide`);
    assert.equal(await page.evaluate(() => Object.keys(window).filter((k) => /autonomie|wasm_bindgen/i.test(k)).length), 0, 'no global');

    assert.deepEqual(await violations(page), []);
    assert.deepEqual(await violations(frame), []);
    assert.deepEqual(log.consoleErrors.filter((m) => /Content Security Policy/i.test(m)), []);
    assert.deepEqual(log.errors, []);
    const elsewhere = log.requests.filter((url) => !url.startsWith(A) && !url.startsWith(B) && !url.startsWith('data:'));
    assert.deepEqual(elsewhere, []);
    await page.screenshot({ path: `${ARTIFACTS}blog-post.png`, fullPage: true });
    await page.close();
  });

  test('every attribute sets the chart; lang follows the host page', async () => {
    const { page } = await openMadePage('attributes', `
      <autonomie-chart id="a" chart="valuations" view="history" scale="linear" currency="USD" hidden="openai" height="500"></autonomie-chart>
      <div lang="fr-FR"><autonomie-chart id="b" chart="funding" view="countries"></autonomie-chart></div>
      <autonomie-chart id="c" chart="models" lang="fr"></autonomie-chart>
      <autonomie-chart id="d" chart="models"></autonomie-chart>`);
    for (const id of ['a', 'b', 'c', 'd']) await drawn(page, `#${id}`);
    await settle(page);
    const states = await page.evaluate(() => Object.fromEntries(['a', 'b', 'c', 'd'].map((id) => [id, document.getElementById(id).state()])));
    assert.deepEqual(states.a, { chart: 'valuations', view: 'history', scale: 'linear', currency: 'USD', lang: 'en', hidden: ['openai'] });
    assert.equal(states.b.lang, 'fr', 'nearest lang attribute of the host page');
    assert.equal(states.b.view, 'countries');
    assert.equal(states.c.lang, 'fr');
    assert.equal(states.d.lang, 'en', 'the page is in English');
    const height = await page.$eval('#a', (e) => e.shadowRoot.querySelector('canvas').getBoundingClientRect().height);
    assert.ok(Math.abs(height - 500) <= 1, `height attribute: canvas is ${height}px`);
    await page.close();
  });

  test('attributes and toggles stay in sync, with an autonomie-change event', async () => {
    const { page } = await openMadePage('sync', `
      <autonomie-chart id="a" chart="valuations"></autonomie-chart>
      <autonomie-chart id="b" chart="valuations"></autonomie-chart>`);
    await drawn(page, '#a');
    await drawn(page, '#b');
    await page.evaluate(() => {
      window.events = [];
      document.getElementById('a').addEventListener('autonomie-change', (e) => window.events.push(e.detail));
    });
    const before = await canvasPixels(page, '#a canvas');
    const otherBefore = await canvasPixels(page, '#b canvas');

    await page.evaluate(() => document.getElementById('a').setAttribute('scale', 'log'));
    await settle(page);
    assert.equal(await page.$eval('#a', (e) => e.state().scale), 'log');
    assert.notEqual((await canvasPixels(page, '#a canvas')).hash, before.hash);

    // Valuations open in euros (Mistral's Series D has no ECB rate to dollars, Anthropic's
    // Series H none to euros: neither currency shows every amount).
    await page.click('#a button[data-value="USD"]');
    await page.click('#a button[data-key="mistral"]');
    await settle(page);
    assert.equal(await page.getAttribute('#a', 'currency'), 'USD');
    assert.equal(await page.getAttribute('#a', 'hidden-series'), 'mistral');
    const events = await page.evaluate(() => window.events);
    assert.equal(events.at(-1).currency, 'USD');
    assert.deepEqual(events.at(-1).hidden, ['mistral']);
    assert.equal(events.length, 3, 'one event per change');

    // The other element did not move.
    assert.equal((await canvasPixels(page, '#b canvas')).hash, otherBefore.hash);
    assert.deepEqual(await page.$eval('#b', (e) => e.state()), { chart: 'valuations', view: 'latest', scale: 'linear', currency: 'EUR', lang: 'en', hidden: [] });

    // A bad attribute says so in place; a good one brings the chart back.
    await page.evaluate(() => document.getElementById('a').setAttribute('currency', 'GBP'));
    assert.match(await page.textContent('#a .atm-error'), /unknown currency "GBP"; expected one of: EUR, USD/);
    await page.evaluate(() => document.getElementById('a').setAttribute('currency', 'USD'));
    await settle(page);
    assert.ok(await page.isHidden('#a .atm-error'));
    await page.close();
  });

  test('removal frees the chart; re-insertion restores it; charts start only near the viewport', async () => {
    const { page } = await openMadePage('lifetime', `
      <autonomie-chart id="a" chart="models" view="history"></autonomie-chart>
      <div style="height: 5000px"></div>
      <autonomie-chart id="far" chart="funding"></autonomie-chart>`);
    await drawn(page, '#a');
    await page.click('#a button[data-value="log"]');
    assert.equal(await page.$eval('#far', (e) => e.started), false, 'far below the fold: not started');
    await page.locator('#far').scrollIntoViewIfNeeded();
    await drawn(page, '#far');

    const removed = await page.evaluate(() => {
      const element = document.getElementById('a');
      element.remove();
      window.kept = element;
      return { started: element.started, children: element.shadowRoot.childElementCount };
    });
    assert.deepEqual(removed, { started: false, children: 0 });
    await page.evaluate(() => document.body.prepend(window.kept));
    await page.locator('#a').scrollIntoViewIfNeeded();
    await drawn(page, '#a');
    assert.deepEqual(await page.$eval('#a', (e) => [e.state().view, e.state().scale]), ['history', 'log']);
    await page.close();
  });

  test('embed.html reads and writes its state in the fragment, and a reload restores it', async () => {
    const { page, log } = await openPage(browser.context, A, '/www/embed.html#chart=valuations&scale=log&currency=USD&lang=fr&hidden=openai');
    await drawn(page, '#chart');
    assert.deepEqual(await page.$eval('#chart', (e) => e.state()), { chart: 'valuations', view: 'latest', scale: 'log', currency: 'USD', lang: 'fr', hidden: ['openai'] });
    await page.click('#chart button[data-value="history"]');
    await page.click('#chart button[data-key="anthropic"]');
    await settle(page);
    const hash = await page.evaluate(() => location.hash);
    assert.match(hash, /chart=valuations/);
    assert.match(hash, /view=history/);
    assert.match(hash, /hidden=openai,anthropic|hidden=anthropic,openai/);
    await page.reload();
    await drawn(page, '#chart');
    const state = await page.$eval('#chart', (e) => e.state());
    assert.equal(state.view, 'history');
    assert.deepEqual(state.hidden.sort(), ['anthropic', 'openai']);
    assert.equal(state.currency, 'USD');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(log.errors, []);
    await page.close();
  });

  test('the main page keeps every chart in its fragment; a link restores the view', async () => {
    const { page } = await openPage(browser.context, A, '/');
    await page.locator('autonomie-chart[chart="valuations"]').scrollIntoViewIfNeeded();
    await drawn(page, 'autonomie-chart[chart="valuations"]');
    await page.click('autonomie-chart[chart="valuations"] button[data-value="history"]');
    await page.click('autonomie-chart[chart="valuations"] button[data-value="USD"]');
    await page.click('button[data-lang-choice="en"]');
    await settle(page);
    const hash = await page.evaluate(() => location.hash);
    assert.match(hash, /lang=en/);
    assert.match(hash, /valuations\.view=history/);
    assert.match(hash, /valuations\.currency=USD/);
    const { page: linked } = await openPage(browser.context, A, `/${hash}`);
    await linked.locator('autonomie-chart[chart="valuations"]').scrollIntoViewIfNeeded();
    await drawn(linked, 'autonomie-chart[chart="valuations"]');
    const state = await linked.$eval('autonomie-chart[chart="valuations"]', (e) => e.state());
    assert.deepEqual([state.view, state.currency, state.lang], ['history', 'USD', 'en']);
    assert.equal(await linked.getAttribute('html', 'lang'), 'en');
    assert.deepEqual(await violations(page), []);
    await page.close();
    await linked.close();
  });

  test('custom data: loads from another origin, and each failure is explained in place', async () => {
    const sources = {
      ok: `${C}/ok.json`, missing: `${C}/missing.json`, html: `${C}/page.json`, malformed: `${C}/bad.json`,
      invalid: `${C}/invalid.json`, cors: `${D}/ok.json`, slow: `${C}/slow.json`, offline: 'http://127.0.0.1:9/none.json',
    };
    const elements = Object.entries(sources).map(([id, src]) => `<autonomie-chart id="${id}" src="${src}" loading="eager"></autonomie-chart>`);
    const { page, log } = await openMadePage('custom-data', `${elements.join('\n')}<autonomie-chart id="normal" chart="models" loading="eager"></autonomie-chart>`);
    await drawn(page, '#ok');
    await drawn(page, '#normal');
    const message = async (id) => {
      await page.waitForSelector(`#${id} .atm-error`, { timeout: 15000 });
      return page.textContent(`#${id} .atm-error`);
    };
    assert.equal(await page.$eval('#ok', (e) => e.state().chart), 'mistral-rounds');
    assert.match(await message('missing'), /returned HTTP 404/);
    assert.match(await message('html'), /returned a page \(text\/html\) instead of a JSON file/);
    assert.match(await message('malformed'), /not valid JSON.*line 1 column/);
    assert.match(await message('invalid'), /charts\[0\]\.views\[0\]\.series\[2\]\.points\[0\]\.value: 0 cannot be drawn/);
    assert.match(await message('cors'), /could not be loaded.*CORS/);
    assert.match(await message('offline'), /could not be loaded/);
    assert.match(await message('slow'), /did not answer within 10 s/);
    assert.ok((await canvasPixels(page, '#normal canvas')).inked > 10000, 'the other charts keep working');
    assert.ok(log.consoleErrors.some((m) => m.includes('returned HTTP 404')), 'the console gets the message too');
    await page.close();
  });

  test('an embed code copied from the page shows the same chart, in the same state, on another origin', async () => {
    const { page } = await openPage(browser.context, A, '/');
    const chart = 'autonomie-chart[chart="funding"]';
    await page.locator(chart).scrollIntoViewIfNeeded();
    await drawn(page, chart);
    await page.click(`${chart} button[data-value="countries"]`);
    await page.click(`${chart} button[data-value="EUR"]`);
    // The legend is under "Options" in the page as shipped (each chart with its picture).
    if (!(await page.locator(`${chart} button[data-key="US"]`).isVisible())) await page.click(`${chart} .atm-more-toggle`);
    await page.click(`${chart} button[data-key="US"]`);
    await page.click('[data-embed-for="funding"] .embed-toggle');
    const expected = await page.$eval(chart, (e) => e.state());
    const elementSnippet = await page.inputValue('#embed-funding-element');
    const iframeSnippet = await page.inputValue('#embed-funding-iframe');
    await page.click('[data-embed-for="funding"] .embed-block:first-child button');
    await page.waitForSelector('[data-embed-for="funding"] .embed-status:has-text("Copié")');
    assert.match(elementSnippet, new RegExp(`src="${A}/dist/autonomie-chart\\.[0-9a-f]{16}\\.js" integrity="sha384-[A-Za-z0-9+/]{64}" crossorigin="anonymous"`));
    assert.match(iframeSnippet, new RegExp(`src="${A}/dist/embed/funding-countries-log-EUR-fr\\.html#hidden=US"`));
    assert.match(elementSnippet, /<autonomie-chart chart="funding" view="countries" currency="EUR" lang="fr" hidden-series="US">\n<picture>\n<source /);
    assert.match(iframeSnippet, new RegExp(`src="${A}/dist/autonomie-resize\\.[0-9a-f]{16}\\.js" integrity="sha384-[A-Za-z0-9+/]{64}" crossorigin="anonymous" defer`));

    pages.set('/snippet-element.html', `<!doctype html><html lang="fr"><body><h1>Mon article</h1>${elementSnippet}</body></html>`);
    const { page: withElement } = await openPage(browser.context, C, '/snippet-element.html');
    await drawn(withElement, 'autonomie-chart');
    assert.deepEqual(await withElement.$eval('autonomie-chart', (e) => e.state()), expected);
    await withElement.click('autonomie-chart button[data-value="linear"]');
    assert.equal(await withElement.$eval('autonomie-chart', (e) => e.state().scale), 'linear', 'its toggles work');

    pages.set('/snippet-iframe.html', `<!doctype html><html lang="fr"><body><h1>Mon article</h1>${iframeSnippet}</body></html>`);
    const { page: withFrame } = await openPage(browser.context, C, '/snippet-iframe.html');
    const frame = await (await withFrame.waitForSelector('iframe')).contentFrame();
    await frame.waitForFunction(() => document.getElementById('chart')?.drawCount > 0);
    assert.deepEqual(await frame.$eval('#chart', (e) => e.state()), expected);
    const declared = Number(await withFrame.$eval('iframe', (f) => f.getAttribute('height')));
    const content = await frame.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(declared >= content - 2, `the iframe shows the whole chart (${declared} px for ${content} px)`);
    for (const p of [page, withElement, withFrame]) await p.close();
  });
});
