// Shared by the three benchmark pages (Autonomie, Chart.js, uPlot): the data, the
// sizes, the deterministic random walk of `?n=N`, and the page protocol the runner
// (bench/run.mjs) relies on:
//   window.benchReady   performance.now() once the initial charts are on their canvases
//   window.benchToggle  flips the toggled chart between log and linear, redraws
//                       synchronously; two calls restore the original pixels
//   window.benchError   set (with a message) when the page failed

/** CSS size of each bar chart and of the `?n=N` line chart; the runner's viewport is 900x600 at DPR 2. */
export const BAR_SIZE = { width: 820, height: 260 };
export const SERIES_SIZE = { width: 820, height: 520 };

/** "Notable AI models, 2024" (Stanford AI Index 2025). */
export const MODELS = {
  title: 'Notable AI models, 2024',
  labels: ['United States', 'China', 'Europe'],
  values: [40, 15, 3],
};

/** "Valuation, billion USD" (the valuations of October 2025, the view `october-2025`; Mistral AI's €11.7B at the ECB rate ≈ $13.7B). */
export const VALUATIONS = {
  title: 'Valuation, billion USD',
  labels: ['Mistral AI', 'Anthropic', 'OpenAI'],
  values: [13.7, 183, 500],
};

/** The peers' bar and line colours (Autonomie uses its own palette). */
export const COLORS = ['#3b6fb6', '#c0392b', '#1f8a4c'];
export const LINE_COLOR = '#3b6fb6';

/** mulberry32: a small, fast, seeded 32-bit generator returning floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` points of a multiplicative random walk: mulberry32 seeded with 42, y starts at
 * 100 and each step multiplies it by exp((r - 0.5) * 4 / sqrt(n)). Always positive, so
 * a log axis can show it. The same on every page.
 */
export function randomWalk(n, seed = 42) {
  const next = mulberry32(seed);
  const values = new Float64Array(n);
  const step = 4 / Math.sqrt(n);
  let y = 100;
  for (let i = 0; i < n; i += 1) {
    values[i] = y;
    y *= Math.exp((next() - 0.5) * step);
  }
  return values;
}

/** The page's mode: `{ n }` for `?n=N` (the line chart), `{ n: null }` for the two bar charts. */
export function benchMode(search = location.search) {
  const raw = new URLSearchParams(search).get('n');
  if (raw === null) return { n: null };
  const n = Math.round(Number(raw));
  if (!Number.isFinite(n) || n < 2 || n > 1e7) throw new Error(`?n= wants a number of points between 2 and 1e7, got ${raw}`);
  return { n };
}

/** Puts the page in its mode: shows the bar charts' or the series chart's section. */
export function showSections(mode) {
  document.getElementById('bars').hidden = mode.n !== null;
  document.getElementById('series').hidden = mode.n === null;
  if (mode.n !== null) {
    document.getElementById('series-title').textContent = `Random walk, ${mode.n.toLocaleString('en')} points`;
  }
}

/** Marks the initial drawing done: the runner waits for this. */
export function markReady() {
  window.benchReady = performance.now();
}

/** Records a failure where the runner will see it, and shows it on the page. */
export function fail(error) {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  window.benchError = message;
  const box = document.getElementById('error');
  if (box) {
    box.textContent = message;
    box.hidden = false;
  }
  console.error(error);
}

/** Runs the page's start function, reporting any error through `fail`. */
export async function start(main) {
  try {
    await main(benchMode());
  } catch (error) {
    fail(error);
  }
}
