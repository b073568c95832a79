import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { InputState } from './cacheKey.js';

/**
 * sha256 of project files, each read at most once per build (sources.csv
 * and the theme are inputs of every chart). A missing file hashes to null,
 * so a theme or schema sidecar that appears later changes the key.
 */
export function fileHasher(cwd: string): (files: string[]) => Promise<InputState[]> {
  const hashes = new Map<string, Promise<string | null>>();
  const hashOne = (file: string) => {
    let hash = hashes.get(file);
    if (!hash) {
      hash = readFile(path.join(cwd, ...file.split('/'))).then(
        (data) => createHash('sha256').update(data).digest('hex'),
        () => null,
      );
      hashes.set(file, hash);
    }
    return hash;
  };
  return (files) => Promise.all(files.map(async (file) => ({ file, sha256: await hashOne(file) })));
}
