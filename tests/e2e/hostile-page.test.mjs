// Host pages that get in the way: scripts or extensions that replace canvas methods
// (anti-fingerprinting tools return noisy or absurd text widths, blockers throw). The
// widget must either draw or say what happened in place; never freeze, never take the
// page down.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canvasPixels, serverAndBrowser } from './browser.mjs';

const env = serverAndBrowser();

/** Opens the page with `patch` run before any of its scripts. */
async function pageWith(patch) {
  const page = await env.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(patch);
  await page.goto(`${env.origin}/`);
  // The charts start when they come near the viewport: bring each one there.
  for (const chart of await page.$$('autonomie-chart')) await chart.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll('autonomie-chart')].every(
    (e) => e.drawCount > 0 || e.shadowRoot?.querySelector('.atm-error:not([hidden])')), null, { timeout: 15000 });
  return { page, errors };
}

for (const [name, width] of [['NaN', 'NaN'], ['infinite', 'Infinity'], ['negative', '-12']]) {
  test(`text widths that are ${name} fall back to the built-in estimate, and the charts draw`, async () => {
    const { page, errors } = await pageWith(`{
      const measure = CanvasRenderingContext2D.prototype.measureText;
      CanvasRenderingContext2D.prototype.measureText = function (text) {
        const real = measure.call(this, text);
        return new Proxy(real, { get: (target, key) => (key === 'width' ? ${width} : target[key]) });
      };
    }`);
    for (const id of ['models', 'valuations', 'funding', 'compute']) {
      const pixels = await canvasPixels(page, `autonomie-chart[chart="${id}"] >> canvas`);
      assert.ok(pixels.inked > 2000, `${id} is drawn`);
    }
    assert.equal(await page.locator('autonomie-chart .atm-error:not([hidden])').count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('a canvas that refuses to draw gives a message in place, and the page keeps working', async () => {
  const { page, errors } = await pageWith(() => {
    CanvasRenderingContext2D.prototype.fillText = () => {
      throw new Error('blocked by an extension');
    };
  });
  const messages = await page.$$eval('autonomie-chart', (all) => all.map((e) => e.shadowRoot.querySelector('.atm-error:not([hidden])')?.textContent ?? ''));
  assert.equal(messages.length, 4);
  for (const message of messages) {
    assert.match(message, /Ce graphique ne peut pas s’afficher : le navigateur a refusé de dessiner sur le canvas \(une extension du navigateur ou un script de la page peut le bloquer\)/);
  }
  // The rest of the page still answers: the language switch translates it.
  await page.click('button[data-lang-choice="en"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.deepEqual(errors, []);
  await page.close();
});
