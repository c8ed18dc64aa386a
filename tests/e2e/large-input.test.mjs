// A dataset of the largest size accepted (5 MB) but of the wrong shape, such as a
// GeoJSON file given as `src` by mistake, must be refused at its first wrong value:
// reading it must not build anything of its size in the wasm memory, which never
// shrinks until the page reloads. (A reader that built a tree of the whole file first
// took 100 MB for these inputs.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, serverAndBrowser } from './browser.mjs';

const env = serverAndBrowser();

test('a 5 MB dataset of the wrong shape is refused without filling the wasm memory', async () => {
  const { page, log } = await openPage(env.browser.context, env.origin, '/no-such-page');
  const results = await page.evaluate(async () => {
    const wasm = await import('/www/pkg/autonomie.js');
    const instance = await wasm.default();
    const out = [];
    for (const item of ['[]', '1', '{"id":"a"}', '{"type":"Feature","geometry":{"type":"Point","coordinates":[2.35,48.85]}}']) {
      const head = '{"format":1,"checked":"2026-01-01","charts":[';
      const count = Math.floor((5 * 1024 * 1024 - head.length - 20) / (item.length + 1));
      const text = `${head}${Array(count).fill(item).join(',')}],"sources":{}}`;
      const before = instance.memory.buffer.byteLength;
      let message = null;
      try {
        wasm.chart_ids(text, 'en');
      } catch (error) {
        message = String(error?.message ?? error);
      }
      out.push({ item, bytes: text.length, message, growth: instance.memory.buffer.byteLength - before });
    }
    return out;
  });
  for (const r of results) {
    console.log(`# ${r.bytes} bytes of ${r.item}: wasm memory +${(r.growth / 1048576).toFixed(1)} MB; ${r.message}`);
    assert.ok(r.bytes <= 5 * 1024 * 1024 && r.bytes > 5 * 1024 * 1024 - 200, 'the input is at the size limit');
    assert.match(r.message ?? '', /^the dataset is not valid JSON for this format: charts\[0\][.:]/);
    // The text itself is copied into the wasm memory (5 MB); nothing of its size more.
    assert.ok(r.growth <= 8 * 1024 * 1024, `reading ${r.item} grew the wasm memory by ${r.growth} bytes`);
  }
  assert.deepEqual(log.errors, []);
  await page.close();
});
