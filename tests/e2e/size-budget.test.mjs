// The size budget: everything one embedded chart downloads, gzip -9, must stay within
// size-budget.json. That is the release's element script (one bundle: the element, the
// controller, the styles and wasm-bindgen's glue; no CSS file, no other module) and the
// wasm with its embedded dataset, as dist/manifest.json names them (scripts/bundle.mjs).
// Raising the budget is a decision, made in that file and explained in BENCHMARKS.md.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const budget = JSON.parse(readFileSync(join(ROOT, 'size-budget.json'), 'utf8'));

test('one embedded chart stays within the gzip size budget', () => {
  const manifestPath = join(ROOT, 'dist/manifest.json');
  assert.ok(existsSync(manifestPath), 'dist/ is built (scripts/build.sh)');
  const { files } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const script = readFileSync(join(ROOT, 'dist', files['autonomie-chart.js'].file));
  // One request for the JavaScript: the bundle imports nothing, statically or not.
  assert.doesNotMatch(script.toString('utf8'), /\bimport\s*\(|\bfrom\s*["']|^import\s/m, 'the bundle imports no other file');
  assert.match(script.toString('utf8'), new RegExp(files['autonomie_bg.wasm'].file.replaceAll('.', '\\.')), 'the bundle names the hashed wasm');
  let total = 0;
  const lines = [];
  for (const name of ['autonomie-chart.js', 'autonomie_bg.wasm']) {
    const gzip = gzipSync(readFileSync(join(ROOT, 'dist', files[name].file)), { level: 9 }).length;
    total += gzip;
    lines.push(`  ${String(gzip).padStart(7)}  dist/${files[name].file}`);
  }
  console.log(`widget, gzip -9: ${total} bytes (budget ${budget.gzipBytes})\n${lines.join('\n')}`);
  assert.ok(total <= budget.gzipBytes, `the widget is ${total} bytes gzip, over its budget of ${budget.gzipBytes} (size-budget.json)`);
});
