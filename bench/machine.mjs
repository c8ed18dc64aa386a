// What a benchmark run was measured on: cores, CPU model, Chromium, Node, commit, date and
// the load average at the start. Shared by bench/run.mjs and bench/first-view.mjs.

import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The output of `command args…`, trimmed, or null when it fails. */
function output(command, args) {
  try {
    return execFileSync(command, args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** The machine and the software of this run; `browserVersion` from playwright. */
export function machine(browserVersion) {
  const model = output('lscpu', [])?.split('\n').find((l) => l.startsWith('Model name:'));
  return {
    cpus: cpus().length,
    cpuModel: model ? model.replace('Model name:', '').trim() : (cpus()[0]?.model ?? null),
    chromium: browserVersion,
    node: process.version,
    commit: output('git', ['rev-parse', '--short', 'HEAD']),
    date: new Date().toISOString(),
    loadAverageAtStart: loadavg(),
  };
}
