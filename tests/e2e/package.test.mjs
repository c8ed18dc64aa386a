// The npm package as a blogger gets it: `npm pack` of dist/ (made by scripts/build.sh),
// installed offline from the tarball into an empty folder, served by a plain static
// server (MIME types and CORS, nothing else) on one origin and embedded by a page on
// another, under the Content-Security-Policy that the package's README gives hosts. No
// build step: only what the package holds. Also: its TypeScript declarations compile
// and catch mistakes, its Custom Elements Manifest describes the element the script
// defines, and the versions agree. (Bundled by esbuild and Vite: bundlers.test.mjs.)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canvasPixels, launchBrowser, listen, openPage, settle } from './browser.mjs';
import { packAndInstall, staticServer } from './package-install.mjs';
import { cspWithWidget } from '../../scripts/serve.mjs';
import { elementSnippet } from '../../www/embed-code.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
let work, site, installed, packed, files, server, S, host, H, browser, main, manifest, hostPolicy;
const pages = new Map();

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'autonomie-package-'));
  ({ packed, site, installed } = packAndInstall(work, 'site'));
  files = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  manifest = JSON.parse(readFileSync(join(installed, 'manifest.json'), 'utf8'));
  main = files.exports['.'].default.replace(/^\.\//, '');
  server = staticServer(site);
  S = await listen(server);
  // The blog: another origin, under the policy the package's README gives hosts, with the
  // package's origin in place of its example origin.
  hostPolicy = readmePolicy().replaceAll(README_ORIGIN, S);
  host = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    if (path === '/favicon.ico') return response.writeHead(204).end();
    response.writeHead(pages.has(path) ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': hostPolicy });
    response.end(pages.get(path) ?? 'Not found');
  });
  H = await listen(host);
  browser = await launchBrowser();
});

/** The README's example origin of the files, in its host policy. */
const README_ORIGIN = 'https://charts.example';
/** The host Content-Security-Policy of the installed package's README. */
function readmePolicy() {
  const policies = [...readFileSync(join(installed, 'README.md'), 'utf8').matchAll(/^Content-Security-Policy: (.+)$/gm)].map((m) => m[1]);
  assert.equal(policies.length, 1, 'the README gives one host policy');
  return policies[0];
}

