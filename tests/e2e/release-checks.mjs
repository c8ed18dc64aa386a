// What a server of the release (dist/) must send, file by file: the same expectations for
// the project's own server (serve.test.mjs) and for each documented configuration run
// under a real server (nginx.test.mjs). The MIME type with its charset, a year of cache
// for hashed names and folders and `no-cache` with a working revalidation for the rest,
// CORS, the page's and the iframe page's CSP, and the precompressed copy (scripts/
// precompress.mjs) that the request accepts, as it is on disk: its bytes on the wire are
// the copy's size. A page added to the release (a permalink) is one more line of
// `releaseFiles`.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { EMBED_CSP, LONG_CACHE, PAGE_CSP } from '../../scripts/serve.mjs';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const JAVASCRIPT = ['text/javascript', 'application/javascript'];

/**
 * The release's files a server is checked on, one of each kind: `path` in dist/ (''
 * is the folder itself), the media types allowed, whether the type must say
 * `charset=utf-8`, the Cache-Control, and for pages their Content-Security-Policy.
 */
export function releaseFiles(manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'))) {
  const hashed = (logical) => manifest.files[logical].file;
  const pictures = hashed('static/pictures/');
  const permalink = 'fr/valuations/history/';
  const preview = readdirSync(join(DIST, permalink)).find((name) => name.endsWith('.png'));
  return [
    { what: 'the page (the folder)', path: '', file: 'index.html', types: ['text/html'], charset: true, cache: 'no-cache', csp: PAGE_CSP },
    { what: 'the page', path: 'index.html', types: ['text/html'], charset: true, cache: 'no-cache', csp: PAGE_CSP },
    { what: 'the iframe page', path: 'embed.html', types: ['text/html'], charset: true, cache: 'no-cache', csp: EMBED_CSP },
    { what: "the element's script", path: hashed('autonomie-chart.js'), types: JAVASCRIPT, charset: true, cache: LONG_CACHE },
    { what: 'the wasm', path: hashed('autonomie_bg.wasm'), types: ['application/wasm'], cache: LONG_CACHE },
    { what: "the iframe page's stylesheet", path: hashed('embed.css'), types: ['text/css'], charset: true, cache: LONG_CACHE },
    { what: 'the iframe resize script', path: hashed('autonomie-resize.js'), types: JAVASCRIPT, charset: true, cache: LONG_CACHE },
    { what: "a state's iframe page", path: 'embed/valuations-history-log-USD-fr.html', types: ['text/html'], charset: true, cache: 'no-cache', csp: EMBED_CSP },
    { what: "an embed code's picture", path: `${pictures}valuations-history-log-USD-fr-light-310.svg`, types: ['image/svg+xml'], cache: LONG_CACHE },
    { what: "a picture's state data (its toolbar's words)", path: `${pictures}valuations-history-log-USD-en.json`, types: ['application/json'], cache: LONG_CACHE },
    { what: 'a permalink page (its folder)', path: permalink, file: `${permalink}index.html`, types: ['text/html'], charset: true, cache: 'no-cache', csp: PAGE_CSP },
    { what: "a permalink's oEmbed answer", path: `${permalink}oembed.json`, types: ['application/json'], cache: 'no-cache' },
    { what: "a permalink's preview PNG", path: `${permalink}${preview}`, types: ['image/png'], cache: LONG_CACHE },
    { what: 'the manifest', path: 'manifest.json', types: ['application/json'], cache: 'no-cache' },
    { what: 'the default dataset', path: 'autonomie.json', types: ['application/json'], cache: 'no-cache' },
  ];
}

/** GET `url` with `headers`; the body as it came over the wire (not decoded). */
export function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const decoders = { br: brotliDecompressSync, gzip: gunzipSync };

/**
 * Checks what the server at `base` (the release's folder URL, ending in `/`) sends for
 * `file` (a line of `releaseFiles`). `encodings` are those the server should send from
 * the copies on disk, in order of preference (['br', 'gzip'], or ['gzip'] for a
 * server without brotli). Returns the headers of the preferred answer.
 */
