import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of citechart's own running code: `dist/` when installed or
 * built, `src/` when the tests run the TypeScript directly. This module
 * lives one level below it (`dist/cache/codeHash.js`).
 */
export const CODE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The file `npm run build` (scripts/bundle.mjs) writes in `dist/`: the hash of the code beside it, and what its files looked like then. */
export const CODE_HASH_STAMP = 'codeHash.json';

/** Files whose bytes are code that can change a graphic: compiled or source modules and the JSON they import (word catalogues). Type declarations draw nothing. */
// snapshot.json only records which Node and path the startup snapshot was made for (src/startup): its
// code is the hashed dist/bundle/snapshotEntry.cjs, and its times and paths would make the hash differ per checkout.
// codeHash.json is the stamp below: the hash of the others.
const isCode = (file: string) =>
  /\.(?:js|cjs|mjs|ts|json)$/.test(file) && !file.endsWith('.d.ts') && file !== 'snapshot.json' && file !== CODE_HASH_STAMP;

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
 * covers every such case.
 *
 * Hashing the ≈6 MB of files (tsc's output, the esbuild bundle and the
 * snapshot's script) cost 80–160 ms of every build on the 2-core machine
 * (issue 15: a one-chart build's fixed cost), so `npm run build` hashes them
 * once (writeCodeHashStamp) and a run takes that hash when every file and
 * folder it recorded still has its size and modification time (≈400 stats,
 * a few ms; stampedCodeHash). Any write to a file, and any file added to or
 * removed from a folder, changes a time, and the run hashes the files
 * itself, as it does without a stamp (an npm pack resets every time).
 *
 * Throws only if `dir` cannot be listed (a broken install), as any read of
 * citechart's own files would.
 */
export function codeHash(dir: string = CODE_DIR): string {
  if (dir === CODE_DIR && hash) return hash;
  const result = stampedCodeHash(dir) ?? hashCode(dir);
  if (dir === CODE_DIR) hash = result;
  return result;
}

/** The code files of `dir`, folder-relative with `/` separators, in code-unit order (the same on Windows and Linux). */
function codeFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter(isCode)
    .map((file) => file.split(path.sep).join('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** codeHash without the stamp: reads and hashes every code file of `dir`. */
export function hashCode(dir: string, files: string[] = codeFiles(dir)): string {
  const digest = createHash('sha256');
  for (const file of files) {
    const bytes = readFileSync(path.join(dir, file));
    // Each name and length is delimited, so moving bytes between files changes the hash.
    digest.update(`${file}\0${bytes.length}\0`).update(bytes);
  }
  return digest.digest('hex');
}

/** One line of the stamp: a path relative to the code folder ('' for the folder itself), its size in bytes (-1 for a folder: only its time counts) and `mtimeMs`. */
type StampEntry = [file: string, size: number, mtimeMs: number];

interface CodeHashStamp {
  hash: string;
  entries: StampEntry[];
}

const isStampEntry = (entry: unknown): entry is StampEntry =>
  Array.isArray(entry) && entry.length === 3 && typeof entry[0] === 'string' && typeof entry[1] === 'number' && typeof entry[2] === 'number';

function isStamp(value: unknown): value is CodeHashStamp {
  const stamp = value as Partial<CodeHashStamp> | null;
  return typeof stamp === 'object' && stamp !== null && typeof stamp.hash === 'string' && /^[0-9a-f]{64}$/.test(stamp.hash) &&
    Array.isArray(stamp.entries) && stamp.entries.length > 0 && stamp.entries.every(isStampEntry);
}

/**
 * The hash `dir/codeHash.json` records, when every file and folder it lists
 * still has the recorded size (files) and `mtimeMs`; `undefined` when there
 * is no stamp, it does not parse, or anything differs (then codeHash hashes).
 * A folder's time changes when an entry is added, removed or renamed in it,
 * so a new code file is noticed without listing the folders.
 */
export function stampedCodeHash(dir: string): string | undefined {
  let stamp: unknown;
  try {
    stamp = JSON.parse(readFileSync(path.join(dir, CODE_HASH_STAMP), 'utf8'));
  } catch {
    return undefined;
  }
  if (!isStamp(stamp)) return undefined;
  // Joined by hand: path.join's normalising was half of this loop's CPU (≈530 entries, 9 → 4.5 ms; issue 15,
  // every command's fixed cost). Entries use `/`, which Windows' file functions take as they take `\`.
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  for (const [file, size, mtimeMs] of stamp.entries) {
    const stats = statSync(prefix + file, { throwIfNoEntry: false });
    if (!stats || stats.mtimeMs !== mtimeMs || (size >= 0 ? stats.size !== size : !stats.isDirectory())) return undefined;
  }
  return stamp.hash;
}

/**
 * Writes `dir/codeHash.json` (scripts/bundle.mjs, last step of `npm run
 * build`): the code files' hash, with the size and time of each and the time
 * of every folder. The stamp file is made empty first, so the folder's time
 * recorded is the one after its creation (rewriting a file in place does not
 * change its folder's time); times are taken before the bytes are read, so a
 * file written meanwhile no longer matches and is hashed at run time.
 * @returns the hash.
 */
export function writeCodeHashStamp(dir: string): string {
  const stampFile = path.join(dir, CODE_HASH_STAMP);
  writeFileSync(stampFile, '');
  const files = codeFiles(dir);
  // Every folder, those without code files too: one added there must be noticed.
  const folders = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((entry) => statSync(path.join(dir, entry)).isDirectory())
    .map((folder) => folder.split(path.sep).join('/'));
  const entries: StampEntry[] = ['', ...folders.sort()].map((folder) => [folder, -1, statSync(path.join(dir, folder)).mtimeMs]);
  for (const file of files) {
    const stats = statSync(path.join(dir, file));
    entries.push([file, stats.size, stats.mtimeMs]);
  }
  const result = hashCode(dir, files);
  writeFileSync(stampFile, JSON.stringify({ hash: result, entries }) + '\n');
  return result;
}
