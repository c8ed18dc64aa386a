// Static file server for the page and the tests, serving the release (dist/) as a
// production static host does (docs/deploy.md; the documented nginx configuration is
// checked against the same expectations in tests/e2e/nginx.test.mjs):
// - the precompressed copy that the request accepts (`.br`, then `.gz`, written beside
//   each text and wasm file by scripts/precompress.mjs), with `Content-Encoding` and
//   `Vary: Accept-Encoding`; the file itself otherwise;
// - the right MIME types (application/wasm), `charset=utf-8` on text;
// - a year of cache (`immutable`) for the release's hashed names and hashed folders
//   (autonomie-chart.3f9c0a1b2c3d4e5f.js, static/first.<hash>/…), `no-cache` for the
//   rest, with an `ETag` and `Last-Modified` so that revalidating costs a 304;
// - CORS on every file, so that another origin can embed the widget;
// - the strict Content-Security-Policy: the iframe page's (embed.html, which any site
//   may frame) or the page's (the rest, which only the widget's own pages may frame).
// 127.0.0.1 only. Files outside dist/ (the source modules, for development and tests)
// are served the same way, with no compressed copy.
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
import { ENCODINGS } from './precompress.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PUBLIC = ['index.html', 'www', 'dist', 'examples', 'docs/dataset.schema.json', 'data/autonomie.json'];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};
/** A name that carries the hash of its content, or is in a directory named by one (the
 * pictures, static/pictures.<hash>/; scripts/bundle.mjs): it never changes. */
export const HASHED_NAME = /\.[0-9a-f]{16}\.[a-z]+$|\/pictures\.[0-9a-f]{16}\/[^/]+$/;
export const LONG_CACHE = 'public, max-age=31536000, immutable';
/** The strict policy: no inline script or style, WebAssembly allowed, everything from the page's own origin. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";
/** The iframe page's policy (embed.html): the strict one, and any site may frame it. */
export const EMBED_CSP = CSP;
/** The page's policy (index.html and every other file): the strict one, framed by its own origin only. */
export const PAGE_CSP = `${CSP}; frame-ancestors 'self'`;
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

/**
 * The policy of a blog page that embeds the widget from `widgetOrigin`, as docs/deploy.md
 * and the package's README give it: the strict one, plus the widget's origin where the
 * element loads from it (its script, with 'wasm-unsafe-eval' to compile the wasm; the
 * wasm and a first view's words, fetched; a first view's picture, an image; the iframe).
 */
export function cspWithWidget(widgetOrigin) {
  const w = widgetOrigin;
  return `default-src 'self'; script-src 'self' ${w} 'wasm-unsafe-eval'; connect-src 'self' ${w}; img-src 'self' data: ${w}; frame-src ${w}; object-src 'none'; base-uri 'none'`;
}

/** The policy a file is sent with: the iframe pages' for embed.html and embed/*.html, the page's otherwise. */
export function policyFor(path) {
  return /(^|[/\\])embed([/\\][^/\\]+)?\.html$/.test(path) ? EMBED_CSP : PAGE_CSP;
}

/** The content codings an Accept-Encoding header accepts (q > 0), by name. */
function acceptedEncodings(header = '') {
  const accepted = new Map();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name) accepted.set(name, q ? Number(q.slice(2)) > 0 : true);
  }
  return (name) => accepted.get(name) ?? (accepted.get('*') === true && !accepted.has(name));
}

/**
 * What to send for `file`: its precompressed copy in the first encoding the request
 * accepts (br, then gzip), or the file. `varies` when a copy exists (the answer then
 * depends on Accept-Encoding, even when it is the file itself).
 */
async function representation(file, acceptEncoding) {
  const accepts = acceptedEncodings(acceptEncoding);
  let varies = false;
  for (const { name, extension } of ENCODINGS) {
    const copy = await stat(file + extension).catch(() => null);
    if (!copy?.isFile()) continue;
    varies = true;
    if (accepts(name)) return { path: file + extension, stats: copy, encoding: name, varies };
  }
  return { path: file, stats: await stat(file), encoding: null, varies };
}

