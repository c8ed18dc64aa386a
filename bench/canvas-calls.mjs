// Counts the calls into the canvas 2D context (methods and property sets) that one
// `benchToggle()` makes on a benchmark page: the redraw's cost on the JavaScript side,
// before any rasterising. Runs the page as `bench/run.mjs` does.
//
//   node bench/canvas-calls.mjs [autonomie|chartjs|uplot|canvas]

import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';

const id = process.argv[2] ?? 'autonomie';
const server = await serve(0, { quiet: true, extraPublic: ['bench'] });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 900, height: 600 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.canvasCalls = {};
    const count = (name) => { window.canvasCalls[name] = (window.canvasCalls[name] ?? 0) + 1; };
    const proto = CanvasRenderingContext2D.prototype;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const property = Object.getOwnPropertyDescriptor(proto, name);
      if (typeof property.value === 'function') {
        const method = property.value;
        proto[name] = function counted(...args) { count(name); return method.apply(this, args); };
      } else if (property.set) {
        const set = property.set;
        Object.defineProperty(proto, name, { ...property, set(value) { count(`set ${name}`); set.call(this, value); } });
      }
    }
  });
  await page.goto(`http://127.0.0.1:${server.address().port}/bench/${id}.html`);
  await page.waitForFunction(() => window.benchReady !== undefined || window.benchError !== undefined);
  const calls = await page.evaluate(() => {
    if (window.benchError) throw new Error(window.benchError);
    window.canvasCalls = {};
    window.benchToggle();
    return window.canvasCalls;
  });
  const total = Object.values(calls).reduce((a, b) => a + b, 0);
  console.log(`${id}: ${total} canvas calls for one benchToggle()`);
  for (const [name, n] of Object.entries(calls).sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${name}`);
} finally {
  await browser.close();
  server.close();
}
