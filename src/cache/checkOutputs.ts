import { createHash } from 'node:crypto';
import { lstatSync } from 'node:fs';
import path from 'node:path';
import type { CachedOutput } from './buildCache.js';
import { sha256File } from './sha256File.js';

/**
 * Whether every file a chart's last build wrote is still there as written,
 * by content: each file is read and its sha256 compared with the one
 * recorded (a size that differs settles it without reading). Size and mtime
 * are not trusted: a file cut short on a full disk, then touched, or edited
 * within the same second, kept its "up to date" verdict until `--force`.
 * A link is never the file written. Returns the outputs, or undefined when
 * one is missing or changed.
 *
 * The files are read one after the other, synchronously (sha256File.ts:
 * a no-change rebuild of 200 charts reads about 50 MB of them).
 */
export async function checkOutputs(outDir: string, outputs: CachedOutput[]): Promise<CachedOutput[] | undefined> {
  for (const output of outputs) if (!isAsWritten(path.join(outDir, output.file), output)) return undefined;
  return outputs;
}

function isAsWritten(file: string, output: CachedOutput): boolean {
  const info = lstatSync(file, { throwIfNoEntry: false });
  if (!info?.isFile() || info.size !== output.size) return false;
  try {
    const read = sha256File(file);
    return read.size === output.size && read.sha256 === output.sha256;
  } catch {
    return false;
  }
}

/** What checkOutputs later compares: the bytes just written, checked on disk by writeAtomic. */
export function describeOutput(file: string, data: string | Uint8Array): CachedOutput {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return { file, sha256: sha256(bytes), size: bytes.byteLength };
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
