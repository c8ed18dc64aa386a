// The benchmark runner of BENCHMARKS.md: Autonomie against Chart.js 4 and uPlot 1.6,
// the same charts side by side, in Debian's Chromium driven by playwright-core (never a
// downloaded browser), served by the project's own server on 127.0.0.1.
//
//   node bench/run.mjs [--rounds 11] [--toggles 200] [--memory-toggles 1000]
//                      [--sizes 1e3,1e4,1e5,1e6] [--budget 3] [--pages autonomie,chartjs,uplot,canvas]
//                      [--quick]
//
// (scripts/bench.sh, `make bench`, builds and bundles first, then calls this.)
// Prints a markdown table, writes bench/results/latest.json and a screenshot of each
// page and of each ?n=N into bench/results/. Exits non-zero, loudly, when a page fails,
// draws nothing (no inked canvas pixel), or does not restore its pixels after two toggles.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { bundle } from './bundle.mjs';
import { BenchFailure, readFlags, withTimeout } from './cli.mjs';
import { machine } from './machine.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const VIEWPORT = { width: 900, height: 600 };
const DEVICE_SCALE_FACTOR = 2;
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // Unbucketed performance.memory (otherwise rounded and refreshed only now and then).
  '--enable-precise-memory-info',
];

function packageVersion(name) {
  return JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;
}

const PAGES = [
  { id: 'autonomie', name: 'Autonomie', path: '/bench/autonomie.html' },
  { id: 'chartjs', name: `Chart.js ${packageVersion('chart.js')}`, path: '/bench/chartjs.html' },
  { id: 'uplot', name: `uPlot ${packageVersion('uplot')}`, path: '/bench/uplot.html' },
  // The floor, not a peer: the same page drawing the same charts with plain Canvas 2D.
  { id: 'canvas', name: 'Plain canvas', path: '/bench/canvas.html', floor: true },
];

// ---------------------------------------------------------------------------- options

const USAGE = `usage: node bench/run.mjs [options]
  --rounds N          fresh loads of each page for the load timings (default 11; pages interleaved)
  --toggles N         benchToggle calls per timing series, without and with rasterisation (default 200)
  --memory-toggles N  toggles between the two heap snapshots (default 1000)
  --sizes LIST        point counts of the redraw timings, comma separated, or "none" (default 1e3,1e4,1e5,1e6)
  --budget S          seconds of redraws per page and size, at least 3 redraws (default 3)
  --pages LIST        pages to run (default autonomie,chartjs,uplot,canvas; canvas is the plain-canvas floor)
  --repeat N          whole runs; each number of the table is then the median of the runs' (default 1)
  --quick             --rounds 3 --toggles 50 --memory-toggles 200 --sizes 1e3,1e5 --budget 1
  --help`;

function parseOptions(argv) {
  const options = { rounds: 11, toggles: 200, memoryToggles: 1000, sizes: [1e3, 1e4, 1e5, 1e6], budget: 3, pages: PAGES.map((p) => p.id), repeat: 1, quick: false };
  readFlags(argv, USAGE, (flag, read) => {
    switch (flag) {
      case '--rounds': options.rounds = Math.round(read.number(1)); break;
      case '--toggles': options.toggles = Math.round(read.number(2)); break;
      case '--memory-toggles': options.memoryToggles = Math.round(read.number(2)); break;
      case '--budget': options.budget = read.number(0); break;
      case '--repeat': options.repeat = Math.round(read.number(1)); break;
      case '--sizes': {
        const list = read.value();
        options.sizes = list === 'none' ? [] : list.split(',').map((s) => Math.round(read.number(2, s)));
        break;
      }
      case '--pages': {
        options.pages = read.value().split(',');
        const unknown = options.pages.filter((id) => !PAGES.some((p) => p.id === id));
        if (unknown.length) throw new BenchFailure(`unknown page ${unknown.join(', ')}; pages: ${PAGES.map((p) => p.id).join(', ')}`);
        break;
      }
      case '--quick':
        Object.assign(options, { quick: true, rounds: 3, toggles: 50, memoryToggles: 200, sizes: [1e3, 1e5], budget: 1 });
        break;
      default:
        return false;
    }
    return true;
  });
  // Toggles come in pairs so that each series ends on the original drawing.
  options.toggles += options.toggles % 2;
  options.memoryToggles += options.memoryToggles % 2;
  return options;
}

