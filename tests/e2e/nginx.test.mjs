// The release under Debian's nginx, configured by docs/deploy/nginx.conf (the file
// docs/deploy.md shows), sends every kind of file as tests/e2e/release-checks.mjs
// expects: the HTML with its charset and CSP, the wasm and the scripts compressed (the
// .br copy with Debian's brotli_static module, else the .gz) with a year of cache, a
// first view of the hashed folder with a year, `no-cache` and a 304 for the rest, CORS.
// nginx is installed by scripts/setup.sh (ensure_web_servers, run by scripts/test.sh).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { NGINX, NGINX_BROTLI, startNginx } from './deploy-servers.mjs';
import { checkFile, checkMissing, essentials, releaseFiles } from './release-checks.mjs';

let nginx;
before(async () => {
  assert.ok(existsSync(NGINX), `${NGINX} is missing: scripts/test.sh installs it (apt-get install nginx)`);
  nginx = await startNginx();
});
after(async () => {
  await nginx?.stop();
});

describe(`nginx under docs/deploy/nginx.conf${existsSync(NGINX_BROTLI) ? ' (with brotli_static)' : ' (no brotli module: gzip only)'}`, () => {
  for (const file of releaseFiles()) {
    test(`${file.what}: ${file.path || '(folder)'}`, async () => {
      const headers = await checkFile(nginx.base, file, nginx.encodings);
      console.log(`${file.path || '/'}: ${essentials(headers)}`);
    });
  }

  test('a file that is not there is a 404 without a year of cache', () => checkMissing(nginx.base));
});
