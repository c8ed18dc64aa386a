// Makes dist/, the release: the files a blogger's page loads, under names that carry a
// hash of their content, and the npm package `autonomie-chart` around them. Run by
// scripts/build.sh after the wasm build (www/pkg/); `make package` packs dist/.
//
//   autonomie-chart.<hash>.js   the element and the JS API: www/autonomie-chart.js and
//                               every module it imports, wasm-bindgen's glue included,
//                               bundled and minified by esbuild; it knows the wasm's
//                               hashed name and SHA-256 and refuses any other bytes
//   autonomie_bg.<hash>.wasm    the wasm (www/pkg/, after wasm-opt)
//   embed.html                  the iframe page, loading embed.<hash>.js, embed.<hash>.css
//                               and the element's bundle, each with its SRI hash
//   autonomie-resize.<hash>.js  the optional iframe height helper (a classic script)
//   manifest.json               every hashed name with its SRI hash (the page's embed-code
//                               generator reads it)
//   autonomie.json, dataset.schema.json, *.d.ts, custom-elements.json, package.json,
//   README.md (package/README.md, for bloggers), LICENSE, CHANGELOG.md
//   autonomie-pictures.mjs, tool/  the package's command (`npx autonomie-pictures DATA
//                               DIR`): a dataset's pictures and link previews with Node
//                               alone, from the build's own Rust code compiled to wasm
//                               (target/tool/pkg/, scripts/wasm.sh's build_tool_wasm;
//                               tool/autonomie_pictures.<hash>.js and _bg.<hash>.wasm),
//                               with the licence of the font compiled into it
//   *.br, *.gz                  beside every text and wasm file: its brotli and gzip
//                               copies (scripts/precompress.mjs), for servers that send
//                               them as they are (not the package's own README,
//                               LICENSE, CHANGELOG); left out of the npm package
//
// A hashed name never changes content, so it may be cached for a year (docs/deploy.md).

import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { CHARTS } from '../www/contract.js';
import { pictureHtml, stateName } from '../www/embed-code.js';
import { writeEmbedPages } from './embed-pages.mjs';
import { writePermalinks } from './permalinks.mjs';
import { precompress } from './precompress.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'dist');
const PKG = join(ROOT, 'www/pkg');
// wasm-bindgen's output as it wrote it (scripts/build.sh): the glue, bundled from its
// readable form rather than from the minified copy in www/pkg/, and its .d.ts.
const BINDGEN = join(ROOT, 'target/wasm-bindgen');
const root = (path) => join(ROOT, path);
const version = JSON.parse(readFileSync(root('package.json'), 'utf8')).version;
const banner = `/*! autonomie-chart ${version} | MIT License | sourced charts of Europe's AI gap */`;

/** The first 16 hex digits of the SHA-256 of `bytes`: the part of a name that changes. */
const nameHash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
/** The Subresource Integrity value of `bytes`. */
const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

rmSync(OUT, { recursive: true, force: true });
mkdirSync(join(OUT, 'wasm-bindgen'), { recursive: true });

const files = {};
/** Writes `bytes` as `<stem>.<hash>.<ext>` and records it under `logical` in the manifest. */
function emitHashed(logical, bytes) {
  const dot = logical.lastIndexOf('.');
  const file = `${logical.slice(0, dot)}.${nameHash(bytes)}${logical.slice(dot)}`;
  writeFileSync(join(OUT, file), bytes);
  files[logical] = { file, integrity: integrity(bytes), bytes: bytes.length };
  return file;
}

