import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { locateProjectFile } from '../load/locateProjectFile.js';
import { isParquetPath, parquetFolderFiles } from './bigTableFile.js';

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

