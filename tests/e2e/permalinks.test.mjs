// The permalinks (issue 21) as the platforms that take a link see them, from the served
// release: for EVERY permalink page, a real oEmbed consumer that follows the page's
// discovery link (@extractus/oembed-extractor, with WordPress's maxwidth and maxheight)
// gets a rich answer with an iframe embed of the state's iframe page, and a real link
// preview scraper (open-graph-scraper) gets a 1200 × 630 PNG, which is fetched, decoded
// and must show a chart (not blank). In Chromium: a permalink page draws its chart with
// no error and no CSP violation; the page as shipped links every permalink, a link to the
// view under each chart follows the chart's view, and the embed panel offers the link
// first, then the element, then the iframe.
//
// The pages name their public address (AUTONOMIE_PUBLIC_URL at build time, by default
// the serve command's port 8080, which may be taken here). So the test serves the release
// on a free port, by the serve command's server, from a folder whose every file is a link
// to the release's own file, except the permalinks' pages and oEmbed answers, written for
// the test's address by the same function as the build (scripts/permalinks.mjs). A first
// test proves those are the release's own files, byte for byte, once the address is
// swapped back: what the consumers read is the release.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from '@extractus/oembed-extractor';
import ogs from 'open-graph-scraper';
import { decodePng } from '../../bench/png.mjs';
import { serve, EMBED_CSP, PAGE_CSP } from '../../scripts/serve.mjs';
import { permalinkStates, writePermalinks } from '../../scripts/permalinks.mjs';
import { LANGS } from '../../www/contract.js';
import { stateName } from '../../www/embed-code.js';
import { SITE_WORDS } from '../../www/words.js';
import { canvasPixels, launchBrowser, openPage } from './browser.mjs';
import { DIST, get } from './release-checks.mjs';

const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
const pictureDirectory = manifest.files['static/pictures/'].file;
// Known before the server starts, so that there is a test per permalink.
const PERMALINKS = permalinkStates(join(DIST, pictureDirectory));

