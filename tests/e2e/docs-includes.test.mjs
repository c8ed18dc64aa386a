// The documents show the very files the tests run: each copy in a Markdown document
// marked `<!-- included from PATH by scripts/include-files.mjs -->` equals its file
// (refresh with `node scripts/include-files.mjs DOC.md`), and docs/deploy.md shows every
// configuration of docs/deploy/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillIncludes } from '../../scripts/include-files.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOCUMENTS = ['README.md', 'ARCHITECTURE.md', 'package/README.md', ...readdirSync(join(ROOT, 'docs')).filter((n) => n.endsWith('.md')).map((n) => `docs/${n}`)];

test('every included copy in the documents equals its file', () => {
  for (const doc of DOCUMENTS) {
    const text = readFileSync(join(ROOT, doc), 'utf8');
    assert.equal(fillIncludes(text).filled, text, `${doc}: run node scripts/include-files.mjs ${doc}`);
  }
});

test('docs/deploy.md shows every configuration of docs/deploy/', () => {
  const { paths } = fillIncludes(readFileSync(join(ROOT, 'docs/deploy.md'), 'utf8'));
  assert.deepEqual(paths.sort(), readdirSync(join(ROOT, 'docs/deploy')).map((n) => `docs/deploy/${n}`).sort());
});
