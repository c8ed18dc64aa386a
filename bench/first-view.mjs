// The "first view" stage of the benchmark (issue #15): what a reader on a slow phone sees,
// and when. Each page is loaded in Debian's Chromium (playwright-core, never a downloaded
// browser) as on a phone — a 412 × 823 CSS px viewport at devicePixelRatio 2, mobile
// layout and touch — with the network throttled through the Chrome DevTools Protocol
// (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and the CPU slowed 4 times, every
// file gzipped by bench/gzip-server.mjs, the cache disabled and a fresh browser context
// for every load. The screen is filmed with the CDP screencast (PNG frames, each with its
// capture time) and the pictures are compared afterwards.
//
//   node bench/first-view.mjs [--loads 5] [--pages chartjs,uplot,autonomie,frame,page,post]
//                             [--settle 1.5] [--timeout 60] [--no-interaction]
//
// (scripts/bench.sh --first-view, `make bench-first-view`, builds and bundles first.)
// Per page and per metric, the median of the loads: the first chart pixels, 90 % of the
// final picture, the first toggle answered, the layout shift, and the gzip bytes received
// before each point. Prints a markdown table, writes bench/results/first-view.json and,
// for the last load of each page, the frames at each point (bench/results/first-view-*.png).
// Exits non-zero, loudly, when a page fails, never draws, or never answers its toggle.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { bundle } from './bundle.mjs';
import { BenchFailure, readFlags, withTimeout } from './cli.mjs';
import { machine } from './machine.mjs';
import { serveGzip } from './gzip-server.mjs';
import { fillExample } from '../scripts/serve.mjs';
import { decodePng, pngSize } from './png.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const VIEWPORT = { width: 412, height: 823 };
const DEVICE_SCALE_FACTOR = 2;
/** Lighthouse's "slow 4G" profile, as issue #15 sets it. */
const NETWORK = { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const CPU_SLOWDOWN = 4;
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
/** Two pixels are "the same" when no channel differs by more than this (of 255). */
const TOLERANCE = 32;
/**
 * The first chart pixels: the first frame at least this visually complete (net of other
 * content passing through the chart's box, which a share of matching pixels would count).
 */
const FIRST_PIXEL_COMPLETENESS = 0.01;
/** Visual completeness of "the final picture" and of "the toggle answered". */
const COMPLETE = 0.9;
/** A chart with fewer changed pixels than this (frame pixels, and share of its box) drew nothing. */
const MIN_INK = { pixels: 100, share: 0.005 };

function packageVersion(name) {
  return JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;
}

/** The scale buttons of <autonomie-chart>: the one not pressed is the toggle a reader taps. */
const SCALE_TOGGLE = 'button[data-value="log"][aria-pressed="false"], button[data-value="linear"][aria-pressed="false"]';

/**
 * `chart`: the container of the chart whose first view is measured (its largest visible
 * canvas, svg or img, shadow roots included, at the end of the load, is the "chart
 * area"); `toggle`: 'bench' (the bench pages' window.benchToggle, called as soon as the
 * page defines it) or a selector of the button tapped inside `toggleChart`.
 */
const PAGES = [
  { id: 'chartjs', name: `Chart.js ${packageVersion('chart.js')}, two bar charts`, path: '/bench/chartjs.html', chart: '#models', toggleChart: '#valuations', toggle: 'bench' },
  { id: 'uplot', name: `uPlot ${packageVersion('uplot')}, two bar charts`, path: '/bench/uplot.html', chart: '#models', toggleChart: '#valuations', toggle: 'bench' },
  { id: 'autonomie', name: 'Autonomie bench page, same two charts', path: '/bench/autonomie.html', chart: '#models', toggleChart: '#valuations', toggle: 'bench' },
  // The release as shipped (dist/, scripts/bundle.mjs): the minified bundle, hashed names,
  // each chart's picture in the HTML of the iframe page and of the page.
  { id: 'frame', name: 'Autonomie iframe page `embed/valuations-history-log-USD-fr.html`', path: '/dist/embed/valuations-history-log-USD-fr.html', chart: 'autonomie-chart', toggleChart: 'autonomie-chart', toggle: SCALE_TOGGLE },
  { id: 'page', name: 'Autonomie `index.html#models`', path: '/dist/index.html#models', chart: 'autonomie-chart', toggleChart: 'autonomie-chart', toggle: SCALE_TOGGLE },
  // examples/blog-post.html as its embed codes (the page generator's own: three elements
  // of non-default views, then an iframe) are filled for this build (written into
  // bench/dist/ by shippedPost() below), opened at its first chart; its column is 372 px.
  // Filmed as a reader opens it, at its top (the first chart's top half is on the
  // screen); tapped at its first chart (#figure-valorisations), where its toolbar is.
  { id: 'post', name: 'Blog post as shipped, three `<autonomie-chart>` codes + an iframe, 372 px column', path: '/bench/dist/blog-post.html', interactPath: '/bench/dist/blog-post.html#figure-valorisations', chart: '#figure-valorisations autonomie-chart', toggleChart: '#figure-valorisations autonomie-chart', toggle: SCALE_TOGGLE },
];

// ---------------------------------------------------------------------------- options

const USAGE = `usage: node bench/first-view.mjs [options]
  --loads N           loads of each page per measure (default 5; the median is reported)
  --pages LIST        pages, comma separated (default ${PAGES.map((p) => p.id).join(',')})
  --settle S          a load ends when no frame was painted for S seconds and no request is open (default 1.5)
  --timeout S         the most one load may take, in seconds (default 60)
  --no-interaction    skip the loads that tap the toggle (no "first toggle answered")
  --help`;

function parseOptions(argv) {
  const options = { loads: 5, pages: PAGES.map((p) => p.id), settle: 1.5, timeout: 60, interaction: true };
  readFlags(argv, USAGE, (flag, read) => {
    switch (flag) {
      case '--loads': options.loads = Math.round(read.number(1)); break;
      case '--settle': options.settle = read.number(0.2); break;
      case '--timeout': options.timeout = read.number(5); break;
      case '--no-interaction': options.interaction = false; break;
      case '--pages': {
        options.pages = read.value().split(',').filter(Boolean);
        const unknown = options.pages.filter((id) => !PAGES.some((p) => p.id === id));
        if (unknown.length || !options.pages.length) throw new BenchFailure(`unknown page ${unknown.join(', ')}; pages: ${PAGES.map((p) => p.id).join(', ')}`);
        break;
      }
      default:
        return false;
    }
    return true;
  });
  return options;
}

// ------------------------------------------------------------------ in the page

/**
 * Runs before the page's scripts, in the top frame: sums the layout shifts (all of them,
 * and those Chromium does not flag as following an input) and, in interaction loads, finds
 * the toggle as soon as a reader could tap it and asks the runner to tap it.
 */
function initScript(config) {
  if (window.top !== window) return;
  const fv = {
    shifts: [], shift: 0, shiftWithoutInput: 0, clickableAt: null, clickAt: null, clickTrusted: null, scrolledAt: null, error: null,
  };
  Object.defineProperty(window, '__fv', { value: fv });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const rect = (r) => [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
        const sources = (entry.sources ?? []).map((source) => {
          const node = source.node;
          const name = !node ? '?' : node.nodeType === 1
            ? `${node.localName}${node.id ? `#${node.id}` : ''}${node.classList?.length ? `.${[...node.classList].join('.')}` : ''}`
            : node.nodeName;
          return { node: name, from: rect(source.previousRect), to: rect(source.currentRect) };
        });
        fv.shifts.push({ at: entry.startTime, value: entry.value, input: entry.hadRecentInput, sources });
        // Every shift; the film loads give no input, and Chromium flags as "recent input"
        // the shifts within 500 ms of the viewport resizes of the emulation too.
        fv.shift += entry.value;
        if (!entry.hadRecentInput) fv.shiftWithoutInput += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (error) {
    fv.error = `no layout-shift entries: ${error.message}`;
  }
  if (!config.interact) return;
  addEventListener('click', (event) => {
    if (fv.clickAt === null && event.isTrusted) {
      fv.clickAt = event.timeStamp;
      fv.clickTrusted = true;
    }
  }, true);
  if (config.toggle === 'bench') {
    // The bench pages have no button: their toggle is window.benchToggle, called in the
    // first task after the page defines it.
    let toggle;
    Object.defineProperty(window, 'benchToggle', {
      configurable: true,
      get: () => toggle,
      set: (value) => {
        toggle = value;
        if (fv.clickableAt !== null) return;
        fv.clickableAt = performance.now();
        setTimeout(() => {
          fv.clickAt = performance.now();
          fv.clickTrusted = false;
          toggle();
        }, 0);
      },
    });
    return;
  }
  const deepAll = (root, selector, out = []) => {
    if (!root) return out;
    out.push(...root.querySelectorAll(selector));
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) deepAll(element.shadowRoot, selector, out);
    return out;
  };
  const deepHit = (x, y) => {
    let hit = document.elementFromPoint(x, y);
    while (hit?.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    return hit;
  };
  // A toolbar below the fold (the page opened at a section whose text comes before its
  // chart) is scrolled to once, as a reader scrolls to it; the tap comes in a later frame.
  let scrolled = false;
  const poll = () => {
    const host = document.querySelector(config.container);
    const root = host ? (host.shadowRoot ?? host) : null;
    for (const button of root ? deepAll(root, config.toggle) : []) {
      if (button.disabled) continue;
      const r = button.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (!scrolled && x >= 0 && x < innerWidth && (y < 0 || y >= innerHeight)) {
        scrolled = true;
        fv.scrolledAt = performance.now();
        button.scrollIntoView({ block: 'center', behavior: 'instant' });
        break;
      }
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      const hit = deepHit(x, y);
      if (!hit || !(hit === button || button.contains(hit))) continue;
      fv.clickableAt = performance.now();
      window.__fvTap({ x, y }).catch((error) => { fv.error = `tap: ${error.message}`; });
      return;
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/**
 * The box of the chart's picture in `container`: its largest visible canvas, svg or img
 * (shadow roots included), in screen CSS pixels (the visual viewport, as filmed).
 */
function chartBox(container) {
  const deepAll = (root, selector, out = []) => {
    out.push(...root.querySelectorAll(selector));
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) deepAll(element.shadowRoot, selector, out);
    return out;
  };
  const host = document.querySelector(container);
  if (!host) return { missing: `no ${container}` };
  const candidates = [...deepAll(host, 'canvas, svg, img'), ...(host.shadowRoot ? deepAll(host.shadowRoot, 'canvas, svg, img') : [])];
  let best = null;
  for (const element of candidates) {
    const r = element.getBoundingClientRect();
    const visible = element.checkVisibility ? element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) : true;
    if (!visible || r.width < 1 || r.height < 1) continue;
    if (!best || r.width * r.height > best.r.width * best.r.height) best = { element, r };
  }
  if (!best) return { missing: `no visible canvas, svg or img in ${container}` };
  const vv = window.visualViewport;
  const scale = vv?.scale ?? 1;
  const left = (best.r.left - (vv?.offsetLeft ?? 0)) * scale;
  const top = (best.r.top - (vv?.offsetTop ?? 0)) * scale;
  return {
    tag: best.element.localName,
    css: { x: best.r.left, y: best.r.top, width: best.r.width, height: best.r.height },
    pageScale: scale,
    screen: { x: left, y: top, width: best.r.width * scale, height: best.r.height * scale },
  };
}

// ------------------------------------------------------------------------- one load

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * One filmed load of `page` in a fresh context. With `interact`, the toggle is tapped as
 * soon as it can be (see initScript). Returns the frames (PNG buffers with their
 * monotonic capture time), the network log, the navigation start on the same clock, the
 * chart boxes, the layout shifts and, with `interact`, the tap.
 */
async function filmLoad(browser, origin, page, { interact, settleMs, timeoutMs }) {
  const started = Date.now();
  const deadline = started + timeoutMs;
  const url = `${origin}${interact ? page.interactPath ?? page.path : page.path}`;
  const context = await browser.newContext({
    viewport: VIEWPORT, screen: VIEWPORT, deviceScaleFactor: DEVICE_SCALE_FACTOR, isMobile: true, hasTouch: true,
  });
  try {
    await context.addInitScript(initScript, { interact, toggle: page.toggle, container: page.toggleChart });
    const problems = [];
    let tab = null;
    if (interact && page.toggle !== 'bench') {
      await context.exposeBinding('__fvTap', async (_source, point) => {
        // Not awaited by the page: the tap is real touch input, sent through the browser.
        tab.touchscreen.tap(point.x, point.y).catch((error) => problems.push(`tap failed: ${error.message}`));
      });
    }
    tab = await context.newPage();
    tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    tab.on('console', (message) => { if (message.type() === 'error') problems.push(`console error: ${message.text()}`); });
    tab.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...NETWORK });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });

    const requests = new Map();
    let open = 0;
    let lastNetworkAt = Date.now();
    cdp.on('Network.requestWillBeSent', (event) => {
      if (event.request.url.startsWith('data:')) return;
      if (!requests.has(event.requestId)) open += 1;
      requests.set(event.requestId, {
        url: event.request.url, sentAt: event.timestamp, wallTime: event.wallTime, type: event.type,
        chunks: [], finishedAt: null, encoded: null, status: null, encoding: null,
      });
      lastNetworkAt = Date.now();
    });
    cdp.on('Network.responseReceived', (event) => {
      const r = requests.get(event.requestId);
      if (!r) return;
      r.status = event.response.status;
      const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      r.encoding = headers['content-encoding'] ?? null;
    });
    cdp.on('Network.dataReceived', (event) => {
      requests.get(event.requestId)?.chunks.push({ at: event.timestamp, encoded: event.encodedDataLength, decoded: event.dataLength });
      lastNetworkAt = Date.now();
    });
    const finish = (event, failed) => {
      const r = requests.get(event.requestId);
      if (!r || r.finishedAt !== null) return;
      open -= 1;
      r.finishedAt = event.timestamp;
      r.encoded = failed ? 0 : event.encodedDataLength;
      r.failed = failed ? event.errorText : undefined;
      lastNetworkAt = Date.now();
    };
    cdp.on('Network.loadingFinished', (event) => finish(event, false));
    cdp.on('Network.loadingFailed', (event) => finish(event, true));

    const frames = [];
    let lastFrameAt = Date.now();
    cdp.on('Page.screencastFrame', (frame) => {
      cdp.send('Page.screencastFrameAck', { sessionId: frame.sessionId }).catch(() => {});
      const { metadata } = frame;
      frames.push({ at: metadata.monotonicTimestamp ?? null, wall: metadata.timestamp, png: Buffer.from(frame.data, 'base64'), deviceWidth: metadata.deviceWidth, deviceHeight: metadata.deviceHeight });
      lastFrameAt = Date.now();
    });
    await cdp.send('Page.startScreencast', {
      format: 'png', everyNthFrame: 1,
      maxWidth: VIEWPORT.width * DEVICE_SCALE_FACTOR, maxHeight: VIEWPORT.height * DEVICE_SCALE_FACTOR,
    });
    // The blank picture before the navigation.
    const blankBy = Date.now() + 2000;
    while (!frames.length && Date.now() < blankBy) await sleep(20);
    const blankFrames = frames.length;

    try {
      await tab.goto(url, { waitUntil: 'load', timeout: Math.max(1000, deadline - Date.now()) });
    } catch (error) {
      throw new BenchFailure(`${url} did not load: ${error.message.split('\n')[0]}${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`);
    }
    // Settled: no frame for settleMs, no open request, and (interacting) the toggle done.
    const status = () => withTimeout(tab.evaluate(() => ({ clickAt: window.__fv?.clickAt ?? null, error: window.__fv?.error ?? null })), 10_000, `${url} status`);
    for (;;) {
      if (Date.now() > deadline) {
        const s = await status().catch(() => ({}));
        throw new BenchFailure(`${url} did not settle within ${timeoutMs / 1000} s (${open} open requests, last frame ${((Date.now() - lastFrameAt) / 1000).toFixed(1)} s ago${interact ? `, toggle ${s.clickAt === null ? 'never tapped' : 'tapped'}` : ''})${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`);
      }
      await sleep(200);
      const quiet = Date.now() - lastFrameAt >= settleMs && Date.now() - lastNetworkAt >= 500 && open === 0;
      if (!quiet) continue;
      if (interact) {
        const s = await status();
        if (s.error) throw new BenchFailure(`${url}: ${s.error}`);
        if (s.clickAt === null) continue;
      }
      break;
    }
    await withTimeout(cdp.send('Page.stopScreencast'), 10_000, `${url} stopping the screencast`);
    await sleep(100); // a frame already in flight
    const { metrics } = await withTimeout(cdp.send('Performance.getMetrics'), 10_000, `${url} metrics`);
    const navigationStart = metrics.find((m) => m.name === 'NavigationStart')?.value;
    const evaluate = (fn, arg, what) => withTimeout(tab.evaluate(fn, arg), 10_000, `${url} ${what}`);
    const fv = await evaluate(() => ({ ...window.__fv, timeOrigin: performance.timeOrigin }), undefined, 'layout shifts');
    const chart = await evaluate(chartBox, page.chart, 'chart box');
    const toggled = page.toggleChart === page.chart ? chart : await evaluate(chartBox, page.toggleChart, 'toggled chart box');
    if (problems.length) throw new BenchFailure(`${url}:\n  ${problems.join('\n  ')}`);
    if (fv.error) throw new BenchFailure(`${url}: ${fv.error}`);
    if (chart.missing) throw new BenchFailure(`${url}: ${chart.missing} at the end of the load`);
    if (toggled.missing) throw new BenchFailure(`${url}: ${toggled.missing} at the end of the load`);
    for (const r of requests.values()) {
      if (!r.url.startsWith(`${origin}/`)) throw new BenchFailure(`${url} loaded ${r.url}, not from the page's origin`);
      if (r.failed) throw new BenchFailure(`${url}: ${r.url} failed (${r.failed})`);
      if (r.status !== 200) throw new BenchFailure(`${url}: HTTP ${r.status} for ${r.url}`);
      if (r.encoding !== 'gzip') throw new BenchFailure(`${url}: ${r.url} was not served gzipped`);
    }
    const documentRequest = [...requests.values()].find((r) => r.type === 'Document');
    if (typeof navigationStart !== 'number' || !documentRequest) throw new BenchFailure(`${url}: no navigation start in the CDP metrics`);
    return {
      url, frames, blankFrames, requests: [...requests.values()], navigationStart, documentRequest, fv, chart, toggled,
      wallSeconds: (Date.now() - started) / 1000,
    };
  } finally {
    await context.close().catch(() => {});
  }
}

