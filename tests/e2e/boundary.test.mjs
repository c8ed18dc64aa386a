// The boundary between JavaScript and the wasm (issue 22): a toggle crosses it at most
// twice, once for the change (its answer says what is dirty and carries what those parts
// show) and once for the frame's drawing. Every method of wasm-bindgen's glue class is
// wrapped on the source page (the modules of www/, whose glue is www/pkg/autonomie.js) and
// the calls made on each chart's handle are counted, from a real click or attribute change
// to the end of the redraw it asked for. The focus, the live region and every part are
// checked by focus.test.mjs, reading.test.mjs and page.test.mjs, which run the same code.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, serverAndBrowser, settle } from './browser.mjs';

const env = serverAndBrowser();

/** The source page with every chart drawn, and every call into the glue's class counted. */
async function openCounted() {
  const { page, log } = await openPage(env.browser.context, env.origin, '/index.html');
  await page.waitForSelector('html[data-ready="true"]');
  for (const chart of ['models', 'valuations', 'funding', 'compute']) {
    await page.locator(`autonomie-chart[chart="${chart}"]`).scrollIntoViewIfNeeded();
    await page.waitForFunction((id) => window.autonomieCharts.get(id).drawCount > 0, chart);
  }
  await settle(page);
  await page.evaluate(async () => {
    const glue = await import('/www/pkg/autonomie.js');
    const calls = [];
    window.__wasmCalls = calls;
    const proto = glue.ChartHandle.prototype;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (name === 'constructor' || typeof descriptor.value !== 'function') continue;
      const original = descriptor.value;
      proto[name] = function counted(...args) {
        calls.push({ handle: this, name });
        return original.apply(this, args);
      };
    }
  });
  return { page, log };
}

/**
 * Runs `act` (a real click or an attribute change) on chart `chart`, waits for its redraw,
 * and returns the names of the calls made into the wasm, per chart.
 */
async function callsOf(page, chart, act) {
  const before = await page.evaluate((id) => {
    window.__wasmCalls.length = 0;
    return window.autonomieCharts.get(id).drawCount;
  }, chart);
  await act();
  await page.waitForFunction(([id, count]) => window.autonomieCharts.get(id).drawCount > count, [chart, before]);
  await settle(page);
  return page.evaluate(() => {
    const byHandle = new Map();
    for (const { handle, name } of window.__wasmCalls) byHandle.set(handle, [...(byHandle.get(handle) ?? []), name]);
    return [...byHandle.values()];
  });
}

const shadow = (chart, selector) => `autonomie-chart[chart="${chart}"] >> ${selector}`;

describe('calls into the wasm per toggle', () => {
  const toggles = [
    ['a view button', 'valuations', (page) => page.click(shadow('valuations', '.atm-controls button[data-value="history"]'))],
    ['a currency button', 'valuations', (page) => page.click(shadow('valuations', '.atm-controls button[data-value="USD"]'))],
    ['a scale button', 'models', (page) => page.click(shadow('models', '.atm-controls button[data-value="log"]'))],
    ['a legend entry (series)', 'models', (page) => page.click(shadow('models', '.atm-legend button[data-key]'))],
    ['a key on a focused control', 'funding', async (page) => {
      await page.focus(shadow('funding', '.atm-controls button[data-value="linear"]'));
      await page.keyboard.press('Enter');
    }],
    ['the scale attribute', 'compute', (page) => page.evaluate(() => document.querySelector('autonomie-chart[chart="compute"]').setAttribute('scale', 'log'))],
    ['the lang attribute', 'compute', (page) => page.evaluate(() => document.querySelector('autonomie-chart[chart="compute"]').setAttribute('lang', 'en'))],
    ['the hidden-series attribute', 'models', (page) => page.evaluate(() => document.querySelector('autonomie-chart[chart="models"]').setAttribute('hidden-series', 'CN'))],
    ['toggleSeries()', 'models', (page) => page.evaluate(() => document.querySelector('autonomie-chart[chart="models"]').toggleSeries('EUROPE'))],
  ];
  for (const [what, chart, act] of toggles) {
    test(`${what}: one change and one drawing`, async () => {
      const { page, log } = await openCounted();
      const calls = await callsOf(page, chart, () => act(page));
      console.log(`${what} (${chart}): ${calls.map((names) => names.join(', ')).join(' | ')}`);
      assert.equal(calls.length, 1, `only the toggled chart's handle is called: ${JSON.stringify(calls)}`);
      assert.ok(calls[0].length <= 2, `at most two calls into the wasm, made: ${calls[0].join(', ')}`);
      assert.deepEqual(log.errors, []);
      await page.close();
    });
  }

  test('the page language switch: one change and one drawing per chart', async () => {
    const { page, log } = await openCounted();
    const calls = await callsOf(page, 'models', () => page.click('button[data-lang-choice="en"]'));
    await page.waitForFunction(() => [...window.autonomieCharts.values()].every((el) => el.state().lang === 'en'));
    console.log(`page language: ${calls.map((names) => names.join(', ')).join(' | ')}`);
    assert.equal(calls.length, 4, 'each chart changed once');
    for (const names of calls) assert.ok(names.length <= 2, `at most two calls per chart, made: ${names.join(', ')}`);
    assert.deepEqual(log.errors, []);
    await page.close();
  });
});
