// The npm package as a blogger gets it, for the package tests: `npm pack` of dist/ (made
// by scripts/build.sh), installed offline from the tarball into a folder of its own, with
// an npm cache of its own (nothing comes from the machine's, nothing from a registry);
// and a plain static server (MIME types and CORS, nothing else) for what they serve.

import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

/**
 * Packs dist/ into `work` and installs the tarball into `work/<folder>` (made if
 * missing). Returns the `npm pack` entry of the tarball and the installed package's path.
 */
export function packAndInstall(work, folder) {
  if (!existsSync(join(DIST, 'package.json'))) throw new Error('dist/ is not built (scripts/build.sh)');
  const env = { ...process.env, npm_config_cache: join(work, 'npm-cache'), npm_config_update_notifier: 'false' };
  const [packed] = JSON.parse(execFileSync('npm', ['pack', DIST, '--pack-destination', work, '--json'], { env, encoding: 'utf8' }));
  const site = join(work, folder);
  mkdirSync(site, { recursive: true });
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(work, packed.filename)], { cwd: site, env, stdio: 'pipe' });
  return { packed, site, installed: join(site, 'node_modules/autonomie-chart') };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
};

/**
 * A plain static file server for `root`: the MIME type by extension, CORS for all, and
 * `headers(path)`'s headers (a page's Content-Security-Policy, say).
 */
export function staticServer(root, headers = () => ({})) {
  return createServer(async (request, response) => {
    const relative = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^[/\\]+/, '');
    const file = join(root, relative === '' || relative.endsWith(sep) ? join(relative, 'index.html') : relative);
    try {
      if (!file.startsWith(root + sep)) throw new Error('outside');
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Access-Control-Allow-Origin': '*', ...headers(relative) });
      response.end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('Not found');
    }
  });
}
