// The floor of the benchmark: the same page drawing the same charts with a few lines of
// plain Canvas 2D and no library (no title, legend, labels or interaction). What a
// library costs is what it takes above this page.

import { BAR_SIZE, COLORS, LINE_COLOR, MODELS, SERIES_SIZE, VALUATIONS, markReady, randomWalk, showSections, start } from './common.js';

/** A 2D context on `canvas` with a backing store of `size` × the device pixel ratio. */
function context(canvas, size) {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(size.width * ratio);
  canvas.height = Math.round(size.height * ratio);
  canvas.style.width = `${size.width}px`;
  canvas.style.height = `${size.height}px`;
  const ctx = canvas.getContext('2d');
  ctx.scale(ratio, ratio);
  return ctx;
}

/** y of `value` in a plot from `top` to `bottom`: linear from 0 to max, or log10 from 1 to max. */
function scaleY(value, max, log, top, bottom) {
  const t = log ? Math.log10(Math.max(value, 1)) / Math.log10(max) : value / max;
  return bottom - t * (bottom - top);
}

function barChart(id, data) {
  const ctx = context(document.querySelector(`#${id} canvas`), BAR_SIZE);
  const { width, height } = BAR_SIZE;
  const [left, top, bottom] = [40, 10, height - 24];
  const max = Math.max(...data.values) * 1.1;
  let log = false;
  const draw = () => {
    ctx.clearRect(0, 0, width, height);
    ctx.strokeStyle = '#ddd';
    ctx.fillStyle = '#555';
    ctx.font = '12px system-ui, sans-serif';
    for (let i = 0; i <= 4; i += 1) {
      const value = log ? 10 ** ((i / 4) * Math.log10(max)) : (i / 4) * max;
      const y = scaleY(value, max, log, top, bottom);
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(width, y);
      ctx.stroke();
      ctx.fillText(value.toFixed(0), 4, y + 4);
    }
    const slot = (width - left) / data.values.length;
    data.values.forEach((value, i) => {
      const y = scaleY(value, max, log, top, bottom);
      ctx.fillStyle = COLORS[i % COLORS.length];
      ctx.fillRect(left + i * slot + slot * 0.2, y, slot * 0.6, bottom - y);
      ctx.fillStyle = '#555';
      ctx.fillText(data.labels[i], left + i * slot + slot * 0.2, height - 8);
    });
  };
  draw();
  return {
    toggle() {
      log = !log;
      draw();
    },
  };
}

function seriesChart(n) {
  const ctx = context(document.querySelector('#walk canvas'), SERIES_SIZE);
  const { width, height } = SERIES_SIZE;
  const values = randomWalk(n);
  let [min, max] = [Infinity, -Infinity];
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  let log = false;
  const draw = () => {
    ctx.clearRect(0, 0, width, height);
    const [lo, hi] = log ? [Math.log(min), Math.log(max)] : [min, max];
    ctx.strokeStyle = '#ddd';
    ctx.strokeRect(0.5, 0.5, width - 1, height - 1);
    ctx.strokeStyle = LINE_COLOR;
    ctx.beginPath();
    // Every point, no decimation: the naive drawing.
    for (let i = 0; i < n; i += 1) {
      const v = log ? Math.log(values[i]) : values[i];
      const x = (i / (n - 1)) * width;
      const y = height - ((v - lo) / (hi - lo)) * height;
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
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
  const toggled = mode.n === null ? (barChart('models', MODELS), barChart('valuations', VALUATIONS)) : seriesChart(mode.n);
  window.benchToggle = () => toggled.toggle();
  markReady();
});
