// Real servers running the configurations of docs/deploy/, as docs/deploy.md shows them,
// for the deploy tests: each serves the release (dist/) at /autonomie/ on a free port of
// 127.0.0.1, from a temporary folder (configuration, pid, logs, temporary files) removed
// when it stops. The documented file is used as it is, except for the lines a test has to
// change (the address it listens on, the folder it serves), each replaced exactly once:
// if the documented file changes there, the test says so instead of testing something
// else.

import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, get } from './release-checks.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A free TCP port of 127.0.0.1 (free when asked; the server binds it right after). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** `text` with each [from, to] replaced, each `from` found exactly once. */
export function replaceOnce(text, replacements, name) {
  for (const [from, to] of replacements) {
    const count = text.split(from).length - 1;
    if (count !== 1) throw new Error(`${name}: expected "${from}" once, found it ${count} times; update the test with the documented file`);
    text = text.replace(from, () => to);
  }
  return text;
}

/**
 * A temporary folder for a server: `www/autonomie` is a copy of the release (dist/),
 * readable by the unprivileged user a server started as root hands its workers to. A
 * copy, not a link: the clone may lie under a folder that user cannot enter (a fresh
 * clone in a private temporary folder, a home directory), and then a link would give
 * the workers 403s and 404s.
 */
function workFolder(name) {
  const work = mkdtempSync(join(tmpdir(), `autonomie-${name}-`));
  chmodSync(work, 0o755);
  mkdirSync(join(work, 'www'));
  cpSync(DIST, join(work, 'www/autonomie'), { recursive: true });
  chmodReadable(join(work, 'www'));
  return work;
}

/** Makes every folder under `path` enterable and every file readable by anyone. */
function chmodReadable(path) {
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const inner = join(path, entry.name);
    chmodSync(inner, entry.isDirectory() ? 0o755 : 0o644);
    if (entry.isDirectory()) chmodReadable(inner);
  }
  chmodSync(path, 0o755);
}

/** Waits until `origin` answers HTTP, or the process ends, or 15 s pass. */
async function answering(origin, child, log) {
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  for (const deadline = Date.now() + 15000; Date.now() < deadline;) {
    const done = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve(undefined), 100))]);
    if (done !== undefined) throw new Error(`the server stopped (exit ${done}):\n${log()}`);
    if (await get(`${origin}/`).then(() => true, () => false)) return;
  }
  throw new Error(`the server did not answer within 15 s:\n${log()}`);
}

/** Starts `command` with `args`, waits for `origin`, and returns how to stop it. */
async function run(name, work, origin, command, args, env = {}) {
  const output = [];
  const child = spawn(command, args, { cwd: work, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => output.push(chunk.toString()));
  const log = () => output.join('') + (existsSync(join(work, 'error.log')) ? readFileSync(join(work, 'error.log'), 'utf8') : '');
  try {
    await answering(origin, child, log);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  return {
    name,
    origin,
    base: `${origin}/autonomie/`,
    log,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(work, { recursive: true, force: true });
    },
  };
}

export const NGINX = '/usr/sbin/nginx';
/** Debian's package of nginx's brotli_static module (libnginx-mod-http-brotli-static). */
export const NGINX_BROTLI = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/**
 * nginx under docs/deploy/nginx.conf: the site file included in a main configuration
 * like Debian's /etc/nginx/nginx.conf (mime.types; the brotli module, which Debian's
 * package enables, loaded by its full path), with its
 * pid, logs and temporary files in the work folder. Without Debian's brotli module, the
 * `brotli_static` line is deleted, as the file's own comment says.
 */
export async function startNginx() {
  const work = workFolder('nginx');
  const port = await freePort();
  const brotli = existsSync(NGINX_BROTLI);
  const site = replaceOnce(readFileSync(join(ROOT, 'docs/deploy/nginx.conf'), 'utf8'), [
    ['    listen 80;\n', `    listen 127.0.0.1:${port};\n`],
    ['    listen [::]:80;\n', ''],
    ['    root /var/www/charts.example;\n', `    root ${join(work, 'www')};\n`],
    ...(brotli ? [] : [['    brotli_static on;\n', '']]),
  ], 'docs/deploy/nginx.conf');
  writeFileSync(join(work, 'site.conf'), site);
  const temporary = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `    ${kind}_temp_path ${join(work, `${kind}_temp`)};`).join('\n');
  writeFileSync(join(work, 'nginx.conf'), `pid ${join(work, 'nginx.pid')};
error_log ${join(work, 'error.log')} warn;
${brotli ? `load_module ${NGINX_BROTLI};` : ''}
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log ${join(work, 'access.log')};
${temporary}
    include ${join(work, 'site.conf')};
}
`);
  const server = await run('nginx', work, `http://127.0.0.1:${port}`, NGINX,
    ['-p', work, '-e', join(work, 'error.log'), '-c', join(work, 'nginx.conf'), '-g', 'daemon off;']);
  return { ...server, encodings: brotli ? ['br', 'gzip'] : ['gzip'] };
}

