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
 * graphic can later be checked against the data it claims to show.
 */
export async function hashInputs(cwd: string, files: string[]): Promise<InputHash[]> {
  const unique = [...new Set(files)].sort();
  return Promise.all(
    unique.map(async (file) => ({ file, sha256: sha256(await readFile(path.join(cwd, file))) })),
  );
}

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
