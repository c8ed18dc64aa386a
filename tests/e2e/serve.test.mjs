// The README's serve command (scripts/serve.mjs) sends the release as a production host
// does: for each kind of file of dist/, what tests/e2e/release-checks.mjs expects (the
// precompressed copy the request accepts, MIME type and charset, cache, CORS, the CSP of
// the page and of the iframe page), as nginx does under the documented configuration
// (nginx.test.mjs).

import { after, before, describe, test } from 'node:test';
import { startServer } from './browser.mjs';
import assert from 'node:assert/strict';
import { checkFile, checkMissing, essentials, get, releaseFiles } from './release-checks.mjs';

let server, origin;
before(async () => ({ server, origin } = await startServer()));
after(() => server?.close());

describe('scripts/serve.mjs serves the release', () => {
  for (const file of releaseFiles()) {
    test(`${file.what}: ${file.path || '(folder)'}`, async () => {
      const headers = await checkFile(`${origin}/dist/`, file, ['br', 'gzip']);
      console.log(`${file.path || '/'}: ${essentials(headers)}`);
    });
  }
  test('a file that is not there is a 404 without a year of cache', () => checkMissing(`${origin}/dist/`));
  test('a permalink typed without its final slash is sent to its page', async () => {
    const { status, headers } = await get(`${origin}/dist/fr/valuations/history?x=1`);
    assert.equal(status, 301);
    assert.equal(headers.location, '/dist/fr/valuations/history/?x=1');
    assert.equal((await get(`${origin}${headers.location}`)).status, 200);
  });
});
