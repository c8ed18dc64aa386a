// Static file server for the page and the tests: 127.0.0.1 only, correct MIME types
// (application/wasm), the strict Content-Security-Policy the widget must live under, and
// CORS on the widget's files so another origin can embed them.
//
//   node scripts/serve.mjs [port]      (default: $PORT or 8080)

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PUBLIC = ['index.html', 'www', 'examples', 'docs/dataset.schema.json', 'data/autonomie.json'];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

export function serve(port, { host = '127.0.0.1', quiet = false } = {}) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith('/')) path += 'index.html';
    const relative = normalize(path).replace(/^[/\\]+/, '');
    const allowed = PUBLIC.some((p) => relative === p || relative.startsWith(p + sep));
    const headers = {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
      'Access-Control-Allow-Origin': '*',
    };
    try {
      if (!allowed || relative.includes('..')) throw Object.assign(new Error('not public'), { code: 'ENOENT' });
      const file = join(ROOT, relative);
      if (!(await stat(file)).isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      const body = await readFile(file);
      response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      response.writeHead(error.code === 'ENOENT' ? 404 : 500, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(error.code === 'ENOENT' ? 'Not found\n' : 'Server error\n');
    }
    if (!quiet) console.log(`${response.statusCode} ${request.method} ${request.url}`);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  const server = await serve(port);
  console.log(`Autonomie: http://127.0.0.1:${server.address().port}/ (Ctrl-C to stop)`);
}
