// The chart a blog's reader sees (issue 20): the example blog post, whose three element
// codes (non-default views) and iframe code are the page generator's own, served by a
// second origin with the release's names, read in Chromium at odd column widths: with
// scripts off, before the wasm (held back), after it, and with the wasm refused; under a
// host CSP without 'wasm-unsafe-eval'; and as a feed reader shows it (the embed code's
// HTML with its scripts removed). The host page must not move, from the first paint to
// the canvas; where the wasm cannot run, the picture stays with one French line and a
// link to the interactive chart, and nothing is thrown at the host page.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ARTIFACTS, launchBrowser, settle, startServer } from './browser.mjs';
import { fillExample, serve } from '../../scripts/serve.mjs';
import { allDrawn, hostLayout, pageHost, picturesLoaded, readerPage, shiftTotal } from './reader.mjs';
import { SNIPPET_BANDS } from '../../www/embed-code.js';
import { WORDS } from '../../www/words.js';

let widget, A, blog, B, browser, scriptsOff, host;
before(async () => {
  ({ server: widget, origin: A } = await startServer());
  blog = await serve(0, { quiet: true, widgetOrigin: A });
  B = `http://127.0.0.1:${blog.address().port}`;
  host = await pageHost();
  browser = await launchBrowser({ deviceScaleFactor: 2 });
  scriptsOff = await launchBrowser({ deviceScaleFactor: 2, javaScriptEnabled: false });
});
after(async () => {
  await browser?.close();
  await scriptsOff?.close();
  host?.close();
  for (const server of [widget, blog]) {
    server?.closeAllConnections?.();
    server?.close();
  }
});

const POST = '/examples/blog-post.html';
const ELEMENTS = ['#figure-valorisations', '#figure-pays', '#figure-calcul'].map((id) => `${id} autonomie-chart`);
/**
 * The last chart of the post is of the blog's own data, with no picture in its code: its
 * room (320 px) comes with its script, at the end of the post; the layout is compared
 * above it.
 */
const UNTIL = '#figure-levees';
/** The post's column is the viewport less 40 px (examples/blog.css), at most 720. */
const VIEWPORTS = [320, 412, 473, 583, 801];

/** Which band's picture a viewport `width` wide shows (SNIPPET_BANDS). */
const bandShown = (width) => SNIPPET_BANDS.find((b) => b.maxViewport === null || width <= b.maxViewport).band;

