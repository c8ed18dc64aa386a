// The permalinks' pure parts (issue 21): their addresses, the release's public address
// and the height an oEmbed answer declares (the oEmbed html: oembed.test.mjs).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PUBLIC_URL, frameHeightAt, publicBase } from '../../scripts/permalinks.mjs';
import { permalinkPath, previewName } from '../../www/permalink.js';

test('a permalink\'s address and preview name are its chart, view and language', () => {
  const state = { chart: 'valuations', view: 'october-2025', scale: 'linear', currency: 'USD', lang: 'fr' };
  assert.equal(permalinkPath(state), 'fr/valuations/october-2025/');
  assert.equal(previewName(state), 'valuations-october-2025-fr');
});

test('the public address: AUTONOMIE_PUBLIC_URL as a folder, else the serve command\'s', () => {
  assert.equal(DEFAULT_PUBLIC_URL, 'http://127.0.0.1:8080/dist/');
  assert.equal(publicBase(undefined), DEFAULT_PUBLIC_URL);
  assert.equal(publicBase(' '), DEFAULT_PUBLIC_URL);
  assert.equal(publicBase('https://charts.example/autonomie'), 'https://charts.example/autonomie/');
  assert.throws(() => publicBase('charts.example/autonomie/'), /not an absolute address/);
  assert.throws(() => publicBase('ftp://charts.example/'), /http\(s\)/);
  assert.throws(() => publicBase('https://charts.example/?a=1'), /without \? or #/);
});

test('the declared frame height: the picture of the chart\'s band at the frame\'s width, with margins and credit', () => {
  const heights = { 310: 600, 375: 580, 457: 560, 573: 500, 740: 480, 955: 470, 1232: 460 };
  // 600 px: the chart is 584 px wide, in the 573 band (504 to 651): 500 × 584 / 573 + 16 + 24.
  assert.equal(frameHeightAt(600, heights), Math.ceil((500 * 584) / 573 + 40));
  assert.equal(frameHeightAt(300, heights), Math.ceil((600 * 284) / 310 + 40));
});
