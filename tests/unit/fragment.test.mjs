// www/fragment.js: a chart's state to and from a URL fragment, without a browser.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributeName, readFragment, splitSecret, stateEntries, writeFragment } from '../../www/fragment.js';
import { STATE_KEYS } from '../../www/contract.js';

const STATE = { chart: 'valuations', view: 'history', scale: 'log', currency: 'USD', lang: 'fr', hidden: ['openai', 'anthropic'] };

test('a state written as a fragment reads back the same, commas kept readable', () => {
  const fragment = writeFragment(new Map([['chart', STATE.chart], ...stateEntries(STATE)]));
  assert.equal(fragment, '#chart=valuations&view=history&scale=log&currency=USD&lang=fr&hidden=openai,anthropic');
  const read = readFragment(fragment);
  assert.deepEqual([...read.keys()], ['chart', ...STATE_KEYS]);
  assert.equal(read.get('hidden').split(',').length, 2);
});

test('what equals the defaults, and empty values, are left out; a prefix names the chart', () => {
  const entries = stateEntries({ ...STATE, hidden: [] }, { view: 'history', lang: 'fr' }, 'valuations.');
  assert.deepEqual([...entries], [['valuations.scale', 'log'], ['valuations.currency', 'USD']]);
  assert.equal(writeFragment({ a: '', b: null, c: undefined }), '');
  assert.equal(readFragment('#a=1&a=2').get('a'), '2', 'later keys win');
});

test('the hidden series go in hidden-series, never in the global hidden attribute', () => {
  assert.equal(attributeName('hidden'), 'hidden-series');
  for (const key of STATE_KEYS.filter((k) => k !== 'hidden')) assert.equal(attributeName(key), key);
});

test("WordPress's secret is split off the fragment, after a state or alone, and never read as state", () => {
  assert.deepEqual(splitSecret('#?secret=Ab12Cd34Ef'), { state: '', secret: 'Ab12Cd34Ef' });
  assert.deepEqual(splitSecret('#hidden=openai#?secret=abc'), { state: '#hidden=openai', secret: 'abc' });
  assert.deepEqual(splitSecret('#scale=log&currency=USD#?secret=abc'), { state: '#scale=log&currency=USD', secret: 'abc' });
  assert.equal(readFragment(splitSecret('#hidden=openai#?secret=abc').state).get('hidden'), 'openai');
  assert.deepEqual(splitSecret('#view=latest'), { state: '#view=latest', secret: null });
  assert.deepEqual(splitSecret(''), { state: '', secret: null });
  // Not the letters and digits WordPress writes: no secret, and still not state.
  assert.deepEqual(splitSecret('#view=latest#?secret=a"b'), { state: '#view=latest', secret: null });
});