describe('the blog post with the generator\'s embed codes', () => {
  for (const width of VIEWPORTS) {
    test(`at ${width - 40} px: the pictures before any script, the same page before the wasm and after it, nothing moved; the wasm refused: the picture and the French line`, async () => {
      // Scripts off: what the host page lays out from the HTML alone.
      const bare = await readerPage(scriptsOff, { width });
      await bare.page.goto(B + POST);
      await picturesLoaded(bare.page);
      const reference = await hostLayout(bare.page, UNTIL);
      assert.ok(await bare.page.$$eval('autonomie-chart img', (all) => all.slice(0, 3).every((i) => i.naturalWidth > 0 && i.getBoundingClientRect().height > 200)), 'scripts off: the pictures');
      await bare.page.screenshot({ path: `${ARTIFACTS}blog-reader-${width}-no-script.png` });
      await bare.page.close();

      const { page, log, release } = await readerPage(browser, { width, wasm: 'held' });
      await page.goto(B + POST);
      await picturesLoaded(page);
      // Before the wasm: each element's picture is its view's, in the band of this viewport.
      const band = bandShown(width);
      const shown = await page.$$eval('autonomie-chart img', (images) => images.map((i) => i.currentSrc.split('/').pop()));
      assert.deepEqual(shown.slice(0, 3), [
        `valuations-history-log-USD-fr-light-${band}.svg`, `funding-countries-log-USD-fr-light-${band}.svg`, `compute-november-2025-linear-EUR-fr-light-${band}.svg`,
      ]);
      for (const selector of ELEMENTS) {
        await page.locator(selector).scrollIntoViewIfNeeded();
        await page.waitForFunction((s) => document.querySelector(s)?.shadowRoot?.querySelector('.atm-controls button[aria-pressed="true"]'), selector);
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      // Down to the iframe: the iframe, loaded lazily as the elements are scrolled to,
      // fits itself to its page's height with the resize script whenever it loads, which
      // is not the elements' doing (its own tests: iframe-small.test.mjs, embed.test.mjs).
      const aboveFrame = (layout) => layout.slice(0, layout.findIndex((l) => l.startsWith('figure#figure-modeles')));
      const before = await hostLayout(page, UNTIL);
      assert.ok(aboveFrame(before).length > 10, 'the elements come before the iframe');
      assert.deepEqual(aboveFrame(before), aboveFrame(reference), 'the script and the toolbar moved nothing of the host page');
      assert.equal(await page.$eval(ELEMENTS[0], (e) => e.drawCount), 0, 'no canvas yet');
      await page.screenshot({ path: `${ARTIFACTS}blog-reader-${width}-before-wasm.png` });

      release();
      await allDrawn(page, ELEMENTS.join(', '));
      await settle(page);
      assert.deepEqual(aboveFrame(await hostLayout(page, UNTIL)), aboveFrame(before), 'the canvases took the pictures\' places: nothing moved');
      assert.equal(await shiftTotal(page), 0, `layout shifts: ${JSON.stringify(await page.evaluate(() => window.__shifts))}`);
      assert.equal(await page.$eval(ELEMENTS[0], (e) => e.state().view), 'history');
      assert.deepEqual(log.errors, []);
      await page.screenshot({ path: `${ARTIFACTS}blog-reader-${width}-after-wasm.png` });
      await page.close();

      // The wasm refused: the picture stays, and in the toolbar's place one line in French
      // says so, with a link.
      const refused = await readerPage(browser, { width, wasm: 'blocked' });
      await refused.page.goto(B + POST);
      await refused.page.waitForFunction((s) => document.querySelector(s)?.shadowRoot?.querySelector('.atm-static'), ELEMENTS[0]);
      const line = await refused.page.$eval(ELEMENTS[0], (e) => {
        const p = e.shadowRoot.querySelector('.atm-static');
        return { text: p.textContent, href: p.querySelector('a').href, image: e.querySelector('img').getBoundingClientRect().height, toolbar: Boolean(e.shadowRoot.querySelector('.atm-controls')) };
      });
      assert.equal(line.text, `${WORDS.fr.notInteractive} ${WORDS.fr.interactiveChart}`);
      assert.equal(line.href, `${A}/dist/embed/valuations-history-log-USD-fr.html`);
      assert.ok(line.image > 200, 'the picture stays');
      assert.equal(line.toolbar, false, 'no toolbar that cannot work');
      // The line lies in the toolbar's room: the host page is as without scripts (down to
      // the iframe, which fits itself to its page when it loads).
      assert.deepEqual(await hostLayout(refused.page, '#figure-modeles'), reference.slice(0, (await hostLayout(refused.page, '#figure-modeles')).length), 'nothing moved');
      assert.deepEqual(refused.log.errors, [], 'no uncaught error');
      assert.ok(refused.log.console.some((m) => m.startsWith('error: autonomie:')), 'the reason goes to the console');
      await refused.page.screenshot({ path: `${ARTIFACTS}blog-reader-${width}-wasm-refused.png` });
      await refused.page.close();
    });
  }

  test('under a host CSP without \'wasm-unsafe-eval\': the pictures, the French line, the browser\'s words in the console only, no uncaught error', async () => {
    const { page, log } = await readerPage(browser, { width: 412 });
    const html = await fillExample(readFileSync(new URL(`../..${POST}`, import.meta.url), 'utf8'), A);
    // A hardened blog: scripts and images from the widget's host, no WebAssembly.
    const csp = `default-src 'self'; script-src 'self' ${A}; style-src 'self'; img-src 'self' data: ${A}; connect-src 'self' ${A}; frame-src ${A}; object-src 'none'; base-uri 'none'`;
    host.pages.set('/strict.html', { headers: { 'Content-Security-Policy': csp }, body: html.replace('href="blog.css"', 'href="/blog.css"') });
    host.pages.set('/blog.css', { type: 'text/css', body: readFileSync(new URL('../../examples/blog.css', import.meta.url)) });
    await page.goto(`${host.origin}/strict.html`);
    for (const selector of ELEMENTS) {
      await page.locator(selector).scrollIntoViewIfNeeded();
      await page.waitForFunction((s) => document.querySelector(s)?.shadowRoot?.querySelector('.atm-static'), selector);
    }
    const lines = await page.$$eval('autonomie-chart', (all) => all.map((e) => e.shadowRoot.querySelector('.atm-static')?.textContent ?? null));
    assert.deepEqual(lines.slice(0, 3), Array(3).fill(`${WORDS.fr.notInteractive} ${WORDS.fr.interactiveChart}`));
    const shadowText = await page.$eval(ELEMENTS[0], (e) => e.shadowRoot.textContent);
    assert.ok(!/WebAssembly|Content Security|violates/i.test(shadowText), 'no browser words reach the reader');
    assert.deepEqual(log.errors, [], 'no uncaught error');
    assert.ok(log.console.some((m) => /error: autonomie: .*(WebAssembly|Content Security)/.test(m)), log.console.join('\n'));
    await page.screenshot({ path: `${ARTIFACTS}blog-reader-strict-csp.png` });
    await page.close();
    // The refusals were this test's point: they are not violations of the widget's own.
    for (let i = browser.cspViolations.length - 1; i >= 0; i -= 1) {
      if (browser.cspViolations[i].startsWith(`${host.origin}/strict.html`) && /wasm-eval|script-src/.test(browser.cspViolations[i])) browser.cspViolations.splice(i, 1);
    }
  });

  test('a feed reader\'s view (the embed codes\' HTML, scripts removed): each chart\'s picture, with its description', async () => {
    const html = await fillExample(readFileSync(new URL(`../..${POST}`, import.meta.url), 'utf8'), A);
    // A feed reader keeps the article's HTML without its scripts, and shows it with its
    // own stylesheet, which fits images to its column.
    const feed = html.replace(/<script\b[\s\S]*?<\/script>/g, '').replace(/<link rel="stylesheet"[^>]*>/, '<link rel="stylesheet" href="/reader.css">');
    host.pages.set('/reader.css', { type: 'text/css', body: 'body { max-width: 600px; margin: 0 auto; padding: 0 16px; font: 16px/1.5 sans-serif; } img { max-width: 100%; height: auto; }' });
    assert.ok(!feed.includes('<script'));
    const { page, log } = await readerPage(browser, { width: 600 });
    host.pages.set('/feed-item.html', { body: feed });
    await page.goto(`${host.origin}/feed-item.html`);
    await picturesLoaded(page);
    const images = await page.$$eval('autonomie-chart img', (all) => all.map((i) => ({ loaded: i.naturalWidth > 0, alt: i.alt, width: i.getBoundingClientRect().width, ratio: i.getBoundingClientRect().height / i.getBoundingClientRect().width })));
    assert.equal(images.length, 3);
    for (const image of images) {
      assert.ok(image.loaded && image.alt.length > 40 && image.width > 300 && image.width <= 568, JSON.stringify(image));
      assert.ok(image.ratio > 0.5, 'at its own proportions');
    }
    assert.equal(await page.$eval(ELEMENTS[0], (e) => e.shadowRoot), null, 'no script ran');
    assert.deepEqual(log.errors, []);
    await page.screenshot({ path: `${ARTIFACTS}blog-reader-feed.png`, fullPage: true });
    await page.close();
  });
});
