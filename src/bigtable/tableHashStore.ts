// The sha256 of big tables kept across builds, in the output folder beside
// the build cache: a rebuild of a 493 MiB CSV whose bytes did not change
// skips reading it once more for its hash (0.4 s of CPU, on a core polars'
// parse wants), as git trusts a file whose stat is unchanged.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomic } from '../write/writeAtomic.js';
import { rememberHashes, settledHashes, type KnownHash } from './hashBigTable.js';

/** The file in the output folder (`build --out`), written only by a build that hashed a big table. */
export const TABLE_HASHES = '.citechart-table-hashes.json';
const FORMAT = 1;

/**
 * Reads `outDir`/TABLE_HASHES and lets hashBigTable use each hash while its
 * file's identity (device, inode, size, modified and changed times in ns)
 * is the one recorded. A missing, unreadable or malformed file, or a
 * malformed entry, is ignored (the table is then read and hashed). Returns
 * the file's text ('' when missing), for saveTableHashes.
 */
export async function loadTableHashes(outDir: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path.join(outDir, TABLE_HASHES), 'utf8');
  } catch {
    return '';
  }
  try {
    const parsed = JSON.parse(text) as { format?: unknown; tables?: unknown } | null;
    if (parsed?.format !== FORMAT || !Array.isArray(parsed.tables)) return text;
    rememberHashes((parsed.tables as unknown[]).filter(isKnownHash));
  } catch {
    // A corrupt file is no file: every table is hashed again, and the file rewritten.
  }
  return text;
}

/**
 * Writes the settled hashes this build used (hashBigTable.settledHashes) to
 * `outDir`/TABLE_HASHES, unless the text is `previousText` or there are none
 * and there was no file. Throws what writeAtomic throws (an OutputError's cause: a full disk).
 */
export async function saveTableHashes(outDir: string, previousText: string): Promise<void> {
  const tables = await settledHashes();
  if (!tables.length && !previousText) return;
  const text = JSON.stringify({ format: FORMAT, tables }) + '\n';
  if (text !== previousText) await writeAtomic(path.join(outDir, TABLE_HASHES), text);
}

const isKnownHash = (value: unknown): value is KnownHash => {
  const entry = value as Partial<KnownHash> | null;
  return (
    !!entry &&
    typeof entry.file === 'string' &&
    path.isAbsolute(entry.file) &&
    typeof entry.identity === 'string' &&
    /^\d+:\d+:\d+:\d+:\d+$/.test(entry.identity) &&
    typeof entry.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(entry.sha256)
  );
};
