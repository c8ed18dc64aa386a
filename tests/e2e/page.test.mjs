// End-to-end tests of the page: the real wasm build, served over HTTP by the project's
// server with its strict CSP, in Debian's Chromium at devicePixelRatio 2. Every toggle
// is clicked like a reader would, and the canvas pixels are checked, not just the DOM.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS, canvasPixels, launchBrowser, openPage, settle, startServer } from './browser.mjs';

let server, origin, browser, page, log;

before(async () => {
  ({ server, origin } = await startServer());
  browser = await launchBrowser();
  ({ page, log } = await openPage(browser.context, origin, '/'));
  await page.waitForSelector('html[data-ready="true"]');
  await settle(page);
});

after(async () => {
  await browser?.close();
  server?.close();
});

const canvas = (chart) => `autonomie-chart[chart="${chart}"] canvas`;

/** Scrolls a chart into view (they start lazily) and waits for its first drawing. */
async function ready(chart) {
  await page.locator(`autonomie-chart[chart="${chart}"]`).scrollIntoViewIfNeeded();
  await page.waitForFunction((id) => window.autonomieCharts.get(id).drawCount > 0, chart);
  await settle(page);
}
const state = (chart) => page.evaluate((id) => window.autonomieCharts.get(id).state(), chart);
const draws = (chart) => page.evaluate((id) => window.autonomieCharts.get(id).drawCount, chart);

/** Clicks a control and checks that it redrew exactly once and changed the pixels. */
async function clickAndCheck(chart, selector, expectState) {
  const before = await canvasPixels(page, canvas(chart));
  const drawsBefore = await draws(chart);
  // Under a chart's picture (the page as shipped) the legend is behind "Options".
  if (!(await page.locator(`autonomie-chart[chart="${chart}"] ${selector}`).isVisible())) {
    await page.click(`autonomie-chart[chart="${chart}"] .atm-more-toggle`);
  }
  await page.click(`autonomie-chart[chart="${chart}"] ${selector}`);
  await settle(page);
  const after = await canvasPixels(page, canvas(chart));
  assert.notEqual(after.hash, before.hash, `${chart}: ${selector} did not change the canvas`);
  assert.ok(after.inked > 2000, `${chart}: ${selector} left a nearly blank canvas`);
  assert.equal(await draws(chart) - drawsBefore, 1, `${chart}: ${selector} should redraw exactly once`);
  const current = await state(chart);
  for (const [key, value] of Object.entries(expectState)) {
    assert.deepEqual(current[key], value, `${chart}: state.${key} after ${selector}`);
  }
  const pressed = await page.$eval(`autonomie-chart[chart="${chart}"] ${selector}`, (b) => b.getAttribute('aria-pressed'));
  return pressed;
}

