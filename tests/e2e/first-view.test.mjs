// The first view (issue 15): before its wasm arrives, <autonomie-chart> shows the
// picture of its default view drawn at build time (www/static/first/, autonomie-static)
// under placeholder controls; the canvas then takes its place without moving anything
// (no layout shift, the same box) and shows the same picture; a press made before the
// wasm arrives is applied; and with load="interaction" a page of twenty charts fetches
// no wasm until one is touched, then exactly one.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, settle, startServer } from './browser.mjs';
import { CSP } from '../../scripts/serve.mjs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let server, origin, browser;
before(async () => {
  ({ server, origin } = await startServer());
  browser = await launchBrowser({ deviceScaleFactor: 1 });
});
after(async () => {
  await browser?.close();
  server?.close();
});

/**
 * Opens a page of `body` (under the project's CSP: images only from its own origin),
 * `width` CSS pixels wide, recording the layout shifts and every request.
 */
async function openMade(body, { lang = 'en', width = 900, css = '' } = {}) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const path = `/first-view-${Math.random().toString(36).slice(2)}.html`;
  await page.route(origin + path, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    headers: { 'Content-Security-Policy': CSP },
    body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>first view</title>
<link rel="stylesheet" href="${path}.css">
<script type="module" src="/www/autonomie-chart.js"></script></head><body>${body}</body></html>`,
  }));
  await page.route(`${origin}${path}.css`, (route) => route.fulfill({ contentType: 'text/css', body: `autonomie-chart { display: block; } ${css}` }));
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__shifts.push({ value: entry.value, at: performance.now() });
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(origin + path);
  return { page, requests, errors };
}

/** Waits until the first view of `selector` is shown (controls built, picture decoded). */
function firstViewShown(page, selector) {
  return page.waitForFunction((s) => {
    const first = document.querySelector(s)?.shadowRoot.querySelector('.atm-first');
    const image = first?.querySelector('img');
    return first && first.style.visibility === '' && image.complete && image.naturalWidth > 0;
  }, selector);
}

const box = (page, selector, inner) => page.$eval(selector, (element, inner) => {
  const r = element.shadowRoot.querySelector(inner).getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}, inner);

/**
 * How far two screenshots (PNG buffers of the same size) are apart: the mean colour of
 * each 12 x 12 tile compared, as the share of tiles whose mean differs by more than 24
 * (of 255) on a channel. Tile means absorb the antialiasing differences between SVG
 * text and canvas text; a different picture changes many tiles.
 */
async function tileDifference(a, b) {
  const page = await browser.context.newPage();
  try {
    return await page.evaluate(async ([a, b]) => {
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
      if (p.width !== q.width || p.height !== q.height) return { sizes: [p.width, p.height, q.width, q.height], share: 1 };
      const tile = 12;
      let tiles = 0;
      let differing = 0;
      for (let y0 = 0; y0 + tile <= p.height; y0 += tile) {
        for (let x0 = 0; x0 + tile <= p.width; x0 += tile) {
          const sum = [0, 0, 0, 0, 0, 0];
          for (let y = y0; y < y0 + tile; y++) {
            for (let x = x0; x < x0 + tile; x++) {
              const i = (y * p.width + x) * 4;
              for (let c = 0; c < 3; c++) {
                sum[c] += p.data[i + c];
                sum[c + 3] += q.data[i + c];
              }
            }
          }
          tiles += 1;
          const n = tile * tile;
          if ([0, 1, 2].some((c) => Math.abs(sum[c] - sum[c + 3]) / n > 24)) differing += 1;
        }
      }
      return { share: differing / tiles, tiles };
    }, [a.toString('base64'), b.toString('base64')]);
  } finally {
    await page.close();
  }
}

/** At most this share of tiles may differ between the first view and the canvas. */
const SAME_PICTURE = 0.01;

describe('the first view', () => {
  for (const [width, chart, lang, other] of [
    [390, 'valuations', 'fr', 'models-fr-light-390'],
    [760, 'funding', 'en', 'valuations-en-light-760'],
    [760, 'compute', 'fr', 'compute-en-light-760'],
  ]) {
    test(`${chart} (${lang}) at ${width} px: the canvas takes the picture's place with no layout shift, and shows the same picture`, async () => {
      // The element's content box is `width` wide (the chart has 4 px of padding).
      const { page, requests, errors } = await openMade(
        `<autonomie-chart id="c" chart="${chart}" lang="${lang}" theme="light" load="interaction"></autonomie-chart>`,
        { lang, width: width + 40, css: `#c { width: ${width + 8}px; }` },
      );
      await firstViewShown(page, '#c');
      assert.equal(requests.filter((url) => url.endsWith('.wasm')).length, 0, 'no wasm before an interaction');
      const name = `${chart}-${lang}-light-${width}`;
      assert.ok(requests.some((url) => url.endsWith(`/www/static/first/${name}.svg`)), `the picture of its own bucket: ${requests.join(' ')}`);
      const pictureBox = await box(page, '#c', '.atm-first-picture');
      assert.equal(pictureBox.width, width);
      const before = await page.screenshot({ clip: pictureBox });
      const shiftsBefore = await page.evaluate(() => window.__shifts.length);

      // The picture is not a control: a press on it starts the wasm.
      await page.mouse.click(pictureBox.x + width / 2, pictureBox.y + pictureBox.height / 2);
      await page.waitForFunction(() => document.getElementById('c').drawCount > 0);
      await settle(page);
      assert.equal(await page.$eval('#c', (e) => e.shadowRoot.querySelector('.atm-first')), null, 'the first view is gone');
      const canvasBox = await box(page, '#c', 'canvas');
      assert.deepEqual(canvasBox, pictureBox, 'the canvas has the picture\'s box');
      const shifts = await page.evaluate((n) => window.__shifts.slice(n), shiftsBefore);
      assert.equal(shifts.reduce((sum, s) => sum + s.value, 0), 0, `layout shifts during the swap: ${JSON.stringify(shifts)}`);

      const after = await page.screenshot({ clip: canvasBox });
      const same = await tileDifference(before, after);
      assert.ok(same.share <= SAME_PICTURE, `the canvas differs from its first view in ${(same.share * 100).toFixed(1)} % of the tiles`);

      // The comparison can fail: the picture of another view differs.
      await page.evaluate((url) => {
        const image = document.createElement('img');
        image.id = 'other';
        image.src = url;
        image.style.cssText = 'position:absolute;left:0;top:0;display:block';
        document.body.append(image);
        return image.decode();
      }, `/www/static/first/${other}.svg`);
      const otherBox = await page.$eval('#other', (image) => ({ x: 0, y: 0, width: image.naturalWidth, height: Math.min(image.naturalHeight, 2000) }));
      const shot = await page.screenshot({ clip: { ...otherBox, height: Math.min(otherBox.height, canvasBox.height) } });
      await page.$eval('#other', (image) => image.remove());
      await page.evaluate(() => window.scrollTo(0, 0));
      const canvasTop = await page.screenshot({ clip: { ...canvasBox, height: Math.min(otherBox.height, canvasBox.height) } });
      const different = await tileDifference(shot, canvasTop);
      assert.ok(different.share > SAME_PICTURE * 3, `another view (${other}) should differ, but only ${(different.share * 100).toFixed(1)} % of the tiles do`);

      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test('every chart in both languages at both widths: the picture has the box the canvas will have', async () => {
    const cases = [];
    for (const width of [390, 760]) {
      for (const lang of ['fr', 'en']) {
        for (const chart of ['models', 'valuations', 'funding', 'compute']) cases.push({ id: `${chart}-${lang}-${width}`, chart, lang, width });
      }
    }
    const { page, errors } = await openMade(
      cases.map((c) => `<autonomie-chart id="${c.id}" chart="${c.chart}" lang="${c.lang}" theme="light" load="interaction"></autonomie-chart>`).join('\n'),
      { width: 1000, css: cases.map((c) => `#${c.id} { width: ${c.width + 8}px; margin-bottom: 40px; }`).join('\n') },
    );
    const wrong = [];
    // The pointer stays off the charts, whose first touch would start them.
    await page.mouse.move(990, 5);
    for (const c of cases) {
      await page.locator(`#${c.id}`).scrollIntoViewIfNeeded();
      await firstViewShown(page, `#${c.id}`);
      const picture = await page.$eval(`#${c.id}`, (e) => {
        const r = e.shadowRoot.querySelector('.atm-first-picture').getBoundingClientRect();
        return { top: r.top - e.getBoundingClientRect().top, width: r.width, height: r.height };
      });
      await page.$eval(`#${c.id}`, (e) => e.shadowRoot.querySelector('.atm-first-picture').click());
      await page.waitForFunction((id) => document.getElementById(id).drawCount > 0, c.id);
      await settle(page);
      const canvas = await page.$eval(`#${c.id}`, (e) => {
        const r = e.shadowRoot.querySelector('canvas').getBoundingClientRect();
        return { top: r.top - e.getBoundingClientRect().top, width: r.width, height: r.height };
      });
      if (JSON.stringify(picture) !== JSON.stringify(canvas)) wrong.push(`${c.id}: picture ${JSON.stringify(picture)}, canvas ${JSON.stringify(canvas)}`);
    }
    assert.deepEqual(wrong, []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a press on each kind of placeholder control before the wasm arrives is applied, and the focus moves to the real control', async () => {
    const { page, requests } = await openMade(
      '<autonomie-chart id="c" chart="valuations" lang="en" theme="light" load="interaction"></autonomie-chart>', { css: '#c { width: 768px; }' });
    await firstViewShown(page, '#c');
    const changes = [];
    await page.exposeFunction('__change', (detail) => changes.push(detail));
    await page.evaluate(() => document.getElementById('c').addEventListener('autonomie-change', (e) => window.__change(e.detail)));
    // Hold the wasm back until every press is made, so that they surely come before it.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/*.wasm', async (route) => {
      await held;
      await route.continue();
    });
    // The default view: latest, USD, linear, every series shown. One press of each kind.
    const presses = [
      ['button[data-value="history"]', 'view'],
      ['button[data-value="EUR"]', 'currency'],
      ['button[data-value="log"]', 'scale'],
      ['button[data-key="openai"]', 'series'],
    ];
    for (const [selector, kind] of presses) {
      const button = page.locator(`#c .atm-first ${selector}`);
      await button.click();
      assert.equal(await button.getAttribute('aria-pressed'), kind === 'series' ? 'false' : 'true', `the placeholder shows the ${kind} press at once`);
    }
    assert.equal(await page.$eval('#c', (e) => e.drawCount), 0, 'pressed before the chart was drawn');
    assert.equal(await page.$eval('#c', (e) => e.state()), null, 'and before the wasm arrived');
    release();
    await page.waitForFunction(() => document.getElementById('c').drawCount > 0);
    await settle(page);
    const want = { view: 'history', currency: 'EUR', scale: 'log', hidden: ['openai'] };
    const state = await page.$eval('#c', (e) => e.state());
    assert.deepEqual({ view: state.view, currency: state.currency, scale: state.scale, hidden: state.hidden }, want);
    assert.deepEqual(await page.$eval('#c', (e) => ['view', 'currency', 'scale', 'hidden-series'].map((a) => e.getAttribute(a))),
      ['history', 'EUR', 'log', 'openai'], 'the attributes follow');
    const last = changes.at(-1);
    assert.deepEqual({ view: last?.view, currency: last?.currency, scale: last?.scale, hidden: last?.hidden }, want, 'an autonomie-change tells the host page');
    // The real controls show the presses, and the focus is on the last one pressed.
    const pressed = await page.$eval('#c', (e) => [...e.shadowRoot.querySelectorAll('.atm-stage button[aria-pressed], .atm-controls button[aria-pressed], .atm-legend button[aria-pressed]')]
      .filter((b) => !b.closest('.atm-first')).map((b) => `${b.dataset.value ?? b.dataset.key}=${b.getAttribute('aria-pressed')}`));
    for (const wanted of ['history=true', 'EUR=true', 'log=true', 'openai=false', 'mistral=true']) assert.ok(pressed.includes(wanted), `${wanted} in ${pressed.join(' ')}`);
    const focused = await page.$eval('#c', (e) => {
      const active = e.shadowRoot.activeElement;
      return active ? { key: active.dataset.key, pressed: active.getAttribute('aria-pressed'), inChart: Boolean(active.closest('.atm-legend')) && !active.closest('.atm-first') } : null;
    });
    assert.deepEqual(focused, { key: 'openai', pressed: 'false', inChart: true });
    assert.equal(requests.filter((url) => url.endsWith('.wasm')).length, 1);
    await page.close();
  });

  test('with load="interaction", twenty charts fetch no wasm until one is touched, then exactly one', async () => {
    const charts = ['models', 'valuations', 'funding', 'compute'];
    const body = Array.from({ length: 20 }, (_, i) => `<autonomie-chart id="c${i}" chart="${charts[i % 4]}" load="interaction"></autonomie-chart>`).join('\n');
    const { page, requests } = await openMade(body, { width: 1300, css: 'autonomie-chart { width: 398px; }' });
    await firstViewShown(page, '#c0');
    await page.waitForTimeout(1500);
    const wasm = () => requests.filter((url) => url.endsWith('.wasm'));
    assert.deepEqual(wasm(), [], 'no wasm before an interaction');
    assert.equal(await page.$$eval('autonomie-chart', (all) => all.filter((e) => e.started).length), 0);
    // Only the pictures of the charts' own bucket, theme and language are fetched.
    const pictures = requests.filter((url) => url.includes('/static/first/') && url.endsWith('.svg'));
    assert.ok(pictures.every((url) => /-en-light-390\.svg$/.test(url)), pictures.join(' '));
    await page.hover('#c5');
    await page.waitForFunction(() => document.getElementById('c5').drawCount > 0);
    await settle(page);
    assert.equal(wasm().length, 1, `one wasm fetch: ${wasm().join(' ')}`);
    assert.deepEqual(await page.$$eval('autonomie-chart', (all) => all.filter((e) => e.started).map((e) => e.id)), ['c5']);
    await page.close();
  });

  test('load="eager" starts at once; the default, "visible", waits for the chart to come near the viewport', async () => {
    const { page, requests } = await openMade(`
      <autonomie-chart id="eager" chart="models" load="eager"></autonomie-chart>
      <div class="gap"></div>
      <autonomie-chart id="below" chart="funding"></autonomie-chart>`, { css: 'autonomie-chart { width: 400px; } .gap { height: 3000px; }' });
    await page.waitForFunction(() => document.getElementById('eager').drawCount > 0);
    await page.waitForTimeout(500);
    assert.equal(await page.$eval('#below', (e) => e.started), false, 'far below: not started');
    assert.ok(!requests.some((url) => url.includes('/static/first/funding') && url.endsWith('.svg')), 'and its picture not fetched');
    await page.locator('#below').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.getElementById('below').drawCount > 0);
    await page.close();
  });

  test('a fetched picture\'s place is kept before it arrives, at its height from the JSON', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 900, height: 900 });
    // The picture never arrives; the JSON does.
    await page.route('**/static/first/*.svg', () => {});
    const path = `/held-${Math.random().toString(36).slice(2)}.html`;
    await page.route(origin + path, (route) => route.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: { 'Content-Security-Policy': CSP },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>held</title><link rel="stylesheet" href="${path}.css"><script type="module" src="/www/autonomie-chart.js"></script></head><body><autonomie-chart id="c" chart="valuations" theme="light" load="interaction"></autonomie-chart></body></html>`,
    }));
    await page.route(`${origin}${path}.css`, (route) => route.fulfill({ contentType: 'text/css', body: '#c { display: block; width: 768px; }' }));
    await page.goto(origin + path);
    const json = JSON.parse(readFileSync(new URL('../../www/static/first/valuations-en.json', import.meta.url), 'utf8'));
    await page.waitForFunction(() => document.getElementById('c').shadowRoot.querySelector('.atm-first .atm-legend'));
    const picture = await page.$eval('#c', (e) => {
      const image = e.shadowRoot.querySelector('.atm-first-picture');
      return { loaded: image.complete && image.naturalWidth > 0, height: image.getBoundingClientRect().height, width: image.getBoundingClientRect().width };
    });
    assert.equal(picture.loaded, false, 'the picture has not arrived');
    assert.equal(picture.width, 760);
    assert.equal(picture.height, json.heights['760'], 'its place is kept at its height');
    await page.close();
  });

  test('in the dark theme, the first view\'s controls and frame are dark as the chart\'s will be', async () => {
    const { page } = await openMade('<autonomie-chart id="c" chart="models" lang="fr" theme="dark" load="interaction"></autonomie-chart>', { lang: 'fr', css: '#c { width: 768px; }' });
    await firstViewShown(page, '#c');
    const colours = (inFirst) => page.$eval('#c', (e, inFirst) => {
      const root = [...e.shadowRoot.querySelectorAll('.atm')].find((r) => r.classList.contains('atm-first') === inFirst);
      const pressed = root.querySelector('.atm-controls button[aria-pressed="true"]');
      return [getComputedStyle(root).backgroundColor, getComputedStyle(pressed).backgroundColor, getComputedStyle(pressed).color];
    }, inFirst);
    const before = await colours(true);
    assert.notEqual(before[0], 'rgb(255, 255, 255)', 'no white frame around a dark picture');
    await page.hover('#c');
    await page.waitForFunction(() => document.getElementById('c').drawCount > 0);
    await settle(page);
    assert.deepEqual(await colours(false), before);
    await page.close();
  });

  test('a chart of custom data fetches its dataset while the wasm downloads, not after it', async () => {
    const { page, requests } = await openMade('<autonomie-chart id="src" src="/data/autonomie.json" chart="funding" load="interaction"></autonomie-chart>');
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/*.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.hover('#src');
    const asked = () => requests.filter((url) => url.endsWith('.wasm') || url.endsWith('/data/autonomie.json')).map((url) => url.split('/').pop());
    for (let i = 0; i < 50 && asked().length < 2; i++) await page.waitForTimeout(100);
    assert.deepEqual(asked().sort(), ['autonomie.json', 'autonomie_bg.wasm'], 'both asked for while the wasm is held back');
    assert.equal(await page.$eval('#src', (e) => e.drawCount), 0);
    release();
    await page.waitForFunction(() => document.getElementById('src').drawCount > 0);
    await page.close();
  });

  test('custom data: autonomie-static --data FILE --out DIR, and first-view="DIR/" shows its picture before the wasm, then the same picture drawn', async () => {
    const out = mkdtempSync(join(tmpdir(), 'autonomie-first-'));
    try {
      execFileSync('cargo', ['run', '--quiet', '-p', 'autonomie', '--bin', 'autonomie-static', '--', '--data', 'examples/data/mistral-levees.json', '--out', out],
        { cwd: new URL('../..', import.meta.url), stdio: ['ignore', 'ignore', 'inherit'] });
      const { page, requests, errors } = await openMade(
        '<autonomie-chart id="c" src="/examples/data/mistral-levees.json" chart="mistral-rounds" first-view="/custom-first/" lang="fr" theme="light" load="interaction"></autonomie-chart>',
        { lang: 'fr', css: '#c { width: 768px; }' },
      );
      // The blogger's own server: the directory the command wrote.
      await page.route('**/custom-first/*', (route) => {
        const name = new URL(route.request().url()).pathname.split('/').pop();
        route.fulfill({ contentType: name.endsWith('.svg') ? 'image/svg+xml' : 'application/json', body: readFileSync(join(out, name)) });
      });
      await page.reload();
      await firstViewShown(page, '#c');
      assert.equal(requests.filter((url) => url.endsWith('.wasm')).length, 0, 'no wasm yet');
      assert.equal(await page.$eval('#c', (e) => e.shadowRoot.querySelector('.atm-first-picture').getAttribute('src')), `${origin}/custom-first/mistral-rounds-fr-light-760.svg`);
      assert.ok(await page.$eval('#c', (e) => e.shadowRoot.querySelectorAll('.atm-first .atm-legend button').length) > 0, 'its controls too');
      const pictureBox = await box(page, '#c', '.atm-first-picture');
      const before = await page.screenshot({ clip: pictureBox });
      const shiftsBefore = await page.evaluate(() => window.__shifts.length);
      await page.hover('#c');
      await page.waitForFunction(() => document.getElementById('c').drawCount > 0);
      await settle(page);
      const canvasBox = await box(page, '#c', 'canvas');
      assert.deepEqual(canvasBox, pictureBox, 'the canvas has the picture\'s box');
      assert.equal(await page.evaluate((n) => window.__shifts.slice(n).reduce((sum, s) => sum + s.value, 0), shiftsBefore), 0);
      const same = await tileDifference(before, await page.screenshot({ clip: canvasBox }));
      assert.ok(same.share <= SAME_PICTURE, `the canvas differs from its first view in ${(same.share * 100).toFixed(1)} % of the tiles`);
      assert.deepEqual(errors, []);
      await page.close();
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('in the release, the first views are in a directory named by their hash, cached for a year; the element\'s bundle names it', async () => {
    const manifest = JSON.parse(readFileSync(new URL('../../dist/manifest.json', import.meta.url), 'utf8'));
    const directory = manifest.files['static/first/'].file;
    assert.match(directory, /^static\/first\.[0-9a-f]{16}\/$/);
    const bundle = readFileSync(new URL(`../../dist/${manifest.files['autonomie-chart.js'].file}`, import.meta.url), 'utf8');
    assert.ok(bundle.includes(`"${directory}"`), 'the bundle looks there');
    const hashed = await fetch(`${origin}/dist/${directory}models-fr-light-390.svg`);
    assert.equal(hashed.status, 200);
    assert.equal(hashed.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const plain = await fetch(`${origin}/www/static/first/models-fr-light-390.svg`);
    assert.equal(plain.headers.get('cache-control'), 'no-cache', 'an unhashed copy is revalidated');
  });

  for (const [name, path, width] of [
    ['embed.html', '/dist/embed.html#chart=funding&lang=fr', 760 + 8 + 16],
    ['the page', '/dist/index.html#models', 390 + 8 + 32],
  ]) {
    test(`${name} as shipped: its first view is inline (no request for it), the canvas takes the picture's place, and the swap moves nothing`, async () => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 900 });
      const requests = [];
      page.on('request', (request) => requests.push(request.url()));
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route('**/*.wasm', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(origin + path);
      await firstViewShown(page, 'autonomie-chart');
      assert.match(await page.$eval('autonomie-chart', (e) => e.shadowRoot.querySelector('.atm-first-picture').src), /^data:image\/svg\+xml/, 'the inlined picture');
      assert.deepEqual(requests.filter((url) => url.includes('/static/first')), [], 'no request for the first view');
      const pictureBox = await box(page, 'autonomie-chart', '.atm-first-picture');
      const before = await page.screenshot({ clip: pictureBox });
      await page.evaluate(() => {
        window.__moved = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            for (const source of entry.sources) window.__moved.push({ node: source.node?.nodeName ?? '?', top: source.previousRect.top });
          }
        }).observe({ type: 'layout-shift' });
      });
      release();
      await page.waitForFunction(() => document.querySelector('autonomie-chart').drawCount > 0);
      await settle(page);
      await page.waitForTimeout(300);
      const canvasBox = await box(page, 'autonomie-chart', 'canvas');
      assert.deepEqual(canvasBox, pictureBox, 'the canvas has the picture\'s box');
      const same = await tileDifference(before, await page.screenshot({ clip: canvasBox }));
      assert.ok(same.share <= SAME_PICTURE, `the canvas differs from its first view in ${(same.share * 100).toFixed(1)} % of the tiles`);
      // The first view has the chart's notes and sources under its picture too: the swap
      // moves nothing, on the page or below the chart.
      assert.deepEqual(await page.evaluate(() => window.__moved), [], 'nothing moved during the swap');
      await page.close();
    });
  }

  test('a chart of custom data, or not in its default view, starts as before: no first view', async () => {
    const { page, requests } = await openMade(`
      <autonomie-chart id="src" src="/data/autonomie.json" chart="models" load="interaction"></autonomie-chart>
      <autonomie-chart id="view" chart="valuations" view="history" load="interaction"></autonomie-chart>`);
    await page.waitForTimeout(800);
    for (const id of ['src', 'view']) {
      assert.equal(await page.$eval(`#${id}`, (e) => e.shadowRoot.querySelector('.atm-first')), null, id);
    }
    assert.ok(!requests.some((url) => url.includes('/static/first/')), requests.join(' '));
    await page.close();
  });
});
