// Where Autonomie's start-up goes, in a cold wasm: each load is a fresh browser context
// (no code cache), on a page that loads nothing else. It times, in the page, the two
// steps of reading the embedded dataset (`prepareEmbeddedDataset(0)`: parse;
// `prepareEmbeddedDataset(1)`: check), the first drawing of the valuations chart
// (820 CSS px at devicePixelRatio 2), and a second drawing after a switch to the log
// scale; medians of the loads. With --compare DIR, the build in DIR/www/pkg/ (another
// checkout, served by its own scripts/serve.mjs) is timed too, loads interleaved.
//
//   node bench/cold-start.mjs [--loads 9] [--compare ../other-checkout]

import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const HERE = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (flag, fallback) => {
  const i = args.indexOf(flag);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const loads = Math.max(1, Number(option('--loads', 9)) | 0);
const builds = { 'this checkout': HERE };
if (option('--compare', null)) builds[`--compare ${option('--compare')}`] = resolve(option('--compare'));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const origins = {};
const servers = [];
for (const [name, root] of Object.entries(builds)) {
  const { serve } = await import(`${root}/scripts/serve.mjs`);
  const server = await serve(0, { quiet: true });
  servers.push(server);
  origins[name] = `http://127.0.0.1:${server.address().port}`;
}

const samples = Object.fromEntries(Object.keys(builds).map((name) => [name, []]));
try {
  for (let load = 0; load < loads; load += 1) {
    const names = Object.keys(builds);
    for (const name of load % 2 ? names.reverse() : names) {
      const context = await browser.newContext({ viewport: { width: 900, height: 600 }, deviceScaleFactor: 2 });
      const page = await context.newPage();
      // A page of the server that loads nothing (its 404 page), so that the wasm below is
      // the only one, and cold.
      await page.goto(`${origins[name]}/cold-start-blank`);
      samples[name].push(await page.evaluate(async () => {
        const wasm = await import('/www/pkg/autonomie.js');
        await wasm.default();
        const t = [performance.now()];
        wasm.prepareEmbeddedDataset(0);
        t.push(performance.now());
        wasm.prepareEmbeddedDataset(1);
        t.push(performance.now());
        const handle = new wasm.ChartHandle(document.createElement('canvas'), 'valuations', null, 'en');
        handle.draw(820, 2, null, 'light');
        t.push(performance.now());
        handle.change(undefined, 'log');
        handle.draw(820, 2, null, 'light');
        t.push(performance.now());
        return { parse: t[1] - t[0], check: t[2] - t[1], firstDrawing: t[3] - t[2], secondDrawing: t[4] - t[3] };
      }));
      await context.close();
    }
  }
} finally {
  await browser.close();
  for (const server of servers) server.close();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const steps = ['parse', 'check', 'firstDrawing', 'secondDrawing'];
console.log(`Cold start, median of ${loads} fresh loads (ms; performance.now() is coarsened to 0.1 ms)\n`);
console.log(`| build | ${steps.join(' | ')} |\n|---|${steps.map(() => '---:').join('|')}|`);
for (const [name, list] of Object.entries(samples)) {
  console.log(`| ${name} | ${steps.map((s) => median(list.map((x) => x[s])).toFixed(1)).join(' | ')} |`);
}
