import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { mountedFolder, mountedKey } from '../load/memoryFolder.js';

export interface InputHash {
  /** Project-relative path. */
  file: string;
  sha256: string;
}

/**
 * sha256 of every file a graphic was built from, in a stable order, so a
 * graphic can later be checked against the data it claims to show. `read`
 * holds the hashes of the bytes actually drawn from (load/readLedger.ts); a
 * file is read again only when absent there.
 */
export async function hashInputs(cwd: string, files: string[], read: ReadonlyMap<string, string> = new Map()): Promise<InputHash[]> {
  const unique = [...new Set(files)].sort();
  return Promise.all(
    unique.map(async (file) => ({ file, sha256: read.get(file) ?? sha256(await bytesOf(cwd, file)) })),
  );
}

/** A file's bytes, from memory for a folder held there (load/memoryFolder.ts), else from disk. */
async function bytesOf(cwd: string, file: string): Promise<Buffer> {
  const memory = mountedFolder(cwd);
  if (!memory) return readFile(path.join(cwd, file));
  const bytes = memory.get(mountedKey(file) ?? '');
  if (!bytes) throw new Error(`${file} is not in the in-memory project`);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
