import { statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { LIMITS } from '../limits.js';
import { isMountedPath } from '../load/memoryFolder.js';
import { UsageError } from '../errors.js';
import * as messages from '../messages.js';

/** A `data/NAME.parquet` url: a Parquet file, or a folder of them (Spark's and BigQuery's exports, hive-partitioned or not). */
export const isParquetPath = (file: string): boolean => /\.parquet$/i.test(file);

/**
 * `LIMITS.bigCsvBytes`, or the whole number of bytes `CITECHART_BIG_CSV_BYTES`
 * sets (unset or empty: the default). Throws UsageError for any other value
 * (`abc`, `16MB`, `0`, `1e6`): a typo must not silently read a big CSV row by row.
 * The CLI calls it before every command (src/cli.ts), so the error comes first.
 */
export function bigCsvBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CITECHART_BIG_CSV_BYTES;
  if (raw === undefined || raw.trim() === '') return LIMITS.bigCsvBytes;
  if (!/^\s*[1-9]\d*\s*$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw new UsageError(messages.load.badBigCsvBytes(raw));
  return Number(raw);
}

/**
 * `LIMITS.bigCsvInMemoryBytes`, or the whole number of bytes (0 included:
 * never) that `CITECHART_BIG_CSV_MEMORY_BYTES` sets (unset or empty: the
 * default). Throws UsageError for any other value (`512MB`, `-1`, `1e9`), as
 * bigCsvBytes does. 0 in a worker thread of the build's pool (`--jobs`,
 * src/pool): each worker opens its own project, so each would hold its own
 * copy of the table.
 */
export function bigCsvInMemoryBytes(env: NodeJS.ProcessEnv = process.env, mainThread = isMainThread): number {
  const raw = env.CITECHART_BIG_CSV_MEMORY_BYTES;
  const set = raw === undefined || raw.trim() === '' ? LIMITS.bigCsvInMemoryBytes : Number(raw);
  if (raw !== undefined && raw.trim() !== '' && (!/^\s*\d+\s*$/.test(raw) || !Number.isSafeInteger(set))) throw new UsageError(messages.load.badBigCsvMemoryBytes(raw));
  return mainThread ? set : 0;
}

/**
 * Whether pushdown runs (src/bigtable/pushDownChart.ts): `CITECHART_PUSHDOWN`
 * unset, empty or `on` runs it, `off` hands every row to Vega (benchmarks and
 * the exactness tests compare both). Throws UsageError for any other value
 * (`false`, `0`, `OFF`): a typo must not silently measure the wrong path.
 */
export function pushdownEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env.CITECHART_PUSHDOWN;
  if (raw === undefined || raw.trim() === '' || raw.trim() === 'on') return true;
  if (raw.trim() === 'off') return false;
  throw new UsageError(messages.load.badPushdown(raw));
}

export type BigTableKind = 'parquet' | 'parquet-folder' | 'csv';

/**
 * Whether a project file (already located inside the project, `real` its
 * absolute path) is read as a big table, and how: every Parquet file or
 * folder is; a CSV is from `bigCsvBytes` (src/limits.ts) on. Undefined for
 * a CSV read row by row as before (src/load).
 */
export async function bigTableKind(file: string, real: string): Promise<BigTableKind | undefined> {
  // The typed API's in-memory project (src/load/memoryFolder.ts) holds its tables as bytes, read the small-table way: polars scans only files on disk.
  if (isMountedPath(real)) return undefined;
  return bigTableKindOfStats(file, await stat(real));
}

/**
 * bigTableKind with the file stat'ed on this thread (statSync: throws what
 * stat rejects with), for a caller that asks of every data file in a row:
 * `build` does before drawing (hasBigTables), and ≈50 trips to libuv's pool
 * one after another were a one-chart build's wall time for a few
 * microseconds of work each (issue 15, cold start).
 */
export function bigTableKindNow(file: string, real: string): BigTableKind | undefined {
  if (isMountedPath(real)) return undefined;
  return bigTableKindOfStats(file, statSync(real));
}

/**
 * bigTableKind with the file's stats already in hand (`real` not mounted):
 * for the build cache's hasher (src/cache/fileHasher.ts), which looks at
 * every input of every chart with a synchronous stat, not a trip to libuv's
 * pool each (issue 15: the no-change rebuild).
 */
export function bigTableKindOfStats(file: string, stats: { isDirectory(): boolean; isFile(): boolean; size: number }): BigTableKind | undefined {
  if (isParquetPath(file)) return stats.isDirectory() ? 'parquet-folder' : 'parquet';
  return stats.isFile() && stats.size >= bigCsvBytes() ? 'csv' : undefined;
}

/**
 * The Parquet files of a folder, recursively (hive partitions are folders
 * `key=value/`), as absolute paths sorted so hashing is stable; hidden and
 * `_`-prefixed files (`_SUCCESS`, `.crc`) left out, as Spark and polars do.
 * Links are listed apart, never followed (the caller refuses them: nothing outside the folder is read).
 */
export async function parquetFolderFiles(folder: string): Promise<{ files: string[]; links: string[] }> {
  const found: string[] = [];
  const links: string[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) links.push(path.relative(folder, full));
      else if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && isParquetPath(entry.name)) found.push(full);
    }
  };
  await walk(folder);
  return { files: found.sort(), links };
}

/** Total bytes of a big table's files. */
export async function totalBytes(files: string[]): Promise<number> {
  let bytes = 0;
  for (const file of files) bytes += (await stat(file)).size;
  return bytes;
}
