#!/usr/bin/env node
// The example blog post's embed codes are the generator's own (www/embed-code.js, the
// functions behind the page's "Embed this chart"): this script writes each one between
// its markers in examples/blog-post.html, from the build's state data
// (www/static/pictures/, scripts/build.sh), with placeholders for what a build changes:
//
//   <!-- autonomie-element valuations-history-log-USD-fr -->…<!-- /autonomie-element -->
//   <!-- autonomie-iframe models-history-linear-EUR-fr -->…<!-- /autonomie-iframe -->
//
// The widget's host is https://autonomie.example and the release's hashed names are
// `{{file NAME}}` and `{{integrity NAME}}` (the names of dist/manifest.json): the example
// server (scripts/serve.mjs, fillExample) puts the real ones in when it serves the post.
//
//   node scripts/example-post.mjs           rewrites the codes
//   node scripts/example-post.mjs --check   fails if a code differs from the generator's

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { elementSnippet, frameHeight, iframeSnippet } from '../www/embed-code.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const POST = `${ROOT}examples/blog-post.html`;
const BASE = 'https://autonomie.example/dist/';
const file = (name) => ({ src: `${BASE}{{file ${name}}}`, integrity: `{{integrity ${name}}}` });

function data(state) {
  return JSON.parse(readFileSync(`${ROOT}www/static/pictures/${state}.json`, 'utf8'));
}

/** The post with every code written anew between its markers. */
export function writtenPost(html) {
  return html
    .replace(/(<!-- autonomie-element ([\w-]+) -->)[\s\S]*?(<!-- \/autonomie-element -->)/g, (_, open, state, close) =>
      `${open}\n${elementSnippet({ script: file('autonomie-chart.js'), pictures: `${BASE}{{file static/pictures/}}`, data: data(state) })}\n${close}`)
    .replace(/(<!-- autonomie-iframe ([\w-]+) -->)[\s\S]*?(<!-- \/autonomie-iframe -->)/g, (_, open, state, close) => {
      const { state: named, reading, heights } = data(state);
      return `${open}\n${iframeSnippet({ base: BASE, state: named, title: reading.title, height: frameHeight(heights), resize: file('autonomie-resize.js') })}\n${close}`;
    });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const html = readFileSync(POST, 'utf8');
  const written = writtenPost(html);
  if (process.argv[2] === '--check') {
    if (written !== html) {
      console.error('examples/blog-post.html: an embed code differs from the generator\'s: run node scripts/example-post.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync(POST, written);
  }
}
