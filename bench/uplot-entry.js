// Entry of the uPlot build (bench/bundle.mjs bundles it with esbuild into
// bench/dist/uplot.js), minified like Chart.js's so that sizes compare like with like.
export { default as uPlot } from 'uplot';
