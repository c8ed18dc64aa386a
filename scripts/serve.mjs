// Static file server for the page and the tests: 127.0.0.1 only, correct MIME types
// (application/wasm), the strict Content-Security-Policy the widget must live under,
// CORS on every file so that another origin can embed the widget, and the caching of
// docs/deploy.md: a year, immutable, for the release's hashed names (dist/, e.g.
// autonomie-chart.3f9c0a1b2c3d4e5f.js), revalidation for everything else.
//
//   node scripts/serve.mjs [port]      (default: $PORT or 8080)
//
// serves the page on that port (/ is the page as shipped, dist/index.html, once built;
// /index.html the page of the source modules) and, on the next port, the example blog post as a
// second origin that embeds the widget from the first. In example pages the placeholder
// host https://autonomie.example (where a blogger writes the widget's real address) is
// replaced by the widget origin.

import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PUBLIC = ['index.html', 'www', 'dist', 'examples', 'docs/dataset.schema.json', 'data/autonomie.json'];
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
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};
/** A name that carries the hash of its content, or is in a directory named by one (the
 * pictures, static/pictures.<hash>/; scripts/bundle.mjs): it never changes. */
export const HASHED_NAME = /\.[0-9a-f]{16}\.[a-z]+$|\/pictures\.[0-9a-f]{16}\/[^/]+$/;
export const LONG_CACHE = 'public, max-age=31536000, immutable';
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";
export const PLACEHOLDER_HOST = 'https://autonomie.example';

/**
 * An example page as a blogger's copy of the embed codes would be for the current build:
 * the widget's host in place of the placeholder, and the release's hashed names and SRI
 * hashes (`{{file NAME}}`, `{{integrity NAME}}`, scripts/example-post.mjs) from
 * dist/manifest.json.
 */
export async function fillExample(html, widgetOrigin) {
  let manifest = null;
  return html.replaceAll(PLACEHOLDER_HOST, widgetOrigin).replace(/\{\{(file|integrity) ([^}]+)\}\}/g, (whole, what, name) => {
    manifest ??= JSON.parse(readFileSync(join(ROOT, 'dist/manifest.json'), 'utf8'));
    const entry = manifest.files[name];
    if (!entry) throw new Error(`${whole}: no ${name} in dist/manifest.json`);
    return what === 'file' ? entry.file : entry.integrity;
  });
}

/** The strict policy, widened to a widget served from `widgetOrigin`. */
export function cspWithWidget(widgetOrigin) {
  const w = widgetOrigin;
  return `default-src 'self' ${w}; script-src 'self' ${w} 'wasm-unsafe-eval'; style-src 'self' ${w}; img-src 'self' data: ${w}; connect-src 'self' ${w}; frame-src ${w}; object-src 'none'; base-uri 'none'`;
}

/**
 * Serves the project on 127.0.0.1:`port` (0 picks a free port). With `widgetOrigin`,
 * the server plays a blog that embeds the widget from that origin. `extraPublic` adds
 * paths to the public ones (the benchmark runner adds `bench`; the page server does not).
 */
export function serve(port, { host = '127.0.0.1', quiet = false, widgetOrigin = null, extraPublic = [] } = {}) {
  const publicPaths = [...PUBLIC, ...extraPublic.map((p) => normalize(p))];
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith('/')) path += 'index.html';
    const relative = normalize(path).replace(/^[/\\]+/, '');
    const allowed = publicPaths.some((p) => relative === p || relative.startsWith(p + sep));
    const headers = {
      'Content-Security-Policy': widgetOrigin ? cspWithWidget(widgetOrigin) : CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
      'Access-Control-Allow-Origin': '*',
    };
    try {
      // The page as shipped (dist/index.html, scripts/bundle.mjs) is the home page once
      // built; /index.html stays the page of the source modules (development, tests).
      if (url.pathname === '/' && (await stat(join(ROOT, 'dist/index.html')).catch(() => null))?.isFile()) {
        response.writeHead(302, { ...headers, Location: `/dist/${url.search}` });
        response.end();
        if (!quiet) console.log(`302 ${request.method} ${request.url}`);
        return;
      }
      if (!allowed || relative.includes('..')) throw Object.assign(new Error('not public'), { code: 'ENOENT' });
      const file = join(ROOT, relative);
      if (!(await stat(file)).isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      let body = await readFile(file);
      if (widgetOrigin && relative.startsWith('examples' + sep) && extname(file) === '.html') {
        body = await fillExample(body.toString('utf8'), widgetOrigin);
      }
      if (relative.startsWith('dist' + sep) && HASHED_NAME.test(relative)) headers['Cache-Control'] = LONG_CACHE;
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
  const origin = `http://127.0.0.1:${server.address().port}`;
  const blog = await serve(server.address().port + 1, { widgetOrigin: origin });
  console.log(`Autonomie:          ${origin}/ (Ctrl-C to stop)`);
  console.log(`Example blog post:  http://127.0.0.1:${blog.address().port}/examples/blog-post.html (another origin)`);
}
