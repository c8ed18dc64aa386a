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

/** The data segments' offsets and the globals' initial values of a wasm file. */
function layout(bytes) {
  let i = 8;
  const leb = () => { let r = 0; let s = 0; let x; do { x = bytes[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return r; };
  const sleb = () => { let r = 0; let s = 0; let x; do { x = bytes[i++]; r |= (x & 0x7f) << s; s += 7; } while (x & 0x80); return s < 32 && (x & 0x40) ? r | (-1 << s) : r; };
  const found = { globals: [], segments: [] };
  while (i < bytes.length) {
    const id = bytes[i++];
    const size = leb();
    const end = i + size;
    if (id === 6) {
      for (let n = leb(); n > 0; n -= 1) {
        i += 2; // type, mutability
        const op = bytes[i++];
        found.globals.push(op === 0x41 ? sleb() : null);
        while (bytes[i] !== 0x0b) i += 1;
        i += 1;
      }
    } else if (id === 11) {
      for (let n = leb(); n > 0; n -= 1) {
        const flags = leb();
        if (flags !== 0) break;
        i += 1; // i32.const
        found.segments.push(sleb());
        i += 1; // end
        const length = leb();
        i += length;
      }
    }
    i = end;
  }
  return found;
}

test('nothing lives in the low 1 KiB of memory, as wasm-opt --low-memory-unused assumes', () => {
  const { globals, segments } = layout(readFileSync(SHIPPED));
  assert.ok(segments.length > 0, 'the data segments are read');
  assert.ok(segments.every((offset) => offset >= 1024), `data segments at ${segments}`);
  // The stack pointer starts at 1 MiB and grows down: the stack comes first.
  assert.ok(globals.includes(1048576), `globals ${globals}`);
});