// ------------------------------------------------------------------------- statistics

function quantile(values, q) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/**
 * The runs' results merged: each number is the median of that number over the runs
 * (nulls left out); anything else is taken from the first run.
 */
function medianOfRuns(runs) {
  const merge = (values) => {
    const first = values[0];
    if (typeof first === 'number' || first === null) {
      const numbers = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
      return numbers.length ? quantile(numbers, 0.5) : first;
    }
    if (first && typeof first === 'object' && !Array.isArray(first)) {
      return Object.fromEntries(Object.keys(first).map((key) => [key, merge(values.map((v) => v?.[key]))]));
    }
    return first;
  };
  return merge(runs);
}

function summary(values) {
  if (!values.length) return null;
  return {
    n: values.length,
    median: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    min: Math.min(...values),
    max: Math.max(...values),
    mean: values.reduce((a, b) => a + b, 0) / values.length,
  };
}

// ---------------------------------------------------------------------- page driving

/** Runs before the page's own scripts: turns `window.benchReady = t` into a promise. */
function initScript() {
  let resolve;
  let reject;
  const ready = new Promise((res, rej) => { resolve = res; reject = rej; });
  let readyAt;
  let error;
  Object.defineProperty(window, 'benchReady', {
    configurable: true,
    get: () => readyAt,
    set: (value) => { readyAt = value; resolve(value); },
  });
  Object.defineProperty(window, 'benchError', {
    configurable: true,
    get: () => error,
    set: (value) => { error = value; reject(new Error(String(value))); },
  });
  window.addEventListener('error', (event) => reject(new Error(`page error: ${event.message}`)));
  window.addEventListener('unhandledrejection', (event) => reject(new Error(`unhandled rejection: ${event.reason?.message ?? event.reason}`)));
  window.__benchReadyPromise = ready;
}

/** The selector of the canvas that benchToggle redraws, and of every chart canvas. */
function canvasSelectors(n) {
  return n === null
    ? { toggled: '#valuations canvas', all: ['#models canvas', '#valuations canvas'] }
    : { toggled: '#walk canvas', all: ['#walk canvas'] };
}

/**
 * Opens `page` (with `?n=N` when `n` is not null) in a fresh browser context (empty
 * cache, new renderer) and waits for `benchReady`. Returns the tab, its CDP session,
 * the ready time, the CPU metrics snapshot taken right after it, and the bytes loaded.
 */
