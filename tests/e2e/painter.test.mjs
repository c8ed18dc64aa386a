// The widget's batching canvas backend (crates/autonomie/src/draw/canvas.rs) draws with far
// fewer canvas calls than plotters-canvas (styles set only when they change, lines of
// one style stroked as one path). This proves that it draws the same picture: for every
// chart, view, scale and theme, at a desktop and a phone width, its pixels are compared
// with those plotters-canvas draws from the same plan, both backends driven by the one
// drawing function, draw::render, in the test variant of the wasm
// (scripts/build-test-variant.sh).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, serveTestVariant, serverAndBrowser } from './browser.mjs';

const env = serverAndBrowser();

test('the batching canvas backend draws what plotters-canvas draws from the same plan', async () => {
  const stopServingTestVariant = await serveTestVariant(env.browser.context, env.origin);
  const { page, log } = await openPage(env.browser.context, env.origin, '/www/embed.html');
  const results = await page.evaluate(async () => {
    const wasm = await import('/www/pkg/autonomie.js');
    await wasm.default();
    const pixels = (canvas) => canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const out = [];
    for (const chart of JSON.parse(wasm.chart_ids(null))) {
      const ours = document.createElement('canvas');
      const reference = document.createElement('canvas');
      const handle = new wasm.ChartHandle(ours, chart, null, 'fr');
      // ChartHandle.change(view, scale, …) answers with every part the first time.
      for (const view of JSON.parse(handle.change()).controls.views.map((v) => v.id)) {
        for (const scale of ['linear', 'log']) {
          handle.change(view, scale);
          for (const theme of ['light', 'dark', 'contrast']) {
            for (const width of [760, 360]) {
              handle.drawOn(ours, width, 2, theme);
              handle.drawOnWithPlottersCanvas(reference, width, 2, theme);
              const [a, b] = [pixels(ours), pixels(reference)];
              let differing = 0;
              let inked = 0;
              let largest = 0;
              const box = [Infinity, Infinity, -Infinity, -Infinity];
              for (let i = 0; i < a.length; i += 4) {
                const d = Math.max(Math.abs(a[i] - b[i]), Math.abs(a[i + 1] - b[i + 1]), Math.abs(a[i + 2] - b[i + 2]), Math.abs(a[i + 3] - b[i + 3]));
                if (d > 0) {
                  differing += 1;
                  const [x, y] = [(i / 4) % ours.width, Math.floor(i / 4 / ours.width)];
                  box[0] = Math.min(box[0], x);
                  box[1] = Math.min(box[1], y);
                  box[2] = Math.max(box[2], x);
                  box[3] = Math.max(box[3], y);
                }
                largest = Math.max(largest, d);
                if (a[i] !== a[0] || a[i + 1] !== a[1] || a[i + 2] !== a[2]) inked += 1;
              }
              out.push({
                name: `${chart} ${view} ${scale} ${theme} ${width}px`,
                size: [ours.width, ours.height, reference.width, reference.height],
                pixels: a.length / 4,
                inked,
                differing,
                largest,
                box,
              });
            }
          }
        }
      }
      handle.free();
    }
    return out;
  });
  assert.ok(results.length >= 3 * 2 * 2 * 3 * 2, `${results.length} drawings compared`);
  for (const r of results) {
    if (r.differing > 0) console.log(`# ${r.name}: ${r.differing} of ${r.pixels} pixels differ, by ${r.largest} levels at most, in x0,y0,x1,y1 = ${r.box}`);
    assert.deepEqual(r.size.slice(0, 2), r.size.slice(2), `${r.name}: same canvas size`);
    assert.ok(r.inked > r.pixels * 0.02, `${r.name}: something is drawn (${r.inked} inked pixels)`);
    // Only where hatching lines' soft edges overlap: stroked as one path, an overlap is
    // painted once instead of twice (3 levels of 255 at most, measured).
    assert.ok(r.largest <= 3, `${r.name}: a pixel differs by ${r.largest} levels`);
    assert.ok(r.differing <= r.pixels * 0.01, `${r.name}: ${r.differing} pixels differ`);
  }
  const identical = results.filter((r) => r.differing === 0).length;
  // Every drawing without hatching (48 of 72, measured).
  assert.ok(identical >= (results.length * 2) / 3, `${identical} of ${results.length} drawings are identical to the pixel`);
  console.log(`# ${identical} of ${results.length} drawings identical to the pixel`);
  assert.deepEqual(log.errors, []);
  await page.close();
  await stopServingTestVariant();
});
