// Pinned and verifiable: the embed code copied from the page carries the script's
// Subresource Integrity hash, works on another origin (under a host CSP), and fails
// closed when a file it loads is altered: the browser refuses an altered script (SRI),
// the script refuses an altered wasm (its SHA-256 is built in, scripts/bundle.mjs). The
// altered bytes are the real release files with one byte changed, served in place of
// the originals at their own address, as a compromised host or CDN would.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { WORDS } from '../../www/words.js';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { canvasPixels, launchBrowser, listen, openPage, settle, startServer } from './browser.mjs';
import { cspWithWidget } from '../../scripts/serve.mjs';

const DIST = new URL('../../dist/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', DIST), 'utf8'));
let widget, A, host, C, browser, snippet;
const pages = new Map();

before(async () => {
  ({ server: widget, origin: A } = await startServer());
  // The blog: another origin, with the CSP docs/deploy.md tells a host page to send.
  host = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    if (path === '/favicon.ico') return response.writeHead(204).end();
    const body = pages.get(path);
    response.writeHead(body ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': cspWithWidget(A) });
    response.end(body ?? 'Not found');
  });
  C = await listen(host);
  browser = await launchBrowser();
  // The embed code, copied from the page as a blogger would.
  const { page } = await openPage(browser.context, A, '/');
  const chart = 'autonomie-chart[chart="valuations"]';
  await page.locator(chart).scrollIntoViewIfNeeded();
  await page.waitForFunction((s) => document.querySelector(s)?.drawCount > 0, chart);
  await page.click('[data-embed-for="valuations"] .embed-toggle');
  await page.waitForSelector('#embed-valuations-element');
  snippet = await page.inputValue('#embed-valuations-element');
  await page.close();
});

after(async () => {
  await browser?.close();
  for (const server of [widget, host]) {
    server?.closeAllConnections?.();
    server?.close();
  }
});

/** A blog post (French) with `snippet` pasted in, on origin C. */
async function openPost(name) {
  pages.set(`/${name}.html`, `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${name}</title></head><body><h1>Mon article</h1>\n${snippet}\n</body></html>`);
  return openPage(browser.context, C, `/${name}.html`);
}

