// Focus stays where the reader is (WCAG 2.4.3): every control of every chart is driven
// with the keyboard (Tab to it, Enter or Space), and after each press the focus is still
// on the pressed control, and the next Tab reaches the next control. A tap and a click
// keep focus too. The chart's DOM is updated in place, never rebuilt.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, settle, startServer } from './browser.mjs';

let server, origin, browser, touchBrowser;

before(async () => {
  ({ server, origin } = await startServer());
  browser = await launchBrowser();
  touchBrowser = await launchBrowser({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 }, deviceScaleFactor: 3 });
});

after(async () => {
  await browser?.close();
  await touchBrowser?.close();
  server?.close();
});

const CHARTS = ['models', 'valuations', 'funding'];

async function openChart(context, chart) {
  const { page, log } = await openPage(context, origin, '/');
  await page.waitForSelector('html[data-ready="true"]');
  await page.locator(`autonomie-chart[chart="${chart}"]`).scrollIntoViewIfNeeded();
  await page.waitForFunction((id) => window.autonomieCharts.get(id).drawCount > 0, chart);
  await settle(page);
  return { page, log };
}

/**
 * The focused element inside chart `chart`'s shadow root, as a name (`view:latest`,
 * `series:US`, `export:png`…), with whether it is a node that was marked earlier.
 */
function focused(page, chart) {
  return page.evaluate((id) => {
    const active = document.querySelector(`autonomie-chart[chart="${id}"]`).shadowRoot.activeElement;
    if (!active) return null;
    return { name: controlName(active), marked: active.dataset.testMark === 'yes', pressed: active.getAttribute('aria-pressed') };
    function controlName(node) {
      if (node.dataset.key) return `series:${node.dataset.key}`;
      if (node.dataset.export) return `export:${node.dataset.export}`;
      if (node.dataset.value) return `${node.closest('.atm-group').getAttribute('aria-label')}:${node.dataset.value}`;
      return node.className || node.tagName;
    }
  }, chart);
}

/** The names of the chart's controls that a Tab can reach, in document order. */
function controls(page, chart) {
  return page.evaluate((id) => {
    const root = document.querySelector(`autonomie-chart[chart="${id}"]`).shadowRoot;
    return [...root.querySelectorAll('.atm-controls button, .atm-tools button, .atm-legend button')]
      .filter((b) => b.offsetParent !== null && !b.disabled)
      .map((node) => {
        if (node.dataset.key) return `series:${node.dataset.key}`;
        if (node.dataset.export) return `export:${node.dataset.export}`;
        if (node.dataset.value) return `${node.closest('.atm-group').getAttribute('aria-label')}:${node.dataset.value}`;
        return node.className || node.tagName;
      });
  }, chart);
}

describe('keyboard focus', () => {
  for (const chart of CHARTS) {
    test(`${chart}: every control pressed from the keyboard keeps focus, and Tab goes on to the next`, async () => {
      const { page, log } = await openChart(browser.context, chart);
      // Start on the first control, then Tab through all of them.
      await page.evaluate((id) => {
        document.querySelector(`autonomie-chart[chart="${id}"]`).shadowRoot.querySelector('.atm-controls button').focus();
      }, chart);
      let pressedCount = 0;
      for (let step = 0; step < 60; step += 1) {
        const current = await focused(page, chart);
        assert.ok(current, `${chart}: focus left the chart at step ${step}`);
        // Mark the node: after the press, focus must be on this very node.
        await page.evaluate((id) => {
          document.querySelector(`autonomie-chart[chart="${id}"]`).shadowRoot.activeElement.dataset.testMark = 'yes';
        }, chart);
        if (!current.name.startsWith('export:')) {
          const drawsBefore = await page.evaluate((id) => window.autonomieCharts.get(id).drawCount, chart);
          await page.keyboard.press(step % 2 ? 'Enter' : 'Space');
          await settle(page);
          pressedCount += 1;
          const after = await focused(page, chart);
          assert.deepEqual([after?.name, after?.marked], [current.name, true], `${chart}: focus moved away from ${current.name} when it was pressed`);
          if (current.pressed === 'false') {
            assert.equal(after.pressed, 'true', `${chart}: ${current.name} is not shown as pressed after the press`);
            const drawsAfter = await page.evaluate((id) => window.autonomieCharts.get(id).drawCount, chart);
            assert.equal(drawsAfter - drawsBefore, 1, `${chart}: ${current.name} redrew ${drawsAfter - drawsBefore} times`);
          }
          if (current.name.startsWith('series:') && current.pressed === 'true') {
            assert.equal(after.pressed, 'false', `${chart}: ${current.name} did not hide its series`);
          }
        }
        await page.evaluate((id) => {
          delete document.querySelector(`autonomie-chart[chart="${id}"]`).shadowRoot.activeElement.dataset.testMark;
        }, chart);
        const list = await controls(page, chart);
        const index = list.indexOf(current.name);
        assert.ok(index >= 0, `${chart}: ${current.name} is no longer a control`);
        if (index === list.length - 1) break;
        await page.keyboard.press('Tab');
        const next = await focused(page, chart);
        assert.equal(next?.name, list[index + 1], `${chart}: Tab after ${current.name} should reach the next control`);
      }
      assert.ok(pressedCount >= 5, `${chart}: only ${pressedCount} controls pressed`);
      assert.deepEqual([log.errors, log.consoleErrors], [[], []]);
      await page.close();
    });
  }

  test('a toggle is announced once, in one live region, and the controls are not rebuilt', async () => {
    const { page } = await openChart(browser.context, 'valuations');
    const result = await page.evaluate(async () => {
      const root = document.querySelector('autonomie-chart[chart="valuations"]').shadowRoot;
      const regions = root.querySelectorAll('[role="status"], [aria-live]');
      const status = root.querySelector('.atm > [role="status"]');
      const removed = [];
      const observer = new MutationObserver((records) => {
        for (const record of records) for (const node of record.removedNodes) if (node.nodeType === 1 && node.matches('button')) removed.push(node.textContent);
      });
      observer.observe(root, { subtree: true, childList: true });
      const before = status.textContent;
      root.querySelector('.atm-controls button[data-value="log"]').click();
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      observer.disconnect();
      return { regions: regions.length, before, after: status.textContent, removed };
    });
    // The tooltip is the other live region; it speaks only when an item is read.
    assert.equal(result.regions, 2);
    assert.equal(result.before, '', 'nothing is announced before the reader acts');
    assert.ok(result.after.length > 10, `the new state is announced: "${result.after}"`);
    assert.deepEqual(result.removed, [], 'no button was removed by a scale toggle');
    await page.close();
  });

  test('a tap and a click leave focus on the control', async () => {
    for (const [context, act] of [[touchBrowser.context, 'tap'], [browser.context, 'click']]) {
      const { page } = await openChart(context, 'funding');
      // On a phone, and under a chart's picture (the page as shipped), the series toggles
      // sit behind the "Options" disclosure.
      for (const selector of ['.atm-controls button[data-value="log"]', '.atm-more-toggle', '.atm-legend button']) {
        if (selector === '.atm-more-toggle' && await page.locator('autonomie-chart[chart="funding"] .atm-legend button').first().isVisible()) continue;
        const target = page.locator(`autonomie-chart[chart="funding"] ${selector}`).first();
        await target[act]();
        await settle(page);
        const isFocused = await target.evaluate((node) => node.getRootNode().activeElement === node && node.isConnected);
        assert.ok(isFocused, `${act} on ${selector} lost the focus`);
      }
      await page.close();
    }
  });
});