async function load(browser, origin, page, n, { timeout = 60_000 } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: DEVICE_SCALE_FACTOR });
  await context.addInitScript(initScript);
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  const responses = [];
  const problems = [];
  tab.on('response', (response) => responses.push(response));
  tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  tab.on('console', (message) => { if (message.type() === 'error') problems.push(`console error: ${message.text()}`); });
  tab.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  const url = `${origin}${page.path}${n === null ? '' : `?n=${n}`}`;
  const close = () => context.close();
  try {
    await tab.goto(url, { waitUntil: 'commit' });
    let readyAt;
    try {
      readyAt = await withTimeout(tab.evaluate(() => window.__benchReadyPromise), timeout, `${url} benchReady`);
    } catch (error) {
      throw new BenchFailure(`${url} did not get ready: ${error.message}${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`);
    }
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = Object.fromEntries(metrics.map((m) => [m.name, m.value]));
    await tab.waitForLoadState('load');
    if (problems.length) throw new BenchFailure(`${url}:\n  ${problems.join('\n  ')}`);
    const files = [];
    for (const response of responses) {
      const responseUrl = response.url();
      if (responseUrl.startsWith('data:')) continue;
      if (!responseUrl.startsWith(origin + '/')) throw new BenchFailure(`${url} loaded ${responseUrl}, not from the page's origin`);
      if (response.status() !== 200) throw new BenchFailure(`${url}: HTTP ${response.status()} for ${responseUrl}`);
      const body = await response.body();
      files.push({ path: new URL(responseUrl).pathname, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length });
    }
    return {
      tab, cdp, close, url,
      readyMs: readyAt,
      taskMs: metric.TaskDuration * 1000,
      scriptMs: metric.ScriptDuration * 1000,
      layoutMs: metric.LayoutDuration * 1000,
      metrics: metric,
      files,
      bytes: files.reduce((sum, f) => sum + f.bytes, 0),
      gzip: files.reduce((sum, f) => sum + f.gzip, 0),
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Size, inked (non-white, opaque enough) pixels, colours and a hash of each canvas. */
function canvasStats(tab, selectors) {
  return tab.evaluate((list) => list.map((selector) => {
    const canvas = document.querySelector(selector);
    if (!canvas) return { selector, missing: true };
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    let hash = 2166136261;
    const colors = new Set();
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (a >= 64 && (r < 240 || g < 240 || b < 240)) inked += 1;
      if (a > 0) colors.add((r << 24) | (g << 16) | (b << 8) | a);
      hash = Math.imul(hash ^ r ^ (g << 8) ^ (b << 16) ^ (a << 24), 16777619);
    }
    const rect = canvas.getBoundingClientRect();
    return {
      selector, width: canvas.width, height: canvas.height, cssWidth: rect.width, cssHeight: rect.height,
      inked, inkedShare: inked / (canvas.width * canvas.height), colors: colors.size, hash: hash >>> 0,
    };
  }), selectors);
}

/**
 * The anti-blank gate: every chart canvas must carry ink, one toggle must change the
 * toggled canvas and a second must restore it exactly. Saves the screenshot first, so
 * a failure can be looked at (and one of the toggled drawing, `*-toggled.png`).
 */
async function checkAndScreenshot(loaded, page, n, screenshot) {
  const { tab } = loaded;
  await tab.screenshot({ path: screenshot, fullPage: true });
  const selectors = canvasSelectors(n);
  const before = await canvasStats(tab, selectors.all);
  for (const stats of before) {
    if (stats.missing) throw new BenchFailure(`${loaded.url}: no canvas at ${stats.selector} (screenshot ${screenshot})`);
    if (stats.inked < 2000 || stats.colors < 3) {
      throw new BenchFailure(`${loaded.url}: canvas ${stats.selector} is blank or nearly (${stats.inked} inked pixels, ${stats.colors} colours; screenshot ${screenshot})`);
    }
  }
  const toggledIndex = selectors.all.indexOf(selectors.toggled);
  await tab.evaluate(() => window.benchToggle());
  const [once] = await canvasStats(tab, [selectors.toggled]);
  await tab.screenshot({ path: screenshot.replace(/\.png$/, '-toggled.png'), fullPage: true });
  await tab.evaluate(() => window.benchToggle());
  const [twice] = await canvasStats(tab, [selectors.toggled]);
  if (once.inked < 2000) throw new BenchFailure(`${loaded.url}: ${selectors.toggled} is blank after benchToggle()`);
  if (once.hash === before[toggledIndex].hash) throw new BenchFailure(`${loaded.url}: benchToggle() did not change ${selectors.toggled}`);
  if (twice.hash !== before[toggledIndex].hash) throw new BenchFailure(`${loaded.url}: two benchToggle() calls did not restore ${selectors.toggled}`);
  return before;
}

/**
 * Times benchToggle() in the page, `count` calls (at least `minCount` and, with a
 * `budgetMs`, only while the budget lasts), optionally each followed by a 1x1
 * getImageData on the toggled canvas, which forces the canvas to rasterise.
 */
function timeToggles(tab, selector, { count, rasterise, budgetMs = Infinity, minCount = count }) {
  return tab.evaluate(({ selector, count, rasterise, budgetMs, minCount }) => {
    const times = [];
    const start = performance.now();
    for (let i = 0; i < count && (i < minCount || performance.now() - start < budgetMs); i += 1) {
      const t0 = performance.now();
      window.benchToggle();
      if (rasterise) document.querySelector(selector).getContext('2d').getImageData(0, 0, 1, 1);
      times.push(performance.now() - t0);
    }
    if (times.length % 2) {
      // End on the original drawing.
      window.benchToggle();
    }
    return times;
  }, { selector, count, rasterise, budgetMs, minCount });
}

async function memory(loaded) {
  const { tab, cdp } = loaded;
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const page = await tab.evaluate(() => ({
    usedJSHeapSize: performance.memory.usedJSHeapSize,
    totalJSHeapSize: performance.memory.totalJSHeapSize,
    wasmBytes: typeof window.benchWasmBytes === 'function' ? window.benchWasmBytes() : null,
  }));
  return { ...page, cdpUsedSize: heap.usedSize, cdpTotalSize: heap.totalSize };
}

// ---------------------------------------------------------------------------- output

const kB = (bytes) => (bytes === null || bytes === undefined ? '–' : `${(bytes / 1000).toFixed(1)} kB`);
const MB = (bytes) => (bytes === null || bytes === undefined ? '–' : `${(bytes / 1e6).toFixed(2)} MB`);
function ms(value) {
  if (value === null || value === undefined) return '–';
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}
function ratio(a, b) {
  if (a === null || b === null || a === undefined || b === undefined || b === 0) return '–';
  const r = a / b;
  return `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toFixed(2)}×`;
}
const sizeLabel = (n) => {
  const exponent = Math.log10(n);
  return Number.isInteger(exponent) ? `1e${exponent}` : String(n);
};

function table(results, pages) {
  const rows = [];
  const get = (id, pick) => {
    const r = results.pages[id];
    if (!r) return null;
    try {
      const v = pick(r);
      return v === undefined ? null : v;
    } catch {
      return null;
    }
  };
  const row = (label, pick, format) => rows.push({ label, values: pages.map((p) => get(p.id, pick)), format });
  row('Bytes loaded (uncompressed)', (r) => r.load.bytes, kB);
  row('Bytes loaded, gzip -9', (r) => r.load.gzip, kB);
  row('Navigation → benchReady (median)', (r) => r.load.readyMs.median, ms);
  row('Main-thread task time to ready (median)', (r) => r.load.taskMs.median, ms);
  // What each library adds to the page: the medians above, minus the plain-canvas page's.
  const floor = pages.find((p) => p.floor);
  if (floor) {
    const above = (pick) => (r) => pick(r) - pick(results.pages[floor.id]);
    row('Navigation → benchReady, above the plain-canvas page', above((r) => r.load.readyMs.median), ms);
    row('Main-thread task time to ready, above the plain-canvas page', above((r) => r.load.taskMs.median), ms);
  }
  // ScriptDuration (r.load.scriptMs, in the JSON) is left out: it misses code run in
  // promise continuations, i.e. everything Autonomie does after `await init()`.
  row('benchToggle (median)', (r) => r.toggle.plain.median, ms);
  row('benchToggle (p95)', (r) => r.toggle.plain.p95, ms);
  row('benchToggle + rasterise (median)', (r) => r.toggle.rasterised.median, ms);
  row('benchToggle + rasterise (p95)', (r) => r.toggle.rasterised.p95, ms);
  for (const n of results.options.sizes) {
    row(`Redraw + rasterise, n=${sizeLabel(n)} (median)`, (r) => r.series[n].redraw.median, ms);
  }
  for (const n of results.options.sizes) {
    row(`Navigation → benchReady, n=${sizeLabel(n)} (one load)`, (r) => r.series[n].readyMs, ms);
  }
  row('JS heap after load', (r) => r.memory.before.usedJSHeapSize, MB);
  row(`JS heap after ${results.options.memoryToggles} toggles`, (r) => r.memory.after.usedJSHeapSize, MB);
  row('wasm memory after load', (r) => r.memory.before.wasmBytes, MB);
  row(`wasm memory after ${results.options.memoryToggles} toggles`, (r) => r.memory.after.wasmBytes, MB);
  row(`JS heap + wasm memory after ${results.options.memoryToggles} toggles`, (r) => r.memory.after.usedJSHeapSize + (r.memory.after.wasmBytes ?? 0), MB);

  const auto = pages.findIndex((p) => p.id === 'autonomie');
  const peers = pages.filter((p) => p.id !== 'autonomie' && !p.floor);
  const header = ['', ...pages.map((p) => p.name), ...(auto >= 0 ? peers.map((p) => `Autonomie / ${p.name.split(' ')[0]}`) : [])];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i ? '---:' : '---')).join('|')}|`];
  for (const r of rows) {
    const cells = r.values.map((v) => r.format(v));
    const ratios = auto >= 0 ? peers.map((p) => ratio(r.values[auto], r.values[pages.indexOf(p)])) : [];
    lines.push(`| ${[r.label, ...cells, ...ratios].join(' | ')} |`);
  }
  return lines.join('\n');
}

// ------------------------------------------------------------------------------- run

function log(message) {
  process.stderr.write(`${message}\n`);
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const pages = PAGES.filter((p) => options.pages.includes(p.id));
  mkdirSync(RESULTS, { recursive: true });
  if (!existsSync(new URL('./dist/chartjs.js', import.meta.url)) || !existsSync(new URL('./dist/uplot.js', import.meta.url))) {
    log('== bundling the peers (bench/dist/)');
    await bundle({ quiet: true });
  }
  if (!existsSync(new URL('../www/pkg/autonomie_bg.wasm', import.meta.url))) {
    throw new BenchFailure('www/pkg/ is missing: run scripts/build.sh (or make bench)');
  }

  const server = await serve(0, { quiet: true, extraPublic: ['bench'] });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const started = Date.now();
  const results = { machine: machine(browser.version()), options, viewport: { ...VIEWPORT, deviceScaleFactor: DEVICE_SCALE_FACTOR }, pages: {} };
  log(`== ${results.machine.cpus} CPUs (${results.machine.cpuModel}), Chromium ${results.machine.chromium}, Node ${results.machine.node}`);
  const runs = [];
  try {
    for (let run = 1; run <= options.repeat; run += 1) {
      results.pages = {};
      // 1. Fresh loads, interleaved: one warm-up load of each page (discarded), then
      //    `rounds` rounds, each page's position rotating from round to round.
      const loads = Object.fromEntries(pages.map((p) => [p.id, []]));
      for (let round = 0; round <= options.rounds; round += 1) {
        const order = pages.map((_, i) => pages[(i + round) % pages.length]);
        for (const page of order) {
          const loaded = await load(browser, origin, page, null);
          try {
            if (round === 0) {
              // The warm-up load is also where the drawing is checked and photographed.
              const canvases = await checkAndScreenshot(loaded, page, null, `${RESULTS}${page.id}.png`);
              results.pages[page.id] = { name: page.name, canvases, files: loaded.files };
            } else {
              loads[page.id].push({ readyMs: loaded.readyMs, taskMs: loaded.taskMs, scriptMs: loaded.scriptMs, layoutMs: loaded.layoutMs, bytes: loaded.bytes, gzip: loaded.gzip });
            }
          } finally {
            await loaded.close();
          }
        }
        log(round === 0 ? '== warm-up loads done, drawings checked' : `== load round ${round}/${options.rounds}`);
      }
      for (const page of pages) {
        const list = loads[page.id];
        const bytes = new Set(list.map((l) => l.bytes));
        if (bytes.size !== 1) log(`!! ${page.id}: bytes loaded differ between loads: ${[...bytes].join(', ')}`);
        results.pages[page.id].load = {
          bytes: list[0].bytes,
          gzip: list[0].gzip,
          readyMs: summary(list.map((l) => l.readyMs)),
          taskMs: summary(list.map((l) => l.taskMs)),
          scriptMs: summary(list.map((l) => l.scriptMs)),
          layoutMs: summary(list.map((l) => l.layoutMs)),
          samples: list,
        };
      }

      // 2. Toggles and memory, one fresh load per page: heap after load, `memoryToggles`
      //    toggles (each rasterised), heap again; then the timed series (steady state).
      for (const page of pages) {
        const loaded = await load(browser, origin, page, null);
        try {
          const selector = canvasSelectors(null).toggled;
          const before = await memory(loaded);
          await timeToggles(loaded.tab, selector, { count: options.memoryToggles, rasterise: true });
          const after = await memory(loaded);
          await timeToggles(loaded.tab, selector, { count: 10, rasterise: true }); // warm-up
          const plain = await timeToggles(loaded.tab, selector, { count: options.toggles, rasterise: false });
          const rasterised = await timeToggles(loaded.tab, selector, { count: options.toggles, rasterise: true });
          await checkAndScreenshot(loaded, page, null, `${RESULTS}${page.id}-after-toggles.png`);
          results.pages[page.id].memory = { before, after, toggles: options.memoryToggles };
          results.pages[page.id].toggle = { plain: summary(plain), rasterised: summary(rasterised) };
        } finally {
          await loaded.close();
        }
        log(`== ${page.id}: toggles and memory done`);
      }

      // 3. The ?n=N line chart: load (checked, photographed), then redraws (toggle +
      //    rasterise) for `budget` seconds, at least 3.
      for (const n of options.sizes) {
        for (const page of pages) {
          const loaded = await load(browser, origin, page, n, { timeout: 300_000 });
          try {
            const canvases = await checkAndScreenshot(loaded, page, n, `${RESULTS}${page.id}-n${sizeLabel(n)}.png`);
            const selector = canvasSelectors(n).toggled;
            await timeToggles(loaded.tab, selector, { count: 2, rasterise: true }); // warm-up
            const redraw = await timeToggles(loaded.tab, selector, {
              count: options.toggles, rasterise: true, budgetMs: options.budget * 1000, minCount: 3,
            });
            results.pages[page.id].series ??= {};
            results.pages[page.id].series[n] = {
              readyMs: loaded.readyMs, taskMs: loaded.taskMs, scriptMs: loaded.scriptMs,
              canvas: canvases[0], redraw: summary(redraw),
            };
          } finally {
            await loaded.close();
          }
          log(`== n=${sizeLabel(n)} ${page.id}: done`);
        }
      }
      runs.push(results.pages);
      if (options.repeat > 1) log(`== run ${run}/${options.repeat} done`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  results.seconds = (Date.now() - started) / 1000;
  results.machine.loadAverageAtEnd = loadavg();
  if (runs.length > 1) {
    results.runs = runs;
    results.pages = medianOfRuns(runs);
  }
  results.table = table(results, pages);
  writeFileSync(`${RESULTS}latest.json`, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Benchmark, ${results.machine.date.slice(0, 10)}: ${results.machine.cpus} × ${results.machine.cpuModel}, Chromium ${results.machine.chromium}, Node ${results.machine.node}`);
  if (runs.length > 1) console.log(`Each number is the median of ${runs.length} whole runs (bench/results/latest.json keeps every run).`);
  console.log(`${options.rounds} fresh loads per page (medians), ${options.toggles} toggles per series, viewport ${VIEWPORT.width}x${VIEWPORT.height} at DPR ${DEVICE_SCALE_FACTOR}; ratios below 1× favour Autonomie.\n`);
  console.log(results.table);
  const loadAverage = (l) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(`\nLoad average (1, 5, 15 min) at start ${loadAverage(results.machine.loadAverageAtStart)}, at end ${loadAverage(results.machine.loadAverageAtEnd)}.`);
  console.log(`bench/results/latest.json, screenshots in bench/results/ (${results.seconds.toFixed(0)} s)`);
}

main().catch((error) => {
  console.error(`\nBENCHMARK FAILED: ${error instanceof BenchFailure ? error.message : error.stack ?? error}`);
  process.exit(1);
});
