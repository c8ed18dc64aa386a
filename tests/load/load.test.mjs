// Load and lifetime (run alone, after the other browser tests): many widgets on one
// page, thousands of toggles, elements inserted and removed a thousand times, and a
// storm of resizes. The widget must stay responsive, draw at most once per frame, and
// give back what it took. No timing is asserted here: how long the main thread is held
// while twenty widgets start is a figure of the benchmark (bench/long-tasks.mjs).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CSP } from '../../scripts/serve.mjs';
import { ARTIFACTS, canvasPixels, serverAndBrowser } from '../e2e/browser.mjs';

const env = serverAndBrowser();

const CHARTS = ['models', 'valuations', 'funding'];

/** A page of the widget's origin holding `body`, served under the strict policy. */
async function pageWith(body) {
  const page = await env.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.route(`${env.origin}/__load.html`, (route) => route.fulfill({
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP },
    body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>load</title>
<script type="module" src="/www/autonomie-chart.js"></script></head><body>${body}</body></html>`,
  }));
  await page.goto(`${env.origin}/__load.html`);
  await page.waitForFunction(() => customElements.get('autonomie-chart'));
  return { page, errors };
}

/** JS heap after a full garbage collection, and the wasm memory, in bytes. */
async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(async () => (await (await import('/www/pkg/autonomie.js')).default()).memory.buffer.byteLength);
  await cdp.detach();
  return { heap: usedSize, wasm };
}

/** Event listeners registered on window and document (CDP). */
async function globalListeners(page) {
  const cdp = await page.context().newCDPSession(page);
  let total = 0;
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    total += listeners.length;
  }
  await cdp.detach();
  return total;
}

const mb = (bytes) => `${(bytes / 1048576).toFixed(2)} MB`;

describe('load and lifetime', () => {
  test('20 widgets on one page all draw and respond, each to its own toggle', async () => {
    const body = Array.from({ length: 20 }, (_, i) => `<autonomie-chart chart="${CHARTS[i % 3]}" loading="eager"></autonomie-chart>`).join('\n');
    const { page, errors } = await pageWith(body);
    await page.waitForFunction(() => [...document.querySelectorAll('autonomie-chart')].every((e) => e.drawCount > 0), null, { timeout: 20000 });
    const count = await page.$$eval('autonomie-chart', (all) => all.length);
    assert.equal(count, 20);
    const scales = () => page.$$eval('autonomie-chart', (all) => all.map((e) => e.state().scale));
    for (const index of [0, 10, 19]) {
      const element = page.locator('autonomie-chart').nth(index);
      await element.scrollIntoViewIfNeeded();
      const pixels = await canvasPixels(page, `autonomie-chart >> nth=${index} >> canvas`);
      assert.ok(pixels.inked > 2000, `widget ${index} is drawn`);
      const before = await scales();
      const target = before[index] === 'log' ? 'linear' : 'log';
      await element.locator(`button[data-value="${target}"]`).click();
      const expected = before.map((scale, i) => (i === index ? target : scale));
      assert.deepEqual(await scales(), expected, `widget ${index} responds, and only it`);
    }
    await page.screenshot({ path: `${ARTIFACTS}load-20-widgets.png` });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('10,000 toggles leave the JS heap and the wasm memory flat', async () => {
    const { page, errors } = await pageWith('<autonomie-chart chart="valuations" loading="eager"></autonomie-chart>');
    await page.waitForFunction(() => document.querySelector('autonomie-chart').drawCount > 0);
    const toggle = (times) => page.evaluate(async (times) => {
      const chart = document.querySelector('autonomie-chart');
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      for (let i = 0; i < times; i += 1) {
        chart.setScale(i % 2 ? 'linear' : 'log');
        if (i % 3 === 0) chart.setCurrency(i % 2 ? 'EUR' : 'USD');
        if (i % 50 === 0) await frame();
      }
      chart.setScale('linear');
      chart.setCurrency('EUR');
      await frame();
      await frame();
    }, times);
    await toggle(500); // warm-up: caches, JIT, the first growth of the wasm memory
    const before = await memory(page);
    await toggle(10000);
    const afterToggles = await memory(page);
    console.log(`# 10,000 toggles: JS heap ${mb(before.heap)} -> ${mb(afterToggles.heap)}, wasm memory ${mb(before.wasm)} -> ${mb(afterToggles.wasm)}`);
    assert.equal(afterToggles.wasm, before.wasm, 'the wasm memory does not grow');
    assert.ok(afterToggles.heap - before.heap < 256 * 1024, `the JS heap grows by less than 256 KB (${afterToggles.heap - before.heap} bytes)`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('2,000 insert/remove cycles leave no memory and no listener behind', async () => {
    const { page, errors } = await pageWith('<main id="host"></main>');
    const cycle = (times) => page.evaluate(async (times) => {
      const host = document.getElementById('host');
      for (let i = 0; i < times; i += 1) {
        const element = document.createElement('autonomie-chart');
        element.setAttribute('chart', ['models', 'valuations', 'funding'][i % 3]);
        element.setAttribute('loading', 'eager');
        host.append(element);
        // Every tenth element is removed only once it has drawn; the others at once,
        // while they are still starting.
        if (i % 10 === 0) {
          while (element.drawCount === 0) await new Promise((resolve) => requestAnimationFrame(resolve));
        } else {
          await Promise.resolve();
        }
        element.remove();
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }, times);
    await cycle(100); // warm-up: the engine's caches (compiled code, type feedback) fill
    const listenersBefore = await globalListeners(page);
    const before = await memory(page);
    await cycle(1000);
    const halfway = await memory(page);
    await cycle(1000);
    const afterCycles = await memory(page);
    const listenersAfter = await globalListeners(page);
    console.log(`# 2,000 insert/remove: JS heap ${mb(before.heap)} -> ${mb(halfway.heap)} -> ${mb(afterCycles.heap)}, wasm memory ${mb(before.wasm)} -> ${mb(afterCycles.wasm)}, global listeners ${listenersBefore} -> ${listenersAfter}`);
    assert.equal(listenersAfter, listenersBefore, 'no listener left on window or document');
    assert.equal(afterCycles.wasm, before.wasm, 'the wasm memory does not grow');
    // A leak grows the heap with every cycle: the second 1,000 cycles would add as much
    // as the first. What the engine keeps once (caches that fill, then stop) is not a
    // leak. The second half must add less than 128 KB, 131 bytes an element, while an
    // element kept after its removal holds about 210 (one never started holds the
    // least). Measured on this machine: +10 KB in the second half as shipped, +212 KB
    // with every removed element kept in an array.
    const secondHalf = afterCycles.heap - halfway.heap;
    assert.ok(secondHalf < 128 * 1024, `the second 1,000 cycles grow the JS heap by less than 128 KB (${secondHalf} bytes)`);
    assert.ok(afterCycles.heap - before.heap < 1024 * 1024, `the JS heap grows by less than 1 MB in all (${afterCycles.heap - before.heap} bytes)`);
    assert.equal(await page.$$eval('autonomie-chart', (all) => all.length), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a resize storm redraws at most once per frame and ends with a correct chart', async () => {
    const { page, errors } = await pageWith(`
      <div id="storm" class="box"><autonomie-chart chart="valuations" loading="eager"></autonomie-chart></div>
      <div id="calm" class="box"><autonomie-chart chart="valuations" loading="eager"></autonomie-chart></div>`);
    await page.waitForFunction(() => [...document.querySelectorAll('autonomie-chart')].every((e) => e.drawCount > 0));
    const result = await page.evaluate(async () => {
      const storm = document.querySelector('#storm autonomie-chart');
      const calm = document.querySelector('#calm autonomie-chart');
      calm.parentElement.style.width = '613px';
      const drawsBefore = storm.drawCount;
      let frames = 0;
      let counting = true;
      const count = () => {
        frames += 1;
        if (counting) requestAnimationFrame(count);
      };
      requestAnimationFrame(count);
      const start = performance.now();
      // One change every 5 ms; when a drawing delays the timer, the changes due
      // meanwhile are made at once, so that the 200 changes fit in about a second.
      for (let i = 0; i < 200; i += 1) {
        storm.parentElement.style.width = `${400 + ((i * 37) % 400)}px`;
        if (performance.now() - start < (i + 1) * 5) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      storm.parentElement.style.width = '613px';
      const elapsed = performance.now() - start;
      for (let i = 0; i < 4; i += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
      counting = false;
      return { draws: storm.drawCount - drawsBefore, frames, elapsed };
    });
    console.log(`# resize storm: 200 widths in ${Math.round(result.elapsed)} ms, ${result.draws} draws in ${result.frames} frames`);
    assert.ok(result.draws <= result.frames, `at most one draw per frame (${result.draws} draws, ${result.frames} frames)`);
    assert.ok(result.draws >= 2, 'it kept drawing during the storm');
    const storm = await canvasPixels(page, '#storm autonomie-chart >> canvas');
    const calm = await canvasPixels(page, '#calm autonomie-chart >> canvas');
    assert.equal(storm.width, storm.cssWidth * 2, 'the backing store fits the final width');
    assert.equal(storm.width, calm.width);
    assert.equal(storm.hash, calm.hash, 'the final drawing is the one a calm chart of that width shows');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
