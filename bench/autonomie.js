// Autonomie's benchmark page: the real release build (www/pkg/, wasm-bindgen --target
// web output) drawing the two bar charts, or with ?n=N the SeriesChart line chart of the
// benchmark's own variant of the wasm (feature `bench`, bench/dist/pkg/, made by
// scripts/bench.sh: the shipped wasm has no SeriesChart).

import { BAR_SIZE, SERIES_SIZE, markReady, randomWalk, showSections, start } from './common.js';

const THEME = 'light';

/** Gives the canvas the CSS size of its backing store (which the wasm sets). */
function setCssSize(canvas, width, height) {
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
}

function barChart(autonomie, id, ratio) {
  const canvas = document.querySelector(`#${id} canvas`);
  const handle = new autonomie.ChartHandle(canvas, id, null, 'en');
  // The figures the peers draw (bench/common.js): the models of 2024, and the
  // valuations of October 2025, in US dollars. (ChartHandle.change: view, scale,
  // currency, lang, hidden, toggle, series, visible.)
  handle.change(id === 'valuations' ? 'october-2025' : 'latest', 'linear', 'USD');
  let scale = 'linear';
  const draw = () => {
    const height = handle.draw(BAR_SIZE.width, ratio, BAR_SIZE.height, THEME);
    setCssSize(canvas, BAR_SIZE.width, height);
  };
  draw();
  return {
    toggle() {
      scale = scale === 'log' ? 'linear' : 'log';
      handle.change(undefined, scale);
      draw();
    },
  };
}

function seriesChart(autonomie, n, ratio) {
  if (typeof autonomie.SeriesChart !== 'function') {
    throw new Error('bench/dist/pkg/autonomie.js exports no SeriesChart: build it with scripts/bench.sh');
  }
  const canvas = document.querySelector('#walk canvas');
  const chart = new autonomie.SeriesChart(canvas);
  // The values are copied into wasm memory once; each drawing decimates them per pixel column.
  chart.setValues(randomWalk(n));
  let log = false;
  const draw = () => {
    chart.draw(SERIES_SIZE.width, ratio, SERIES_SIZE.height, log, THEME);
    setCssSize(canvas, SERIES_SIZE.width, SERIES_SIZE.height);
  };
  draw();
  return {
    toggle() {
      log = !log;
      draw();
    },
  };
}

start(async (mode) => {
  showSections(mode);
  const pkg = mode.n === null ? '../www/pkg/' : './dist/pkg/';
  const autonomie = await import(`${pkg}autonomie.js`);
  const wasm = await autonomie.default({ module_or_path: new URL(`${pkg}autonomie_bg.wasm`, import.meta.url) });
  window.benchWasmBytes = () => wasm.memory.buffer.byteLength;
  const ratio = window.devicePixelRatio || 1;
  if (mode.n === null) {
    barChart(autonomie, 'models', ratio);
    const valuations = barChart(autonomie, 'valuations', ratio);
    window.benchToggle = () => valuations.toggle();
    markReady();
  } else {
    const series = seriesChart(autonomie, mode.n, ratio);
    window.benchToggle = () => series.toggle();
    markReady();
  }
});