async function bundle(entry, define = {}, external = {}) {
  const result = await esbuild.build({
    entryPoints: [root(entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    charset: 'utf8',
    banner: { js: banner },
    define,
    plugins: [{
      name: 'wasm-bindgen-glue',
      setup(build) {
        build.onResolve({ filter: /^\.\/pkg\/autonomie\.js$/ }, () => ({ path: join(BINDGEN, 'autonomie.js') }));
        // The widget's stylesheet, minified (its comments and spaces are a third of the
        // element's script; issue 20 made room with it).
        build.onLoad({ filter: /[\\/]www[\\/]widget-style\.js$/ }, async (args) => {
          const source = readFileSync(args.path, 'utf8');
          const { WIDGET_CSS } = await import(pathToFileURL(args.path).href);
          const css = (await esbuild.transform(WIDGET_CSS, { loader: 'css', minify: true, logLevel: 'error' })).code.trim();
          const start = source.indexOf('export const WIDGET_CSS = `');
          const end = source.indexOf('`;', start) + 2;
          if (start < 0 || end < 2) throw new Error('www/widget-style.js: no WIDGET_CSS template');
          return { contents: `${source.slice(0, start)}export const WIDGET_CSS = ${JSON.stringify(css)};${source.slice(end)}`, loader: 'js' };
        });
        // Modules left to another file of the release (the page's script imports the
        // element's bundle, which the page also loads; one copy of it).
        for (const [from, to] of Object.entries(external)) {
          build.onResolve({ filter: new RegExp(`^${from.replaceAll('.', '\\.')}$`) }, () => ({ path: to, external: true }));
        }
      },
    }],
    write: false,
    logLevel: 'warning',
  });
  return Buffer.from(result.outputFiles[0].contents);
}

// 1. The wasm, whose SHA-256 goes into the element's bundle.
const wasm = readFileSync(join(PKG, 'autonomie_bg.wasm'));
const wasmFile = emitHashed('autonomie_bg.wasm', wasm);
files['autonomie_bg.wasm'].sha256 = createHash('sha256').update(wasm).digest('hex');

// 2. The embed codes' pictures and their states' data (autonomie-static, issue 20), in
// static/pictures.<hash>/ in the same way: an embed code names them, cached for a year.
const pictureNames = readdirSync(root('www/static/pictures')).sort();
const pictureHash = createHash('sha256');
for (const name of pictureNames) pictureHash.update(`${name}\0`).update(readFileSync(root(`www/static/pictures/${name}`)));
const pictureDirectory = `static/pictures.${pictureHash.digest('hex').slice(0, 16)}/`;
mkdirSync(join(OUT, pictureDirectory), { recursive: true });
let pictureBytes = 0;
let largestPicture = { name: '', gzip: 0 };
for (const name of pictureNames) {
  const bytes = readFileSync(root(`www/static/pictures/${name}`));
  writeFileSync(join(OUT, pictureDirectory, name), bytes);
  pictureBytes += bytes.length;
  const gzip = gzipSync(bytes, { level: 9 }).length;
  if (name.endsWith('.svg') && gzip > largestPicture.gzip) largestPicture = { name, gzip };
}
// Issue 20: each picture at most 3 KB gzip.
if (largestPicture.gzip > 3000) throw new Error(`${largestPicture.name} is ${largestPicture.gzip} bytes gzip, over 3,000`);
files['static/pictures/'] = { file: pictureDirectory, files: pictureNames.length, bytes: pictureBytes };

// 3. The element and the JS API, one module with no import left.
const element = await bundle('www/autonomie-chart.js', {
  AUTONOMIE_WASM_FILE: JSON.stringify(wasmFile),
  AUTONOMIE_WASM_SHA256: JSON.stringify(files['autonomie_bg.wasm'].sha256),
});
if (/\bimport\s*\(|\bfrom\s*["']|^import\s/m.test(element.toString('utf8'))) {
  throw new Error('the element bundle still imports another file');
}
const elementFile = emitHashed('autonomie-chart.js', element);

// 4. The iframe page and its files.
const embedScript = emitHashed('embed.js', await bundle('www/embed.js', {
  AUTONOMIE_ELEMENT_SCRIPT: JSON.stringify({ file: elementFile, integrity: files['autonomie-chart.js'].integrity }),
}));
const embedCss = emitHashed(
  'embed.css',
  Buffer.from((await esbuild.transform(readFileSync(root('www/embed.css'), 'utf8'), { loader: 'css', minify: true })).code),
);
const favicon = emitHashed('favicon.svg', readFileSync(root('www/favicon.svg')));
const resize = emitHashed(
  'autonomie-resize.js',
  Buffer.from((await esbuild.transform(readFileSync(root('www/autonomie-resize.js'), 'utf8'), { minify: true, target: 'es2020' })).code),
);

let embedHtml = readFileSync(root('www/embed.html'), 'utf8');
const sri = (logical) => `integrity="${files[logical].integrity}" crossorigin="anonymous"`;
for (const [from, to] of [
  ['href="favicon.svg"', `href="${favicon}"`],
  ['<link rel="stylesheet" href="embed.css">', `<link rel="stylesheet" href="${embedCss}" ${sri('embed.css')}>`],
  ['<script type="module" src="embed.js">', `<script type="module" src="${embedScript}" ${sri('embed.js')}>`],
  ['<script type="module" src="autonomie-chart.js">', `<script type="module" src="${elementFile}" ${sri('autonomie-chart.js')} fetchpriority="low">`],
  // The page that links there is not part of the package.
  ['<a href="../index.html" target="_blank" rel="noopener noreferrer">Autonomie</a>', 'Autonomie'],
]) {
  if (!embedHtml.includes(from)) throw new Error(`www/embed.html no longer contains ${from}: update scripts/bundle.mjs`);
  embedHtml = embedHtml.replace(from, to);
}
writeFileSync(join(OUT, 'embed.html'), embedHtml);
// One iframe page per state, with its picture (scripts/embed-pages.mjs).
const embedPages = writeEmbedPages({ out: OUT, template: embedHtml, pictureDirectory });

// 5. The page as shipped (dist/index.html, what scripts/serve.mjs serves at /): the
// same page as index.html, loading its script and style under hashed names, and the
// element's bundle at once (the page's script imports that same file), every file with
// its SRI hash; each chart with its picture, as in an embed code.
const pageStyle = emitHashed(
  'style.css',
  Buffer.from((await esbuild.transform(readFileSync(root('www/style.css'), 'utf8'), { loader: 'css', minify: true })).code),
);
const pageScript = emitHashed('app.js', await bundle('www/app.js', { AUTONOMIE_RELEASE_BASE: JSON.stringify('./') }, { './autonomie-chart.js': `./${elementFile}` }));
let pageHtml = readFileSync(root('index.html'), 'utf8');
for (const [from, to] of [
  ['<link rel="icon" href="www/favicon.svg" type="image/svg+xml">', `<link rel="icon" href="${favicon}" type="image/svg+xml">`],
  ['<link rel="stylesheet" href="www/style.css">', `<link rel="stylesheet" href="${pageStyle}" ${sri('style.css')}>`],
  ['<script type="module" src="www/app.js"></script>',
    `<script type="module" src="${pageScript}" ${sri('app.js')}></script>\n  <script type="module" src="${elementFile}" ${sri('autonomie-chart.js')}></script>`],
]) {
  if (!pageHtml.includes(from)) throw new Error(`index.html no longer contains ${from}: update scripts/bundle.mjs`);
  pageHtml = pageHtml.replace(from, to);
}
// Each chart's picture in place of its <noscript> one (issue 20): the picture of its
// default view in the page's language, shown before any script and without one, that
// the chart's canvas replaces (the element's picture view), as in an embed code.
const pageLang = /<html lang="(\w+)"/.exec(pageHtml)?.[1] ?? 'fr';
for (const chart of CHARTS) {
  const found = new RegExp(`<autonomie-chart chart="${chart}"><noscript>.*?</noscript></autonomie-chart>`).exec(pageHtml);
  if (!found) throw new Error(`index.html no longer contains <autonomie-chart chart="${chart}"><noscript>…: update scripts/bundle.mjs`);
  const defaults = JSON.parse(readFileSync(join(OUT, pictureDirectory, readdirSync(join(OUT, pictureDirectory)).find((n) => n.startsWith(`${chart}-`) && n.endsWith(`-${pageLang}.json`))), 'utf8')).defaults;
  const state = { chart, view: defaults.view, scale: defaults.views[defaults.view].scale, currency: defaults.currency, lang: pageLang };
  const data = JSON.parse(readFileSync(join(OUT, pictureDirectory, `${stateName(state)}.json`), 'utf8'));
  pageHtml = pageHtml.replace(found[0], `<autonomie-chart chart="${chart}">${pictureHtml({ pictures: pictureDirectory, state, heights: data.heights, alt: data.reading.description })}</autonomie-chart>`);
}
pageHtml = pageHtml.replaceAll('src="www/static/', 'src="static/');
if (/(?:src|href)="www\//.test(pageHtml)) throw new Error('dist/index.html still names a file of www/');
writeFileSync(join(OUT, 'index.html'), pageHtml);
mkdirSync(join(OUT, 'static'), { recursive: true });
for (const name of readdirSync(root('www/static'))) {
  if (name.endsWith('.svg')) copyFileSync(root(`www/static/${name}`), join(OUT, 'static', name));
}

// 6. Data, types, the Custom Elements Manifest, the texts.
copyFileSync(root('data/autonomie.json'), join(OUT, 'autonomie.json'));
copyFileSync(root('docs/dataset.schema.json'), join(OUT, 'dataset.schema.json'));
copyFileSync(root('package/autonomie-chart.d.ts'), join(OUT, 'autonomie-chart.d.ts'));
for (const name of ['autonomie.d.ts', 'autonomie_bg.wasm.d.ts']) {
  copyFileSync(join(BINDGEN, name), join(OUT, 'wasm-bindgen', name));
}
const manifest = JSON.parse(readFileSync(root('package/custom-elements.json'), 'utf8'));
for (const module of manifest.modules) {
  if (module.path !== 'autonomie-chart.js') throw new Error(`custom-elements.json: unexpected module ${module.path}`);
  module.path = elementFile;
  for (const entry of module.exports ?? []) entry.declaration.module = elementFile;
}
writeFileSync(join(OUT, 'custom-elements.json'), `${JSON.stringify(manifest, null, 2)}\n`);
// The bloggers' README, with this build's version, hashed names and integrity hashes.
const readme = readFileSync(root('package/README.md'), 'utf8').replace(/\{\{(version|file|integrity)(?: ([^}]+))?\}\}/g, (whole, what, name) => {
  if (what === 'version') return version;
  const entry = files[name];
  if (!entry) throw new Error(`package/README.md: unknown file in ${whole}`);
  return what === 'file' ? entry.file : entry.integrity;
});
if (readme.includes('{{')) throw new Error('package/README.md: a {{…}} was left unfilled');
writeFileSync(join(OUT, 'README.md'), readme);
copyFileSync(root('LICENSE'), join(OUT, 'LICENSE'));
copyFileSync(root('CHANGELOG.md'), join(OUT, 'CHANGELOG.md'));

writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify({ name: 'autonomie-chart', version, files }, null, 2)}\n`);

const packageJson = {
  name: 'autonomie-chart',
  version,
  description: 'Sourced, interactive charts of how far Europe trails the US and China in AI: a <autonomie-chart> web component (Rust/WebAssembly, no dependency, no third-party request) and an iframe page.',
  keywords: ['web-component', 'custom-element', 'chart', 'webassembly', 'ai', 'europe', 'embed'],
  license: 'MIT',
  type: 'module',
  main: `./${elementFile}`,
  module: `./${elementFile}`,
  types: './autonomie-chart.d.ts',
  exports: {
    '.': { types: './autonomie-chart.d.ts', default: `./${elementFile}` },
    './embed.html': './embed.html',
    './autonomie.json': './autonomie.json',
    './dataset.schema.json': './dataset.schema.json',
    './custom-elements.json': './custom-elements.json',
    './manifest.json': './manifest.json',
    './package.json': './package.json',
  },
  bin: { 'autonomie-pictures': './autonomie-pictures.mjs' },
  customElements: 'custom-elements.json',
  sideEffects: true,
  files: [
    elementFile, wasmFile, 'embed.html', embedScript, embedCss, favicon, resize,
    'autonomie.json', 'dataset.schema.json', 'autonomie-chart.d.ts', 'wasm-bindgen/', 'custom-elements.json',
    'manifest.json', 'CHANGELOG.md', pictureDirectory, 'embed/', 'autonomie-pictures.mjs', 'tool/',
    // The precompressed copies stay out: npm packs the package with gzip already, so
    // they would make it three times larger (250 KB to 730 KB), and a server
    // compresses these files itself (docs/deploy.md).
    '!**/*.br', '!**/*.gz',
  ],
};
writeFileSync(join(OUT, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`);

// 7. A page per chart, view and language, with its oEmbed answer and preview (issue 21).
const permalinks = writePermalinks({ out: OUT, files, pictureDirectory });

// 8. The precompressed copies, once every file is written.
const compressed = precompress(OUT);
const wire = ({ bytes, br, gzip }) => `${bytes} bytes, ${br} brotli, ${gzip} gzip`;
console.log(`== precompressed: ${compressed.length} files (.br, .gz); the wasm ${wire(compressed.find((c) => c.file === wasmFile))}`);

// 9. The package's command, after the copies: no page fetches it, so it needs none (its
// wasm's brotli copy alone would take 7 s of every build). Its glue and wasm are named
// by their hash like every script and wasm of the release (a server caches those for a
// year), and the command is written with those names.
const TOOL = join(ROOT, 'target/tool/pkg');
mkdirSync(join(OUT, 'tool'), { recursive: true });
let command = readFileSync(root('package/autonomie-pictures.mjs'), 'utf8');
for (const name of ['autonomie_pictures.js', 'autonomie_pictures_bg.wasm']) {
  const bytes = readFileSync(join(TOOL, name));
  const dot = name.lastIndexOf('.');
  const hashed = `${name.slice(0, dot)}.${nameHash(bytes)}${name.slice(dot)}`;
  writeFileSync(join(OUT, 'tool', hashed), bytes);
  if (!command.includes(`'./tool/${name}'`)) throw new Error(`package/autonomie-pictures.mjs does not name ./tool/${name}`);
  command = command.replaceAll(`'./tool/${name}'`, `'./tool/${hashed}'`);
}
writeFileSync(join(OUT, 'autonomie-pictures.mjs'), command, { mode: 0o755 });
copyFileSync(root('crates/autonomie-pictures/fonts/LICENSE'), join(OUT, 'tool', 'LiberationSans-LICENSE'));
const toolWasm = readFileSync(join(TOOL, 'autonomie_pictures_bg.wasm'));

const sizes = (bytes) => `${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzip`;
console.log(`== dist/ (autonomie-chart ${version}): ${elementFile} (${sizes(element)}), ${wasmFile} (${sizes(wasm)}); ${pictureNames.length} pictures and data files (${pictureBytes} bytes, the largest picture ${largestPicture.gzip} gzip), ${embedPages} iframe pages, ${permalinks.length} permalinks; the autonomie-pictures command's wasm ${sizes(toolWasm)}`);
