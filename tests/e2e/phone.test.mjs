// The chart on a phone, measured and photographed: every chart in every view, at 360,
// 390, 768 and 1200 CSS pixels, in French and English, light and dark, saved in
// test-results/screens/ to be looked at. At phone widths (320 to 430 px) the controls
// take at most two rows and every control is at least 24 x 24 CSS pixels (WCAG 2.5.8);
// no two controls overlap (segmented buttons share their 1 px border). The plot's share of the canvas and the texts
// drawn on it are measured natively, on the same plans (tests/it/phone.rs).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { ARTIFACTS, launchBrowser, settle, startServer } from './browser.mjs';

const SCREENS = `${ARTIFACTS}screens/`;
mkdirSync(SCREENS, { recursive: true });

let server, origin;
before(async () => { ({ server, origin } = await startServer()); });
after(() => server?.close());

/** Each control of a chart: its box, in CSS pixels. */
function controlBoxes(page, chart) {
  return page.$eval(`autonomie-chart[chart="${chart}"]`, (element) => [...element.shadowRoot.querySelectorAll('.atm-controls button, .atm-legend button, summary')]
    .filter((node) => node.getClientRects().length > 0)
    .map((node) => {
      const r = node.getBoundingClientRect();
      const above = Boolean(node.closest('.atm-controls, .atm-legend'));
      return { name: node.textContent.trim(), above, top: r.top, left: r.left, width: r.width, height: r.height };
    }));
}

/** How many rows the visible controls above the canvas take. */
function rowsOf(boxes) {
  const tops = [];
  for (const box of boxes) if (!tops.some((top) => Math.abs(top - box.top) < box.height / 2)) tops.push(box.top);
  return tops.length;
}

describe('on a phone', () => {
  test('controls take at most two rows, are at least 24 x 24 px and never overlap, from 320 to 430 px', async () => {
    const browser = await launchBrowser({ viewport: { width: 320, height: 800 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true });
    try {
      for (const lang of ['fr', 'en']) {
        const { page, log, ids } = await openAtTheme(browser, lang, 'light');
        for (const width of [320, 360, 390, 430]) {
          await page.setViewportSize({ width, height: 800 });
          await settle(page);
          for (const chart of ids) {
            const views = await page.$eval(`autonomie-chart[chart="${chart}"]`, (e) => [...e.shadowRoot.querySelectorAll('.atm-controls [data-value]')].filter((b) => b.closest('.atm-group') === e.shadowRoot.querySelector('.atm-controls .atm-group')).map((b) => b.dataset.value));
            for (const view of views) {
              await page.$eval(`autonomie-chart[chart="${chart}"]`, (e, v) => e.setView(v), view);
              await settle(page);
              const boxes = await controlBoxes(page, chart);
              const above = boxes.filter((b) => b.above);
              const where = `${chart}/${view} ${lang} at ${width}px`;
              assert.ok(rowsOf(above) <= 2, `${where}: ${rowsOf(above)} rows of controls: ${above.map((b) => `${b.name}@${Math.round(b.top)}`).join(', ')}`);
              for (const box of boxes) {
                assert.ok(box.width >= 24 && box.height >= 24, `${where}: "${box.name}" is ${box.width} x ${box.height} px`);
              }
              for (const [i, a] of boxes.entries()) {
                for (const b of boxes.slice(i + 1)) {
                  const apart = a.left + a.width <= b.left + 1.5 || b.left + b.width <= a.left + 1.5 || a.top + a.height <= b.top + 1.5 || b.top + b.height <= a.top + 1.5;
                  assert.ok(apart, `${where}: "${a.name}" and "${b.name}" overlap`);
                }
              }
            }
            await page.$eval(`autonomie-chart[chart="${chart}"]`, (e, v) => e.setView(v), views[0]);
          }
        }
        assert.deepEqual([log.errors, log.consoleErrors], [[], []]);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });

  test('screenshots of every chart and view at 360, 390, 768 and 1200 px, in both languages and themes', async () => {
    let saved = 0;
    for (const width of [360, 390, 768, 1200]) {
      const phone = width < 500;
      const browser = await launchBrowser({ viewport: { width, height: 900 }, deviceScaleFactor: phone ? 3 : 2, hasTouch: phone, isMobile: phone });
      try {
        for (const theme of ['light', 'dark']) {
          for (const lang of ['fr', 'en']) {
            const { page, log, ids } = await openAtTheme(browser, lang, theme);
            for (const chart of ids) {
              const element = page.locator(`autonomie-chart[chart="${chart}"]`);
              const views = await element.evaluate((e) => [...e.shadowRoot.querySelector('.atm-controls .atm-group').querySelectorAll('[data-value]')].map((b) => b.dataset.value));
              for (const view of views) {
                await element.evaluate((e, v) => e.setView(v), view);
                await settle(page);
                const inked = await element.evaluate((e) => {
                  const canvas = e.shadowRoot.querySelector('canvas');
                  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
                  const paper = [data[0], data[1], data[2]];
                  let count = 0;
                  for (let i = 0; i < data.length; i += 16) if (Math.abs(data[i] - paper[0]) + Math.abs(data[i + 1] - paper[1]) + Math.abs(data[i + 2] - paper[2]) > 60) count += 1;
                  return count;
                });
                assert.ok(inked > 1000, `${chart}/${view} ${width}px ${lang} ${theme}: the canvas is nearly blank (${inked})`);
                await element.screenshot({ path: `${SCREENS}${chart}-${view}-${width}-${lang}-${theme}.png` });
                saved += 1;
              }
              await element.evaluate((e, v) => e.setView(v), views[0]);
            }
            assert.deepEqual([log.errors, log.consoleErrors], [[], []]);
            await page.close();
          }
        }
      } finally {
        await browser.close();
      }
    }
    assert.ok(saved >= 3 * 2 * 16, `${saved} screenshots`);
  });
});

/** Opens the page in `lang` with the reader's colour scheme set to `theme`. */
async function openAtTheme(browser, lang, theme) {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme: theme });
  const log = { errors: [], consoleErrors: [] };
  page.on('pageerror', (error) => log.errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') log.consoleErrors.push(message.text()); });
  await page.goto(`${origin}/#lang=${lang}`);
  await page.waitForSelector('html[data-ready="true"]');
  const ids = await page.$$eval('autonomie-chart', (elements) => elements.map((e) => e.getAttribute('chart')));
  for (const id of ids) {
    await page.locator(`autonomie-chart[chart="${id}"]`).scrollIntoViewIfNeeded();
    await page.waitForFunction((chart) => window.autonomieCharts.get(chart).drawCount > 0, id);
  }
  await settle(page);
  return { page, log, ids };
}