// --------------------------------------------------------------------- the pictures

/** The box in frame pixels: `box` (screen CSS px) scaled to the frame and clipped to it. */
function frameBox(box, frame, image) {
  const scale = image.width / frame.deviceWidth;
  const x0 = Math.max(0, Math.floor(box.x * scale));
  const y0 = Math.max(0, Math.floor(box.y * scale));
  const x1 = Math.min(image.width, Math.ceil((box.x + box.width) * scale));
  const y1 = Math.min(image.height, Math.ceil((box.y + box.height) * scale));
  return { x0, y0, x1, y1, pixels: Math.max(0, x1 - x0) * Math.max(0, y1 - y0) };
}

/** Per pixel of the box, whether `a` and `b` differ (a Uint8Array of 0/1). */
function differs(a, b, box) {
  const out = new Uint8Array(box.pixels);
  let k = 0;
  for (let y = box.y0; y < box.y1; y += 1) {
    for (let x = box.x0; x < box.x1; x += 1, k += 1) {
      const i = (y * a.width + x) * 4;
      const d = Math.max(Math.abs(a.data[i] - b.data[i]), Math.abs(a.data[i + 1] - b.data[i + 1]), Math.abs(a.data[i + 2] - b.data[i + 2]));
      out[k] = d > TOLERANCE ? 1 : 0;
    }
  }
  return out;
}

