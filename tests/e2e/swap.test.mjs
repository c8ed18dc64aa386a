// The swap from an embed code's picture to the canvas (issue 20), in the release:
// - at many widths from 280 to 1400 CSS px, in every band and scaled within it, the canvas
//   is the picture: under 1 % of the chart's pixels change beyond anti-aliasing, and
//   nothing moves on the host page;
// - a press on any control of the toolbar, at a random moment of the start-up (before
//   the wasm, while the canvas takes the picture's place, after it), by a click or a key,
//   leaves the focus on the control pressed;
// - the iframe page of a state shows its picture at once, tells its height at once, and
//   its frame does not move when the chart starts.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { ARTIFACTS, settle } from './browser.mjs';
import { changedShare, manifest, startReader, readerPage, seeded, shiftTotal, stageBox, stateData } from './reader.mjs';
import { elementSnippet, frameBands, frameHeight, iframeSnippet, pictureHtml } from '../../www/embed-code.js';
import { bandFor } from '../../www/picture-view.js';

let reader, A, host, browser;
before(async () => ({ origin: A, host, browser } = reader = await startReader()));
after(() => reader?.close());

const release = () => {
  const m = manifest();
  const file = (name) => ({ src: `${A}/dist/${m.files[name].file}`, integrity: m.files[name].integrity });
  return { file, pictures: `${A}/dist/${m.files['static/pictures/'].file}` };
};

