// uPlot 1.6's benchmark page: the same two bar charts (or with ?n=N the line chart) as
// Autonomie's. uPlot bakes a scale's distribution (linear, log) into the chart when it
// is created, so a log/linear toggle rebuilds the chart, as uPlot's own demos do; it
// is built in uPlot's immediate mode (`batch`), so it is drawn before the call returns.

import { uPlot } from './dist/uplot.js';
import { BAR_SIZE, COLORS, LINE_COLOR, MODELS, SERIES_SIZE, VALUATIONS, markReady, randomWalk, showSections, start } from './common.js';

/** Creates a uPlot chart in `target` and draws it synchronously. */
function create(options, data, target) {
  return new uPlot(options, data, (chart, init) => {
    chart.batch(() => {
      target.appendChild(chart.root);
      init();
    });
  });
}

function barOptions(data, log) {
  const { labels } = data;
  return {
    width: BAR_SIZE.width,
    height: BAR_SIZE.height,
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: { time: false, range: [-0.5, labels.length - 0.5] },
      y: log
        ? { distr: 3, log: 10 }
        : { distr: 1, range: (u, min, max) => uPlot.rangeNum(0, max, 0.1, true) },
    },
    axes: [
      {
        splits: () => labels.map((_, i) => i),
        values: (u, splits) => splits.map((i) => labels[i] ?? ''),
        grid: { show: false },
      },
      {},
    ],
    series: [
      {},
      {
        label: data.title,
        stroke: COLORS[0],
        fill: COLORS[0],
        paths: uPlot.paths.bars({ size: [0.6, Infinity] }),
        points: { show: false },
      },
    ],
  };
}

/** A chart whose y scale flips between linear and log by being rebuilt. */
function toggling(target, optionsFor, data) {
  let log = false;
  let chart = create(optionsFor(log), data, target);
  return {
    toggle() {
      log = !log;
      chart.destroy();
      chart = create(optionsFor(log), data, target);
    },
  };
}

function barChart(id, data) {
  const target = document.getElementById(id);
  target.querySelector('canvas').remove(); // uPlot makes its own canvas
  const xs = data.values.map((_, i) => i);
  return toggling(target, (log) => barOptions(data, log), [xs, data.values]);
}

function seriesChart(n) {
  const target = document.getElementById('walk');
  target.querySelector('canvas').remove();
  const values = randomWalk(n);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i += 1) xs[i] = i;
  const options = (log) => ({
    width: SERIES_SIZE.width,
    height: SERIES_SIZE.height,
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: false }, y: log ? { distr: 3, log: 10 } : { distr: 1 } },
    series: [{}, { label: 'walk', stroke: LINE_COLOR, width: 1, points: { show: false } }],
  });
  return toggling(target, options, [xs, values]);
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
