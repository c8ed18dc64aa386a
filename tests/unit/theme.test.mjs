// www/theme.js: which palette a chart is drawn in, for each choice and each reader's
// preference (matchMedia stands in for the browser's).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_THEME, THEME_CHOICES, THEMES } from '../../www/contract.js';

const media = { '(prefers-color-scheme: dark)': false, '(forced-colors: active)': false };
globalThis.matchMedia = (query) => ({
  get matches() { return media[query]; },
  addEventListener() {},
  removeEventListener() {},
});
const { resolveTheme } = await import('../../www/theme.js');

test('a choice of its own wins; auto follows the reader; forced colors always win', () => {
  assert.equal(resolveTheme('light'), 'light');
  assert.equal(resolveTheme('dark'), 'dark');
  assert.equal(resolveTheme(DEFAULT_THEME), 'light');
  media['(prefers-color-scheme: dark)'] = true;
  assert.equal(resolveTheme('auto'), 'dark');
  assert.equal(resolveTheme('light'), 'light');
  media['(forced-colors: active)'] = true;
  for (const choice of THEME_CHOICES) assert.equal(resolveTheme(choice), 'contrast');
  for (const choice of THEME_CHOICES) assert.ok(THEMES.includes(resolveTheme(choice)));
});