after(async () => {
  await browser?.close();
  for (const s of [server, host]) {
    s?.closeAllConnections?.();
    s?.close();
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

const PKG = () => `${S}/node_modules/autonomie-chart`;

describe('the autonomie-chart package', () => {
  test(`the tarball is autonomie-chart-${version}.tgz and holds what a blogger needs, nothing else`, () => {
    assert.equal(packed.filename, `autonomie-chart-${version}.tgz`);
    assert.equal(files.name, 'autonomie-chart');
    assert.equal(files.version, version);
    const paths = packed.files.map((f) => f.path).sort();
    const hashed = (stem, ext) => paths.find((p) => new RegExp(`^${stem}\\.[0-9a-f]{16}\\.${ext}$`).test(p));
    const expected = [
      hashed('autonomie-chart', 'js'), hashed('autonomie_bg', 'wasm'), hashed('autonomie-resize', 'js'),
      hashed('embed', 'js'), hashed('embed', 'css'), hashed('favicon', 'svg'), 'embed.html',
      'autonomie.json', 'dataset.schema.json',
      'autonomie-chart.d.ts', 'wasm-bindgen/autonomie.d.ts', 'wasm-bindgen/autonomie_bg.wasm.d.ts',
      'custom-elements.json', 'manifest.json', 'package.json', 'README.md', 'LICENSE', 'CHANGELOG.md',
      // The autonomie-pictures command (issue 21): a dataset's pictures and previews with
      // Node alone (package-pictures.test.mjs).
      'autonomie-pictures.mjs', hashed('tool/autonomie_pictures', 'js'), hashed('tool/autonomie_pictures_bg', 'wasm'), 'tool/LiberationSans-LICENSE',
      // The embed codes' pictures and their states' data (issue 20), in a directory named
      // by their hash, and an iframe page per state.
      ...readdirSync(join(ROOT, 'www/static/pictures')).map((name) => `${manifest.files['static/pictures/'].file}${name}`),
      ...readdirSync(join(ROOT, 'www/static/pictures')).filter((name) => name.endsWith('.json')).map((name) => `embed/${name.replace(/\.json$/, '.html')}`),
    ];
    assert.ok(expected.every(Boolean), `every hashed file is there: ${paths.join(', ')}`);
    assert.deepEqual(paths, expected.sort());
    assert.equal(main, hashed('autonomie-chart', 'js'));
    assert.equal(files.types, './autonomie-chart.d.ts');
    assert.equal(files.customElements, 'custom-elements.json');
    // The default dataset and its schema are the project's own.
    assert.equal(readFileSync(join(installed, 'autonomie.json'), 'utf8'), readFileSync(join(ROOT, 'data/autonomie.json'), 'utf8'));
    assert.equal(readFileSync(join(installed, 'dataset.schema.json'), 'utf8'), readFileSync(join(ROOT, 'docs/dataset.schema.json'), 'utf8'));
    assert.match(readFileSync(join(installed, 'LICENSE'), 'utf8'), /^MIT License/);
    assert.match(readFileSync(join(installed, 'README.md'), 'utf8'), /integrity="sha384-/, 'the README shows an embed code with its integrity hash');
  });

  test('the versions agree: Cargo workspace, package.json, the package, the changelog', () => {
    const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
    const workspaceVersion = cargo.match(/\[workspace\.package\][^[]*?\nversion = "([^"]+)"/)?.[1];
    assert.equal(workspaceVersion, version);
    assert.equal(manifest.version, version);
    assert.match(readFileSync(join(installed, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## ${version.replaceAll('.', '\\.')} — \\d{4}-\\d{2}-\\d{2}$`, 'm'));
    assert.ok(readFileSync(join(installed, main), 'utf8').startsWith(`/*! autonomie-chart ${version} |`));
  });

  test('installed and served as static files, it shows a chart on another origin whose toggles work', async () => {
    const { file, integrity } = manifest.files['autonomie-chart.js'];
    assert.equal(file, main);
    pages.set('/post.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Post</title>
<script type="module" src="${PKG()}/${main}" integrity="${integrity}" crossorigin="anonymous"></script></head>
<body><h1>My post</h1><autonomie-chart chart="valuations" loading="eager"></autonomie-chart></body></html>`);
    const { page, log } = await openPage(browser.context, H, '/post.html');
    await page.waitForFunction(() => document.querySelector('autonomie-chart')?.drawCount > 0);
    const first = await canvasPixels(page, 'autonomie-chart canvas');
    assert.ok(first.inked > 10000, 'a chart is drawn');
    assert.equal(first.width, first.cssWidth * 2, 'at the device pixel ratio');

    const changes = [];
    await page.evaluate(() => document.querySelector('autonomie-chart').addEventListener('autonomie-change', (e) => { window.lastDetail = e.detail; }));
    let previous = first.hash;
    // The other currency than the one the chart opened in.
    const other = (await page.$eval('autonomie-chart', (e) => e.state().currency)) === 'EUR' ? 'USD' : 'EUR';
    for (const [selector, check] of [
      [`button[data-value="${other}"]`, (s) => s.currency === other],
      ['button[data-value="log"]', (s) => s.scale === 'log'],
      ['button[data-value="history"]', (s) => s.view === 'history'],
    ]) {
      await page.click(`autonomie-chart ${selector}`);
      await page.waitForFunction(() => window.lastDetail);
      await settle(page);
      const state = await page.evaluate(() => window.lastDetail);
      assert.ok(check(state), `${selector}: ${JSON.stringify(state)}`);
      const pixels = await canvasPixels(page, 'autonomie-chart canvas');
      assert.notEqual(pixels.hash, previous, `${selector} changed the pixels`);
      previous = pixels.hash;
      changes.push(state);
      await page.evaluate(() => { window.lastDetail = null; });
    }
    // A series off, by its legend entry.
    const key = await page.$eval('autonomie-chart', (e) => e.shadowRoot.querySelector('[data-key]').dataset.key);
    await page.click(`autonomie-chart [data-key="${key}"]`);
    await settle(page);
    assert.deepEqual(await page.$eval('autonomie-chart', (e) => e.state().hidden), [key]);
    assert.notEqual((await canvasPixels(page, 'autonomie-chart canvas')).hash, previous, 'hiding a series changed the pixels');
    assert.equal(await page.getAttribute('autonomie-chart', 'currency'), other, 'the attributes follow');

    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.consoleErrors, []);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation under the README\'s host policy');
    assert.deepEqual(log.failed, [], 'no missing file');
    const fromPackage = log.requests.filter((url) => url.startsWith(S)).map((url) => url.slice(PKG().length + 1)).sort();
    // An element without a picture in its code asks for nothing else than the script
    // and the wasm.
    assert.deepEqual(fromPackage, [main, manifest.files['autonomie_bg.wasm'].file].sort(), 'two files: the script and the wasm');
    assert.ok(log.requests.every((url) => url.startsWith(S) || url.startsWith(H)), 'nothing from a third origin');
    await page.screenshot({ path: join(ROOT, 'test-results/package-element.png') });
    await page.close();
  });

  test('the README gives hosts the policy the tests embed the widget under', () => {
    assert.equal(readmePolicy(), cspWithWidget(README_ORIGIN));
  });

  test('under the README\'s host policy, the generator\'s embed code shows its picture from the package\'s origin, then draws', async () => {
    // The embed code the page's generator writes for a non-default view, pointing at the
    // installed package: its script, and its picture in the package's pictures directory.
    const pictures = `${PKG()}/${manifest.files['static/pictures/'].file}`;
    const directory = join(installed, manifest.files['static/pictures/'].file);
    const data = readdirSync(directory).filter((name) => /^funding-.*-fr\.json$/.test(name))
      .map((name) => JSON.parse(readFileSync(join(directory, name), 'utf8')))
      .find(({ state, defaults }) => state.scale === 'log' && state.view !== defaults.view);
    assert.ok(data, 'a non-default view of the funding chart on a log scale has its picture');
    const code = elementSnippet({ script: { src: `${PKG()}/${main}`, integrity: manifest.files['autonomie-chart.js'].integrity }, pictures, data })
      .replace('<autonomie-chart ', '<autonomie-chart load="interaction" ');
    pages.set('/picture.html', `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Article</title></head>
<body><h1>Mon article</h1>${code}</body></html>`);
    const { page, log } = await openPage(browser.context, H, '/picture.html');
    const picture = 'autonomie-chart img';
    await page.waitForFunction(() => {
      const image = document.querySelector('autonomie-chart img');
      return image?.complete && image.naturalWidth > 0;
    });
    const source = await page.$eval(picture, (image) => image.currentSrc);
    assert.ok(source.startsWith(pictures) && source.endsWith('.svg'), `the picture comes from the package: ${source}`);
    assert.equal(await page.evaluate(() => document.querySelector('autonomie-chart').drawCount ?? 0), 0, 'no wasm before an interaction');
    // A press starts the wasm, and the chart replaces its picture.
    await page.click('autonomie-chart button[data-value="linear"]');
    await page.waitForFunction(() => document.querySelector('autonomie-chart')?.drawCount > 0);
    assert.equal(await page.$eval('autonomie-chart', (e) => e.state().scale), 'linear', 'the press made before the wasm is applied');
    assert.ok((await canvasPixels(page, 'autonomie-chart canvas')).inked > 10000);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation under the README\'s host policy');
    assert.deepEqual(log.failed, [], 'no missing file');
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.consoleErrors, []);
    await page.screenshot({ path: join(ROOT, 'test-results/package-picture.png') });
    await page.close();
  });

  test('the package\'s embed.html in an iframe, with the resize script, and the packaged dataset as src', async () => {
    const resize = manifest.files['autonomie-resize.js'];
    pages.set('/frame.html', `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Cadre</title>
<script type="module" src="${PKG()}/${main}" integrity="${manifest.files['autonomie-chart.js'].integrity}" crossorigin="anonymous"></script></head><body>
<iframe src="${PKG()}/embed.html#chart=funding&amp;view=countries&amp;lang=fr" title="Autonomie" width="100%" height="200" frameborder="0"></iframe>
<script src="${PKG()}/${resize.file}" integrity="${resize.integrity}" crossorigin="anonymous" defer></script>
<autonomie-chart id="own" src="${PKG()}/autonomie.json" chart="models" loading="eager"></autonomie-chart>
</body></html>`);
    const { page, log } = await openPage(browser.context, H, '/frame.html');
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame.waitForFunction(() => document.getElementById('chart')?.drawCount > 0);
    assert.deepEqual(await frame.$eval('#chart', (e) => [e.state().chart, e.state().view, e.state().lang]), ['funding', 'countries', 'fr']);
    const before = await canvasPixels(frame, '#chart canvas');
    await frame.click('#chart button[data-value="linear"]');
    await settle(frame);
    assert.notEqual((await canvasPixels(frame, '#chart canvas')).hash, before.hash, 'the toggle in the iframe redrew');
    // The resize script fits the iframe to its content.
    await page.waitForFunction(() => Number(document.querySelector('iframe').height) > 400);
    // The packaged dataset, loaded by URL, draws the same chart as the embedded one.
    await page.waitForFunction(() => document.getElementById('own')?.drawCount > 0);
    assert.equal(await page.$eval('#own', (e) => e.state().chart), 'models');
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.consoleErrors, []);
    await page.close();
  });

  test('the Custom Elements Manifest describes the element the script defines, and the API it exports', async () => {
    const cem = JSON.parse(readFileSync(join(installed, 'custom-elements.json'), 'utf8'));
    const [module] = cem.modules;
    assert.equal(module.path, main);
    const element = module.declarations.find((d) => d.customElement);
    assert.equal(element.tagName, 'autonomie-chart');
    const { page } = await openPage(browser.context, H, '/post.html');
    const actual = await page.evaluate(async (url) => {
      const api = await import(url);
      const Element = customElements.get('autonomie-chart');
      const skip = new Set(['constructor', 'connectedCallback', 'disconnectedCallback', 'attributeChangedCallback']);
      return {
        observed: [...Element.observedAttributes],
        methods: Object.getOwnPropertyNames(Element.prototype).filter((name) => !skip.has(name) && typeof Object.getOwnPropertyDescriptor(Element.prototype, name).value === 'function'),
        getters: Object.getOwnPropertyNames(Element.prototype).filter((name) => Object.getOwnPropertyDescriptor(Element.prototype, name).get),
        fields: Object.keys(document.querySelector('autonomie-chart')),
        exports: Object.keys(api).sort(),
        sameClass: api.AutonomieChartElement === Element,
      };
    }, `${PKG()}/${main}`);
    // Every attribute the element reads: the observed ones, and `load` and `loading`, read once.
    assert.deepEqual(element.attributes.map((a) => a.name).sort(), [...actual.observed, 'load', 'loading'].sort());
    assert.deepEqual(element.members.filter((m) => m.kind === 'method').map((m) => m.name).sort(), actual.methods.sort());
    assert.deepEqual(element.members.filter((m) => m.kind === 'field').map((m) => m.name).sort(), [...actual.getters, ...actual.fields].sort());
    assert.deepEqual(element.events.map((e) => e.name).sort(), ['autonomie-change', 'autonomie-ready']);
    assert.ok(actual.sameClass, 'the element class is exported');
    assert.deepEqual(module.exports.filter((e) => e.kind === 'js').map((e) => e.name).sort(), actual.exports);
    // The TypeScript attribute interface lists the same attributes.
    const dts = readFileSync(join(installed, 'autonomie-chart.d.ts'), 'utf8');
    const block = dts.match(/export interface AutonomieChartAttributes \{([\s\S]*?)\n\}/)[1];
    const typed = [...block.matchAll(/^ {2}'?([a-z-]+)'?\?:/gm)].map((m) => m[1]).sort();
    assert.deepEqual(typed, element.attributes.map((a) => a.name).sort());
    await page.close();
  });

  test('the TypeScript declarations compile, type the element, its event and the API, and catch mistakes', () => {
    const tsc = join(ROOT, 'node_modules/.bin/tsc');
    writeFileSync(join(site, 'use.mts'), `import type { AutonomieState, AutonomieChartElement } from 'autonomie-chart';
import { AutonomieChart, allSources, chartIds, loadWasm } from 'autonomie-chart';

const element = document.querySelector('autonomie-chart');
if (element) {
  const state: AutonomieState | null = element.state();
  element.setScale('log');
  element.setSeriesVisible('openai', false);
  element.addEventListener('autonomie-change', (event) => {
    const currency: 'EUR' | 'USD' = event.detail.currency;
    const hidden: string[] = event.detail.hidden;
    console.log(currency, hidden, state);
  });
}
const created: AutonomieChartElement = document.createElement('autonomie-chart');
created.setAttribute('hidden-series', 'openai');
await loadWasm();
const chart = new AutonomieChart(document.body, 'valuations', { lang: 'en', onChange: (s) => console.log(s.view) });
chart.setCurrency('USD');
const ids: string[] = chartIds();
console.log(ids, allSources('fr').sources[0]?.publisher);
chart.destroy();
`);
    const options = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext'];
    const run = (args) => {
      try {
        execFileSync(tsc, args, { cwd: site, encoding: 'utf8', stdio: 'pipe' });
        return '';
      } catch (error) {
        return error.stdout || String(error);
      }
    };
    assert.equal(run([...options, '--lib', 'es2022,dom', 'use.mts']), '', 'a correct use compiles');
    // wasm-bindgen's declarations use Symbol.dispose (esnext.disposable).
    assert.equal(run([...options, '--lib', 'esnext,dom', 'node_modules/autonomie-chart/wasm-bindgen/autonomie.d.ts', 'node_modules/autonomie-chart/wasm-bindgen/autonomie_bg.wasm.d.ts']), '');
    // Mistakes a blogger's editor should flag.
    // (A page that loads the element by a script tag gets its types by a reference.)
    writeFileSync(join(site, 'wrong.mts'), `/// <reference types="autonomie-chart" />
const element = document.querySelector('autonomie-chart');
element?.setScale('cubic');
element?.addEventListener('autonomie-change', (event) => console.log(event.detail.colour));
const currency: 'EUR' = element!.state()!.currency;
`);
    const errors = run([...options, '--lib', 'es2022,dom', 'wrong.mts']);
    assert.match(errors, /wrong\.mts\(3,.*"cubic".*not assignable to parameter of type 'AutonomieScale'/);
    assert.match(errors, /wrong\.mts\(4,.*Property 'colour' does not exist on type 'AutonomieState'/);
    assert.match(errors, /wrong\.mts\(5,.*Type 'AutonomieCurrency' is not assignable to type '"EUR"'/);
  });
});
