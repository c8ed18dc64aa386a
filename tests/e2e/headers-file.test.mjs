// docs/deploy/_headers (the file docs/deploy.md shows for Netlify, Cloudflare Pages and
// the like) read as these hosts read it: a rule's path matches with `*` as any run of
// characters (slashes too) and `:name` as one segment, a request gets the headers of
// every rule it matches, and one header set by two rules is joined with a comma. For
// every file of the release (dist/), and for the addresses of its pages: CORS, a year of
// cache exactly for the hashed names and folder (the host revalidates the rest), and
// the CSP of the page and of the iframe page. These hosts cannot run here; their
// documented matching is what is checked.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMBED_CSP, HASHED_NAME, LONG_CACHE, PAGE_CSP } from '../../scripts/serve.mjs';
import { DIST, releaseFiles } from './release-checks.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FOLDER = '/autonomie/';

/** The rules of a `_headers` file: [{ path, matches(path), headers: [[name, value]] }]. */
function readRules(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/:[A-Za-z]\w*/g, '[^/]+');
      rules.push({ path: line.trim(), matches: (path) => new RegExp(`^${pattern}$`).test(path), headers: [] });
    } else {
      const at = line.indexOf(':');
      assert.ok(rules.length && at > 0, `a header line under a path: ${line}`);
      rules.at(-1).headers.push([line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** The headers a host gives `path` under `rules`. */
function headersFor(rules, path) {
  const headers = {};
  for (const rule of rules.filter((r) => r.matches(path))) {
    for (const [name, value] of rule.headers) headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

function* filesUnder(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else yield relative(DIST, path);
  }
}

const rules = readRules(readFileSync(join(ROOT, 'docs/deploy/_headers'), 'utf8'));

test('_headers: every file of the release gets CORS, and a year of cache exactly when its name or folder is hashed', () => {
  let files = 0;
  for (const file of filesUnder(DIST)) {
    if (/\.(br|gz)$/.test(file)) continue;
    const headers = headersFor(rules, FOLDER + file);
    assert.equal(headers['access-control-allow-origin'], '*', file);
    assert.equal(headers['x-content-type-options'], 'nosniff', file);
    assert.equal(headers['cache-control'], HASHED_NAME.test(`/${file}`) ? LONG_CACHE : undefined, file);
    files += 1;
  }
  assert.ok(files > 50, `${files} files checked`);
});

test('_headers: the page and the iframe page get their Content-Security-Policy, at each of their addresses', () => {
  for (const { path, csp } of releaseFiles().filter((f) => f.csp)) {
    assert.equal(headersFor(rules, FOLDER + path)['content-security-policy'], csp, path || '(folder)');
  }
  assert.equal(headersFor(rules, `${FOLDER}embed`)['content-security-policy'], EMBED_CSP, 'embed, as Cloudflare Pages addresses it');
  assert.notEqual(EMBED_CSP, PAGE_CSP);
});
