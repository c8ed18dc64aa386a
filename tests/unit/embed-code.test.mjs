// www/embed-code.js: the embed codes, built from a state's data without a browser; the
// data is the build's own (www/static/pictures/, autonomie-static, run by scripts/build.sh).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import {
  PICTURE_SIZE, SNIPPET_BANDS, bandOf, elementSnippet, escapeAttribute, frameBands, iframeSnippet, interactiveUrl, parsePictureName, pictureHtml, pictureName, stateName,
} from '../../www/embed-code.js';
import { BANDS } from '../../www/contract.js';

const PICTURES = new URL('../../www/static/pictures/', import.meta.url);
const data = (name) => JSON.parse(readFileSync(new URL(`${name}.json`, PICTURES), 'utf8'));
const script = { src: 'https://w.example/dist/autonomie-chart.0123456789abcdef.js', integrity: 'sha384-abc' };
const pictures = 'https://w.example/dist/static/pictures.0123456789abcdef/';

test('a picture\'s name says its state, theme and band, and reads back', () => {
  const state = { chart: 'compute', view: 'november-2025', scale: 'log', currency: 'EUR', lang: 'fr' };
  const name = pictureName(state, 'dark', 375);
  assert.equal(name, 'compute-november-2025-log-EUR-fr-dark-375');
  assert.equal(stateName(state), 'compute-november-2025-log-EUR-fr');
  assert.deepEqual(parsePictureName(`${pictures}${name}.svg?x#y`), { chartView: 'compute-november-2025', scale: 'log', currency: 'EUR', lang: 'fr', theme: 'dark', band: 375 });
  assert.equal(parsePictureName(`${pictures}compute.svg`), null);
  assert.equal(parsePictureName('https://elsewhere.example/photo.jpg'), null);
});

test('every band a snippet or a frame names has pictures, and frames cover every band', () => {
  for (const { band } of [...SNIPPET_BANDS, ...frameBands(16)]) assert.ok(bandOf(band), `band ${band}`);
  assert.deepEqual(frameBands(16).map((b) => b.band), BANDS.map((b) => b.width));
  assert.equal(frameBands(16)[0].maxViewport, BANDS[1].from + 16 - 0.02);
  assert.equal(frameBands(16).at(-1).maxViewport, null);
});

test('the element\'s code of a non-default view names what differs from the defaults, and carries its picture with sizes and description', { skip: !existsSync(PICTURES) && 'run scripts/build.sh first' }, () => {
  const state = data('valuations-history-log-EUR-fr');
  const code = elementSnippet({ script, pictures, data: state });
  const lines = code.split('\n');
  assert.equal(lines[0], `<script type="module" src="${script.src}" integrity="sha384-abc" crossorigin="anonymous" fetchpriority="low"></script>`);
  // history's own scale is log and the chart's currency EUR: neither is named.
  assert.equal(lines[1], '<autonomie-chart chart="valuations" view="history" lang="fr">');
  assert.equal(lines.at(-1), '</autonomie-chart>');
  const img = lines.find((line) => line.startsWith('<img '));
  assert.ok(img.includes(`src="${pictures}valuations-history-log-EUR-fr-light-740.svg" width="${740 * PICTURE_SIZE}" height="${state.heights[740] * PICTURE_SIZE}"`), img);
  assert.ok(img.includes(`alt="${escapeAttribute(state.reading.description)}"`));
  const sources = lines.filter((line) => line.startsWith('<source '));
  assert.equal(sources.length, (SNIPPET_BANDS.length - 1) * 2 + 1, 'light and dark per band; dark for the last');
  for (const { maxViewport, band } of SNIPPET_BANDS.filter((b) => b.maxViewport)) {
    assert.ok(sources.includes(`<source media="(max-width: ${maxViewport}px)" srcset="${pictures}valuations-history-log-EUR-fr-light-${band}.svg" width="${band * PICTURE_SIZE}" height="${state.heights[band] * PICTURE_SIZE}">`), `${band}`);
    assert.ok(sources.some((s) => s.startsWith(`<source media="(max-width: ${maxViewport}px) and (prefers-color-scheme: dark)" srcset="${pictures}valuations-history-log-EUR-fr-dark-${band}.svg"`)));
  }
  // A dark source comes before its light one: the first that matches wins.
  assert.ok(sources[0].includes('prefers-color-scheme: dark'));
});

test('the default view\'s code names the chart and language only; a non-default scale and currency, hidden series and a theme are named', { skip: !existsSync(PICTURES) && 'run scripts/build.sh first' }, () => {
  const plain = elementSnippet({ script, pictures, data: data('models-latest-linear-EUR-en') });
  assert.ok(plain.includes('<autonomie-chart chart="models" lang="en">'), plain);
  const named = elementSnippet({ script, pictures, data: data('valuations-latest-log-USD-en'), hidden: ['openai', 'xai'], theme: 'dark' });
  assert.ok(named.includes('<autonomie-chart chart="valuations" scale="log" currency="USD" lang="en" hidden-series="openai,xai" theme="dark">'), named);
  assert.ok(!named.includes('light-'), 'a dark chart\'s picture is dark at every band');
  assert.ok(!named.includes('prefers-color-scheme'));
});

test('texts are escaped in attributes', () => {
  const html = pictureHtml({ pictures: 'x/', state: { chart: 'c', view: 'v', scale: 'linear', currency: 'EUR', lang: 'en' }, heights: { 740: 10, 573: 10, 375: 10, 310: 10 }, alt: 'a "b" <c> & d' });
  assert.ok(html.includes('alt="a &quot;b&quot; &lt;c&gt; &amp; d"'), html);
});

test('the interactive chart and the iframe are the state\'s own page in the release, hidden series in the fragment', () => {
  const state = { chart: 'funding', view: 'countries', scale: 'log', currency: 'USD', lang: 'fr', hidden: ['de'] };
  assert.equal(interactiveUrl('https://w.example/dist/', state), 'https://w.example/dist/embed/funding-countries-log-USD-fr.html#hidden=de');
  assert.equal(interactiveUrl('https://w.example/dist/', { ...state, hidden: [] }), 'https://w.example/dist/embed/funding-countries-log-USD-fr.html');
  const code = iframeSnippet({ base: 'https://w.example/dist/', state, title: 'L\'argent "privé"', height: 612.2, resize: { src: 'https://w.example/dist/r.js', integrity: 'sha384-r' } });
  assert.equal(code.split('\n')[0], '<iframe src="https://w.example/dist/embed/funding-countries-log-USD-fr.html#hidden=de" title="L\'argent &quot;privé&quot;" width="100%" height="613" loading="lazy" frameborder="0"></iframe>');
  assert.equal(code.split('\n')[1], '<script src="https://w.example/dist/r.js" integrity="sha384-r" crossorigin="anonymous" defer></script>');
});

test('the example blog post\'s embed codes are the generator\'s (scripts/example-post.mjs --check)', { skip: !existsSync(PICTURES) && 'run scripts/build.sh first' }, async () => {
  const { writtenPost } = await import('../../scripts/example-post.mjs');
  const post = readFileSync(new URL('../../examples/blog-post.html', import.meta.url), 'utf8');
  assert.equal(writtenPost(post), post, 'run node scripts/example-post.mjs');
  assert.equal((post.match(/<!-- autonomie-element /g) ?? []).length, 3);
  assert.ok(post.includes('<autonomie-chart chart="valuations" view="history" currency="USD" lang="fr">'));
});
