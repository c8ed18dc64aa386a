// The project's server (scripts/serve.mjs, which sends files as they are) behind a small
// proxy that gzips every response body, as a web host would, for bench/first-view.mjs.
// Both listen on 127.0.0.1 only. The proxy keeps every header of the project's server
// (Content-Security-Policy, Content-Type, Cache-Control…) and adds
// `Content-Encoding: gzip` and `Vary: Accept-Encoding`; a response the project's server
// already compressed passes through untouched. Compression is gzip level 9, the level
// of the byte counts in BENCHMARKS.md; each distinct body is compressed once.
//
//   node bench/gzip-server.mjs [port]     (serves the project and bench/, gzipped)

import { createHash } from 'node:crypto';
import { createServer, request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serve } from '../scripts/serve.mjs';

const HOST = '127.0.0.1';

/**
 * Starts the project's server on a free port and the gzip proxy on `port` (0: a free
 * one). Resolves to `{ origin, close() }`, `origin` being the proxy's.
 */
export async function serveGzip(port = 0, { extraPublic = ['bench'], level = 9 } = {}) {
  const backend = await serve(0, { host: HOST, quiet: true, extraPublic });
  const backendPort = backend.address().port;
  const cache = new Map();
  const compress = (body) => {
    const key = createHash('sha256').update(body).digest('hex');
    let gz = cache.get(key);
    if (!gz) {
      gz = gzipSync(body, { level });
      cache.set(key, gz);
    }
    return gz;
  };
  const proxy = createServer((req, res) => {
    const headers = { ...req.headers };
    delete headers['accept-encoding'];
    headers.host = `${HOST}:${backendPort}`;
    const upstream = httpRequest({ host: HOST, port: backendPort, method: req.method, path: req.url, headers }, (up) => {
      const chunks = [];
      up.on('data', (chunk) => chunks.push(chunk));
      up.on('error', () => res.destroy());
      up.on('end', () => {
        const body = Buffer.concat(chunks);
        const out = { ...up.headers };
        if (req.method === 'HEAD') {
          res.writeHead(up.statusCode ?? 502, out);
          res.end();
          return;
        }
        delete out['content-length'];
        delete out['transfer-encoding'];
        delete out.connection;
        delete out['keep-alive'];
        const wantsGzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
        let payload = body;
        if (wantsGzip && !out['content-encoding'] && body.length > 0) {
          payload = compress(body);
          out['content-encoding'] = 'gzip';
          out.vary = out.vary ? `${out.vary}, Accept-Encoding` : 'Accept-Encoding';
        }
        out['content-length'] = String(payload.length);
        res.writeHead(up.statusCode ?? 502, out);
        res.end(payload);
      });
    });
    upstream.on('error', () => {
      res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Bad gateway\n');
    });
    req.pipe(upstream);
  });
  await new Promise((resolve, reject) => {
    proxy.once('error', reject);
    proxy.listen(port, HOST, resolve);
  });
  proxy.keepAliveTimeout = 5000;
  return {
    origin: `http://${HOST}:${proxy.address().port}`,
    close() {
      proxy.closeAllConnections?.();
      proxy.close();
      backend.closeAllConnections?.();
      backend.close();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serveGzip(Number(process.argv[2] ?? 0));
  console.log(`gzip-serving the project and bench/ at ${server.origin}/ (Ctrl-C to stop)`);
}