export const CADDY = '/usr/bin/caddy';

/**
 * Caddy under docs/deploy/Caddyfile: the site address made http://127.0.0.1:PORT (no
 * certificate) and the folder the work folder's, after a global block that turns off
 * Caddy's admin endpoint (one port fewer to share between tests); its data and
 * configuration in the work folder.
 */
export async function startCaddy() {
  const work = workFolder('caddy');
  const port = await freePort();
  const site = replaceOnce(readFileSync(join(ROOT, 'docs/deploy/Caddyfile'), 'utf8'), [
    ['\ncharts.example {\n', `\nhttp://127.0.0.1:${port} {\n`],
    ['\troot * /var/www/charts.example\n', `\troot * ${join(work, 'www')}\n`],
  ], 'docs/deploy/Caddyfile');
  writeFileSync(join(work, 'Caddyfile'), `{\n\tadmin off\n}\n${site}`);
  const server = await run('caddy', work, `http://127.0.0.1:${port}`, CADDY,
    ['run', '--config', join(work, 'Caddyfile'), '--adapter', 'caddyfile'],
    { HOME: work, XDG_DATA_HOME: join(work, 'data'), XDG_CONFIG_HOME: join(work, 'config') });
  return { ...server, encodings: ['br', 'gzip'] };
}

export const APACHE = '/usr/sbin/apache2';
const APACHE_MODULES = '/usr/lib/apache2/modules';

/**
 * Apache under docs/deploy/apache.htaccess: the file included, as it is, in the
 * <Directory> block of the release's folder (where a .htaccess would apply), in a main
 * configuration like Debian's default site (its modules, /etc/mime.types,
 * FollowSymLinks), with its pid, logs and locks in the work folder.
 */
export async function startApache() {
  const work = workFolder('apache');
  const port = await freePort();
  const modules = ['mpm_event', 'authz_core', 'dir', 'mime', 'rewrite', 'headers', 'filter', 'deflate']
    .map((name) => `LoadModule ${name}_module ${APACHE_MODULES}/mod_${name}.so`).join('\n');
  const root = process.getuid?.() === 0 ? 'User www-data\nGroup www-data\n' : '';
  writeFileSync(join(work, 'apache2.conf'), `ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile ${join(work, 'apache2.pid')}
ErrorLog ${join(work, 'error.log')}
DefaultRuntimeDir ${work}
Mutex file:${work} default
${root}${modules}
TypesConfig /etc/mime.types
DocumentRoot ${join(work, 'www')}
<Directory ${join(work, 'www')}>
    Options FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>
<Directory ${join(work, 'www/autonomie')}>
    Include ${join(ROOT, 'docs/deploy/apache.htaccess')}
</Directory>
`);
  const server = await run('apache', work, `http://127.0.0.1:${port}`, APACHE,
    ['-f', join(work, 'apache2.conf'), '-DFOREGROUND']);
  return { ...server, encodings: ['br', 'gzip'] };
}
