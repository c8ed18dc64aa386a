// A chart embedded by WordPress, as WordPress really does it (issue 21): the oEmbed html
// of www/oembed.js, filtered as WordPress 6.1 filters it (sandbox="allow-scripts", the
// secret after the frame's address, the frame hidden until it answers; see
// wordpress-host.mjs), in a post on another origin whose script speaks wp-embed.js's
// protocol, the release served by the project's server (scripts/serve.mjs, with CORS):
// - before the frame answers, the frame is hidden and the blockquote shows the title;
//   the frame answers with its picture, before the wasm; then the blockquote is hidden and
//   the frame shown at its page's real height (within WordPress's 200 to 1000 px);
// - the chart draws in the sandboxed frame (an opaque origin: its script, wasm and data
//   fetched cross-origin; storage throws), a frame whose address already has a state
//   fragment takes that state, and WordPress's secret is never taken for state;
// - a real click on a toggle in the frame changes the chart and the frame's height, which
//   is posted again; a `ready` from the host is answered; a frame that may not rewrite its
//   address (history.replaceState throws) still toggles;
// - no console error, no uncaught error, in the host or the frames.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS } from './browser.mjs';
import { startReader, stateData } from './reader.mjs';
import { wordpressFilter, wordpressPost } from './wordpress-host.mjs';
import { oembedHtml } from '../../www/oembed.js';
import { frameHeight } from '../../www/embed-code.js';

let reader, A, host, browser;
before(async () => ({ origin: A, host, browser } = reader = await startReader()));
after(() => reader?.close());

/** The two embeds of the post: a state's page as it is, and one with a state fragment. */
const EMBEDS = [
  { name: 'valuations-history-log-USD-fr', fragment: '', secret: 'Ab12Cd34Ef', hidden: [] },
  { name: 'valuations-latest-linear-EUR-en', fragment: '#hidden=openai', secret: 'Zy98Xw76Vu', hidden: ['openai'] },
];

/** An embed's oEmbed html (www/oembed.js), as a permalink's JSON gives it. */
function oembed({ name, fragment }) {
  const data = stateData(name);
  return oembedHtml({ url: `${A}/dist/`, title: data.reading.title, src: `${A}/dist/embed/${name}.html${fragment}`, width: 640, height: frameHeight(data.heights) });
}

/** In a frame: the chart's canvas, drawn? How many pixels differ from its corner's, and in how many colours. */
function canvasInk(frame) {
  return frame.evaluate(() => {
    const chart = document.getElementById('chart');
    const canvas = chart.shadowRoot.querySelector('canvas');
    if (!canvas || !(chart.drawCount > 0)) return { drawn: false };
    // Read from a copy: reading the chart's own canvas more than once makes Chromium warn.
    const copy = new OffscreenCanvas(canvas.width, canvas.height).getContext('2d', { willReadFrequently: true });
    copy.drawImage(canvas, 0, 0);
    const { data } = copy.getImageData(0, 0, canvas.width, canvas.height);
    const paper = data.slice(0, 4).join();
    const colours = new Set();
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      const pixel = `${data[i]},${data[i + 1]},${data[i + 2]},${data[i + 3]}`;
      if (pixel !== paper) {
        ink += 1;
        colours.add(`${data[i] >> 4},${data[i + 1] >> 4},${data[i + 2] >> 4}`);
      }
    }
    return { drawn: true, share: ink / (data.length / 4), colours: colours.size, width: canvas.width, drawCount: chart.drawCount };
  });
}

/** In a frame: its page's height as the frame page measures it (the root's box). */
const pageHeight = (frame) => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

/** WordPress's clamp of a reported height. */
const clamp = (height) => Math.min(1000, Math.max(200, height));

