#!/usr/bin/env node
// Fails when a product source file is over 500 lines or a function over 80 lines:
// the sizes at which a module or a function stops being read in one go (issue 13).
// Product sources: src/**/*.rs (the wasm library), crates/*/src/**/*.rs and www/*.js,
// except the generated crates/autonomie/src/layout/arial_widths.rs, www/words.js and
// www/contract.js. A function is measured
// from its `fn` line to its closing brace, on rustfmt-formatted code (cargo fmt --check
// runs in scripts/test.sh too); a script's functions (declarations, methods, arrows,
// expressions) through TypeScript's parser, from their first line to their last.
// `node scripts/check-sizes.mjs crates` checks the Rust only, `… www` the scripts only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import ts from 'typescript';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAX_FILE_LINES = 500;
const MAX_FN_LINES = 80;
const GENERATED = new Set(['crates/autonomie/src/layout/arial_widths.rs', 'www/words.js', 'www/contract.js']);

const root = join(fileURLToPath(import.meta.url), '..', '..');
const only = process.argv[2];

function walk(dir, keep, found = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, keep, found);
    else if (keep(path)) found.push(relative(root, path));
  }
  return found;
}

function productFiles() {
  const files = [];
  if (only !== 'www') {
    walk(join(root, 'src'), (p) => p.endsWith('.rs'), files);
    for (const crate of readdirSync(join(root, 'crates'))) {
      const src = join(root, 'crates', crate, 'src');
      if (statSync(src, { throwIfNoEntry: false })?.isDirectory()) walk(src, (p) => p.endsWith('.rs'), files);
    }
  }
  if (only !== 'crates') {
    for (const name of readdirSync(join(root, 'www'))) {
      if (name.endsWith('.js')) files.push(`www/${name}`);
    }
  }
  return files.filter((f) => !GENERATED.has(f)).sort();
}

/** The functions of rustfmt-formatted Rust `lines` longer than the limit: [name, first line, length]. */
function longFunctions(lines) {
  const long = [];
  const start = /^(\s*)(?:pub(?:\([a-z]+\))?\s+)?(?:const\s+)?(?:async\s+)?(?:unsafe\s+)?(?:extern\s+"C"\s+)?fn\s+([A-Za-z0-9_]+)/;
  lines.forEach((line, index) => {
    const match = start.exec(line);
    if (!match) return;
    const indent = match[1];
    // The signature ends at the first line with an opening brace or a semicolon.
    let open = index;
    while (open < lines.length && !/[{;]\s*$/.test(lines[open]) && !/\{.*\}\s*$/.test(lines[open])) open += 1;
    if (open >= lines.length || /;\s*$/.test(lines[open]) || /\{.*\}\s*$/.test(lines[open])) return;
    let end = open + 1;
    while (end < lines.length && lines[end] !== `${indent}}`) end += 1;
    const length = end - index + 1;
    if (length > MAX_FN_LINES) long.push([match[2], index + 1, length]);
  });
  return long;
}

/** The functions of JavaScript `text` longer than the limit: [name, first line, length]. */
function longScriptFunctions(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const long = [];
  const line = (position) => source.getLineAndCharacterOfPosition(position).line + 1;
  const visit = (node) => {
    if (ts.isFunctionLike(node) && node.body) {
      const first = line(node.getStart(source));
      const length = line(node.getEnd()) - first + 1;
      const name = node.name?.getText(source) ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText(source) : '(anonymous)');
      if (length > MAX_FN_LINES) long.push([name, first, length]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return long;
}

const problems = [];
for (const file of productFiles()) {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length > MAX_FILE_LINES) problems.push(`${file}: ${lines.length} lines (at most ${MAX_FILE_LINES})`);
  const long = file.endsWith('.rs') ? longFunctions(lines) : longScriptFunctions(file, lines.join('\n'));
  for (const [name, at, length] of long) {
    problems.push(`${file}:${at}: function ${name} is ${length} lines (at most ${MAX_FN_LINES})`);
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`sizes: every product source file within ${MAX_FILE_LINES} lines, every function within ${MAX_FN_LINES}`);
