// The package used through a bundler, as its README says (section "With a bundler"): a
// blogger's project installs the tarball (offline, package-install.mjs), its script is
// `import 'autonomie-chart'`, bundled by esbuild (as an ES module, then the wasm and the
// pictures' folder copied next to the bundle) and by Vite (`vite build`, which copies the
// wasm itself; the pictures' folder put in `public/assets/`). The post carries the chart's
// picture as the page's generator writes it (www/embed-code.js), pointing at the copied
// folder. Each result is served as it is, under a strict CSP, and loaded in Chromium: a
// chart shows its picture, then draws once pressed, with no missing file, no CSP
// violation and no request to another origin.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { build as viteBuild, createLogger } from 'vite';
import { canvasPixels, launchBrowser, listen, openPage } from './browser.mjs';
import { packAndInstall, staticServer } from './package-install.mjs';
import { CSP } from '../../scripts/serve.mjs';
import { pictureHtml } from '../../www/embed-code.js';

let work, browser;
const servers = [];

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'autonomie-bundlers-'));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  for (const server of servers) {
    server.closeAllConnections?.();
    server.close();
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A blogger's project with the package installed, and its script and stylesheet. */
function project(name) {
  const { site, installed } = packAndInstall(work, name);
  mkdirSync(join(site, 'src'));
  writeFileSync(join(site, 'src/main.js'), "import 'autonomie-chart';\n");
  // A theme's usual rule for pictures, which the README's first example counts on.
  writeFileSync(join(site, 'src/site.css'), 'img { max-width: 100%; height: auto; }\n');
  return { site, installed };
}

/**
 * A post with a chart that waits for a press (so that its picture stays on screen), its
 * picture from `pictures` (the copied folder, as the post addresses it), as the page's
 * generator writes it.
 */
function postBody(installed, pictures) {
  const directory = readdirSync(join(installed, 'static')).find((name) => /^pictures\.[0-9a-f]{16}$/.test(name));
  const data = JSON.parse(readFileSync(join(installed, 'static', directory, 'valuations-latest-linear-EUR-en.json'), 'utf8'));
  const picture = pictureHtml({ pictures: `${pictures}static/${directory}/`, state: data.state, heights: data.heights, alt: data.reading.description });
  return `<h1>My post</h1>\n<autonomie-chart chart="valuations" lang="en" load="interaction">${picture}</autonomie-chart>`;
}

/** Serves `root` under the strict policy: everything from the page's own origin. */
async function serveBuilt(root) {
  const server = staticServer(root, () => ({ 'Content-Security-Policy': CSP }));
  servers.push(server);
  return listen(server);
}

/** Opens `path` of `origin`: the picture, then a press, then the chart; nothing missing. */
async function checkPost(origin, path, name) {
  const { page, log } = await openPage(browser.context, origin, path);
  await page.waitForFunction(() => {
    const image = document.querySelector('autonomie-chart img');
    return image?.complete && image.naturalWidth > 0;
  }, null, { timeout: 15000 }).catch((error) => {
    assert.deepEqual(log.failed, [], 'no missing file');
    throw error;
  });
  const picture = await page.$eval('autonomie-chart img', (image) => image.currentSrc);
  assert.match(picture, /\/static\/pictures\.[0-9a-f]{16}\/valuations-latest-linear-EUR-en-light-\d+\.svg$/, 'the picture, from the copied folder');
  await page.click('autonomie-chart button[data-value="USD"]');
  await page.waitForFunction(() => document.querySelector('autonomie-chart')?.drawCount > 0);
  assert.equal(await page.$eval('autonomie-chart', (e) => e.state().currency), 'USD');
  assert.ok((await canvasPixels(page, 'autonomie-chart canvas')).inked > 10000, 'a chart is drawn');
  assert.ok(log.requests.some((url) => /\.wasm$/.test(url)), 'the wasm was fetched');
  assert.deepEqual(log.failed, [], 'no missing file');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation');
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.consoleErrors, []);
  assert.ok(log.requests.every((url) => url.startsWith(`${origin}/`)), 'nothing from another origin');
  await page.screenshot({ path: new URL(`../../test-results/bundled-${name}.png`, import.meta.url).pathname });
  await page.close();
}

describe('the package through a bundler', () => {
  test('esbuild: bundled as an ES module, the wasm and the pictures copied next to it', async () => {
    const { site, installed } = project('esbuild-project');
    const out = join(site, 'public/js');
    // npx esbuild src/main.js --bundle --format=esm --outdir=public/js
    await esbuild.build({ absWorkingDir: site, entryPoints: ['src/main.js'], bundle: true, format: 'esm', outdir: out, logLevel: 'warning' });
    // cp node_modules/autonomie-chart/autonomie_bg.<hash>.wasm public/js/
    // cp -r node_modules/autonomie-chart/static public/js/
    for (const name of readdirSync(installed).filter((n) => /^autonomie_bg\.[0-9a-f]{16}\.wasm$/.test(n))) cpSync(join(installed, name), join(out, name));
    cpSync(join(installed, 'static'), join(out, 'static'), { recursive: true });
    cpSync(join(site, 'src/site.css'), join(site, 'public/site.css'));
    writeFileSync(join(site, 'public/post.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Post</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="site.css"><script type="module" src="js/main.js"></script></head>
<body>${postBody(installed, 'js/')}</body></html>`);
    await checkPost(await serveBuilt(join(site, 'public')), '/post.html', 'esbuild');
  });

  test('Vite: `vite build` copies the wasm itself; the pictures go into public/assets/', async () => {
    const { site, installed } = project('vite-project');
    // mkdir -p public/assets && cp -r node_modules/autonomie-chart/static public/assets/
    mkdirSync(join(site, 'public/assets'), { recursive: true });
    cpSync(join(installed, 'static'), join(site, 'public/assets/static'), { recursive: true });
    writeFileSync(join(site, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Post</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/src/site.css"><script type="module" src="/src/main.js"></script></head>
<body>${postBody(installed, '/assets/')}</body></html>`);
    const logger = createLogger('warn');
    const warnings = [];
    logger.warn = (message) => warnings.push(message);
    logger.warnOnce = (message) => warnings.push(message);
    await viteBuild({ root: site, configFile: false, logLevel: 'warn', customLogger: logger, build: { outDir: 'dist' } });
    if (warnings.length) console.log(`vite's warnings:\n${warnings.join('\n')}`);
    const built = join(site, 'dist');
    assert.ok(readdirSync(join(built, 'assets')).some((n) => n.endsWith('.wasm')), 'Vite copied the wasm into assets/');
    await checkPost(await serveBuilt(built), '/', 'vite');
  });
});