test('embedded by WordPress: hidden until the frame answers with its picture, then shown at its height; draws sandboxed; a toggle resizes it; no error', async () => {
  const post = wordpressPost(EMBEDS.map((embed) => {
    const filtered = wordpressFilter(oembed(embed), embed.secret);
    assert.ok(filtered, 'WordPress keeps the embed');
    return filtered;
  }));
  host.pages.set('/post.html', { body: post });

  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 900, height: 900 });
  const log = { errors: [], console: [], cors: [] };
  page.on('pageerror', (error) => log.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') log.console.push(`${message.type()}: ${message.text()} (${message.location()?.url})`);
  });
  // Every frame keeps its own uncaught errors too (a frame of another origin may not report them to the page).
  await page.addInitScript(() => {
    window.__errors = [];
    window.addEventListener('error', (event) => window.__errors.push(event.message));
    window.addEventListener('unhandledrejection', (event) => window.__errors.push(String(event.reason)));
    // The second frame may not rewrite its address, as some browsers refuse a sandboxed frame.
    if (window !== window.top && location.hash.includes('Zy98Xw76Vu')) {
      history.replaceState = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };
    }
  });
  page.on('response', async (response) => {
    if (!response.url().endsWith('.wasm')) return;
    const sent = await response.request().allHeaders();
    log.cors.push({ origin: sent.origin, allowed: response.headers()['access-control-allow-origin'] });
  });
  // The frames' pages held, then the wasm held: what the post shows before each.
  let releasePages;
  const pagesHeld = new Promise((resolve) => { releasePages = resolve; });
  await page.route(`${A}/dist/embed/**`, async (route) => { await pagesHeld; await route.continue(); });
  let releaseWasm;
  const wasmHeld = new Promise((resolve) => { releaseWasm = resolve; });
  await page.route('**/*.wasm', async (route) => { await wasmHeld; await route.continue(); });

  // Not waiting for `load`: that waits for the frames, held here.
  await page.goto(`${host.origin}/post.html`, { waitUntil: 'domcontentloaded' });
  const before = await page.evaluate(() => [...document.querySelectorAll('figure')].map((figure) => {
    const frame = figure.querySelector('iframe');
    const quote = figure.querySelector('blockquote');
    return {
      sandbox: frame.getAttribute('sandbox'), src: frame.getAttribute('src'), style: frame.getAttribute('style'),
      quote: getComputedStyle(quote).display, link: quote.querySelector('a')?.textContent, href: quote.querySelector('a')?.href,
    };
  }));
  for (const [i, embed] of EMBEDS.entries()) {
    const seen = before[i];
    assert.equal(seen.sandbox, 'allow-scripts');
    assert.equal(seen.src, `${A}/dist/embed/${embed.name}.html${embed.fragment}#?secret=${embed.secret}`);
    assert.match(seen.style, /clip: rect\(1px, 1px, 1px, 1px\)/, 'hidden until it answers');
    assert.equal(seen.quote, 'block', 'the blockquote shows until the frame answers');
    assert.equal(seen.link, stateData(embed.name).reading.title);
    assert.equal(seen.href, `${A}/dist/`);
  }

  // The frames' pages come; the wasm does not yet: each frame answers with its picture.
  releasePages();
  for (const { secret } of EMBEDS) {
    await page.waitForFunction((secret) => {
      const frame = document.querySelector(`iframe[data-secret="${secret}"]`);
      const quote = document.querySelector(`blockquote[data-secret="${secret}"]`);
      return !frame.hasAttribute('style') && getComputedStyle(quote).display === 'none';
    }, secret);
  }
  const early = await page.evaluate(() => window.__messages.filter((m) => m?.message === 'height'));
  assert.deepEqual(new Set(early.map((m) => m.secret)), new Set(EMBEDS.map((e) => e.secret)), 'each frame told its height before its wasm came');
  releaseWasm();

  const frames = {};
  for (const embed of EMBEDS) {
    const frame = await (await page.$(`iframe[data-secret="${embed.secret}"]`)).contentFrame();
    frames[embed.secret] = frame;
    await frame.waitForFunction(() => document.getElementById('chart')?.drawCount > 0);
    // The frame is sandboxed: an opaque origin, whose storage throws.
    const sandbox = await frame.evaluate(() => {
      const thrown = (read) => { try { read(); return 'read'; } catch (error) { return error.name; } };
      return { origin: window.origin, storage: thrown(() => window.localStorage), cookie: thrown(() => document.cookie) };
    });
    assert.deepEqual(sandbox, { origin: 'null', storage: 'SecurityError', cookie: 'SecurityError' });
    // The sandbox refuses downloads: no download button is shown dead; the table stays.
    assert.equal(await frame.$$eval('#chart [data-export]', (buttons) => buttons.length), 0, `${embed.name}: no download button`);
    assert.equal(await frame.$$eval('#chart .atm-table-button', (buttons) => buttons.length), 1, `${embed.name}: the table's button`);
    // The chart draws: ink on its canvas, in several colours.
    const ink = await canvasInk(frame);
    assert.ok(ink.drawn && ink.share > 0.02 && ink.colours >= 4, `${embed.name}: the chart is drawn in the frame (${JSON.stringify(ink)})`);
    // Its state: the page's, with the fragment's; the secret is not state.
    const state = await frame.evaluate(() => document.getElementById('chart').state());
    assert.deepEqual(state.hidden, embed.hidden, `${embed.name}: hidden series`);
    assert.equal([state.chart, state.view, state.scale, state.currency, state.lang].join('-'), embed.name);
  }
  for (const { origin, allowed } of log.cors) {
    assert.equal(origin, 'null', 'the wasm is fetched from an opaque origin');
    assert.equal(allowed, '*', 'and the server allows it');
  }
  assert.ok(log.cors.length >= 1, 'the wasm was fetched');

  // Each frame at its page's real height, told in WordPress's form with its secret.
  for (const embed of EMBEDS) {
    const frame = frames[embed.secret];
    const height = await pageHeight(frame);
    await page.waitForFunction(([secret, height]) => Number(document.querySelector(`iframe[data-secret="${secret}"]`).height) === height, [embed.secret, clamp(height)]);
    const told = await page.evaluate((secret) => window.__messages.filter((m) => m?.message === 'height' && m.secret === secret).at(-1), embed.secret);
    assert.deepEqual(told, { message: 'height', value: height, secret: embed.secret });
    const fits = await frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight);
    assert.ok(fits, `${embed.name}: nothing of the page is cut (${height} px)`);
  }

  // A real click on a toggle in the first frame: another view, another height, posted.
  const [first, second] = EMBEDS;
  const frame = frames[first.secret];
  const before2 = { height: await pageHeight(frame), ink: await canvasInk(frame) };
  await frame.locator('autonomie-chart button[data-value="latest"]').click();
  await frame.waitForFunction((count) => document.getElementById('chart').drawCount > count, before2.ink.drawCount);
  assert.equal(await frame.evaluate(() => document.getElementById('chart').state().view), 'latest');
  await frame.waitForFunction((height) => Math.ceil(document.documentElement.getBoundingClientRect().height) !== height, before2.height);
  const after = await pageHeight(frame);
  await page.waitForFunction(([secret, height]) => window.__messages.some((m) => m?.message === 'height' && m.secret === secret && m.value === height), [first.secret, after]);
  await page.waitForFunction(([secret, height]) => Number(document.querySelector(`iframe[data-secret="${secret}"]`).height) === height, [first.secret, clamp(after)]);
  const ink = await canvasInk(frame);
  assert.ok(ink.share > 0.02 && ink.colours >= 4, `the new view is drawn (${JSON.stringify(ink)})`);
  // The state went into the frame's address, the secret kept after it.
  assert.match(frame.url(), new RegExp(`#chart=valuations&view=latest.*#\\?secret=${first.secret}$`));

  // The host asks again (`ready`, as wp-embed.js does once parsed): the frame answers.
  const count = await page.evaluate((secret) => window.__messages.filter((m) => m?.secret === secret && m.message === 'height').length, second.secret);
  await page.evaluate((secret) => document.querySelector(`iframe[data-secret="${secret}"]`).contentWindow.postMessage({ message: 'ready', secret }, '*'), second.secret);
  await page.waitForFunction(([secret, count]) => window.__messages.filter((m) => m?.secret === secret && m.message === 'height').length > count, [second.secret, count]);

  // A click in the frame that may not rewrite its address: the chart still changes.
  const other = frames[second.secret];
  const drawn = await other.evaluate(() => document.getElementById('chart').drawCount);
  await other.locator('autonomie-chart button[data-value="log"]').click();
  await other.waitForFunction((count) => document.getElementById('chart').drawCount > count, drawn);
  assert.equal(await other.evaluate(() => document.getElementById('chart').state().scale), 'log');
  assert.equal(other.url(), `${A}/dist/embed/${second.name}.html${second.fragment}#?secret=${second.secret}`, 'its address as given');

  await page.screenshot({ path: `${ARTIFACTS}wordpress-post.png`, fullPage: true });
  for (const [secret, f] of Object.entries(frames)) {
    assert.deepEqual(await f.evaluate(() => window.__errors), [], `uncaught errors in frame ${secret}`);
  }
  assert.deepEqual(await page.evaluate(() => window.__errors), [], 'uncaught errors in the post');
  assert.deepEqual(log.errors, [], 'page errors');
  assert.deepEqual(log.console, [], 'console errors and warnings');
  await page.close();
});
