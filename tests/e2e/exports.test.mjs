// What the shipped wasm exports: the chart's binding and nothing of the benchmark or the
// tests (no SeriesChart, no exercise, no panic on demand, no plotters-canvas reference),
// which live in their own variants (features `bench` and `test-exports`). Read from the
// built files with WebAssembly.Module.exports; the test variant is read too, so that the
// check is seen to find such exports where they are.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

const SHIPPED = new URL('../../www/pkg/autonomie_bg.wasm', import.meta.url);
const TEST_VARIANT = new URL('../../target/test-variant/pkg/autonomie_bg.wasm', import.meta.url);
const NOT_SHIPPED = /serieschart|exercise|panicwhendrawing|plotterscanvas|plotters_canvas/i;

function exportsOf(url) {
  assert.ok(existsSync(url), `${url.pathname} is built (scripts/build.sh, scripts/build-test-variant.sh)`);
  return WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(url))).map((e) => e.name);
}

test('the shipped wasm exports the chart and nothing of the benchmark or the tests', () => {
  const names = exportsOf(SHIPPED);
  assert.ok(names.includes('charthandle_change') && names.includes('charthandle_draw'), names.join(', '));
  assert.deepEqual(names.filter((name) => NOT_SHIPPED.test(name)), []);
  const glue = readFileSync(new URL('../../www/pkg/autonomie.js', import.meta.url), 'utf8');
  assert.doesNotMatch(glue, /SeriesChart|panicWhenDrawing|drawOnWithPlottersCanvas/);
});

test('the test variant has them, so the check above can see them', () => {
  const names = exportsOf(TEST_VARIANT);
  for (const name of ['serieschart_new', 'panicWhenDrawing', 'charthandle_drawOnWithPlottersCanvas']) {
    assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
  }
});
