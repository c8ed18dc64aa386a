// The size budget: everything one embedded chart downloads (the element's script and
// the modules it imports, the wasm with its embedded dataset, no CSS file: styles are
// in a module), gzip -9, must stay within size-budget.json. Raising the budget is a
// decision, made in that file and explained in BENCHMARKS.md.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const budget = JSON.parse(readFileSync(join(ROOT, 'size-budget.json'), 'utf8'));

/** The element's module graph: every relative import, followed, plus the wasm. */
function widgetFiles() {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, spec] of source.matchAll(/(?:import|export)[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      visit(join(dirname(file), spec));
    }
  };
  visit(join(ROOT, 'www/autonomie-chart.js'));
  seen.add(join(ROOT, 'www/pkg/autonomie_bg.wasm'));
  return [...seen];
}

test('one embedded chart stays within the gzip size budget', () => {
  const files = widgetFiles();
  assert.ok(files.some((f) => f.endsWith('www/pkg/autonomie.js')), 'the wasm-bindgen glue is part of the graph');
  assert.ok(files.some((f) => f.endsWith('www/reading.js')), 'the imports are followed');
  let total = 0;
  const lines = [];
  for (const file of files) {
    const gzip = gzipSync(readFileSync(file), { level: 9 }).length;
    total += gzip;
    lines.push(`  ${String(gzip).padStart(7)}  ${relative(ROOT, file)}`);
  }
  console.log(`widget, gzip -9: ${total} bytes (budget ${budget.gzipBytes})\n${lines.join('\n')}`);
  assert.ok(total <= budget.gzipBytes, `the widget is ${total} bytes gzip, over its budget of ${budget.gzipBytes} (size-budget.json)`);
});
