// www/notes.js's data shaping: the sentence saying when the figures are from and when
// their sources were checked.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datesLine } from '../../www/notes.js';
import { WORDS } from '../../www/words.js';

test('the dates line names the newest figure, then the check, as one sentence', () => {
  const notes = { newest: '28 mai 2026', checked: '29 nov. 2026' };
  assert.equal(datesLine(notes, WORDS.fr), 'Chiffre le plus récent : 28 mai 2026\u00a0; sources vérifiées le 29 nov. 2026.');
  assert.equal(datesLine({ newest: null, checked: 'Nov 29, 2026' }, WORDS.en), 'Sources checked on Nov 29, 2026.');
});
