// End-to-end tests of reading a chart without seeing the canvas, or on a phone:
// tooltips (mouse, touch, keyboard), the description and the table, the exports, the
// themes, printing, the fallback without JavaScript, and an axe-core audit.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ARTIFACTS, canvasPixels, launchBrowser, openPage, settle, startServer } from './browser.mjs';
import { serve } from '../../scripts/serve.mjs';

const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
let server, origin, blog, blogOrigin, browser;

before(async () => {
  ({ server, origin } = await startServer());
  blog = await serve(0, { quiet: true, widgetOrigin: origin });
  blogOrigin = `http://127.0.0.1:${blog.address().port}`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.close();
  blog?.close();
});

const chart = (id) => `autonomie-chart[chart="${id}"]`;

async function openChart(page, id) {
  await page.locator(chart(id)).scrollIntoViewIfNeeded();
  await page.waitForFunction((s) => document.querySelector(s)?.drawCount > 0, chart(id));
  await settle(page);
}

/** Opens chart `id`'s "Options" (the legend, table and downloads are under it beside a picture). */
async function openOptions(page, id) {
  const toggle = page.locator(`${chart(id)} .atm-more-toggle`);
  if (await toggle.isVisible() && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/**
 * The centre of item `index`'s mark, in page coordinates, from the chart's own layout:
 * the keyboard puts the highlight ring on the item, whose box is then read back.
 */
async function itemCentre(page, id, index) {
  await page.focus(`${chart(id)} canvas`);
  await page.keyboard.press('Home');
  for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowRight');
  const ring = await page.locator(`${chart(id)} .atm-ring`).boundingBox();
  await page.keyboard.press('Escape');
  await page.$eval(chart(id), (e) => e.shadowRoot.activeElement?.blur());
  return { x: ring.x + ring.width / 2, y: ring.y + ring.height / 2 };
}

async function tooltipText(page, id) {
  const tip = page.locator(`${chart(id)} .atm-tooltip`);
  return (await tip.isVisible()) ? tip.textContent() : null;
}

describe('reading a chart', () => {
  test('hovering a bar shows its value, date, basis and source; leaving hides it', async () => {
    const { page } = await openPage(browser.context, origin, '/');
    await openChart(page, 'valuations');
    const box = await page.locator(`${chart('valuations')} canvas`).boundingBox();
    let openai = await itemCentre(page, 'valuations', 2);
    await page.mouse.move(openai.x, openai.y);
    let found = await tooltipText(page, 'valuations');
    assert.ok(found, 'hovering the OpenAI row shows its tooltip');
    // Converted at the ECB rate of its day, with every source and its kind.
    assert.match(found, /≈741\u00a0Md€ \(chiffre publié : 852\u00a0Md\$\) · 31 mars 2026/);
    assert.match(found, /annonce officielle/);
    assert.match(found, /Source : OpenAI \(entreprise ou organisme officiel\), Accelerating the next phase of AI \(31 mars 2026\)/);
    assert.match(found, /Source : Bloomberg \(agence de presse\), \[titre non lu\] Article de Bloomberg/);
    assert.ok(await page.isVisible(`${chart('valuations')} .atm-ring`), 'the item is highlighted');
    await page.mouse.move(box.x + box.width / 2, box.y - 60);
    assert.equal(await tooltipText(page, 'valuations'), null);
    // In euros, an amount without a rate says so, and why, on hover.
    const anthropic = await itemCentre(page, 'valuations', 1);
    await page.mouse.move(anthropic.x, anthropic.y);
    found = await tooltipText(page, 'valuations');
    assert.match(found, /965\u00a0Md\$ \(non converti\) · 28 mai 2026/);
    assert.match(found, /La copie des cours de référence de la BCE utilisée ici s'arrête au 13 avril 2026/);
    // A lower bound keeps its "more than".
    const mistral = await itemCentre(page, 'valuations', 0);
    await page.mouse.move(mistral.x, mistral.y);
    found = await tooltipText(page, 'valuations');
    assert.match(found, /^Mistral AI>\u00a021\u00a0Md€ · 8 sept\. 2026/);
    assert.match(found, /Source : CNBC \(journal\), Mistral bags \$24 billion valuation/);
    // The blog post's figures, in their own view.
    await page.click(`${chart('valuations')} button[data-value="october-2025"]`);
    await settle(page);
    openai = await itemCentre(page, 'valuations', 2);
    await page.mouse.move(openai.x, openai.y);
    found = await tooltipText(page, 'valuations');
    assert.match(found, /≈425\u00a0Md€ \(chiffre publié : 500\u00a0Md\$\) · 2 oct\. 2025/);
    assert.match(found, /cession secondaire rapportée par la presse/);
    assert.match(found, /Source : Bloomberg/);
    await page.mouse.move(box.x + box.width / 2, box.y - 60);
    // A bar of the compute chart: its rank and system, value in exaflop/s, note, source.
    await openChart(page, 'compute');
    const jupiter = await itemCentre(page, 'compute', 4);
    await page.mouse.move(jupiter.x, jupiter.y);
    found = await tooltipText(page, 'compute');
    assert.match(found, /^Europe · n° 5 JUPITER Booster · Jülich, Allemagne1,000\u00a0Eflop\/s · juin 2026/);
    assert.match(found, /23 752 superpuces Nvidia GH200/);
    assert.match(found, /Source : TechSpot \(presse spécialisée\)/);
    await page.close();
  });

  test('the keyboard reaches every item, legend entry and toggle, with a visible focus', async () => {
    const { page } = await openPage(browser.context, origin, '/');
    await openChart(page, 'models');
    await page.focus(`${chart('models')} canvas`);
    assert.equal(await page.$eval(chart('models'), (e) => e.shadowRoot.activeElement?.tagName), 'CANVAS');
    const outline = await page.$eval(chart('models'), (e) => getComputedStyle(e.shadowRoot.activeElement).outlineStyle);
    assert.equal(outline, 'solid', 'focus is visible');
    await page.keyboard.press('ArrowRight');
    assert.match(await tooltipText(page, 'models'), /^États-Unis59 · 2025/);
    await page.keyboard.press('ArrowDown');
    assert.match(await tooltipText(page, 'models'), /^Chine35/);
    await page.keyboard.press('End');
    assert.match(await tooltipText(page, 'models'), /^Europe2 · 2025/);
    await page.keyboard.press('Home');
    assert.match(await tooltipText(page, 'models'), /^États-Unis/);
    await page.keyboard.press('Escape');
    assert.equal(await tooltipText(page, 'models'), null);

    // Tab goes on to the toolbar under the chart, then, through "Options", to the tools
    // and the legend; Enter and Space toggle.
    const focused = () => page.$eval(chart('models'), (e) => e.shadowRoot.activeElement?.dataset.key ?? e.shadowRoot.activeElement?.dataset.value ?? e.shadowRoot.activeElement?.className);
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'latest');
    for (let i = 0; i < 8 && !String(await focused()).includes('atm-more-toggle'); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 8 && (await focused()) !== 'US'; i++) await page.keyboard.press('Tab');
    assert.equal(await focused(), 'US', 'the legend after the tools');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'EUROPE');
    await page.keyboard.press('Enter');
    assert.deepEqual(await page.$eval(chart('models'), (e) => e.state().hidden), ['EUROPE']);
    await page.focus(`${chart('models')} button[data-key="EUROPE"]`);
    await page.keyboard.press('Space');
    assert.deepEqual(await page.$eval(chart('models'), (e) => e.state().hidden), []);
    await page.focus(`${chart('models')} button[data-value="log"]`);
    await page.keyboard.press('Enter');
    assert.equal(await page.$eval(chart('models'), (e) => e.state().scale), 'log');
    await page.close();
  });

  test('on a phone, a tap shows the tooltip and a tap elsewhere hides it', async () => {
    const phone = await launchBrowser({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 });
    try {
      const { page } = await openPage(phone.context, origin, '/');
      await openChart(page, 'models');
      const pixels = await canvasPixels(page, `${chart('models')} canvas`);
      assert.equal(pixels.width, pixels.cssWidth * 3, 'sharp at devicePixelRatio 3');
      const us = await itemCentre(page, 'models', 0);
      await page.touchscreen.tap(us.x, us.y);
      const shown = await tooltipText(page, 'models');
      assert.match(shown ?? '', /États-Unis/);
      // Outside the chart: just above the element (its own controls are above the canvas).
      const host = await page.locator(chart('models')).boundingBox();
      await page.touchscreen.tap(host.x + 10, host.y - 12);
      assert.equal(await tooltipText(page, 'models'), null);
      await page.locator(chart('models')).screenshot({ path: `${ARTIFACTS}models-phone.png` });
    } finally {
      await phone.close();
    }
  });

  test('the description and the table say exactly what is shown', async () => {
    const { page } = await openPage(browser.context, origin, '/');
    await openChart(page, 'models');
    const described = await page.$eval(chart('models'), (e) => {
      const canvas = e.shadowRoot.querySelector('canvas');
      return e.shadowRoot.getElementById(canvas.getAttribute('aria-describedby')).textContent;
    });
    assert.match(described, /États-Unis 59, Chine 35, Europe 2\. Le plus élevé, États-Unis \(59\), vaut environ 30 fois le plus faible, Europe \(2\)\./);
    const rows = () => page.$$eval(`${chart('models')} .atm-table tbody tr`, (trs) => trs.map((tr) => tr.textContent));
    assert.equal((await rows()).length, 3);
    assert.ok(!(await page.isVisible(`${chart('models')} .atm-table table`)) || (await page.$eval(`${chart('models')} .atm-table`, (t) => t.classList.contains('atm-visually-hidden'))));
    await openOptions(page, 'models');
    await page.click(`${chart('models')} .atm-table-button`);
    assert.equal(await page.$eval(`${chart('models')} .atm-table`, (t) => t.classList.contains('atm-visually-hidden')), false);
    assert.ok(await page.isVisible(`${chart('models')} .atm-table table`));
    await page.click(`${chart('models')} button[data-key="CN"]`);
    assert.deepEqual((await rows()).map((r) => r.split('2025')[0]), ['États-Unis', 'Europe']);
    assert.doesNotMatch(await page.$eval(chart('models'), (e) => e.shadowRoot.querySelector('.atm-description').textContent), /Chine/);
    await page.close();
  });

  test('PNG, SVG and CSV downloads contain what is shown', async () => {
    const { page } = await openPage(browser.context, origin, '/');
    await openChart(page, 'valuations');
    await page.click(`${chart('valuations')} button[data-value="USD"]`);
    await openOptions(page, 'valuations');
    const cssWidth = await page.$eval(`${chart('valuations')} canvas`, (c) => c.clientWidth);
    const fetchDownload = async (format) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`${chart('valuations')} button[data-export="${format}"]`)]);
      const path = `${ARTIFACTS}${download.suggestedFilename()}`;
      await download.saveAs(path);
      return { name: download.suggestedFilename(), bytes: readFileSync(path) };
    };
    const png = await fetchDownload('png');
    assert.match(png.name, /^autonomie-valuations-latest-\d{4}-\d{2}-\d{2}\.png$/);
    assert.equal(png.bytes.subarray(1, 4).toString(), 'PNG');
    assert.equal(png.bytes.readUInt32BE(16), cssWidth * 2, 'PNG is twice the CSS width');
    assert.ok(png.bytes.readUInt32BE(20) > 400);

    const svg = await fetchDownload('svg');
    const svgText = svg.bytes.toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror') !== null, texts: [...doc.querySelectorAll('text')].map((t) => t.textContent.trim()) };
    }, svgText);
    assert.equal(parsed.error, false);
    for (const label of ['Mistral AI', 'Anthropic', 'OpenAI', '965\u00a0Md$', '852\u00a0Md$', '>\u00a021\u00a0Md€ (non converti)', 'Chiffre le plus récent : 8 sept. 2026']) {
      assert.ok(parsed.texts.some((t) => t.includes(label)), `SVG has ${label}`);
    }

    const csv = (await fetchDownload('csv')).bytes.toString('utf8');
    assert.ok(csv.startsWith('\ufeff'));
    const lines = csv.slice(1).trim().split('\r\n');
    assert.equal(lines.length, 4);
    assert.match(lines[0], /^série;panneau;date;valeur;borne;unité;valeur publiée;devise publiée;USD pour 1 EUR \(BCE\);date du cours;nature;titre de la source;éditeur;type de source;date de la source;URL$/);
    // Mistral's Series D, a lower bound with no ECB rate to dollars, stays in euros.
    assert.match(lines[1], /^Mistral AI;;2026-09-08;21;plus de;milliard EUR;21;EUR;;;annonce officielle;/);
    assert.match(lines[2], /^Anthropic;;2026-05-28;965;;milliard USD;965;USD;;;annonce officielle;/);
    // Several sources: each in the same columns, apart by ` | `.
    assert.match(lines[3], /^OpenAI;;2026-03-31;852;;milliard USD;852;USD;;;annonce officielle;Accelerating the next phase of AI \| \[titre non lu\] Article de Bloomberg/);
    assert.match(lines[3], /;entreprise ou organisme officiel \| agence de presse \| journal;/);
    await page.close();
  });

  test('dark theme follows the system, a theme attribute overrides it, forced colors get high contrast', async () => {
    const { page } = await openPage(browser.context, origin, '/');
    await page.emulateMedia({ colorScheme: 'dark' });
    await openChart(page, 'valuations');
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
    const corner = (id) => page.$eval(`${chart(id)} canvas`, (c) => [...c.getContext('2d').getImageData(2, 2, 1, 1).data].slice(0, 3));
    assert.deepEqual(await corner('valuations'), [21, 24, 28]);
    await page.locator(chart('valuations')).screenshot({ path: `${ARTIFACTS}valuations-dark.png` });
    await page.$eval(chart('valuations'), (e) => e.setAttribute('theme', 'light'));
    await settle(page);
    assert.deepEqual(await corner('valuations'), [255, 255, 255]);
    await page.emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
    await settle(page);
    assert.deepEqual(await corner('valuations'), [0, 0, 0]);
    await page.emulateMedia({ forcedColors: 'none' });
    await page.close();
  });

  test('printing shows a vector drawing with its source lines', async () => {
    const { page } = await openPage(browser.context, origin, '/');
    await openChart(page, 'funding');
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('.atm-print svg'), chart('funding'));
    assert.ok(await page.isVisible(`${chart('funding')} .atm-print svg`));
    assert.ok(!(await page.isVisible(`${chart('funding')} canvas`)));
    const texts = await page.$eval(chart('funding'), (e) => [...e.shadowRoot.querySelectorAll('.atm-print svg text')].map((t) => t.textContent.trim()).join(' | '));
    // The printed drawing travels alone: it carries the notes, the rates and every
    // source with its title, so the HTML notes are not printed a second time.
    assert.match(texts, /Sources :/);
    assert.match(texts, /Forschungszentrum Jülich \(JSC\) \(entreprise ou organisme officiel\), «/);
    assert.match(texts, /Conversion au cours de référence BCE/);
    assert.ok(!(await page.isVisible(`${chart('funding')} .atm-notes`)));
    await page.pdf({ path: `${ARTIFACTS}page.pdf` });
    await page.emulateMedia({ media: 'screen' });
    await page.close();
  });

  test('without JavaScript each chart shows the picture of its default view', async () => {
    const noScript = await launchBrowser({ javaScriptEnabled: false });
    try {
      const page = await noScript.context.newPage();
      await page.goto(`${origin}/`);
      for (const id of ['models', 'valuations', 'funding', 'compute']) {
        const image = page.locator(`${chart(id)} picture img`);
        await image.scrollIntoViewIfNeeded();
        await page.waitForFunction((s) => document.querySelector(s)?.complete, `${chart(id)} picture img`);
        assert.ok(await image.isVisible(), `${id} picture visible`);
        assert.ok(await image.evaluate((img) => img.naturalWidth >= 740 && img.getBoundingClientRect().width > 600), `${id} at the column's width`);
      }
      assert.match(await page.getAttribute(`${chart('models')} img`, 'alt'), /États-Unis 59, Chine 35, Europe 2/);
      await page.screenshot({ path: `${ARTIFACTS}page-without-javascript.png`, fullPage: true });
    } finally {
      await noScript.close();
    }
  });

  test('axe-core finds no accessibility violation on the page, embed.html and the blog post', async () => {
    const audit = async (page) => {
      await page.evaluate(AXE);
      return page.evaluate(async () => {
        const result = await window.axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
    };
    const { page } = await openPage(browser.context, origin, '/');
    for (const id of ['models', 'valuations', 'funding', 'compute']) await openChart(page, id);
    assert.deepEqual(await audit(page), []);
    await openOptions(page, 'valuations');
    await page.click(`${chart('valuations')} .atm-table-button`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
    assert.deepEqual(await audit(page), [], 'dark theme, table open');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.close();

    const { page: embed } = await openPage(browser.context, origin, '/www/embed.html#chart=funding&lang=fr');
    await embed.waitForFunction(() => document.getElementById('chart')?.drawCount > 0);
    assert.deepEqual(await audit(embed), []);
    await embed.close();

    const { page: post } = await openPage(browser.context, blogOrigin, '/examples/blog-post.html');
    for (const selector of ['#figure-valorisations autonomie-chart', '#figure-pays autonomie-chart', '#figure-calcul autonomie-chart', '#figure-levees autonomie-chart']) {
      await post.locator(selector).scrollIntoViewIfNeeded();
      await post.waitForFunction((s) => document.querySelector(s)?.drawCount > 0, selector);
    }
    assert.deepEqual(await audit(post), []);
    await post.close();
  });
});