/** The most a pixel may lie outside its neighbours' range and still be an edge's blend. */
const ANTIALIASING = 16;

/**
 * Per pixel of the box, whether `a` and `b` differ beyond anti-aliasing: a pixel of one
 * lies more than ANTIALIASING outside the range, on some channel, of the other's pixels
 * within one pixel of its place (one CSS pixel here: an edge's blend of ink and paper,
 * or a glyph or an edge placed a pixel away, is not a difference; a mark, a text or a
 * colour that is not there is). The same rule as tests/e2e/reader.mjs's changedShare.
 */
function differsBeyondAntialiasing(a, b, box) {
  const out = new Uint8Array(box.pixels);
  const explained = (from, to, x, y) => {
    const i = (y * from.width + x) * 4;
    for (let c = 0; c < 3; c += 1) {
      let low = 255;
      let high = 0;
      for (let Y = Math.max(box.y0, y - 1); Y <= Math.min(box.y1 - 1, y + 1); Y += 1) {
        for (let X = Math.max(box.x0, x - 1); X <= Math.min(box.x1 - 1, x + 1); X += 1) {
          const v = to.data[(Y * to.width + X) * 4 + c];
          if (v < low) low = v;
          if (v > high) high = v;
        }
      }
      if (from.data[i + c] < low - ANTIALIASING || from.data[i + c] > high + ANTIALIASING) return false;
    }
    return true;
  };
  let k = 0;
  for (let y = box.y0; y < box.y1; y += 1) {
    for (let x = box.x0; x < box.x1; x += 1, k += 1) {
      out[k] = explained(a, b, x, y) && explained(b, a, x, y) ? 0 : 1;
    }
  }
  return out;
}

