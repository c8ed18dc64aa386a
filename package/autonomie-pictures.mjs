#!/usr/bin/env node
// autonomie-pictures: the pictures of a dataset of your own, with Node alone.
//
//   npx autonomie-pictures my-data.json pictures/
//   (also: autonomie-pictures --data my-data.json --out pictures/)
//
// Writes into the folder what the element with `src` set to that dataset asks for
// before its engine starts (every state's SVG picture in each width band and theme, and
// each state's data), and a 1200 x 630 PNG per view and language for link previews, in
// `previews/<chart>-<view>-<lang>.png`. The same files, byte for byte, as the project's
// `cargo run -p autonomie-pictures --bin autonomie-static -- --data FILE --out DIR`: the
// same Rust code, compiled to WebAssembly (tool/), run here. Messages in French when the
// environment's language is French (LC_ALL, LC_MESSAGES or LANG), else in English.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { datasetFiles, initSync } from './tool/autonomie_pictures.js';

const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
const lang = locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
const say = {
  en: {
    usage: 'usage: autonomie-pictures DATASET.json OUTPUT_DIR\n       autonomie-pictures --data DATASET.json --out OUTPUT_DIR',
    done: (count, out, previews) => `autonomie-pictures: ${count} files in ${out} (of which ${previews} link previews in ${join(out, 'previews')})`,
    failed: (path, why) => `autonomie-pictures: ${path}: ${why}`,
    system: {},
  },
  fr: {
    usage: 'usage : autonomie-pictures DONNEES.json DOSSIER\n        autonomie-pictures --data DONNEES.json --out DOSSIER',
    done: (count, out, previews) => `autonomie-pictures : ${count} fichiers dans ${out} (dont ${previews} aperçus de lien dans ${join(out, 'previews')})`,
    failed: (path, why) => `autonomie-pictures : ${path} : ${why}`,
    system: {
      ENOENT: 'fichier ou dossier introuvable',
      EACCES: 'accès refusé',
      EPERM: 'opération non permise',
      EISDIR: 'c’est un dossier',
      ENOTDIR: 'un élément du chemin n’est pas un dossier',
      ENOSPC: 'plus de place sur le disque',
      EROFS: 'système de fichiers en lecture seule',
    },
  },
}[lang];

/** The dataset's path and the output folder from the command line, or null. */
function parse(args) {
  if (args.length === 2 && !args.some((arg) => arg.startsWith('--'))) return { data: args[0], out: args[1] };
  if (args.length === 4) {
    const data = args.indexOf('--data');
    const out = args.indexOf('--out');
    if (data >= 0 && out >= 0 && data % 2 === 0 && out % 2 === 0) return { data: args[data + 1], out: args[out + 1] };
  }
  return null;
}

const command = parse(process.argv.slice(2));
if (!command) {
  console.error(say.usage);
  process.exit(2);
}
/** Prints why `path` failed (a system error in the message's language) and exits. */
function fail(path, error) {
  const why = (error.code && say.system[error.code]) || error.message;
  console.error(say.failed(path, why));
  process.exit(1);
}

let files;
try {
  const text = readFileSync(command.data, 'utf8');
  initSync({ module: readFileSync(new URL('./tool/autonomie_pictures_bg.wasm', import.meta.url)) });
  files = datasetFiles(text, lang);
} catch (error) {
  fail(command.data, error);
}
let previews = 0;
for (let i = 0; i < files.count(); i += 1) {
  const name = files.name(i);
  const path = join(command.out, name);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, files.bytes(i));
  } catch (error) {
    fail(path, error);
  }
  if (name.startsWith('previews/')) previews += 1;
}
console.error(say.done(files.count(), command.out, previews));
