// Shared by the tests of issue 20 (the chart a blog's reader sees): the example blog post
// as the example server fills it (the generator's embed codes, the release's names), pages
// made of embed codes, the wasm held back or refused, the host page's layout read, and
// two pictures of the same box compared pixel by pixel.

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { launchBrowser, listen, startServer } from './browser.mjs';

/**
 * A host of made-up pages on 127.0.0.1 (a page the browser gets from a route is not on
 * the local network, and may not load the widget's files from it): `pages.set(path,
 * {body, headers})`, then `origin + path`.
 */
export async function pageHost() {
  const pages = new Map();
  const server = createServer((request, response) => {
    const page = pages.get(new URL(request.url, 'http://x').pathname);
    if (!page) {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('Not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': page.type ?? 'text/html; charset=utf-8', ...page.headers });
    response.end(page.body);
  });
  const origin = await listen(server);
  return { pages, origin, close: () => { server.closeAllConnections?.(); server.close(); } };
}

/**
 * What a test file that plays a blog's reader needs: the project's server (the widget's
 * host, `origin`), a host of made-up pages on another origin (`host`) and a browser at
 * device pixel ratio 2; `close()` stops them.
 */
export async function startReader() {
  const { server, origin } = await startServer();
  const host = await pageHost();
  const browser = await launchBrowser({ deviceScaleFactor: 2 });
  const close = async () => {
    await browser.close();
    host.close();
    server.closeAllConnections?.();
    server.close();
  };
  return { origin, host, browser, close };
}

/** A state's data, as the build wrote it (www/static/pictures/). */
export function stateData(name) {
  return JSON.parse(readFileSync(new URL(`../../www/static/pictures/${name}.json`, import.meta.url), 'utf8'));
}

/** The release's manifest (dist/manifest.json). */
export function manifest() {
  return JSON.parse(readFileSync(new URL('../../dist/manifest.json', import.meta.url), 'utf8'));
}

/**
 * A new page of `browser` (launchBrowser's) at `width` × `height` CSS pixels, that records
 * layout shifts (`window.__shifts`), page errors and console messages; `wasm`: 'held'
 * (released by the returned `release()`), 'blocked' (the request fails) or undefined.
 */
export async function readerPage(browser, { width, height = 823, wasm, scheme = 'light' } = {}) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme: scheme });
  const log = { errors: [], console: [] };
  page.on('pageerror', (error) => log.errors.push(error.message));
  page.on('console', (message) => log.console.push(`${message.type()}: ${message.text()}`));
  let release = () => {};
  if (wasm === 'held') {
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/*.wasm', async (route) => {
      await held;
      await route.continue().catch(() => {});
    });
  } else if (wasm === 'blocked') {
    await page.route('**/*.wasm', (route) => route.abort('failed'));
  }
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__shifts.push({ value: entry.value, sources: entry.sources.map((s) => s.node?.nodeName ?? '?') });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return { page, log, release: () => release() };
}

/**
 * Where every block of the host page is (document coordinates), down to `until` (a
 * selector: the blocks from it on are left out): what a shift would move. The elements
 * themselves are left out (an undefined element is inline, its box a line), what they
 * hold is not: the blocks after them move if they grow.
 */
export function hostLayout(page, until = null) {
  return page.evaluate((until) => {
    const end = until ? document.querySelector(until)?.getBoundingClientRect().top ?? Infinity : Infinity;
    return [...document.querySelectorAll('body *:not(script):not(source):not(picture):not(autonomie-chart):not(main):not(article)')]
      .filter((e) => !e.closest('autonomie-chart') && e.getBoundingClientRect().top < end)
      .map((e) => {
        const r = e.getBoundingClientRect();
        return `${e.localName}${e.id ? `#${e.id}` : ''} ${Math.round((r.top + scrollY) * 4) / 4} ${Math.round(r.height * 4) / 4} ${Math.round(r.width * 4) / 4}`;
      });
  }, until);
}

/** The sum of the layout shifts of `page` so far. */
export function shiftTotal(page) {
  return page.evaluate(() => window.__shifts.reduce((sum, s) => sum + s.value, 0));
}

/** Waits until every `autonomie-chart` of `page` matching `selector` has drawn. */
export async function allDrawn(page, selector = 'autonomie-chart') {
  for (const element of await page.$$(selector)) {
    await element.scrollIntoViewIfNeeded();
    await page.waitForFunction((e) => e.drawCount > 0, element);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Waits until every picture of `page` is decoded (or has failed). */
export function picturesLoaded(page) {
  return page.waitForFunction(() => [...document.images].every((image) => image.complete));
}

/** The box (viewport CSS px) of the chart's picture or canvas: the element's stage. */
export function stageBox(page, selector) {
  return page.$eval(selector, (element) => {
    const stage = element.shadowRoot.querySelector('.atm-frame > .atm-stage:not(.atm-pending)') ?? element.querySelector('img');
    const r = stage.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
}

/**
 * How many pixels of two screenshots of the same box (PNG buffers) differ beyond
 * anti-aliasing: a pixel of one counts when, on some channel, it lies more than
 * `tolerance` outside the range of the other's pixels within `radius` pixels of its place
 * (an edge's blend of ink and paper, or an edge or a glyph placed `radius` pixels away, is
 * not counted; a mark, a text or a colour that is not there is). Returns the share.
 */
export async function changedShare(browser, a, b, { tolerance = 16, radius = 1 } = {}) {
  const page = await browser.context.newPage();
  try {
    return await page.evaluate(async ([a, b, tolerance, radius]) => {
      const pixels = async (base64) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height);
      };
      const [p, q] = [await pixels(a), await pixels(b)];
      if (p.width !== q.width || p.height !== q.height) return { share: 1, sizes: [p.width, p.height, q.width, q.height] };
      const { width, height } = p;
      const explained = (from, to, x, y) => {
        const i = (y * width + x) * 4;
        for (let c = 0; c < 3; c++) {
          let low = 255;
          let high = 0;
          for (let Y = Math.max(0, y - radius); Y <= Math.min(height - 1, y + radius); Y++) {
            for (let X = Math.max(0, x - radius); X <= Math.min(width - 1, x + radius); X++) {
              const v = to.data[(Y * width + X) * 4 + c];
              if (v < low) low = v;
              if (v > high) high = v;
            }
          }
          if (from.data[i + c] < low - tolerance || from.data[i + c] > high + tolerance) return false;
        }
        return true;
      };
      let changed = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          if (!explained(p, q, x, y) || !explained(q, p, x, y)) changed += 1;
        }
      }
      return { share: changed / (width * height), changed, pixels: width * height };
    }, [a.toString('base64'), b.toString('base64'), tolerance, radius]);
  } finally {
    await page.close();
  }
}

/** A small seeded random generator (mulberry32): the same moments on every run. */
export function seeded(seed) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
