// The first view (issues 15 and 20): what an element shows before its wasm, and when the
// wasm is fetched. The page as shipped carries each chart's picture, as an embed code
// does, and its canvas takes the picture's place with nothing moved; a chart of custom
// data gets its pictures from `autonomie-static --data FILE --out DIR`; the pictures are
// in a directory named by their hash, cached for a year; `load` decides when the wasm
// comes (twenty charts with load="interaction" fetch none until one is touched).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, settle, startServer } from './browser.mjs';
import { CSP } from '../../scripts/serve.mjs';
import { changedShare, hostLayout, manifest, readerPage, shiftTotal, stageBox } from './reader.mjs';
import { elementSnippet } from '../../www/embed-code.js';

let server, origin, browser;
before(async () => {
  ({ server, origin } = await startServer());
  browser = await launchBrowser({ deviceScaleFactor: 1 });
});
after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens a page of `body` under the project's CSP, recording every request. */
async function openMade(body, { lang = 'en', width = 900, css = '' } = {}) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const path = `/first-view-${Math.random().toString(36).slice(2)}.html`;
  await page.route(origin + path, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    headers: { 'Content-Security-Policy': CSP },
    body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>first view</title>
<link rel="stylesheet" href="${path}.css">
<script type="module" src="/www/autonomie-chart.js"></script></head><body>${body}</body></html>`,
  }));
  await page.route(`${origin}${path}.css`, (route) => route.fulfill({ contentType: 'text/css', body: `autonomie-chart { display: block; } img { max-width: 100%; height: auto; } ${css}` }));
  await page.goto(origin + path);
  return { page, requests };
}

describe('the first view', () => {
  test('the page as shipped: each chart\'s picture in its HTML; its canvas takes the picture\'s place and nothing moves', async () => {
    const { page, log, release } = await readerPage(browser, { width: 412, wasm: 'held' });
    await page.goto(`${origin}/dist/index.html#models`);
    await page.waitForFunction(() => document.querySelector('autonomie-chart img')?.complete && document.querySelector('autonomie-chart').shadowRoot?.querySelector('.atm-controls button'));
    const box = await stageBox(page, 'autonomie-chart');
    const picture = await page.screenshot({ clip: { ...box, height: Math.min(box.height, 900 - box.y) } });
    const before = await hostLayout(page, '#sources');
    const shifts = await shiftTotal(page);
    release();
    await page.waitForFunction(() => document.querySelector('autonomie-chart').drawCount > 0);
    await settle(page);
    assert.deepEqual(await stageBox(page, 'autonomie-chart'), box, 'the canvas has the picture\'s box');
    assert.deepEqual(await hostLayout(page, '#sources'), before, 'nothing moved on the page');
    assert.equal(await shiftTotal(page), shifts);
    const canvas = await page.screenshot({ clip: { ...box, height: Math.min(box.height, 900 - box.y) } });
    const same = await changedShare(browser, picture, canvas, { radius: 1 });
    assert.ok(same.share <= 0.01, `${(same.share * 100).toFixed(2)} % of the pixels changed`);
    assert.deepEqual(log.errors, []);
    await page.close();
  });

  test('with load="interaction", twenty charts fetch no wasm until one is touched, then exactly one', async () => {
    const charts = ['models', 'valuations', 'funding', 'compute'];
    const body = Array.from({ length: 20 }, (_, i) => `<autonomie-chart id="c${i}" chart="${charts[i % 4]}" load="interaction"></autonomie-chart>`).join('\n');
    const { page, requests } = await openMade(body, { width: 1300, css: 'autonomie-chart { width: 398px; }' });
    await page.waitForTimeout(1500);
    const wasm = () => requests.filter((url) => url.endsWith('.wasm'));
    assert.deepEqual(wasm(), [], 'no wasm before an interaction');
    assert.equal(await page.$$eval('autonomie-chart', (all) => all.filter((e) => e.started).length), 0);
    await page.hover('#c5');
    await page.waitForFunction(() => document.getElementById('c5').drawCount > 0);
    await settle(page);
    assert.equal(wasm().length, 1, `one wasm fetch: ${wasm().join(' ')}`);
    assert.deepEqual(await page.$$eval('autonomie-chart', (all) => all.filter((e) => e.started).map((e) => e.id)), ['c5']);
    await page.close();
  });

  test('load="eager" starts at once; the default, "visible", waits for the chart to come near the viewport', async () => {
    const { page } = await openMade(`
      <autonomie-chart id="eager" chart="models" load="eager"></autonomie-chart>
      <div class="gap"></div>
      <autonomie-chart id="below" chart="funding"></autonomie-chart>`, { css: 'autonomie-chart { width: 400px; } .gap { height: 3000px; }' });
    await page.waitForFunction(() => document.getElementById('eager').drawCount > 0);
    await page.waitForTimeout(500);
    assert.equal(await page.$eval('#below', (e) => e.started), false, 'far below: not started');
    await page.locator('#below').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.getElementById('below').drawCount > 0);
    await page.close();
  });

  test('a chart of custom data fetches its dataset while the wasm downloads, not after it', async () => {
    const { page, requests } = await openMade('<autonomie-chart id="src" src="/data/autonomie.json" chart="funding" load="interaction"></autonomie-chart>');
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/*.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.hover('#src');
    const asked = () => requests.filter((url) => url.endsWith('.wasm') || url.endsWith('/data/autonomie.json')).map((url) => url.split('/').pop());
    for (let i = 0; i < 50 && asked().length < 2; i++) await page.waitForTimeout(100);
    assert.deepEqual(asked().sort(), ['autonomie.json', 'autonomie_bg.wasm'], 'both asked for while the wasm is held back');
    assert.equal(await page.$eval('#src', (e) => e.drawCount), 0);
    release();
    await page.waitForFunction(() => document.getElementById('src').drawCount > 0);
    await page.close();
  });

  test('custom data: autonomie-static --data FILE --out DIR draws its pictures; an embed code naming them shows the picture before the wasm, then the same picture drawn', async () => {
    const out = mkdtempSync(join(tmpdir(), 'autonomie-pictures-'));
    try {
      execFileSync('cargo', ['run', '--quiet', '-p', 'autonomie-pictures', '--bin', 'autonomie-static', '--', '--data', 'examples/data/mistral-levees.json', '--out', out],
        { cwd: new URL('../..', import.meta.url), stdio: ['ignore', 'ignore', 'inherit'] });
      const data = JSON.parse(readFileSync(join(out, 'mistral-rounds-latest-linear-EUR-fr.json'), 'utf8'));
      const code = elementSnippet({ script: { src: '/www/autonomie-chart.js', integrity: '' }, pictures: '/custom-pictures/', data })
        .split('\n').slice(1).join('\n')
        .replace('<autonomie-chart ', '<autonomie-chart id="c" src="/examples/data/mistral-levees.json" theme="light" load="interaction" ');
      const { page, requests } = await openMade(code, { lang: 'fr', css: '#c { width: 768px; }' });
      // The blogger's own server: the directory the command wrote.
      await page.route('**/custom-pictures/*', (route) => {
        const name = new URL(route.request().url()).pathname.split('/').pop();
        route.fulfill({ contentType: name.endsWith('.svg') ? 'image/svg+xml' : 'application/json', body: readFileSync(join(out, name)) });
      });
      await page.reload();
      await page.waitForFunction(() => document.getElementById('c').shadowRoot?.querySelector('.atm-controls button') && document.querySelector('#c img').complete);
      assert.equal(requests.filter((url) => url.endsWith('.wasm')).length, 0, 'no wasm yet');
      assert.match(await page.$eval('#c img', (img) => img.currentSrc), /\/custom-pictures\/mistral-rounds-latest-linear-EUR-fr-light-740\.svg$/);
      const box = await stageBox(page, '#c');
      const before = await page.screenshot({ clip: box });
      await page.hover('#c');
      await page.waitForFunction(() => document.getElementById('c').drawCount > 0);
      await settle(page);
      assert.deepEqual(await stageBox(page, '#c'), box, 'the canvas has the picture\'s box');
      const same = await changedShare(browser, before, await page.screenshot({ clip: box }), { radius: 1 });
      assert.ok(same.share <= 0.01, `${(same.share * 100).toFixed(2)} % of the pixels changed`);
      await page.close();
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('in the release, the pictures are in a directory named by their hash, cached for a year; the iframe pages are not', async () => {
    const directory = manifest().files['static/pictures/'].file;
    assert.match(directory, /^static\/pictures\.[0-9a-f]{16}\/$/);
    const hashed = await fetch(`${origin}/dist/${directory}models-latest-linear-EUR-fr-light-375.svg`);
    assert.equal(hashed.status, 200);
    assert.equal(hashed.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const page = await fetch(`${origin}/dist/embed/models-latest-linear-EUR-fr.html`);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('cache-control'), 'no-cache', 'an iframe page names hashed files: it is revalidated');
  });
});
