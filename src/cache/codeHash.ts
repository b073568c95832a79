import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of citechart's own running code: `dist/` when installed or
 * built, `src/` when the tests run the TypeScript directly. This module
 * lives one level below it (`dist/cache/codeHash.js`).
 */
export const CODE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Files whose bytes are code that can change a graphic: compiled or source modules and the JSON they import (word catalogues). Type declarations draw nothing. */
// snapshot.json only records which Node and path the startup snapshot was made for (src/startup): its
// code is the hashed dist/bundle/snapshotEntry.cjs, and its times and paths would make the hash differ per checkout.
const isCode = (file: string) => /\.(?:js|cjs|mjs|ts|json)$/.test(file) && !file.endsWith('.d.ts') && file !== 'snapshot.json';

let hash: string | undefined;

/**
 * sha256 (hex) of citechart's own code in `dir`: every code file's
 * folder-relative path and bytes, in sorted path order, so the same tree
 * gives the same hash on any machine and file system.
 *
 * Why: the build cache key held citechart's version, but a new build of the
 * code with the same version (a git pull, a local fix, a pre-release) kept
 * drawing nothing, and graphics drawn by the old code (maps before a border
 * correction) passed for fresh until `--force`. Hashing the code itself
 * covers every such case. About 6 MB of files (tsc's output, the esbuild
 * bundle and the snapshot's script), read once per process: 80–160 ms on
 * the 2-core machine under load (`node -e "import('./dist/cache/codeHash.js')
 * .then(m => { const t = performance.now(); m.codeHash(); console.log(performance.now() - t) })"`),
 * only when a build computes cache keys.
 *
 * Throws only if `dir` cannot be listed (a broken install), as any read of
 * citechart's own files would.
 */
export function codeHash(dir: string = CODE_DIR): string {
  if (dir === CODE_DIR && hash) return hash;
  const files = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter(isCode)
    // Posix separators and code-unit order: the same on Windows and Linux.
    .map((file) => file.split(path.sep).join('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const digest = createHash('sha256');
  for (const file of files) {
    const bytes = readFileSync(path.join(dir, file));
    // Each name and length is delimited, so moving bytes between files changes the hash.
    digest.update(`${file}\0${bytes.length}\0`).update(bytes);
  }
  const result = digest.digest('hex');
  if (dir === CODE_DIR) hash = result;
  return result;
}
