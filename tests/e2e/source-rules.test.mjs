// Rules on the widget's own source that no browser test can prove for every path:
// no HTML built from strings, no code built from strings, no inline handler, no
// third-party address, no storage or cookie.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WWW = fileURLToPath(new URL('../../www/', import.meta.url));
const sources = readdirSync(WWW)
  .filter((name) => /\.(js|html)$/.test(name))
  .map((name) => ({ name, text: readFileSync(join(WWW, name), 'utf8') }));

const FORBIDDEN = [
  [/\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write/, 'HTML built from strings'],
  [/\beval\s*\(|\bnew\s+Function\b|setTimeout\s*\(\s*['"`]|setInterval\s*\(\s*['"`]/, 'code built from strings'],
  [/\son[a-z]+\s*=\s*["']|setAttribute\(\s*['"]on/, 'an inline event handler'],
  [/\bstyle\s*=\s*["']/, 'an inline style attribute (blocked by the CSP)'],
  [/localStorage|sessionStorage|indexedDB|document\.cookie/, 'storage or cookies'],
  [/https?:\/\/(?!127\.0\.0\.1|autonomie\.example|www\.w3\.org\/2000\/svg)[a-z0-9.-]+\.[a-z]{2,}/i, 'a third-party address'],
];

test('the widget never builds HTML or code from strings, stores nothing and calls no third party', () => {
  assert.ok(sources.length >= 10, `${sources.length} files checked`);
  const found = [];
  for (const { name, text } of sources) {
    for (const [pattern, what] of FORBIDDEN) {
      const match = text.match(pattern);
      if (match) found.push(`${name}: ${what} (${match[0]})`);
    }
  }
  assert.deepEqual(found, []);
});
