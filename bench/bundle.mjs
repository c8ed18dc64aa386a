// Bundles the peers' libraries for the benchmark pages with esbuild (npm dev
// dependency), minified, into bench/dist/ (gitignored):
//   dist/chartjs.js  Chart.js 4 tree-shaken to the bar + line build (bench/chartjs-entry.js)
//   dist/uplot.js    uPlot 1.6 (bench/uplot-entry.js), dist/uplot.css its stylesheet
//
//   node bench/bundle.mjs

import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export async function bundle({ quiet = false } = {}) {
  const common = { bundle: true, minify: true, format: 'esm', target: 'es2020', legalComments: 'none', logLevel: 'warning' };
  const results = await Promise.all([
    build({ ...common, entryPoints: [here('./chartjs-entry.js')], outfile: here('./dist/chartjs.js'), metafile: true }),
    build({ ...common, entryPoints: [here('./uplot-entry.js')], outfile: here('./dist/uplot.js'), metafile: true }),
    build({ ...common, entryPoints: [here('../node_modules/uplot/dist/uPlot.min.css')], outfile: here('./dist/uplot.css'), metafile: true }),
  ]);
  if (!quiet) {
    for (const result of results) {
      for (const [file, output] of Object.entries(result.metafile.outputs)) {
        console.log(`== bundled ${file}: ${output.bytes} bytes`);
      }
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundle();
}
