// www/words.js (written from the one table of words): `say` fills values in, in both
// languages, and refuses a word that does not exist.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { say, WORDS } from '../../www/words.js';
import { LANGS } from '../../www/contract.js';

test('every language of the contract has every word', () => {
  assert.deepEqual(Object.keys(WORDS).sort(), [...LANGS].sort());
  const [first, ...others] = LANGS.map((lang) => Object.keys(WORDS[lang]).sort());
  for (const keys of others) assert.deepEqual(keys, first);
  for (const lang of LANGS) for (const [key, text] of Object.entries(WORDS[lang])) assert.ok(text.length > 0, `${lang}.${key}`);
});

test('say puts values in, leaves unknown placeholders, and refuses unknown words', () => {
  assert.equal(say('en', 'downloadFormat', { format: 'PNG' }), 'Download PNG');
  assert.equal(say('fr', 'downloadFormat', { format: 'PNG' }), 'Télécharger PNG');
  assert.equal(say('en', 'fetchStatus', { url: 'x.json' }), 'the dataset x.json returned HTTP {status}');
  assert.throws(() => say('en', 'noSuchWord'), /no word noSuchWord/);
});

test('a panic is told in the page\'s language, with no raw Rust text to fill in', () => {
  for (const lang of LANGS) assert.doesNotMatch(say(lang, 'internal'), /\{|panicked/);
  assert.notEqual(say('fr', 'internal'), say('en', 'internal'));
});