/** Serves `name` (a release file) with its byte at `offset` flipped, until unrouted. */
async function alter(name, offset) {
  const url = `${A}/dist/${manifest.files[name].file}`;
  const bytes = readFileSync(new URL(manifest.files[name].file, DIST));
  const at = offset < 0 ? bytes.length + offset : offset;
  bytes[at] ^= 0x01;
  await browser.context.route(url, (route) => route.fulfill({
    status: 200,
    headers: { 'content-type': name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8', 'access-control-allow-origin': '*' },
    body: bytes,
  }));
  return () => browser.context.unroute(url);
}

describe('embed code with integrity', () => {
  test('the snippet names the hashed script with its SRI hash, and the hash is the file\'s', () => {
    const { file, integrity } = manifest.files['autonomie-chart.js'];
    assert.ok(snippet.includes(`<script type="module" src="${A}/dist/${file}" integrity="${integrity}" crossorigin="anonymous" fetchpriority="low"></script>`), snippet);
    assert.match(snippet, /<autonomie-chart chart="valuations"[^>]*>\n<picture>\n(<source [^>]+>\n)+<img [^>]+>\n<\/picture>\n<\/autonomie-chart>$/);
  });

  test('works on another origin, under the host CSP of docs/deploy.md', async () => {
    const { page, log } = await openPost('post');
    await page.waitForFunction(() => document.querySelector('autonomie-chart')?.drawCount > 0);
    const before = await canvasPixels(page, 'autonomie-chart canvas');
    assert.ok(before.inked > 10000, 'a chart is drawn');
    // The other currency than the one the chart opened in.
    const other = (await page.$eval('autonomie-chart', (e) => e.state().currency)) === 'EUR' ? 'USD' : 'EUR';
    await page.click(`autonomie-chart button[data-value="${other}"]`);
    await page.waitForFunction((c) => document.querySelector('autonomie-chart').state().currency === c, other);
    await settle(page);
    const after = await canvasPixels(page, 'autonomie-chart canvas');
    assert.notEqual(after.hash, before.hash, 'the toggle redrew the chart');
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.consoleErrors, []);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    // Exactly the two release files, the chart's picture at this width and its state's
    // data, all from the widget's origin.
    const fetched = log.requests.filter((url) => url.startsWith(`${A}/`)).map((url) => url.slice(A.length)).sort();
    const pictures = `/dist/${manifest.files['static/pictures/'].file}`;
    assert.deepEqual(fetched, [
      `/dist/${manifest.files['autonomie-chart.js'].file}`, `/dist/${manifest.files['autonomie_bg.wasm'].file}`,
      `${pictures}valuations-latest-linear-EUR-fr-light-740.svg`, `${pictures}valuations-latest-linear-EUR-fr.json`,
    ].sort());
    await page.close();
  });

  test('the checked wasm is compiled while it downloads, and instantiated from that module', async () => {
    await openPost('streamed').then(({ page }) => page.close());
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      window.__wasm = [];
      const { compileStreaming, instantiate } = WebAssembly;
      WebAssembly.compileStreaming = (source) => {
        window.__wasm.push('compileStreaming');
        return compileStreaming.call(WebAssembly, source);
      };
      WebAssembly.instantiate = (what, imports) => {
        window.__wasm.push(what instanceof WebAssembly.Module ? 'instantiate(Module)' : 'instantiate(bytes)');
        return instantiate.call(WebAssembly, what, imports);
      };
    });
    await page.goto(`${C}/streamed.html`);
    await page.waitForFunction(() => document.querySelector('autonomie-chart')?.drawCount > 0);
    assert.deepEqual(await page.evaluate(() => window.__wasm), ['compileStreaming', 'instantiate(Module)']);
    await page.close();
  });

  test('an altered script is refused by the browser: no chart, and the console says why', async () => {
    const restore = await alter('autonomie-chart.js', -2);
    try {
      const { page, log } = await openPost('altered-script');
      await page.waitForLoadState('load');
      await page.waitForTimeout(500);
      assert.equal(await page.evaluate(() => customElements.get('autonomie-chart')), undefined, 'the element is never defined');
      assert.equal(await page.evaluate(() => document.querySelector('autonomie-chart').shadowRoot), null, 'nothing is drawn');
      assert.ok(
        log.consoleErrors.some((m) => /integrity/i.test(m) && m.includes(manifest.files['autonomie-chart.js'].file)),
        `the console names the refused file: ${JSON.stringify(log.consoleErrors)}`,
      );
      await page.close();
    } finally {
      await restore();
    }
  });

  test('an altered wasm is refused by the script before it runs: no chart, the picture and a line in place, the reason in the console', async () => {
    const restore = await alter('autonomie_bg.wasm', 40000);
    try {
      const { page, log } = await openPost('altered-wasm');
      const line = page.locator('autonomie-chart .atm-static');
      await line.waitFor();
      assert.equal(await line.textContent(), `${WORDS.fr.notInteractive} ${WORDS.fr.interactiveChart}`, 'in the page language (French)');
      assert.ok(await page.$eval('autonomie-chart img', (img) => img.naturalWidth > 0 && img.getBoundingClientRect().height > 100), 'the picture stays');
      assert.equal(await page.locator('autonomie-chart canvas').count(), 0, 'no chart');
      const refused = log.consoleErrors.find((m) => m.startsWith('autonomie: le fichier WebAssembly') && m.includes(manifest.files['autonomie_bg.wasm'].file));
      assert.ok(refused, `the console says which file was refused: ${JSON.stringify(log.consoleErrors)}`);
      assert.match(refused, /n’est pas celui de cette version du script \(SHA-256 attendu [0-9a-f]{64}, reçu [0-9a-f]{64}\)/);
      assert.ok(refused.includes(manifest.files['autonomie_bg.wasm'].sha256), 'the expected hash is the release\'s');
      await page.close();
    } finally {
      await restore();
    }
  });

  test('without Web Crypto (a blog on plain http), the wasm is still checked, by the script\'s own SHA-256', async () => {
    const context = browser.context;
    const page = await context.newPage();
    await page.addInitScript(() => Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined }));
    await page.goto(`${C}/post.html`);
    assert.equal(await page.evaluate(() => crypto.subtle), undefined);
    await page.waitForFunction(() => document.querySelector('autonomie-chart')?.drawCount > 0);
    const restore = await alter('autonomie_bg.wasm', 1000);
    try {
      const altered = await context.newPage();
      await altered.addInitScript(() => Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined }));
      await altered.goto(`${C}/altered-wasm.html`);
      await altered.locator('autonomie-chart .atm-static').waitFor();
      assert.equal(await altered.locator('autonomie-chart canvas').count(), 0);
      await altered.close();
    } finally {
      await restore();
    }
    await page.close();
  });
});
