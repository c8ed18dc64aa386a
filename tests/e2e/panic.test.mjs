// A panic in the wasm (a bug the other tests did not find) must not leave a frozen
// blank box: the chart it happened in says so in place, in the page's language, and
// Rust's own message goes to the console; the other charts of the page keep working. The panic is made on purpose by a test-only
// build (scripts/build-test-variant.sh, feature `test-exports`), served in place of
// the real one.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canvasPixels, openPage, serveTestVariant, serverAndBrowser } from './browser.mjs';

const env = serverAndBrowser();

const chart = (id) => `autonomie-chart[chart="${id}"]`;

test('a panic shows in place of its chart only; the other charts keep working', async () => {
  const stopServingTestVariant = await serveTestVariant(env.browser.context, env.origin);
  const { page, log } = await openPage(env.browser.context, env.origin, '/index.html');
  for (const id of ['models', 'valuations', 'funding', 'compute']) {
    await page.locator(chart(id)).scrollIntoViewIfNeeded();
    await page.waitForFunction((s) => document.querySelector(s)?.drawCount > 0, chart(id));
  }
  assert.equal(await page.evaluate(async () => typeof (await import('/www/pkg/autonomie.js')).panicWhenDrawing), 'function', 'the test build is served');
  await page.evaluate(async () => (await import('/www/pkg/autonomie.js')).panicWhenDrawing('valuations'));

  await page.click(`${chart('valuations')} button[data-value="log"]`);
  const error = page.locator(`${chart('valuations')} .atm-error`);
  await error.waitFor({ state: 'visible' });
  // The reader gets a sentence in the page's language; Rust's own words go to the console.
  const shown = await error.textContent();
  assert.match(shown, /^Ce graphique ne peut pas s’afficher : une erreur interne l’a arrêté/);
  assert.doesNotMatch(shown, /panicked|asked to panic|\.rs:/);
  assert.equal(await page.locator(`${chart('valuations')} canvas`).isVisible(), false, 'no frozen drawing is left in its place');
  assert.ok(log.consoleErrors.some((m) => m.includes('chart valuations was asked to panic')), 'the console has it too');

  // The other charts answer their toggles and redraw.
  for (const id of ['models', 'funding', 'compute']) {
    const before = await canvasPixels(page, `${chart(id)} canvas`);
    const draws = await page.$eval(chart(id), (e) => e.drawCount);
    const target = (await page.$eval(chart(id), (e) => e.state().scale)) === 'log' ? 'linear' : 'log';
    await page.click(`${chart(id)} button[data-value="${target}"]`);
    await page.waitForFunction(([s, n]) => document.querySelector(s).drawCount > n, [chart(id), draws]);
    assert.equal(await page.$eval(chart(id), (e) => e.state().scale), target);
    assert.notEqual((await canvasPixels(page, `${chart(id)} canvas`)).hash, before.hash, `${id} redrew`);
  }
  assert.deepEqual(log.errors, [], 'no uncaught error reached the page');
  await page.close();
  await stopServingTestVariant();
});
