// The long-series line chart on a real canvas: decimated to four points per pixel
// column, it draws the same picture as the whole series, and refuses what it cannot draw.
// SeriesChart is the benchmark's, not in the shipped wasm: the test variant has it
// (scripts/build-test-variant.sh), served in place of www/pkg/.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ARTIFACTS, openPage, serveTestVariant, serverAndBrowser } from './browser.mjs';

const env = serverAndBrowser();

/** Draws the benchmark's random walk of `n` points with and without decimation. */
function compare(page, n, log) {
  return page.evaluate(async ({ n, log }) => {
    const wasm = await import('/www/pkg/autonomie.js');
    await wasm.default({ module_or_path: '/www/pkg/autonomie_bg.wasm' });
    let seed = 42;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const values = new Float64Array(n);
    let y = 100;
    for (let i = 0; i < n; i += 1) {
      values[i] = y;
      y *= Math.exp(((random() - 0.5) * 4) / Math.sqrt(n));
    }
    const pixels = (decimate) => {
      const canvas = document.createElement('canvas');
      const chart = new wasm.SeriesChart(canvas);
      chart.setValues(values);
      chart.setDecimation(decimate);
      chart.draw(820, 2, 520, log, 'light');
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      chart.free();
      return { data, width: canvas.width, height: canvas.height, url: canvas.toDataURL() };
    };
    const whole = pixels(false);
    const decimated = pixels(true);
    let inked = 0;
    let differing = 0;
    let far = 0;
    for (let i = 0; i < whole.data.length; i += 4) {
      const a = whole.data[i] < 200 || whole.data[i + 2] < 200;
      if (a) inked += 1;
      let diff = 0;
      for (let c = 0; c < 3; c += 1) diff = Math.max(diff, Math.abs(whole.data[i + c] - decimated.data[i + c]));
      if (diff > 0) differing += 1;
      if (diff > 96) far += 1;
    }
    return { width: whole.width, height: whole.height, inked, differing, far, png: decimated.url };
  }, { n, log });
}

test('a decimated series draws the same picture as the whole series', async () => {
  const stopServingTestVariant = await serveTestVariant(env.browser.context, env.origin);
  const { page, log } = await openPage(env.browser.context, env.origin, '/');
  for (const [n, logScale] of [[10_000, false], [100_000, false], [100_000, true], [1_000_000, false]]) {
    const result = await compare(page, n, logScale);
    assert.equal(result.width, 1640);
    assert.equal(result.height, 1040);
    assert.ok(result.inked > 20_000, `n = ${n}: the line is drawn (${result.inked} inked pixels)`);
    // Antialiased joins where the line turns back inside a column may shade a pixel
    // differently; no pixel may change from line to background or back.
    assert.equal(result.far, 0, `n = ${n}, log ${logScale}: ${result.far} pixels changed strongly (${result.differing} slightly)`);
    if (n === 100_000 && !logScale) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(`${ARTIFACTS}series-100k.png`, Buffer.from(result.png.split(',')[1], 'base64'));
    }
  }
  assert.deepEqual(log.errors, []);
  await page.close();
  await stopServingTestVariant();
});

test('a series chart refuses values it cannot draw, with the index of the value', async () => {
  const stopServingTestVariant = await serveTestVariant(env.browser.context, env.origin);
  const { page } = await openPage(env.browser.context, env.origin, '/');
  const messages = await page.evaluate(async () => {
    const wasm = await import('/www/pkg/autonomie.js');
    await wasm.default({ module_or_path: '/www/pkg/autonomie_bg.wasm' });
    const chart = new wasm.SeriesChart(document.createElement('canvas'));
    const attempt = (f) => {
      try {
        f();
        return 'drawn';
      } catch (error) {
        return error.message;
      }
    };
    return [
      attempt(() => chart.setValues(new Float64Array([1, NaN]))),
      attempt(() => chart.setValues(new Float64Array([1, -2]))),
      attempt(() => { chart.setValues(new Float64Array([1, 0])); chart.draw(820, 2, 520, true, 'light'); }),
      attempt(() => chart.draw(820, 2, 520, false, 'light')),
    ];
  });
  assert.deepEqual(messages, [
    'values[1] is not a finite number',
    "values[1] is negative; this chart's linear axis starts at 0",
    'values[1] is zero or negative; a log scale needs values greater than 0',
    'drawn',
  ]);
  await page.close();
  await stopServingTestVariant();
});