/** The validators of a file as sent: an ETag per representation, and its date. */
function validators({ stats, encoding }) {
  const tag = `${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}`;
  return { ETag: `"${tag}"`, 'Last-Modified': stats.mtime.toUTCString() };
}

/** True when the request's conditional headers match `sent`: answer 304. */
function notModified(request, sent) {
  const match = request.headers['if-none-match'];
  if (match) return match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === sent.ETag);
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && Date.parse(sent['Last-Modified']) <= since;
}

/**
 * Serves the project on 127.0.0.1:`port` (0 picks a free port). With `widgetOrigin`,
 * the server plays a blog that embeds the widget from that origin. `extraPublic` adds
 * paths to the public ones (the benchmark runner adds `bench`; the page server does not).
 * `root` is the folder served (the repository; a test may serve a copy of the release).
 */
export function serve(port, { host = '127.0.0.1', quiet = false, widgetOrigin = null, extraPublic = [], root = ROOT } = {}) {
  const publicPaths = [...PUBLIC, ...extraPublic.map((p) => normalize(p))];
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith('/')) path += 'index.html';
    const relative = normalize(path).replace(/^[/\\]+/, '');
    const allowed = publicPaths.some((p) => relative === p || relative.startsWith(p + sep));
    const headers = {
      'Content-Security-Policy': widgetOrigin ? cspWithWidget(widgetOrigin) : policyFor(relative),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
      'Access-Control-Allow-Origin': '*',
    };
    try {
      // The page as shipped (dist/index.html, scripts/bundle.mjs) is the home page once
      // built; /index.html stays the page of the source modules (development, tests).
      if (url.pathname === '/' && (await stat(join(root, 'dist/index.html')).catch(() => null))?.isFile()) {
        response.writeHead(302, { ...headers, Location: `/dist/${url.search}` });
        response.end();
        if (!quiet) console.log(`302 ${request.method} ${request.url}`);
        return;
      }
      if (!allowed || relative.includes('..')) throw Object.assign(new Error('not public'), { code: 'ENOENT' });
      const file = join(root, relative);
      const found = await stat(file);
      // A folder named without its final slash (a permalink typed by hand): where its
      // page is, as the documented servers answer.
      if (found.isDirectory() && (await stat(join(file, 'index.html')).catch(() => null))?.isFile()) {
        response.writeHead(301, { ...headers, Location: `${url.pathname}/${url.search}` });
        response.end();
        if (!quiet) console.log(`301 ${request.method} ${request.url}`);
        return;
      }
      if (!found.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      headers['Content-Type'] = TYPES[extname(file)] ?? 'application/octet-stream';
      if (relative.startsWith('dist' + sep) && HASHED_NAME.test(relative)) headers['Cache-Control'] = LONG_CACHE;
      if (widgetOrigin && relative.startsWith('examples' + sep) && extname(file) === '.html') {
        const body = Buffer.from(await fillExample(await readFile(file, 'utf8'), widgetOrigin));
        response.writeHead(200, { ...headers, 'Content-Length': body.length });
        response.end(request.method === 'HEAD' ? undefined : body);
      } else {
        await sendFile(request, response, headers, await representation(file, request.headers['accept-encoding']));
      }
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

/** Sends a file's representation (a 304 when the request's copy is still good). */
async function sendFile(request, response, headers, chosen) {
  const sent = { ...headers, ...validators(chosen) };
  if (chosen.varies) sent.Vary = 'Accept-Encoding';
  if (notModified(request, sent)) {
    response.writeHead(304, sent);
    response.end();
    return;
  }
  if (chosen.encoding) sent['Content-Encoding'] = chosen.encoding;
  const body = request.method === 'HEAD' ? undefined : await readFile(chosen.path);
  sent['Content-Length'] = body?.length ?? chosen.stats.size;
  response.writeHead(200, sent);
  response.end(body);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  const server = await serve(port);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const blog = await serve(server.address().port + 1, { widgetOrigin: origin });
  console.log(`Autonomie:          ${origin}/ (Ctrl-C to stop)`);
  console.log(`Example blog post:  http://127.0.0.1:${blog.address().port}/examples/blog-post.html (another origin)`);
}