let work, server, base, releaseBase, written;
before(async () => {
  work = mkdtempSync(join(tmpdir(), 'autonomie-permalinks-'));
  mkdirSync(join(work, 'dist'));
  for (const name of readdirSync(DIST)) {
    if (!LANGS.includes(name)) symlinkSync(join(DIST, name), join(work, 'dist', name));
  }
  server = await serve(0, { quiet: true, root: work });
  base = `http://127.0.0.1:${server.address().port}/dist/`;
  written = writePermalinks({ out: join(work, 'dist'), files: manifest.files, pictureDirectory, base, page: false });
  const canonical = /<link rel="canonical" href="([^"]+)">/.exec(readFileSync(join(DIST, PERMALINKS[0].path, 'index.html'), 'utf8'))[1];
  releaseBase = canonical.slice(0, -PERMALINKS[0].path.length);
});
after(() => {
  server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the pages served here are the release\'s, for this address: 22 permalinks, byte for byte once the address is swapped back', () => {
  assert.equal(written.length, 22, 'every chart × view × language');
  assert.deepEqual(written.map((p) => p.path), PERMALINKS.map((p) => p.path));
  for (const { path } of written) {
    const files = readdirSync(join(DIST, path)).filter((name) => !/\.(br|gz)$/.test(name)).sort();
    assert.deepEqual(readdirSync(join(work, 'dist', path)).sort(), files, path);
    for (const name of files) {
      const served = readFileSync(join(work, 'dist', path, name));
      const release = readFileSync(join(DIST, path, name));
      if (name.endsWith('.png')) assert.ok(served.equals(release), `${path}${name}`);
      else assert.equal(served.toString('utf8').replaceAll(base, releaseBase), release.toString('utf8'), `${path}${name}`);
    }
  }
});

/** The share of pixels of an RGBA image that differ from its most common colour, and how many colours it has. */
function ink({ data }) {
  const counts = new Map();
  for (let i = 0; i < data.length; i += 4) {
    const colour = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    counts.set(colour, (counts.get(colour) ?? 0) + 1);
  }
  const background = Math.max(...counts.values());
  return { share: 1 - background / (data.length / 4), colours: counts.size };
}

describe('every permalink, as an oEmbed consumer and a link preview see it', () => {
  for (const permalink of PERMALINKS) {
    const { state, data } = permalink;
    test(`${permalink.path}: oEmbed gives an iframe embed, Open Graph a 1200 × 630 PNG of the chart`, async () => {
      const url = base + permalink.path;
      const page = await get(url);
      assert.equal(page.status, 200);
      assert.equal(page.headers['content-security-policy'], PAGE_CSP);
      const html = page.body.toString('utf8');
      const head = html.slice(0, html.indexOf('</head>'));
      assert.ok(head.length < 150_000 && head.includes('type="application/json+oembed"'), 'the discovery link in the <head>, within 150 KB');
      assert.ok(head.includes(`<link rel="canonical" href="${url}">`), 'canonical');
      assert.match(html, new RegExp(`^<!doctype html>\\n<html lang="${state.lang}">`));

      // The oEmbed consumer follows the discovery link, with WordPress's parameters.
      const oembed = await extract(url, { maxwidth: 600, maxheight: 1000 });
      assert.equal(oembed.method, 'auto-discovery');
      assert.equal(oembed.version, '1.0');
      assert.equal(oembed.type, 'rich');
      assert.equal(oembed.provider_name, 'Autonomie');
      assert.equal(oembed.provider_url, base);
      assert.ok(oembed.title.startsWith(data.reading.title), oembed.title);
      assert.ok(oembed.width > 0 && oembed.height > 0);
      assert.match(oembed.html, /^<blockquote class="wp-embedded-content"><a href="[^"]+">/);
      const frame = /<iframe [^>]*\bsrc="([^"]+)" width="(\d+)" height="(\d+)" title="[^"]+"/.exec(oembed.html);
      assert.match(oembed.html, /<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" src=/, 'sandboxed as WordPress frames it');
      assert.ok(frame, oembed.html);
      assert.equal(frame[1], `${base}embed/${stateName(state)}.html`);
      assert.deepEqual([Number(frame[2]), Number(frame[3])], [oembed.width, oembed.height]);
      const framed = await get(frame[1]);
      assert.equal(framed.status, 200, frame[1]);
      assert.equal(framed.headers['content-security-policy'], EMBED_CSP, 'any site may frame it');
      assert.match(framed.body.toString('utf8'), new RegExp(`<autonomie-chart id="chart" chart="${state.chart}" view="${state.view}"`));

      // The link preview scraper reads the Open Graph and Twitter card tags.
      const { result } = await ogs({ url });
      assert.equal(result.success, true);
      assert.equal(result.ogTitle, oembed.title);
      assert.equal(result.ogDescription, data.reading.description);
      assert.equal(result.ogUrl, url);
      assert.equal(result.twitterCard, 'summary_large_image');
      const [image] = result.ogImage;
      assert.equal(image.url, oembed.thumbnail_url);
      assert.deepEqual([Number(image.width), Number(image.height)], [1200, 630]);
      const png = await get(image.url);
      assert.equal(png.status, 200, image.url);
      assert.equal(png.headers['content-type'], 'image/png');
      const picture = decodePng(png.body);
      assert.deepEqual([picture.width, picture.height], [1200, 630], 'the PNG itself');
      const { share, colours } = ink(picture);
      assert.ok(share > 0.03 && share < 0.97, `${image.url}: ${(share * 100).toFixed(1)} % of pixels drawn: not blank`);
      assert.ok(colours > 16, `${image.url}: ${colours} colours`);
    });
  }
});

test('every permalink page speaks its own language from first word to last', () => {
  for (const { path, state } of PERMALINKS) {
    const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
    const other = SITE_WORDS[LANGS.find((lang) => lang !== state.lang)];
    for (const [key, text] of Object.entries(SITE_WORDS[state.lang])) {
      if (text !== other[key] && !text.includes('{')) {
        assert.ok(!html.includes(other[key]), `${path}: ${key} in the other language`);
      }
    }
    assert.ok(html.includes(SITE_WORDS[state.lang].citeTitle), `${path}: the cite block`);
  }
});

describe('in Chromium', () => {
  let browser;
  before(async () => { browser = await launchBrowser({ viewport: { width: 1000, height: 800 } }); });
  after(async () => { await browser?.close(); });

  test('a permalink page draws its chart, with no error, no CSP violation and nothing from another origin', async () => {
    for (const path of ['fr/valuations/history/', 'en/funding/countries/']) {
      const { page, log } = await openPage(browser.context, base.replace(/\/dist\/$/, ''), `/dist/${path}`);
      const chart = page.locator('autonomie-chart');
      await page.waitForFunction(() => document.querySelector('autonomie-chart')?.drawCount > 0);
      const pixels = await canvasPixels(page, 'autonomie-chart canvas');
      assert.ok(pixels.inked > 1000 && pixels.colors > 4, `${path}: ${JSON.stringify(pixels)}`);
      assert.equal(await chart.getAttribute('view'), path.split('/')[2]);
      assert.deepEqual([log.errors, log.consoleErrors, log.failed], [[], [], []], path);
      assert.deepEqual(log.requests.filter((r) => !r.startsWith(base.replace(/dist\/$/, ''))), [], path);
      await page.close();
    }
  });

  test('the page links every permalink; under each chart a link to its view; the embed panel offers the link first', async () => {
    const { page, log } = await openPage(browser.context, base.replace(/\/dist\/$/, ''), '/dist/');
    const listed = await page.locator('#permalinks a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.deepEqual(listed.sort(), PERMALINKS.map((p) => p.path).sort(), 'every permalink, in both languages');
    const visible = await page.locator('#permalinks a:visible').count();
    assert.equal(visible, PERMALINKS.length / 2, 'the page\'s language only');

    const link = page.locator('[data-embed-for="valuations"] .view-link');
    assert.equal(await link.getAttribute('href'), `${base}fr/valuations/latest/`);
    const chart = page.locator('autonomie-chart[chart="valuations"]');
    await chart.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('autonomie-chart[chart="valuations"]')?.drawCount > 0);
    await page.click('autonomie-chart[chart="valuations"] button[data-value="history"]');
    await page.waitForFunction((b) => document.querySelector('[data-embed-for="valuations"] .view-link')?.href === `${b}fr/valuations/history/`, base);
    assert.equal(await link.textContent(), SITE_WORDS.fr.viewLink);

    await page.click('[data-embed-for="valuations"] .embed-toggle');
    const codes = page.locator('#embed-valuations textarea');
    await codes.nth(2).waitFor();
    assert.deepEqual(await codes.evaluateAll((all) => all.map((t) => t.dataset.snippet)), ['link', 'element', 'iframe']);
    assert.equal(await codes.nth(0).inputValue(), `${base}fr/valuations/history/`);
    assert.equal(await page.locator('#embed-valuations label').first().textContent(), SITE_WORDS.fr.embedLink);

    await page.click('button[data-lang-choice="en"]');
    await page.waitForFunction((b) => document.querySelector('[data-embed-for="valuations"] .view-link')?.href === `${b}en/valuations/history/`, base);
    assert.equal(await page.locator('#permalinks a:visible').first().getAttribute('href'), 'en/models/latest/');
    assert.deepEqual([log.errors, log.consoleErrors, log.failed], [[], [], []]);
    await page.close();
  });
});