function count(mask) {
  let n = 0;
  for (let i = 0; i < mask.length; i += 1) n += mask[i];
  return n;
}

function whiteImage(width, height) {
  return { width, height, data: new Uint8Array(width * height * 4).fill(255) };
}

/**
 * Reads the film of one load. Times are seconds on the browser's monotonic clock and
 * are returned in ms from the navigation start. The chart's ink: the pixels of its box
 * (at its final place) where the final frame differs from the blank one (the frame shown
 * when the navigation started). A frame's visual completeness:
 *   max(0, 1 - (pixels of the box differing from the final frame) / (ink pixels)),
 * so that other content passing through the box (pushed there before the chart grows)
 * counts against it. Then:
 *   first pixel:  first frame at least FIRST_PIXEL_COMPLETENESS complete;
 *   complete:     first frame at least COMPLETE complete;
 *   answered:     (interaction loads) first frame at or after the tap whose toggled chart
 *                 box is >= COMPLETE of the way from the frame before the tap to the
 *                 final (toggled) frame, counted the same way.
 */
function analyse(load, { interact, keep }) {
  const t0 = load.navigationStart;
  const all = load.frames.filter((f) => typeof f.at === 'number').sort((a, b) => a.at - b.at);
  if (all.length !== load.frames.length) throw new BenchFailure(`${load.url}: screencast frames without a monotonic timestamp (Chromium too old?)`);
  if (!all.some((f) => f.at >= t0)) throw new BenchFailure(`${load.url}: the screencast filmed no frame after the navigation`);
  const final = all.at(-1);
  const finalImage = decodePng(final.png);
  const ms = (at) => (at - t0) * 1000;
  // Now and then, early in a load, the emulation resizes the view and a frame or two come
  // at another size (412 × 736 seen); they cannot be compared pixel for pixel, and are
  // left out (listed in the JSON).
  const sameSize = (f) => {
    const { width, height } = pngSize(f.png);
    return width === finalImage.width && height === finalImage.height;
  };
  const frames = all.filter(sameSize);
  const otherSize = all.filter((f) => !sameSize(f)).map((f) => ({ ms: ms(f.at), ...pngSize(f.png) }));
  const during = frames.filter((f) => f.at >= t0);
  const before = frames.filter((f) => f.at < t0).at(-1);
  const blankImage = before ? decodePng(before.png) : whiteImage(finalImage.width, finalImage.height);
  const images = new Map();
  const image = (frame) => {
    if (!images.has(frame)) {
      const decoded = decodePng(frame.png);
      images.set(frame, decoded);
    }
    return images.get(frame);
  };
  const saved = {};

  if (!interact) {
    const box = frameBox(load.chart.screen, final, finalImage);
    if (box.pixels < 100) throw new BenchFailure(`${load.url}: the chart box ${JSON.stringify(load.chart.screen)} is off screen (phone viewport ${VIEWPORT.width}×${VIEWPORT.height})`);
    const ink = differs(finalImage, blankImage, box);
    const inkCount = count(ink);
    if (inkCount < MIN_INK.pixels || inkCount < MIN_INK.share * box.pixels) {
      throw new BenchFailure(`${load.url}: the chart never drew (${inkCount} of ${box.pixels} pixels of its ${load.chart.tag} box differ from the blank frame at the end)`);
    }
    let firstPixel = null;
    let complete = null;
    let completeStrict = null;
    const progress = [];
    for (const frame of during) {
      const mismatch = differs(image(frame), finalImage, box);
      let inkShown = 0;
      for (let i = 0; i < ink.length; i += 1) if (ink[i] && !mismatch[i]) inkShown += 1;
      const strict = Math.max(0, 1 - count(mismatch) / inkCount);
      // Beyond anti-aliasing only once some of the chart is there (it costs more).
      const completeness = strict >= FIRST_PIXEL_COMPLETENESS ? Math.max(0, 1 - count(differsBeyondAntialiasing(image(frame), finalImage, box)) / inkCount) : strict;
      progress.push({ ms: ms(frame.at), inkShown: inkShown / inkCount, completeness, strict });
      if (firstPixel === null && strict >= FIRST_PIXEL_COMPLETENESS) firstPixel = frame;
      if (complete === null && completeness >= COMPLETE) complete = frame;
      if (completeStrict === null && strict >= COMPLETE) completeStrict = frame;
      images.delete(frame);
    }
    if (!firstPixel || !complete || !completeStrict) throw new BenchFailure(`${load.url}: the film never reached the final picture (a bug of the runner)`);
    if (keep) Object.assign(saved, { first: firstPixel, complete, final });
    return {
      firstPixelMs: ms(firstPixel.at), completeMs: ms(complete.at), completeStrictMs: ms(completeStrict.at), lastFrameMs: ms(final.at),
      clock: {
        navigationStart: t0, documentSentAt: load.documentRequest.sentAt,
        timeOrigin: load.fv.timeOrigin, documentWallTime: load.documentRequest.wallTime * 1000,
      },
      inkPixels: inkCount, boxPixels: box.pixels, frames: during.length, otherSize, progress, saved,
    };
  }

  // Interaction: the tap on the page's clock (ms from its time origin, the navigation
  // start) moved to the monotonic clock.
  if (load.fv.clickAt === null) throw new BenchFailure(`${load.url}: the toggle was never tapped`);
  const tap = t0 + load.fv.clickAt / 1000;
  const box = frameBox(load.toggled.screen, final, finalImage);
  if (box.pixels < 100) throw new BenchFailure(`${load.url}: the toggled chart's box ${JSON.stringify(load.toggled.screen)} is off screen`);
  const beforeTap = frames.filter((f) => f.at <= tap).at(-1);
  const beforeImage = beforeTap ? image(beforeTap) : blankImage;
  const change = count(differs(beforeImage, finalImage, box));
  if (change < MIN_INK.pixels || change < MIN_INK.share * box.pixels) {
    throw new BenchFailure(`${load.url}: the toggle did not change the chart (${change} of ${box.pixels} pixels)`);
  }
  let answered = null;
  for (const frame of during) {
    if (frame.at < tap) continue;
    const completeness = 1 - count(differsBeyondAntialiasing(image(frame), finalImage, box)) / change;
    images.delete(frame);
    if (completeness >= COMPLETE) {
      answered = frame;
      break;
    }
  }
  if (!answered) throw new BenchFailure(`${load.url}: the toggle was never answered on screen`);
  if (keep) Object.assign(saved, { tap: beforeTap ?? null, answered, toggled: final });
  return {
    clickableMs: load.fv.clickableAt, tapMs: load.fv.clickAt, answeredMs: ms(answered.at), changedPixels: change,
    boxPixels: box.pixels, frames: during.length, otherSize, saved,
  };
}

