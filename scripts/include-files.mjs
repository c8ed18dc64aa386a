// Keeps the copies of files in a Markdown document equal to the files: a fenced block
// right after a line `<!-- included from PATH by scripts/include-files.mjs -->` holds the
// file PATH (from the repository's root) as it is. docs/deploy.md shows the
// configurations of docs/deploy/ this way, and the tests run those very files.
//
//   node scripts/include-files.mjs DOC.md...           rewrites the copies
//   node scripts/include-files.mjs --check DOC.md...   fails if a copy differs

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const INCLUDE = /(<!-- included from (\S+) by scripts\/include-files\.mjs -->\n```[\w-]*\n)([\s\S]*?)(^```$)/gm;

/** `text` with each included copy made equal to its file, and the paths it includes. */
export function fillIncludes(text) {
  const paths = [];
  const filled = text.replace(INCLUDE, (whole, opening, path, copy, closing) => {
    paths.push(path);
    const file = readFileSync(join(ROOT, path), 'utf8');
    if (file.split('\n').some((line) => line.startsWith('```'))) throw new Error(`${path} has a line starting with \`\`\``);
    return `${opening}${file.endsWith('\n') ? file : `${file}\n`}${closing}`;
  });
  return { filled, paths };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const doc of process.argv.slice(2).filter((a) => a !== '--check')) {
    const text = readFileSync(doc, 'utf8');
    const { filled, paths } = fillIncludes(text);
    if (filled === text) continue;
    if (check) {
      console.error(`${doc}: a copy of ${paths.join(', ')} differs from its file (node scripts/include-files.mjs ${doc})`);
      stale += 1;
    } else {
      writeFileSync(doc, filled);
      console.log(`${doc}: copies of ${paths.join(', ')} updated`);
    }
  }
  process.exit(stale ? 1 : 0);
}
