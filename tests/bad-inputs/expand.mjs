// The catalogue's datasets as text. Most entries are a patch over base.json: a list of
// RFC 6902 operations (`add`, `remove`, `replace`, each a JSON Pointer `path` and, but for
// `remove`, a `value`), and the dataset is the patched base written as
// JSON.stringify(value, null, 2) plus a newline: the layout base.json has, so the line
// and column of a message stay where the catalogue says. tests/it/bad_inputs.rs does the
// same in Rust. Entries whose point is the text itself (not JSON, a byte-order mark,
// duplicate keys, numbers out of range, a lone surrogate) keep a `file` of their own.
//
//   node tests/bad-inputs/expand.mjs --out DIR   writes every patched dataset to DIR/<id>.json

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const DIR = new URL('./', import.meta.url);

export const CATALOGUE = JSON.parse(readFileSync(new URL('catalogue.json', DIR), 'utf8')).entries;
export const BASE = readFileSync(new URL('base.json', DIR), 'utf8');

/** The reference tokens of a JSON Pointer (RFC 6901). */
function tokens(pointer) {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`not a JSON Pointer: ${pointer}`);
  return pointer.slice(1).split('/').map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** `document` with the RFC 6902 operations of `patch` applied, in order (a copy). */
export function applyPatch(document, patch) {
  let root = structuredClone(document);
  for (const { op, path, value } of patch) {
    const keys = tokens(path);
    if (keys.length === 0) {
      if (op !== 'replace') throw new Error(`${op} at the root`);
      root = structuredClone(value);
      continue;
    }
    const last = keys.pop();
    let parent = root;
    for (const key of keys) {
      if (parent === null || typeof parent !== 'object' || !(key in parent)) throw new Error(`no ${path}`);
      parent = parent[key];
    }
    const exists = Array.isArray(parent) ? /^\d+$/.test(last) && Number(last) < parent.length : Object.hasOwn(parent, last);
    if (op === 'add' && Array.isArray(parent)) {
      parent.splice(last === '-' ? parent.length : Number(last), 0, structuredClone(value));
    } else if (op === 'add' || (op === 'replace' && exists)) {
      parent[last] = structuredClone(value);
    } else if (op === 'remove' && exists) {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else {
      throw new Error(`cannot ${op} ${path}`);
    }
  }
  return root;
}

/** The text of a patched entry's dataset. */
export function patchedText(entry) {
  return `${JSON.stringify(applyPatch(JSON.parse(BASE), entry.patch), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--out');
  if (at < 0 || !process.argv[at + 1]) {
    console.error('usage: node tests/bad-inputs/expand.mjs --out DIR');
    process.exit(2);
  }
  const out = process.argv[at + 1];
  mkdirSync(out, { recursive: true });
  for (const entry of CATALOGUE.filter((e) => e.patch)) writeFileSync(`${out}/${entry.id}.json`, patchedText(entry));
}