describe('the page', () => {
  test('draws four crisp, non-blank charts with no error and no third-party request', async () => {
    assert.deepEqual([...(await page.evaluate(() => [...window.autonomieCharts.keys()]))], ['models', 'valuations', 'funding', 'compute']);
    for (const chart of ['models', 'valuations', 'funding', 'compute']) {
      await ready(chart);
      const pixels = await canvasPixels(page, canvas(chart));
      assert.equal(pixels.width, pixels.cssWidth * 2, `${chart}: backing store is CSS width x devicePixelRatio`);
      assert.ok(pixels.inked > 20000, `${chart}: only ${pixels.inked} inked pixels`);
      assert.ok(pixels.colors > 8, `${chart}: only ${pixels.colors} colours`);
      const element = await page.$(`autonomie-chart[chart="${chart}"]`);
      await element.screenshot({ path: `${ARTIFACTS}${chart}.png` });
    }
    await page.screenshot({ path: `${ARTIFACTS}page.png`, fullPage: true });
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.consoleErrors, []);
    const foreign = log.requests.filter((url) => !url.startsWith(origin));
    assert.deepEqual(foreign, [], 'requests to another origin');
    assert.deepEqual(await page.context().cookies(), []);
  });

  test('is the page as shipped: the release\'s hashed files only, each with its SRI hash; no source module; each chart\'s picture in its HTML', async () => {
    const { readFileSync } = await import('node:fs');
    const manifest = JSON.parse(readFileSync(new URL('../../dist/manifest.json', import.meta.url), 'utf8'));
    assert.equal(new URL(page.url()).pathname, '/dist/', 'the home page is dist/index.html');
    const scripts = await page.$$eval('script[src], link[rel="stylesheet"]', (tags) => tags.map((t) => [t.getAttribute('src') ?? t.getAttribute('href'), t.getAttribute('integrity')]));
    const expected = ['app.js', 'autonomie-chart.js', 'style.css'].map((name) => [manifest.files[name].file, manifest.files[name].integrity]);
    assert.deepEqual(scripts.sort(), expected.sort());
    const paths = log.requests.filter((url) => url.startsWith(origin)).map((url) => new URL(url).pathname);
    assert.deepEqual(paths.filter((path) => path.startsWith('/www/')), [], 'no source module, no file of www/');
    // Each chart carries its default view's picture (a <picture> by width band and colour
    // scheme, as in an embed code): only pictures and data of the hashed pictures' directory.
    const pictures = `/dist/${manifest.files['static/pictures/'].file}`;
    const named = await page.$$eval('autonomie-chart', (all) => all.map((e) => e.querySelector('picture img')?.getAttribute('src')));
    assert.ok(named.length === 4 && named.every((src) => src?.startsWith(manifest.files['static/pictures/'].file)), named.join(' '));
    assert.deepEqual(paths.filter((path) => path.startsWith('/dist/static/') && !path.startsWith(pictures)), [], 'no other picture');
    assert.equal(paths.filter((path) => path.endsWith('.js')).length, 2, `two scripts: ${paths.join(' ')}`);
  });

  test('shows every source with its date, and when the data was last checked', async () => {
    const sources = await page.$$eval('#source-list li', (items) => items.map((li) => li.textContent));
    assert.ok(sources.length >= 20, `${sources.length} sources`);
    assert.ok(sources.some((s) => s.includes('Stanford HAI') && s.includes('avr. 2025')));
    const links = await page.$$eval('#source-list a', (anchors) => anchors.map((a) => [a.protocol, a.rel, a.href]));
    assert.ok(links.every(([protocol, rel]) => ['https:', 'http:'].includes(protocol) && rel === 'noopener noreferrer'));
    // https everywhere but where the records know a page only by its http address.
    const plain = links.filter(([protocol]) => protocol === 'http:').map(([, , href]) => href);
    assert.deepEqual(plain, ['http://app001.ftchinese.com/interactive/281775/en']);
    // The newest figure of the page, apart from the day the sources were checked.
    assert.equal(await page.textContent('#data-checked'), 'Chiffre le plus récent : 8 sept. 2026\u00a0; sources vérifiées le 6 déc. 2026.');
    const chartSource = await page.textContent('autonomie-chart[chart="models"] .atm-sources');
    assert.match(chartSource, /Stanford HAI \(entreprise ou organisme officiel\), «\sThe 2026 AI Index Report/);
    // Every chart says how recent its newest figure is.
    const dates = {};
    for (const chart of ['models', 'valuations', 'funding', 'compute']) {
      dates[chart] = await page.textContent(`autonomie-chart[chart="${chart}"] .atm-checked`);
    }
    assert.deepEqual(dates, {
      models: 'Chiffre le plus récent : 2025\u00a0; sources vérifiées le 6 déc. 2026.',
      valuations: 'Chiffre le plus récent : 8 sept. 2026\u00a0; sources vérifiées le 6 déc. 2026.',
      funding: 'Chiffre le plus récent : 8 sept. 2026\u00a0; sources vérifiées le 6 déc. 2026.',
      compute: 'Chiffre le plus récent : juin 2026\u00a0; sources vérifiées le 6 déc. 2026.',
    });
    // Publishers that say more than a name, kinds, titles not read and date notes are in
    // the page's language.
    const kinds = {
      'insideHPC': 'presse spécialisée', 'TechSpot': 'presse spécialisée', 'TOP500': 'entreprise ou organisme officiel',
      'Axios Pro (citant The Information)': 'journal', 'The New York Times (repris par Hindustan Times)': 'journal',
      'Bloomberg (information de presse ; confirmée par CNBC)': 'agence de presse', 'Bloomberg': 'agence de presse',
      'Banque centrale européenne': 'entreprise ou organisme officiel',
    };
    for (const [publisher, kind] of Object.entries(kinds)) {
      assert.ok(sources.some((s) => s.startsWith(`${publisher} (${kind}), `)), `${publisher} is listed as ${kind}`);
    }
    assert.ok(sources.some((s) => s.includes('[titre non lu] Communiqué d’ASML') || s.includes("[titre non lu] Communiqué d'ASML")), 'a headline not read says so');
    assert.ok(sources.some((s) => s.includes('(date de la copie utilisée).')), 'the date note is in French');
    assert.ok(!sources.some((s) => /citing|reported|via |European Central Bank|copy used|headline not read|official body|wire service/.test(s)), sources.join('\n'));
    // No source is a blog, an aggregator or a tag page: no figure is marked weak.
    assert.ok(!sources.some((s) => s.includes('(blog ou agrégateur)')), sources.join('\n'));
  });

  test('models: view, scale and every legend entry work', async () => {
    await ready('models');
    assert.equal(await clickAndCheck('models', 'button[data-value="history"]', { view: 'history' }), 'true');
    await clickAndCheck('models', 'button[data-value="log"]', { scale: 'log' });
    await clickAndCheck('models', 'button[data-value="linear"]', { scale: 'linear' });
    for (const key of ['US', 'CN', 'EU', 'EUROPE']) {
      assert.equal(await clickAndCheck('models', `button[data-key="${key}"]`, {}), 'false', `${key} pressed state`);
    }
    assert.deepEqual((await state('models')).hidden, ['CN', 'EU', 'EUROPE', 'US']);
    const empty = await page.textContent('autonomie-chart[chart="models"] .atm-legend');
    assert.ok(empty.includes('Chine'));
    for (const key of ['US', 'CN', 'EU', 'EUROPE']) {
      await clickAndCheck('models', `button[data-key="${key}"]`, {});
    }
    await clickAndCheck('models', 'button[data-value="latest"]', { view: 'latest', hidden: [] });
  });

  test('valuations: currency, scale, view and legend work', async () => {
    await ready('valuations');
    // Mistral's Series D has no ECB rate to dollars and Anthropic's Series H none to euros:
    // neither currency shows every amount, and the chart opens in euros.
    assert.equal((await state('valuations')).currency, 'EUR');
    const rates = await page.textContent('autonomie-chart[chart="valuations"] .atm-rates');
    assert.match(rates, /1\s€ = 1,1498\s\$ \(31 mars 2026\)/);
    const reason = 'La copie des cours de référence de la BCE utilisée ici s\'arrête au 13 avril 2026 : elle n\'a pas de cours pour cette date.';
    assert.equal(
      await page.textContent('autonomie-chart[chart="valuations"] .atm-unconverted'),
      `Montants non convertis, affichés tels que publiés : Anthropic 965\u00a0Md$ (28 mai 2026). ${reason}`,
    );
    await clickAndCheck('valuations', 'button[data-value="USD"]', { currency: 'USD' });
    // In dollars, Mistral's Series D is shown as published, its "more than" kept.
    assert.equal(
      await page.textContent('autonomie-chart[chart="valuations"] .atm-unconverted'),
      `Montants non convertis, affichés tels que publiés : Mistral AI >\u00a021\u00a0Md€ (8 sept. 2026). ${reason}`,
    );
    // The chart as it stood when the blog post was written.
    await clickAndCheck('valuations', 'button[data-value="october-2025"]', { view: 'october-2025', currency: 'USD' });
    assert.equal(await page.isVisible('autonomie-chart[chart="valuations"] .atm-unconverted'), false);
    assert.match(await page.textContent('autonomie-chart[chart="valuations"] .atm-checked'), /^Chiffre le plus récent : 2 oct\. 2025/);
    await clickAndCheck('valuations', 'button[data-value="latest"]', { view: 'latest' });
    await clickAndCheck('valuations', 'button[data-value="log"]', { scale: 'log' });
    await clickAndCheck('valuations', 'button[data-key="openai"]', { hidden: ['openai'] });
    await clickAndCheck('valuations', 'button[data-value="history"]', { view: 'history', scale: 'log', hidden: ['openai'] });
    await clickAndCheck('valuations', 'button[data-key="openai"]', { hidden: [] });
    await clickAndCheck('valuations', 'button[data-key="mistral"]', { hidden: ['mistral'] });
    await clickAndCheck('valuations', 'button[data-value="linear"]', { scale: 'linear' });
  });

  test('funding: every view, scale and currency works', async () => {
    await ready('funding');
    await clickAndCheck('funding', 'button[data-value="USD"]', { currency: 'USD' });
    await clickAndCheck('funding', 'button[data-value="EUR"]', { currency: 'EUR' });
    await clickAndCheck('funding', 'button[data-value="october-2025"]', { view: 'october-2025' });
    await clickAndCheck('funding', 'button[data-value="latest"]', { view: 'latest' });
    await clickAndCheck('funding', 'button[data-value="linear"]', { scale: 'linear' });
    await clickAndCheck('funding', 'button[data-key="jupiter"]', { hidden: ['jupiter'] });
    // 2025's investments have no 2025 mean of the ECB rates: the view switches to dollars.
    await clickAndCheck('funding', 'button[data-value="countries"]', { view: 'countries', scale: 'log', hidden: [], currency: 'USD' });
    assert.match(await page.textContent('autonomie-chart[chart="funding"] .atm-description'), /États-Unis 285,88\sMd\$/);
    await clickAndCheck('funding', 'button[data-key="US"]', { hidden: ['US'] });
    await clickAndCheck('funding', 'button[data-value="countries-2024"]', { view: 'countries-2024', hidden: ['US'], currency: 'USD' });
    await clickAndCheck('funding', 'button[data-value="EUR"]', { currency: 'EUR' });
    const element = await page.$('autonomie-chart[chart="funding"]');
    await element.screenshot({ path: `${ARTIFACTS}funding-countries.png` });
  });

  test('compute: both TOP500 lists, both scales, every region, in exaflop/s with no currency', async () => {
    await ready('compute');
    const chart = 'autonomie-chart[chart="compute"]';
    assert.deepEqual(await state('compute'), { chart: 'compute', view: 'june-2026', scale: 'linear', currency: 'EUR', lang: 'fr', hidden: [] });
    assert.equal(await page.isVisible(`${chart} button[data-value="USD"]`), false, 'no currency for computing speeds');
    const description = await page.textContent(`${chart} .atm-description`);
    assert.match(description, /n° 1 LineShine · Shenzhen, Chine : Chine 2,198\sEflop\/s\./);
    assert.match(description, /n° 5 JUPITER Booster · Jülich, Allemagne : Europe 1,000\sEflop\/s\./);
    const notes = await page.textContent(`${chart} .atm-notes`);
    assert.match(notes, /23 752 superpuces Nvidia GH200/);
    assert.match(notes, /HPL \(High-Performance Linpack\)/);
    await clickAndCheck('compute', 'button[data-value="log"]', { scale: 'log' });
    await clickAndCheck('compute', 'button[data-value="november-2025"]', { view: 'november-2025', scale: 'linear' });
    assert.match(await page.textContent(`${chart} .atm-notes`), /La Chine est absente/);
    assert.deepEqual(await page.$$eval(`${chart} .atm-legend button`, (b) => b.map((x) => x.dataset.key)), ['US', 'EUROPE', 'JP']);
    for (const key of ['US', 'EUROPE', 'JP']) {
      assert.equal(await clickAndCheck('compute', `button[data-key="${key}"]`, {}), 'false', `${key} pressed state`);
    }
    for (const key of ['US', 'EUROPE', 'JP']) await clickAndCheck('compute', `button[data-key="${key}"]`, {});
    const table = await page.$$eval(`${chart} .atm-table tbody tr`, (rows) => rows.map((r) => r.textContent));
    assert.equal(table.length, 7);
    assert.ok(table.some((row) => row.includes('Europe') && row.includes('n° 6 HPC6 · Eni, Italie') && row.includes('477,9\u00a0Pflop/s') && row.includes('annonce officielle') && row.includes('BeBeez')), table.join('\n'));
    await clickAndCheck('compute', 'button[data-value="june-2026"]', { view: 'june-2026' });
    const element = await page.$(chart);
    await element.screenshot({ path: `${ARTIFACTS}compute.png` });
  });

  test('the language switch translates the page and every chart', async () => {
    const before = await canvasPixels(page, canvas('models'));
    await page.click('button[data-lang-choice="en"]');
    await settle(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    for (const chart of ['models', 'valuations', 'funding', 'compute']) {
      assert.equal((await state(chart)).lang, 'en');
    }
    assert.notEqual((await canvasPixels(page, canvas('models'))).hash, before.hash);
    assert.ok(await page.isVisible('h1 >> text=Europe and AI'));
    assert.ok(!(await page.isVisible('h1 >> text=L’Europe et l’IA')));
    assert.equal(await page.textContent('#data-checked'), 'Newest figure: Sep 8, 2026; sources checked on Dec 6, 2026.');
    assert.match(await page.textContent('autonomie-chart[chart="compute"] .atm-legend'), /United States.*China.*Europe/);
    assert.match(await page.textContent('autonomie-chart[chart="valuations"] .atm-legend'), /OpenAI/);
    assert.match(await page.getAttribute(canvas('valuations'), 'aria-label'), /What the AI model makers are worth/);
    await page.click('button[data-lang-choice="fr"]');
    await settle(page);
    assert.equal((await state('funding')).lang, 'fr');
  });

  test('redraws at the new size when the window is resized', async () => {
    await page.setViewportSize({ width: 420, height: 800 });
    await settle(page);
    await page.waitForTimeout(100);
    await settle(page);
    const pixels = await canvasPixels(page, canvas('valuations'));
    assert.ok(pixels.cssWidth < 420);
    assert.equal(pixels.width, pixels.cssWidth * 2);
    assert.ok(pixels.inked > 10000);
    const element = await page.$('autonomie-chart[chart="valuations"]');
    await element.screenshot({ path: `${ARTIFACTS}valuations-phone.png` });
    await page.setViewportSize({ width: 900, height: 700 });
    await settle(page);
  });

  test('bad input shows a clear message in place, and the other charts keep working', async () => {
    const messages = await page.evaluate(async () => {
      // The page's own copy of the element's bundle, whose wasm is ready.
      const { AutonomieChart } = await import(document.querySelector('script[src*="autonomie-chart."]').src);
      const results = {};
      const make = (id, options) => {
        const div = document.createElement('div');
        document.querySelector('main').append(div);
        try {
          new AutonomieChart(div, id, { lang: 'en', ...options });
        } catch (error) {
          results.thrown = String(error);
        }
        return div.querySelector('.atm-error')?.textContent ?? '';
      };
      results.unknownChart = make('weather');
      results.notJson = make('models', { dataset: '{ "format": 1, ' });
      results.invalid = make('models', { dataset: JSON.stringify({ format: 1, checked: '2026-11-23', charts: [], sources: {} }) });
      // A French chart says all of it in French.
      results.unknownChartFr = make('weather', { lang: 'fr' });
      results.notJsonFr = make('models', { dataset: '{ "format": 1, ', lang: 'fr' });
      results.invalidFr = make('models', { dataset: JSON.stringify({ format: 1, checked: '2026-11-23', charts: [], sources: {} }), lang: 'fr' });
      return results;
    });
    assert.equal(messages.thrown, undefined, 'construction reports errors in place, it does not throw');
    assert.match(messages.unknownChart, /unknown chart "weather"; expected one of: models, valuations, funding, compute/);
    assert.match(messages.notJson, /not valid JSON.*line 1 column/);
    assert.match(messages.invalid, /charts: no chart; expected at least one/);
    assert.equal(messages.unknownChartFr, 'Ce graphique ne peut pas s’afficher : graphique inconnu « weather » ; valeurs possibles : models, valuations, funding, compute');
    assert.equal(messages.notJsonFr, 'Ce graphique ne peut pas s’afficher : le fichier de données n’est pas un JSON valide pour ce format : le fichier s’arrête là où une valeur est attendue à la ligne 1, colonne 16');
    assert.equal(messages.invalidFr, 'Ce graphique ne peut pas s’afficher : le fichier de données a 1 problème :\n- charts : aucun graphique ; il en faut au moins un');
    assert.ok(log.consoleErrors.some((m) => m.includes('unknown chart "weather"')), 'the console gets the message too');

    const unknownScale = await page.evaluate(() => {
      try {
        window.autonomieCharts.get('models').setScale('sqrt');
        return 'no error';
      } catch (error) {
        return error.message;
      }
    });
    // The page is in French here: so is the message.
    assert.equal(unknownScale, 'échelle inconnue « sqrt » ; valeurs possibles : linear, log');
    assert.equal(await page.textContent('autonomie-chart[chart="models"] .atm-error'), 'Ce graphique ne peut pas s’afficher : échelle inconnue « sqrt » ; valeurs possibles : linear, log');
    await clickAndCheck('valuations', 'button[data-value="EUR"]', { currency: 'EUR' });
    await page.click('autonomie-chart[chart="models"] button[data-value="log"]');
    await settle(page);
    assert.ok(await page.isHidden('autonomie-chart[chart="models"] .atm-error'), 'a valid toggle brings the chart back');
    assert.ok((await canvasPixels(page, canvas('models'))).inked > 10000);
  });
});
