// Chart.js 4's benchmark page: the same two bar charts (or with ?n=N the line chart) as
// Autonomie's, no animation, not responsive, tree-shaken build (bench/dist/chartjs.js).

import { Chart } from './dist/chartjs.js';
import { BAR_SIZE, COLORS, LINE_COLOR, MODELS, SERIES_SIZE, VALUATIONS, markReady, randomWalk, showSections, start } from './common.js';

function sizeCanvas(canvas, size) {
  // With responsive: false, Chart.js takes the CSS size from these attributes and sets
  // the backing store to it × devicePixelRatio itself.
  canvas.width = size.width;
  canvas.height = size.height;
}

function barChart(id, data) {
  const canvas = document.querySelector(`#${id} canvas`);
  sizeCanvas(canvas, BAR_SIZE);
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: [{ label: data.title, data: data.values, backgroundColor: COLORS[0] }],
    },
    options: {
      animation: false,
      responsive: false,
      scales: { y: { type: 'linear' } },
    },
  });
  return {
    toggle() {
      const y = chart.options.scales.y;
      y.type = y.type === 'logarithmic' ? 'linear' : 'logarithmic';
      chart.update();
    },
  };
}

function seriesChart(n) {
  const canvas = document.querySelector('#walk canvas');
  sizeCanvas(canvas, SERIES_SIZE);
  const values = randomWalk(n);
  // The data layout Chart.js's performance guide recommends: parsed {x, y} points,
  // parsing off, normalized, no point markers, straight segments.
  const points = new Array(n);
  for (let i = 0; i < n; i += 1) points[i] = { x: i, y: values[i] };
  const chart = new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [{
        label: 'walk', data: points, borderColor: LINE_COLOR, borderWidth: 1,
        pointRadius: 0, tension: 0, fill: false, spanGaps: true,
      }],
    },
    options: {
      animation: false,
      responsive: false,
      parsing: false,
      normalized: true,
      scales: { x: { type: 'linear', min: 0, max: n - 1 }, y: { type: 'linear' } },
    },
  });
  return {
    toggle() {
      const y = chart.options.scales.y;
      y.type = y.type === 'logarithmic' ? 'linear' : 'logarithmic';
      chart.update();
    },
  };
}

start(async (mode) => {
  showSections(mode);
  if (mode.n === null) {
    barChart('models', MODELS);
    const valuations = barChart('valuations', VALUATIONS);
    window.benchToggle = () => valuations.toggle();
  } else {
    const series = seriesChart(mode.n);
    window.benchToggle = () => series.toggle();
  }
  markReady();
});
