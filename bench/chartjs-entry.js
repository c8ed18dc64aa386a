// Entry of the tree-shaken Chart.js build (bench/bundle.mjs bundles it with esbuild
// into bench/dist/chartjs.js): only what a bar chart and a line chart on category,
// linear and logarithmic scales need. No title, legend, tooltip or decimation plugin.

import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LineController,
  LineElement,
  LinearScale,
  LogarithmicScale,
  PointElement,
} from 'chart.js';

Chart.register(
  BarController,
  LineController,
  BarElement,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  LogarithmicScale,
);

export { Chart };
