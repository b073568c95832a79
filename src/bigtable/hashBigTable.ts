import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';

/**
 * sha256 of a big table, read in a stream (never whole into memory): of the
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

function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
