import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

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
    unique.map(async (file) => ({ file, sha256: read.get(file) ?? sha256(await readFile(path.join(cwd, file))) })),
  );
}

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
