// Shared set-up for the end-to-end tests: the project's own server on a free port of
// 127.0.0.1, and Debian's Chromium driven by playwright-core (never a downloaded browser).

import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const ARTIFACTS = new URL('../../test-results/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

export async function startServer() {
  const server = await serve(0, { quiet: true });
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/**
 * For a test file: the project's server and a browser (with `options`), started before
 * its tests and stopped after them. Their `origin` and `browser` are on the returned
 * object once the tests run.
 */
export function serverAndBrowser(options = {}) {
  const env = {};
  before(async () => {
    Object.assign(env, await startServer());
    env.browser = await launchBrowser(options);
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

export async function launchBrowser(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'autonomie-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    acceptDownloads: true,
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    viewport: { width: 900, height: 700 },
    deviceScaleFactor: 2,
    ...options,
  });
  // Every page and frame records the Content-Security-Policy violations it sees, and
  // reports them to the test run: closing the browser fails if there was any.
  const cspViolations = [];
  await context.exposeBinding('__reportCspViolation', ({ frame }, text) => {
    cspViolations.push(`${frame.url()}: ${text}`);
  });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      const text = `${event.violatedDirective} ${event.blockedURI}`;
      window.__cspViolations.push(text);
      window.__reportCspViolation?.(text);
    });
  });
  return {
    context,
    cspViolations,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (cspViolations.length > 0) {
        throw new Error(`Content-Security-Policy violations during these tests:\n${cspViolations.join('\n')}`);
      }
    },
  };
}

/** The test variant of the wasm (scripts/build-test-variant.sh, feature `test-exports`). */
const TEST_VARIANT = new URL('../../target/test-variant/pkg/', import.meta.url);

/**
 * Serves the test variant of the wasm in place of the shipped build (`/www/pkg/`) to
 * every page of `context`, until the returned function is called.
 */
export async function serveTestVariant(context, origin) {
  const pattern = `${origin}/www/pkg/**`;
  await context.route(pattern, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    const type = name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8';
    route.fulfill({ status: 200, headers: { 'content-type': type }, body: readFileSync(new URL(name, TEST_VARIANT)) });
  });
  return () => context.unroute(pattern);
}

/** Waits two animation frames in `page`: a redraw queued before has run. */
export async function settle(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Starts `server` on a free port of 127.0.0.1; resolves to its origin. */
export function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)));
}

/**
 * Opens `path`, collects console errors, page errors, every request's URL and every
 * response of status 400 or more (`failed`: "404 URL").
 */
export async function openPage(context, origin, path = '/') {
  const page = await context.newPage();
  const log = { errors: [], consoleErrors: [], requests: [], failed: [] };
  page.on('response', (response) => {
    if (response.status() >= 400) log.failed.push(`${response.status()} ${response.url()}`);
  });
  page.on('pageerror', (error) => log.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') log.consoleErrors.push(message.text());
  });
  page.on('request', (request) => log.requests.push(request.url()));
  await page.goto(origin + path);
  return { page, log };
}

/** Summary of a canvas's pixels: size, how many are not white, and a hash. */
export function canvasPixels(page, selector) {
  return page.$eval(selector, (canvas) => {
    const context = canvas.getContext('2d');
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    let hash = 2166136261;
    const colors = new Set();
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] < 245 || data[i + 1] < 245 || data[i + 2] < 245) inked += 1;
      if (i % 64 === 0) colors.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      hash = Math.imul(hash ^ data[i] ^ (data[i + 1] << 8) ^ (data[i + 2] << 16), 16777619);
    }
    return { width: canvas.width, height: canvas.height, cssWidth: canvas.clientWidth, inked, hash: hash >>> 0, colors: colors.size };
  });
}
