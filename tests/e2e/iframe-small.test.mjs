// An iframe held small on purpose (the race fixed in ca8b913): embed.html tells its
// parent its height only once its chart has started, never before. Before the start the
// frame's page is a title and an empty element; a parent that fitted the frame to that
// held it a few pixels high, and a frame that small may be throttled by the browser
// (no rendering, so no resize observed), so that the chart's real height never came.
// Here the parent holds the iframe at 40 px with the resize script; every height the
// frame sends must come after its `autonomie-ready`, and the frame must grow to the
// chart. No timer: each step waits for an event, and the order is read from the clock
// both documents share (performance.timeOrigin + performance.now()).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './browser.mjs';

const env = serverAndBrowser();

const PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Un article</title></head><body>
<h1>Un article</h1>
<iframe src="/www/embed.html#chart=models&amp;lang=fr" width="640" height="40" title="Modèles d’IA"></iframe>
<script>window.__heights = []; addEventListener('message', (event) => { if (event.data?.type === 'autonomie:height') window.__heights.push({ height: event.data.height, at: performance.timeOrigin + performance.now() }); });</script>
<script src="/www/autonomie-resize.js" defer></script>
</body></html>`;

test('an iframe held small gets no height before its chart starts, then grows to the chart', async () => {
  const page = await env.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // In the frame: when its chart said it started, on the same clock.
  await page.addInitScript(() => {
    if (window.parent === window) return;
    document.addEventListener('autonomie-ready', () => {
      window.__readyAt ??= performance.timeOrigin + performance.now();
    }, { capture: true });
  });
  await page.route(`${env.origin}/iframe-small.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE }));
  await page.goto(`${env.origin}/iframe-small.html`);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frame.waitForFunction(() => document.getElementById('chart')?.drawCount > 0);
  await page.waitForFunction(() => Number(document.querySelector('iframe').height) > 300);
  const readyAt = await frame.evaluate(() => window.__readyAt);
  const heights = await page.evaluate(() => window.__heights);
  assert.ok(readyAt > 0, 'the chart started');
  assert.ok(heights.length > 0, 'the frame sent its height');
  const early = heights.filter((h) => h.at < readyAt);
  assert.deepEqual(early, [], 'no height was sent before the chart started');
  const last = heights[heights.length - 1].height;
  assert.ok(last > 300, `the frame grew to the chart: ${last} px`);
  assert.equal(Number(await page.$eval('iframe', (f) => f.height)), Math.ceil(last));
  assert.deepEqual(errors, []);
  await page.close();
});
