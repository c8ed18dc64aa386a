// Precompressed copies of a release's files: beside every text and wasm file of a folder,
// `<name>.gz` (gzip, level 9) and `<name>.br` (brotli, quality 11, Node's own zlib), so
// that a server sends them as they are instead of compressing at request time
// (docs/deploy.md: nginx's gzip_static and brotli_static, Caddy's `precompressed`,
// Apache's rewrite rules, scripts/serve.mjs). A copy is written only when it is smaller
// than the file; a server then sends the file itself. The copies are made the same way on
// every machine (no name or date in the gzip header), so a build gives the same bytes.
//
//   node scripts/precompress.mjs DIR     (scripts/bundle.mjs runs it on dist/)

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * The files worth compressing: what a page or a tool fetches from the release, text and
 * wasm. Not the package's own texts (README.md, LICENSE, CHANGELOG.md), read by whoever
 * installs it, not by a page (and npm would force their copies into the package).
 */
export const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|wasm|ts|xml|txt)$/;
/** The encodings, in the order a server prefers them, with the extension of their copy. */
export const ENCODINGS = [
  { name: 'br', extension: '.br' },
  { name: 'gzip', extension: '.gz' },
];

const compressors = {
  gzip: (bytes) => gzipSync(bytes, { level: 9 }),
  br: (bytes, text) => brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }),
};

function* filesUnder(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/**
 * Writes the compressed copies of every compressible file under `dir` (any copies
 * already there are replaced). Returns, per file (relative to `dir`), its size and the
 * size of each copy written: `{ file, bytes, br, gzip }` (a missing size: no copy).
 */
export function precompress(dir) {
  const written = [];
  for (const path of [...filesUnder(dir)]) {
    const file = relative(dir, path);
    if (!COMPRESSIBLE.test(file)) continue;
    const bytes = readFileSync(path);
    const entry = { file, bytes: bytes.length };
    for (const { name, extension } of ENCODINGS) {
      const packed = compressors[name](bytes, !file.endsWith('.wasm'));
      if (packed.length >= bytes.length) continue;
      writeFileSync(path + extension, packed);
      entry[name] = packed.length;
    }
    written.push(entry);
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/precompress.mjs DIR');
    process.exit(2);
  }
  const written = precompress(dir);
  console.log(`${written.length} files of ${dir} precompressed (.br, .gz)`);
}
