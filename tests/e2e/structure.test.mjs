// The shape of the scripts (issue 13): one module talks to the wasm, and no product
// script is over 500 lines.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

const WWW = new URL('../../www/', import.meta.url);
const scripts = readdirSync(WWW).filter((name) => name.endsWith('.js'));

test('only www/wasm.js imports the wasm-bindgen glue (www/pkg/)', () => {
  const importers = scripts.filter((name) => /from\s+['"]\.\/pkg\//.test(readFileSync(new URL(name, WWW), 'utf8')));
  assert.deepEqual(importers, ['wasm.js']);
});

test('no script of www/ is over 500 lines', () => {
  const long = scripts
    .map((name) => [name, readFileSync(new URL(name, WWW), 'utf8').split('\n').length - 1])
    .filter(([, lines]) => lines > 500);
  assert.deepEqual(long, []);
});
