import { createHash } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { locateProjectFile } from '../load/locateProjectFile.js';
import { isParquetPath, parquetFolderFiles } from './bigTableFile.js';

/**
 * sha256 of a big table, read 4 MiB at a time (never whole into memory): of the
 * file's bytes, or for a Parquet folder of the list of its files' relative
 * paths and sha256s (one line each, sorted), so renaming a partition changes
 * it too. `files` are absolute; `root` is the folder (for relative names).
 */
export async function hashBigTable(files: string[], root?: string): Promise<string> {
  if (root === undefined) return hashFile(files[0]!);
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${path.relative(root, file).split(path.sep).join('/')} ${await hashFile(file)}\n`);
  return hash.digest('hex');
}

/** Bytes read at a time: large reads cost a third less CPU than a stream's 64 KiB chunks (0.42 s against 0.65 s for 493 MB). */
const CHUNK = 4 * 1024 * 1024;

/**
 * This process's hashes by absolute path, each with the file's identity when
 * read (device, inode, size, modified and changed times in ns: any write
 * changes the changed time, which no tool sets back). A build asks twice,
 * for its cache key and for the graphic (src/cache/fileHasher.ts,
 * openBigTable.ts): the file is read once (0.4 s of CPU for 493 MB).
 * `settled`: the file's changed time was over SETTLED_MS before the read
 * began, so a later write cannot leave its identity as it was; only these
 * are kept across builds (tableHashStore.ts).
 */
const hashed = new Map<string, { identity: string; sha256: Promise<string>; settled: boolean }>();

/** How long before a read a file must have last changed for its hash to be kept across builds: longer than any file system's timestamp step (ext4 and tmpfs: one clock tick; FAT: 2 s). */
const SETTLED_MS = 3000;

const identityOf = (s: BigIntStats) => `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;

function hashFile(file: string): Promise<string> {
  return stat(file, { bigint: true }).then((s) => {
    const identity = identityOf(s);
    const known = hashed.get(file);
    if (known?.identity === identity) return known.sha256;
    const settled = Number(s.ctimeNs / 1_000_000n) < Date.now() - SETTLED_MS && Number(s.mtimeNs / 1_000_000n) < Date.now() - SETTLED_MS;
    const sha256 = readHash(file);
    const entry = { identity, sha256, settled };
    hashed.set(file, entry);
    // A failed read is not remembered: the next ask reads again.
    sha256.catch(() => hashed.get(file) === entry && hashed.delete(file));
    return sha256;
  });
}

/** A big table's hash known without reading it: its absolute path, identity (device:inode:size:mtimeNs:ctimeNs) and sha256. */
export interface KnownHash {
  file: string;
  identity: string;
  sha256: string;
}

/** The settled hashes this process read or was given (tableHashStore.ts saves them), sorted by file. */
export async function settledHashes(): Promise<KnownHash[]> {
  const known: KnownHash[] = [];
  for (const [file, entry] of hashed) {
    if (!entry.settled) continue;
    const sha256 = await entry.sha256.catch(() => undefined);
    if (sha256 !== undefined) known.push({ file, identity: entry.identity, sha256 });
  }
  return known.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Hashes from an earlier build (tableHashStore.ts): used while the file's identity is the one recorded, never when it differs. */
export function rememberHashes(known: KnownHash[]): void {
  for (const { file, identity, sha256 } of known) if (!hashed.has(file)) hashed.set(file, { identity, sha256: Promise.resolve(sha256), settled: true });
}

async function readHash(file: string): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(file);
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

/**
 * The streamed sha256 (hashBigTable) of a big table named by its project path:
 * a file inside the project, or a Parquet folder without links. Undefined when
 * it is missing, leaves the project, or is a folder holding a link or no Parquet file.
 */
export async function bigTableHash(root: string, file: string): Promise<string | undefined> {
  const where = await locateProjectFile(root, path.posix.normalize(file));
  const real = path.join(root, path.posix.normalize(file));
  if (where.place === 'inside') return hashBigTable([real]);
  if (where.place === 'special' && where.kind === 'folder' && isParquetPath(file)) {
    const folder = await parquetFolderFiles(real);
    return folder.links.length || !folder.files.length ? undefined : hashBigTable(folder.files, real);
  }
  return undefined;
}

