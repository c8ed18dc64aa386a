// The package's `autonomie-pictures` command (issue 21, point 6): a blogger with only the
// npm package makes the pictures, states' data and link previews of a dataset of their
// own, with Node alone. The tarball installed offline (package-install.mjs), the command
// run through npx from the blogger's folder with a PATH that holds node and npx and
// nothing else (no cargo, no rustc); its files are, byte for byte, those of the
// project's Rust command (`autonomie-static --data FILE --out DIR`), and its previews are
// 1200 x 630 PNGs. A refused dataset gets the element's message, in French under a
// French locale, and nothing is written.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { packAndInstall } from './package-install.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DATASET = join(ROOT, 'examples/data/mistral-levees.json');
let work, site, packed, nodeOnly;

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, base) : [relative(base, path)];
  }).sort();
}

/** A PNG's width, height, colour type and its pixels (8-bit RGB, filters undone). */
function decodePng(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG signature');
  let offset = 8;
  let header;
  const data = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8], color: body[9] };
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  assert.equal(header.depth, 8);
  assert.equal(header.color, 2, 'RGB');
  const raw = inflateSync(Buffer.concat(data));
  const stride = header.width * 3;
  const pixels = Buffer.alloc(stride * header.height);
  for (let y = 0; y < header.height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x];
      const a = x >= 3 ? pixels[y * stride + x - 3] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= 3 && y > 0 ? pixels[(y - 1) * stride + x - 3] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predicted = [0, a, b, (a + b) >> 1, paeth][filter];
      pixels[y * stride + x] = (value + predicted) & 255;
    }
  }
  return { ...header, pixels };
}

/** Runs the installed package's command from the blogger's folder, with Node alone on PATH. */
function npxPictures(args, env = {}) {
  return spawnSync('npx', ['--offline', 'autonomie-pictures', ...args], {
    cwd: site,
    encoding: 'utf8',
    env: { PATH: nodeOnly, HOME: work, npm_config_cache: join(work, 'npm-cache'), npm_config_update_notifier: 'false', ...env },
  });
}

before(() => {
  work = mkdtempSync(join(tmpdir(), 'autonomie-package-pictures-'));
  ({ packed, site } = packAndInstall(work, 'blog'));
  // A PATH with node, npm and npx, and the shell npx runs a command with: no cargo, no rustc.
  nodeOnly = join(work, 'bin');
  mkdirSync(nodeOnly);
  for (const tool of ['node', 'npx', 'npm', 'sh']) {
    const found = execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim();
    symlinkSync(found, join(nodeOnly, tool));
  }
});
after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the package\'s autonomie-pictures command, with Node alone', () => {
  test('the package holds the command, its wasm and the font\'s licence, and names the command in bin', () => {
    const paths = packed.files.map((f) => f.path);
    for (const path of ['autonomie-pictures.mjs', /^tool\/autonomie_pictures\.[0-9a-f]{16}\.js$/, /^tool\/autonomie_pictures_bg\.[0-9a-f]{16}\.wasm$/, 'tool/LiberationSans-LICENSE']) {
      assert.ok(paths.some((p) => (typeof path === 'string' ? p === path : path.test(p))), `${path} is in the package`);
    }
    const installed = JSON.parse(readFileSync(join(site, 'node_modules/autonomie-chart/package.json'), 'utf8'));
    assert.deepEqual(installed.bin, { 'autonomie-pictures': './autonomie-pictures.mjs' });
    assert.match(readFileSync(join(site, 'node_modules/autonomie-chart/tool/LiberationSans-LICENSE'), 'utf8'), /SIL OPEN FONT LICENSE Version 1\.1/);
    const wasm = packed.files.find((f) => /^tool\/autonomie_pictures_bg\./.test(f.path));
    console.log(`# the package: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked; the command's wasm ${wasm.size} bytes`);
  });

  test('npx autonomie-pictures DATA DIR, with no cargo or rustc on PATH, writes the Rust command\'s files byte for byte', () => {
    for (const tool of ['cargo', 'rustc']) {
      assert.equal(spawnSync(tool, ['--version'], { env: { PATH: nodeOnly } }).error?.code, 'ENOENT', `no ${tool} on the command's PATH`);
    }
    writeFileSync(join(site, 'my-data.json'), readFileSync(DATASET));
    const result = npxPictures(['my-data.json', 'pictures']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /autonomie-pictures: \d+ files in pictures \(of which 2 link previews in pictures\/previews\)/);
    const fromNode = join(site, 'pictures');

    const fromRust = join(work, 'rust');
    execFileSync('cargo', ['run', '--quiet', '-p', 'autonomie-pictures', '--bin', 'autonomie-static', '--', '--data', DATASET, '--out', fromRust],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    const names = filesUnder(fromNode);
    assert.deepEqual(names, filesUnder(fromRust), 'the same files');
    assert.ok(names.length > 100, `${names.length} files`);
    for (const name of names) {
      assert.ok(readFileSync(join(fromNode, name)).equals(readFileSync(join(fromRust, name))), `${name} is the Rust command's`);
    }

    // The previews: a view in each language, 1200 x 630, showing the chart.
    assert.deepEqual(names.filter((name) => name.startsWith('previews/')),
      ['previews/mistral-rounds-latest-en.png', 'previews/mistral-rounds-latest-fr.png']);
    for (const name of ['previews/mistral-rounds-latest-en.png', 'previews/mistral-rounds-latest-fr.png']) {
      const { width, height, pixels } = decodePng(readFileSync(join(fromNode, name)));
      assert.deepEqual([width, height], [1200, 630], name);
      let inked = 0;
      const colours = new Set();
      for (let i = 0; i < pixels.length; i += 3) {
        if (pixels[i] !== 255 || pixels[i + 1] !== 255 || pixels[i + 2] !== 255) inked += 1;
        colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
      }
      assert.ok(inked > 40000, `${name}: ${inked} pixels drawn`);
      assert.ok(colours.size > 50, `${name}: ${colours.size} colours (text, bars, gridlines)`);
    }
  });

  test('a dataset the element refuses: its message, in French under a French locale, and nothing written', () => {
    writeFileSync(join(site, 'bad.json'), '{ "format": 1, "checked": "2026-11-23", "charts": [], "sources": {} }');
    const english = npxPictures(['--data', 'bad.json', '--out', 'bad-pictures'], { LANG: 'C.UTF-8' });
    assert.equal(english.status, 1);
    assert.match(english.stderr, /^autonomie-pictures: bad\.json: [\s\S]*charts: no chart/m);
    const french = npxPictures(['bad.json', 'bad-pictures'], { LANG: 'fr_FR.UTF-8' });
    assert.equal(french.status, 1);
    assert.match(french.stderr, /^autonomie-pictures : bad\.json : [\s\S]*charts : aucun graphique/m);
    assert.doesNotMatch(french.stderr, /\b(the|expected|found|missing)\b/, `French only: ${french.stderr}`);
    assert.ok(!existsSync(join(site, 'bad-pictures')), 'nothing written');
    const missing = npxPictures(['nowhere.json', 'out'], { LANG: 'fr_FR.UTF-8' });
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^autonomie-pictures : nowhere\.json : fichier ou dossier introuvable$/m);
    const usage = npxPictures(['only-one.json']);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /usage: autonomie-pictures DATASET\.json OUTPUT_DIR/);
  });
});