/** Gzip bytes received by `at` (monotonic s): whole files finished by then, and the chunks of the others. */
function bytesBy(requests, at) {
  let total = 0;
  for (const r of requests) {
    if (r.finishedAt !== null && r.finishedAt <= at) total += r.encoded;
    else for (const chunk of r.chunks) if (chunk.at <= at) total += chunk.encoded;
  }
  return total;
}

// ---------------------------------------------------------------------------- output

function median(values) {
  const list = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (!list.length) return null;
  // Nearest rank, as bench/run.mjs.
  return list[Math.max(0, Math.ceil(0.5 * list.length) - 1)];
}

const seconds = (ms) => (ms === null || ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`);
const kib = (bytes) => (bytes === null || bytes === undefined ? '–' : (bytes / 1024).toFixed(1));
const times = (a, b) => (a === null || b === null || a === undefined || b === undefined || !b ? '–' : `${(a / b).toFixed(2)} ×`);

function table(results, pages) {
  const r = results.pages;
  const uplot = r.uplot?.median;
  const chartjs = r.chartjs?.median;
  const header = ['page', 'first chart pixel', 'gzip KiB by then', '90 % of final picture', 'gzip KiB by then', '90 % vs uPlot\'s', '90 %, each pixel strictly', 'toggle tapped', 'toggle answered', 'gzip KiB by then', 'answered vs Chart.js\'s 90 %', 'layout shift'];
  const lines = [`| ${header.join(' | ')} |`, `|---|${header.slice(1).map(() => '---:').join('|')}|`];
  for (const page of pages) {
    const m = r[page.id].median;
    lines.push(`| ${page.name} | ${seconds(m.firstPixelMs)} | ${kib(m.firstPixelBytes)} | ${seconds(m.completeMs)} | ${kib(m.completeBytes)} | ${times(m.completeMs, uplot?.completeMs)} | ${seconds(m.completeStrictMs)} | ${seconds(m.tapMs)} | ${seconds(m.answeredMs)} | ${kib(m.answeredBytes)} | ${times(m.answeredMs, chartjs?.completeMs)} | ${m.layoutShift === null ? '–' : m.layoutShift.toFixed(3)} |`);
  }
  return lines.join('\n');
}

/** The targets of issues #15 and #20, for the page, the iframe page and the element (the blog post). */
function targets(results) {
  const r = results.pages;
  const uplot = r.uplot?.median;
  const chartjs = r.chartjs?.median;
  const rows = [];
  for (const id of ['page', 'frame', 'post']) {
    const m = r[id]?.median;
    if (!m) continue;
    const verdict = (ok) => (ok === null ? '–' : ok ? 'yes' : '**no**');
    const check = (value, limit) => (value === null || value === undefined || limit === null || limit === undefined ? null : value <= limit);
    rows.push([
      PAGES.find((p) => p.id === id).name,
      `${seconds(m.completeMs)} vs ${seconds(uplot ? uplot.completeMs / 2 : null)}: ${verdict(check(m.completeMs, uplot ? uplot.completeMs / 2 : null))}`,
      `${kib(m.completeBytes)} KiB: ${verdict(check(m.completeBytes, 20 * 1024))}`,
      `${seconds(m.answeredMs)} vs ${seconds(chartjs?.completeMs)}: ${verdict(check(m.answeredMs, chartjs?.completeMs))}`,
      `${m.layoutShift === null ? '–' : m.layoutShift.toFixed(3)}: ${verdict(m.layoutShift === null ? null : m.layoutShift <= 0.02)}`,
    ]);
  }
  if (!rows.length) return '';
  const header = ['target', 'on screen (90 %) ≤ 0.5 × uPlot\'s', '≤ 20 KiB gzip by then', 'answered ≤ Chart.js\'s 90 %', 'layout shift ≤ 0.02'];
  return [`| ${header.join(' | ')} |`, `|---|${header.slice(1).map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

// ------------------------------------------------------------------------------- run

function log(message) {
  process.stderr.write(`${message}\n`);
}

/**
 * examples/blog-post.html as the example server fills it for this build (the release's
 * hashed names and SRI hashes, the widget's host being `origin`, this server), written to
 * bench/dist/blog-post.html with its stylesheet and data found from there.
 */
async function shippedPost(origin) {
  let html = await fillExample(readFileSync(new URL('../examples/blog-post.html', import.meta.url), 'utf8'), origin);
  for (const [from, to] of [['href="blog.css"', 'href="../../examples/blog.css"'], ['src="data/', 'src="../../examples/data/']]) {
    if (!html.includes(from)) throw new BenchFailure(`examples/blog-post.html no longer contains ${from}`);
    html = html.replaceAll(from, to);
  }
  mkdirSync(new URL('./dist/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./dist/blog-post.html', import.meta.url), html);
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const pages = PAGES.filter((p) => options.pages.includes(p.id));
  mkdirSync(RESULTS, { recursive: true });
  if (!existsSync(new URL('./dist/chartjs.js', import.meta.url)) || !existsSync(new URL('./dist/uplot.js', import.meta.url))) {
    log('== bundling the peers (bench/dist/)');
    await bundle({ quiet: true });
  }
  if (!existsSync(new URL('../www/pkg/autonomie_bg.wasm', import.meta.url))) {
    throw new BenchFailure('www/pkg/ is missing: run scripts/build.sh (or make bench-first-view)');
  }
  if (!existsSync(new URL('../dist/manifest.json', import.meta.url))) {
    throw new BenchFailure('dist/ is missing: run scripts/build.sh (or make bench-first-view)');
  }
  const server = await serveGzip(0);
  await shippedPost(server.origin);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const started = Date.now();
  const results = {
    machine: machine(browser.version()),
    options,
    setup: {
      viewport: VIEWPORT, deviceScaleFactor: DEVICE_SCALE_FACTOR, isMobile: true, hasTouch: true,
      network: { roundTripMs: NETWORK.latency, downBitsPerSecond: NETWORK.downloadThroughput * 8, upBitsPerSecond: NETWORK.uploadThroughput * 8 },
      cpuSlowdown: CPU_SLOWDOWN, gzipLevel: 9, tolerance: TOLERANCE, firstPixelCompleteness: FIRST_PIXEL_COMPLETENESS, complete: COMPLETE,
    },
    pages: {},
  };
  log(`== first view: ${results.machine.cpus} CPUs (${results.machine.cpuModel}), Chromium ${results.machine.chromium}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const samples = Object.fromEntries(pages.map((p) => [p.id, { film: [], interaction: [] }]));
  const opts = { settleMs: options.settle * 1000, timeoutMs: options.timeout * 1000 };
  try {
    // Rounds, pages interleaved (each page's position rotating), so that a busy moment
    // of the machine falls on every page alike. Frames are read after each load, never
    // during one.
    for (let round = 0; round < options.loads; round += 1) {
      const order = pages.map((_, i) => pages[(i + round) % pages.length]);
      for (const page of order) {
        const keep = round === options.loads - 1;
        const film = await filmLoad(browser, server.origin, page, { ...opts, interact: false });
        const seen = analyse(film, { interact: false, keep });
        const sample = {
          firstPixelMs: seen.firstPixelMs, completeMs: seen.completeMs, completeStrictMs: seen.completeStrictMs, lastFrameMs: seen.lastFrameMs,
          firstPixelBytes: bytesBy(film.requests, film.navigationStart + seen.firstPixelMs / 1000),
          completeBytes: bytesBy(film.requests, film.navigationStart + seen.completeMs / 1000),
          totalBytes: bytesBy(film.requests, Infinity),
          framesOfOtherSize: seen.otherSize,
          layoutShift: film.fv.shift, layoutShiftWithoutRecentInput: film.fv.shiftWithoutInput, shifts: film.fv.shifts, frames: seen.frames, inkPixels: seen.inkPixels,
          boxPixels: seen.boxPixels, chart: film.chart, clock: seen.clock, progress: seen.progress, wallSeconds: film.wallSeconds, blankFrames: film.blankFrames,
          files: film.requests.map((r) => ({
            path: new URL(r.url).pathname, received: r.encoded, inChunks: r.chunks.reduce((sum, c) => sum + c.encoded, 0),
            chunks: r.chunks.length, sentMs: (r.sentAt - film.navigationStart) * 1000, finishedMs: (r.finishedAt - film.navigationStart) * 1000,
          })),
        };
        samples[page.id].film.push(sample);
        if (keep) {
          for (const [name, frame] of Object.entries(seen.saved)) writeFileSync(`${RESULTS}first-view-${page.id}-${name}.png`, frame.png);
        }
        let line = `   ${page.id}: first pixel ${seconds(sample.firstPixelMs)}, 90 % ${seconds(sample.completeMs)}, ${kib(sample.completeBytes)} KiB by then, shift ${sample.layoutShift.toFixed(3)}`;
        if (options.interaction) {
          const tapped = await filmLoad(browser, server.origin, page, { ...opts, interact: true });
          const answer = analyse(tapped, { interact: true, keep });
          const s = {
            clickableMs: answer.clickableMs, tapMs: answer.tapMs, answeredMs: answer.answeredMs,
            answeredBytes: bytesBy(tapped.requests, tapped.navigationStart + answer.answeredMs / 1000),
            changedPixels: answer.changedPixels, frames: answer.frames, framesOfOtherSize: answer.otherSize, wallSeconds: tapped.wallSeconds,
          };
          samples[page.id].interaction.push(s);
          if (keep) {
            for (const [name, frame] of Object.entries(answer.saved)) if (frame) writeFileSync(`${RESULTS}first-view-${page.id}-${name}.png`, frame.png);
          }
          line += `; tapped ${seconds(s.tapMs)}, answered ${seconds(s.answeredMs)}`;
        }
        log(line);
      }
      log(`== round ${round + 1}/${options.loads} done (${((Date.now() - started) / 1000).toFixed(0)} s, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')})`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  for (const page of pages) {
    const { film, interaction } = samples[page.id];
    const pick = (list, key) => median(list.map((s) => s[key]));
    results.pages[page.id] = {
      name: page.name,
      path: page.path,
      median: {
        firstPixelMs: pick(film, 'firstPixelMs'), firstPixelBytes: pick(film, 'firstPixelBytes'),
        completeMs: pick(film, 'completeMs'), completeBytes: pick(film, 'completeBytes'), completeStrictMs: pick(film, 'completeStrictMs'),
        totalBytes: pick(film, 'totalBytes'), layoutShift: pick(film, 'layoutShift'),
        layoutShiftWithoutRecentInput: pick(film, 'layoutShiftWithoutRecentInput'),
        clickableMs: pick(interaction, 'clickableMs'), tapMs: pick(interaction, 'tapMs'),
        answeredMs: pick(interaction, 'answeredMs'), answeredBytes: pick(interaction, 'answeredBytes'),
      },
      film,
      interaction,
    };
  }
  results.seconds = (Date.now() - started) / 1000;
  results.machine.loadAverageAtEnd = loadavg();
  results.table = table(results, pages);
  results.targets = targets(results);
  writeFileSync(`${RESULTS}first-view.json`, `${JSON.stringify(results, null, 2)}\n`);
  const la = (l) => l.map((x) => x.toFixed(2)).join(' / ');
  console.log(`First view on a slow phone, ${results.machine.date.slice(0, 16).replace('T', ' ')} UTC, commit ${results.machine.commit}: ${results.machine.cpus} × ${results.machine.cpuModel}, Chromium ${results.machine.chromium}`);
  console.log(`${VIEWPORT.width} × ${VIEWPORT.height} at DPR ${DEVICE_SCALE_FACTOR}, 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, CPU ÷ ${CPU_SLOWDOWN}, gzip; median of ${options.loads} loads per page and measure.\n`);
  console.log(results.table);
  if (results.targets) console.log(`\n${results.targets}`);
  console.log(`\nLoad average (1, 5, 15 min): ${la(results.machine.loadAverageAtStart)} at the start, ${la(results.machine.loadAverageAtEnd)} at the end.`);
  console.log(`bench/results/first-view.json, frames in bench/results/first-view-*.png (${results.seconds.toFixed(0)} s)`);
}

main().catch((error) => {
  console.error(`\nFIRST-VIEW BENCHMARK FAILED: ${error instanceof BenchFailure ? error.message : error.stack ?? error}`);
  process.exit(1);
});
