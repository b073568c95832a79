import { createHash } from 'node:crypto';
import path from 'node:path';
import { statSync } from 'node:fs';
import { bigTableKindOfStats, isParquetPath } from '../bigtable/bigTableFile.js';
import { isMountedPath } from '../load/memoryFolder.js';
import type { InputState } from './cacheKey.js';
import { sha256File } from './sha256File.js';

/**
 * sha256 of project files, each read at most once per build (sources.csv
 * and the theme are inputs of every chart). A missing file hashes to null,
 * so a theme or schema sidecar that appears later changes the key. A
 * bundled atlas (`citechart:…`, src/geo) is hashed from the copy this
 * citechart ships, and a big table (src/bigtable: a Parquet file or folder,
 * a CSV from 16 MB) in a stream, each as the graphic records it
 * (src/verify/checkInputs.ts compares them the same way): hashed as plain
 * project files they were always null, so a map or a big-table chart was
 * redrawn by every build.
 */
export function fileHasher(cwd: string): (files: string[]) => Promise<InputState[]> {
  const hashes = new Map<string, Promise<string | null>>();
  const hashOne = (file: string) => {
    let hash = hashes.get(file);
    if (!hash) {
      hash = hashFile(cwd, file).catch(() => null);
      hashes.set(file, hash);
    }
    return hash;
  };
  return (files) => Promise.all(files.map(async (file) => ({ file, sha256: await hashOne(file) })));
}

async function hashFile(cwd: string, file: string): Promise<string | null> {
  if (file.startsWith('citechart:')) {
    // Imported only for maps: the atlas reader brings the TopoJSON modules.
    const { readAtlasBytes } = await import('../geo/readBoundary.js');
    const bytes = await readAtlasBytes(file);
    return bytes ? sha256(bytes) : null;
  }
  const real = path.join(cwd, ...file.split('/'));
  if (isParquetPath(file) || isBigTable(file, real)) {
    const { bigTableHash } = await import('../bigtable/hashBigTable.js');
    return (await bigTableHash(cwd, file)) ?? null;
  }
  // Read synchronously in chunks (sha256File.ts): every chart's inputs are hashed on every build.
  return sha256File(real).sha256;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * Whether `file` is a big table (bigtable/bigTableFile.ts: bigTableKind),
 * by a synchronous stat: a file that cannot be looked at is not (it is then
 * hashed as null, as before). Every input of every chart passes here on every
 * build: hashing the bench corpus's 200 charts' inputs took 28–58 ms of CPU
 * with the promise-based stat (a trip to libuv's pool per file), 9–10 ms
 * with this (5 interleaved runs of each, issue 15: the no-change rebuild).
 */
function isBigTable(file: string, real: string): boolean {
  if (isMountedPath(real)) return false;
  try {
    const stats = statSync(real, { throwIfNoEntry: false });
    return stats !== undefined && bigTableKindOfStats(file, stats) !== undefined;
  } catch {
    return false;
  }
}