export async function checkFile(base, file, encodings = ['br', 'gzip']) {
  const url = new URL(file.path, base).href;
  const onDisk = join(DIST, file.file ?? file.path);
  const original = readFileSync(onDisk);
  const copies = encodings.filter((encoding) => existsSync(`${onDisk}.${encoding === 'br' ? 'br' : 'gz'}`));
  let preferred = null;
  // Each accepted encoding in turn, then none: the copy on disk, or the file itself.
  for (const accepted of [...copies.map((_, i) => copies.slice(i)), []]) {
    const { status, headers, body } = await get(url, accepted.length ? { 'Accept-Encoding': accepted.join(', ') } : {});
    const label = `${file.what} (${url}, Accept-Encoding: ${accepted.join(', ') || 'none'})`;
    assert.equal(status, 200, label);
    const [type, ...parameters] = (headers['content-type'] ?? '').split(';').map((part) => part.trim().toLowerCase());
    assert.ok(file.types.includes(type), `${label}: Content-Type ${headers['content-type']}`);
    if (file.charset) assert.ok(parameters.includes('charset=utf-8'), `${label}: no charset=utf-8 in ${headers['content-type']}`);
    assert.equal(headers['cache-control'], file.cache, `${label}: Cache-Control`);
    assert.equal(headers['access-control-allow-origin'], '*', `${label}: CORS`);
    assert.equal(headers['x-content-type-options'], 'nosniff', label);
    if (file.csp) assert.equal(headers['content-security-policy'], file.csp, `${label}: Content-Security-Policy`);
    const encoding = accepted[0] ?? null;
    assert.equal(headers['content-encoding'] ?? null, encoding, `${label}: Content-Encoding`);
    if (encoding) {
      // Sent as it is on disk: the bytes on the wire are the copy's, and decode to the file.
      assert.equal(body.length, statSync(`${onDisk}.${encoding === 'br' ? 'br' : 'gz'}`).size, `${label}: bytes on the wire`);
      assert.ok(decoders[encoding](body).equals(original), `${label}: decodes to the file`);
      assert.match(headers.vary ?? '', /accept-encoding/i, `${label}: Vary`);
    } else {
      assert.ok(body.equals(original), `${label}: the file itself`);
    }
    preferred ??= { ...headers, bytes: body.length };
  }
  if (file.cache === 'no-cache') await checkRevalidation(url, file.what);
  return preferred;
}

/** A `no-cache` file is revalidated for the price of a 304 (by ETag, else by date). */
async function checkRevalidation(url, what) {
  const { headers } = await get(url, { 'Accept-Encoding': 'gzip' });
  const condition = headers.etag ? { 'If-None-Match': headers.etag } : { 'If-Modified-Since': headers['last-modified'] };
  assert.ok(headers.etag || headers['last-modified'], `${what}: a validator (ETag or Last-Modified)`);
  const again = await get(url, { 'Accept-Encoding': 'gzip', ...condition });
  assert.equal(again.status, 304, `${what}: revalidated with ${JSON.stringify(condition)}`);
}

/** The essentials of a response's headers, one line, for the test's log. */
export function essentials(headers) {
  return ['content-type', 'content-encoding', 'bytes', 'cache-control', 'vary', 'access-control-allow-origin']
    .filter((name) => headers[name] !== undefined).map((name) => `${name}: ${headers[name]}`).join(' | ');
}

/**
 * A file that is not there is a 404 without a year of cache (a name that a later release
 * will use must not be remembered as missing), with CORS (so that the page's script can
 * read the status and say what is missing).
 */
export async function checkMissing(base) {
  const { status, headers } = await get(new URL('autonomie-chart.0123456789abcdef.js', base).href);
  assert.equal(status, 404);
  assert.notEqual(headers['cache-control'], LONG_CACHE);
  assert.equal(headers['access-control-allow-origin'], '*');
}
