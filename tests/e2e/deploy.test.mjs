// The release under Caddy and Apache, configured by docs/deploy/Caddyfile and
// docs/deploy/apache.htaccess (the files docs/deploy.md shows), sends every kind of file
// as tests/e2e/release-checks.mjs expects, as nginx does (nginx.test.mjs). Caddy and
// Apache are Debian's packages, installed by scripts/setup.sh (ensure_web_servers).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { APACHE, CADDY, startApache, startCaddy } from './deploy-servers.mjs';
import { checkFile, checkMissing, essentials, releaseFiles } from './release-checks.mjs';

for (const [name, binary, start] of [['Caddy', CADDY, startCaddy], ['Apache', APACHE, startApache]]) {
  describe(`${name} under its configuration of docs/deploy/`, () => {
    let server;
    before(async () => {
      assert.ok(existsSync(binary), `${binary} is missing: scripts/test.sh installs it`);
      server = await start();
    });
    after(async () => {
      await server?.stop();
    });
    for (const file of releaseFiles()) {
      test(`${file.what}: ${file.path || '(folder)'}`, async () => {
        const headers = await checkFile(server.base, file, server.encodings);
        console.log(`${name} ${file.path || '/'}: ${essentials(headers)}`);
      });
    }
    test('a file that is not there is a 404 without a year of cache', () => checkMissing(server.base));
  });
}
