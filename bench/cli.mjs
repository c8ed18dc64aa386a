// What the two benchmark runners (bench/run.mjs, bench/first-view.mjs) share besides the
// machine (machine.mjs): their failure type, a timeout on a promise, and the reading of
// their command-line flags.

/** A failure the runner explains in one line (no stack trace). */
export class BenchFailure extends Error {}

/** `promise`, or a BenchFailure naming `what` once `ms` have passed. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new BenchFailure(`${what}: no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Reads `argv` flag by flag: `--help` (or `-h`) prints `usage` and exits; any other flag
 * goes to `onFlag(flag, read)`, which returns false for a flag it does not know. `read`
 * gives the flag's value (`read.value()`) or its value as a number of at least `min`
 * (`read.number(min, text)`, `text` defaulting to the next value).
 */
export function readFlags(argv, usage, onFlag) {
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--help' || flag === '-h') {
      console.log(usage);
      process.exit(0);
    }
    const value = () => {
      if (i + 1 >= argv.length) throw new BenchFailure(`${flag} needs a value\n${usage}`);
      i += 1;
      return argv[i];
    };
    const number = (min, text = value()) => {
      const n = Number(text);
      if (!Number.isFinite(n) || n < min) throw new BenchFailure(`${flag} wants a number >= ${min}, got ${text}\n${usage}`);
      return n;
    };
    if (onFlag(flag, { value, number }) === false) throw new BenchFailure(`unknown option ${flag}\n${usage}`);
  }
}
