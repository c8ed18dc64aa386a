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

test('the first views straddle the narrow layout: one under it, one over it', () => {
  const [phone, desktop] = contract.FIRST_VIEW_WIDTHS;
  assert.ok(phone < contract.NARROW_WIDTH && desktop >= contract.NARROW_WIDTH);
});

test('every part is declared, and the answer names its parts', () => {
  const text = readFileSync(new URL('../../www/contract.js', import.meta.url), 'utf8');
  assert.deepEqual(contract.PARTS, ['controls', 'legend', 'notes', 'sources', 'reading', 'canvas']);
  for (const type of ['Answer', 'Change', 'State', 'Controls', 'Legend', 'Notes', 'Sources', 'Reading', 'ItemInfo', 'AllSources']) {
    assert.match(text, new RegExp(`@typedef \\{object\\} ${type} `), type);
  }
  assert.match(text, /@property \{Part\[\]\} dirty/);
});