/** A host page: `body` between a paragraph and another, 8 px margins. */
function hostPage(name, body, lang = 'fr') {
  host.pages.set(`/${name}.html`, {
    body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${name}</title>
<style>body { margin: 8px; font: 17px/1.6 Georgia, serif; } img { max-width: 100%; height: auto; } p { margin: 0 0 12px; }</style></head>
<body><p>Avant le graphique, un paragraphe.</p>${body}<p id="after">Après le graphique, un autre paragraphe, qui ne doit pas bouger.</p></body></html>`,
  });
  return `${host.origin}/${name}.html`;
}

const STATES = ['valuations-history-log-USD-fr', 'funding-countries-log-USD-en', 'compute-november-2025-linear-EUR-fr', 'models-latest-linear-EUR-en', 'valuations-latest-linear-EUR-en'];
const WIDTHS = [280, 300, 330, 341, 372, 395, 414, 440, 480, 503, 504, 540, 600, 651, 700, 760, 839, 840, 920, 1000, 1085, 1160, 1250, 1320, 1400];
/** At most this share of the chart's pixels may change beyond anti-aliasing. */
const SAME = 0.01;

describe('the swap from the picture to the canvas', () => {
  test(`at ${WIDTHS.length} widths from 280 to 1400 px, in every band: the canvas is the picture (under 1 % of pixels changed), nothing moves`, async () => {
    const { file, pictures } = release();
    const results = [];
    const failures = [];
    for (const [i, width] of WIDTHS.entries()) {
      const name = STATES[i % STATES.length];
      const data = stateData(name);
      const theme = i % 3 === 2 ? 'dark' : 'light';
      // The chart's band exactly (as an iframe page's: the viewport less the margins).
      const code = `<script type="module" src="${file('autonomie-chart.js').src}" integrity="${file('autonomie-chart.js').integrity}" crossorigin="anonymous"></script>
<autonomie-chart chart="${data.state.chart}" view="${data.state.view}" scale="${data.state.scale}" currency="${data.state.currency}" lang="${data.state.lang}">
${pictureHtml({ pictures, state: data.state, heights: data.heights, alt: data.reading.description, bands: frameBands(16) })}
</autonomie-chart>`;
      const url = hostPage(`width-${width}`, code, data.state.lang);
      const { page, log, release: releaseWasm } = await readerPage(browser, { width: width + 16, height: 900, wasm: 'held', scheme: theme });
      await page.goto(url);
      await page.waitForFunction(() => document.querySelector('autonomie-chart img')?.complete && document.querySelector('autonomie-chart').shadowRoot?.querySelector('.atm-controls button'));
      await settle(page);
      const box = await stageBox(page, 'autonomie-chart');
      const band = bandFor(width).width;
      assert.equal(Math.round(box.width), width);
      assert.ok(await page.$eval('autonomie-chart img', (img, band) => img.currentSrc.endsWith(`-${band}.svg`), band), `the picture of band ${band}`);
      const after = await page.$eval('#after', (p) => p.getBoundingClientRect().top);
      const shot = { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 900 - box.y) };
      const picture = await page.screenshot({ clip: shot });
      releaseWasm();
      await page.waitForFunction(() => document.querySelector('autonomie-chart').drawCount > 0);
      await settle(page);
      await page.waitForTimeout(50);
      assert.deepEqual(await stageBox(page, 'autonomie-chart'), box, `${width}: the canvas's box is the picture's`);
      assert.equal(await page.$eval('#after', (p) => p.getBoundingClientRect().top), after, `${width}: the paragraph after did not move`);
      assert.equal(await shiftTotal(page), 0, `${width}: no layout shift`);
      const canvas = await page.screenshot({ clip: shot });
      // Beyond anti-aliasing: more than 16 of 255 off the other picture's pixels within
      // one CSS pixel (two device pixels); within one device pixel, for the record.
      const same = await changedShare(browser, picture, canvas, { radius: 2 });
      const strict = await changedShare(browser, picture, canvas, { radius: 1 });
      results.push(`${width} px (band ${band}, ${name}, ${theme}): ${(same.share * 100).toFixed(2)} % (${(strict.share * 100).toFixed(2)} % within one device pixel)`);
      if (same.share > SAME) {
        await page.screenshot({ path: `${ARTIFACTS}swap-${width}-canvas.png`, clip: shot });
        writeFileSync(`${ARTIFACTS}swap-${width}-picture.png`, picture);
      }
      if (same.share > SAME) failures.push(`${width} px: ${(same.share * 100).toFixed(2)} % of the pixels changed beyond anti-aliasing (${name}, ${theme})`);
      assert.deepEqual(log.errors, []);
      await page.close();
    }
    console.log(`picture vs canvas:\n  ${results.join('\n  ')}`);
    assert.deepEqual(failures, []);
  });
});

/** The toolbar's controls of the valuations chart's history view, in the order a reader meets them. */
const CONTROLS = ['[data-value="latest"]', '[data-value="history"]', '[data-value="october-2025"]', '[data-value="EUR"]', '[data-value="USD"]', '[data-value="linear"]', '[data-value="log"]', '.atm-more-toggle'];

describe('focus through the swap', () => {
  test('every control, pressed by a click or a key at a random moment of the start-up, keeps the focus', async () => {
    const { file, pictures } = release();
    const code = elementSnippet({ script: file('autonomie-chart.js'), pictures, data: stateData('valuations-history-log-USD-fr') });
    const url = hostPage('focus', code);
    const random = seeded(20);
    const lost = [];
    const moments = [];
    for (const control of CONTROLS) {
      for (const how of ['click', 'Enter', 'Space']) {
        const { page, log, release: releaseWasm } = await readerPage(browser, { width: 412, wasm: 'held' });
        await page.goto(url);
        await page.waitForFunction((c) => document.querySelector('autonomie-chart').shadowRoot?.querySelector(`.atm-controls ${c}`), control);
        // The wasm comes at a random moment from 0 to 0.9 s, the press at another: before
        // the wasm, while the chart is built and swapped in, or after.
        const wasmAt = Math.round(random() * 900);
        const pressAt = Math.round(random() * 900);
        moments.push(`${control} ${how}: wasm ${wasmAt} ms, press ${pressAt} ms`);
        const wasmTimer = setTimeout(releaseWasm, wasmAt);
        await page.waitForTimeout(pressAt);
        const button = page.locator(`autonomie-chart .atm-controls ${control}`);
        await button.evaluate((b) => { b.dataset.pressed = 'yes'; });
        if (how === 'click') {
          await button.click();
        } else {
          await button.focus();
          await page.keyboard.press(how);
        }
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, wasmAt - pressAt)));
        clearTimeout(wasmTimer);
        releaseWasm();
        await page.waitForFunction(() => document.querySelector('autonomie-chart').drawCount > 0);
        await settle(page);
        await page.waitForTimeout(150);
        await settle(page);
        const focused = await page.$eval('autonomie-chart', (e) => {
          const active = e.shadowRoot.activeElement;
          return active ? { pressed: active.dataset.pressed ?? null, label: active.textContent, visible: active.checkVisibility() } : null;
        });
        if (focused?.pressed !== 'yes' || !focused.visible) lost.push(`${control} (${how}; wasm at ${wasmAt} ms, pressed at ${pressAt} ms): focus on ${JSON.stringify(focused)}`);
        assert.deepEqual(log.errors, []);
        await page.close();
      }
    }
    console.log(`presses:\n  ${moments.join('\n  ')}`);
    assert.deepEqual(lost, []);
  });
});

describe('the iframe page of a state', () => {
  test('shows its picture and tells its height before the chart starts; its frame does not move when the canvas comes', async () => {
    const m = manifest();
    const data = stateData('valuations-history-log-USD-fr');
    const code = iframeSnippet({
      base: `${A}/dist/`, state: { ...data.state, hidden: [] }, title: data.reading.title, height: frameHeight(data.heights),
      resize: { src: `${A}/dist/${m.files['autonomie-resize.js'].file}`, integrity: m.files['autonomie-resize.js'].integrity },
    });
    const url = hostPage('frame', code);
    const { page, log, release: releaseWasm } = await readerPage(browser, { width: 390, wasm: 'held' });
    await page.goto(url);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame.waitForFunction(() => document.querySelector('autonomie-chart img')?.complete && document.querySelector('autonomie-chart img').naturalWidth > 0);
    // Fitted to its page at once, before any wasm.
    const fitted = async () => [Number(await page.$eval('iframe', (f) => f.height)), await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height))];
    let [frameHeight0, content0] = await fitted();
    for (let i = 0; i < 60 && frameHeight0 !== content0; i++) {
      await page.waitForTimeout(50);
      [frameHeight0, content0] = await fitted();
    }
    assert.equal(frameHeight0, content0, 'the frame fits its page before the chart starts');
    assert.equal(await frame.$eval('autonomie-chart', (e) => e.drawCount), 0);
    const after = await page.$eval('#after', (p) => p.getBoundingClientRect().top);
    // The fit itself may move what follows the frame once (from the code's height, made
    // for any width, to the page's own); the chart's start must not.
    const fitShift = await shiftTotal(page);
    await page.screenshot({ path: `${ARTIFACTS}iframe-390-before-wasm.png`, fullPage: true });
    releaseWasm();
    await frame.waitForFunction(() => document.querySelector('autonomie-chart').drawCount > 0);
    await settle(frame);
    await page.waitForTimeout(300);
    assert.deepEqual(await fitted(), [frameHeight0, content0], 'the same height with the canvas');
    assert.equal(await page.$eval('#after', (p) => p.getBoundingClientRect().top), after, 'nothing moved on the host page');
    assert.equal(await shiftTotal(page), fitShift, 'no layout shift when the chart starts');
    console.log(`the frame's fit to its page: layout shift ${fitShift.toFixed(4)}`);
    assert.deepEqual(log.errors, []);
    await page.screenshot({ path: `${ARTIFACTS}iframe-390-after-wasm.png`, fullPage: true });
    await page.close();
  });
});
