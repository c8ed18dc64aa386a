// www/contract.js (written from the Rust contract): its constants agree with each other,
// and its JSDoc declares every part an answer may name.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as contract from '../../www/contract.js';

test('the defaults are among their vocabularies', () => {
  assert.ok(contract.LANGS.includes(contract.DEFAULT_LANG));
  assert.ok(contract.THEME_CHOICES.includes(contract.DEFAULT_THEME));
  for (const choice of contract.THEME_CHOICES.filter((c) => c !== 'auto')) assert.ok(contract.THEMES.includes(choice), choice);
});

test('the width bands go up from 0, and the narrow layout ends at an edge of one', () => {
  assert.equal(contract.BANDS[0].from, 0);
  for (let i = 1; i < contract.BANDS.length; i++) assert.ok(contract.BANDS[i].from > contract.BANDS[i - 1].from);
  assert.ok(contract.BANDS.some((band) => band.from === contract.NARROW_WIDTH));
  for (const band of contract.BANDS) assert.equal(band.rows, band.width < contract.NARROW_WIDTH ? 2 : 1);
});

test('every part is declared, and the answer names its parts', () => {
  const text = readFileSync(new URL('../../www/contract.js', import.meta.url), 'utf8');
  assert.deepEqual(contract.PARTS, ['controls', 'legend', 'notes', 'sources', 'reading', 'canvas']);
  for (const type of ['Answer', 'Change', 'State', 'Controls', 'Legend', 'Notes', 'Sources', 'Reading', 'ItemInfo', 'AllSources']) {
    assert.match(text, new RegExp(`@typedef \\{object\\} ${type} `), type);
  }
  assert.match(text, /@property \{Part\[\]\} dirty/);
});
