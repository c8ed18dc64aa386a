// An iframe held small on purpose (the race fixed in ca8b913): embed.html must not tell
// its parent a height before its chart has started. A frame fitted to the page before
// the start (a title and an empty element) could hide the element from the browser's
// view, and the element starts only when seen: the chart would never start. Here the
// iframe is 40 px tall and below the fold, with the resize script: until the reader
// comes near, the chart does not start and no height is sent; once it comes near, the
// chart starts and the iframe grows to it. No timer: each step waits for an event.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, settle } from './browser.mjs';

const env = serverAndBrowser();

const PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Un article</title></head><body>
<h1>Un article</h1><div style="height: 2400px">Du texte.</div>
<iframe src="/www/embed.html#chart=models&amp;lang=fr" width="640" height="40" title="Modèles d’IA"></iframe>
<script src="/www/autonomie-resize.js" defer></script>
<script>window.__heights = []; addEventListener('message', (event) => { if (event.data?.type === 'autonomie:height') window.__heights.push(event.data.height); });</script>
</body></html>`;

test('an iframe held small below the fold sends no height before its chart starts, then grows to it', async () => {
  const page = await env.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route(`${env.origin}/iframe-small.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE }));
  await page.goto(`${env.origin}/iframe-small.html`);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  // The frame's scripts have run and laid the page out: the element is defined, and not
  // started (it is far from the viewport).
  await frame.waitForFunction(() => customElements.get('autonomie-chart') !== undefined && document.readyState === 'complete');
  await settle(frame);
  await settle(page);
  assert.equal(await frame.$eval('#chart', (chart) => chart.started), false, 'the chart waits to be seen');
  assert.deepEqual(await page.evaluate(() => window.__heights), [], 'no height before the start');
  assert.equal(await page.$eval('iframe', (f) => f.height), '40');

  await page.locator('iframe').scrollIntoViewIfNeeded();
  await frame.waitForFunction(() => document.getElementById('chart').drawCount > 0);
  await page.waitForFunction(() => Number(document.querySelector('iframe').height) > 300);
  const heights = await page.evaluate(() => window.__heights);
  assert.ok(heights.length > 0 && heights.every((h) => h > 300), `heights sent: ${heights}`);
  assert.deepEqual(errors, []);
  await page.close();
});
