import { createHash } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CachedOutput } from './buildCache.js';

/**
 * Whether every file a chart's last build wrote is still there as written,
 * by content: each file is read and its sha256 compared with the one
 * recorded (a size that differs settles it without reading). Size and mtime
 * are not trusted: a file cut short on a full disk, then touched, or edited
 * within the same second, kept its "up to date" verdict until `--force`.
 * A link is never the file written. Returns the outputs, or undefined when
 * one is missing or changed.
 */
export async function checkOutputs(outDir: string, outputs: CachedOutput[]): Promise<CachedOutput[] | undefined> {
  const same = await Promise.all(
    outputs.map(async (output) => {
      const file = path.join(outDir, output.file);
      const info = await lstat(file).catch(() => undefined);
      if (!info?.isFile() || info.size !== output.size) return false;
      const data = await readFile(file).catch(() => undefined);
      return !!data && sha256(data) === output.sha256;
    }),
  );
  return same.every(Boolean) ? outputs : undefined;
}

/** What checkOutputs later compares: the bytes just written, checked on disk by writeAtomic. */
export function describeOutput(file: string, data: string | Uint8Array): CachedOutput {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return { file, sha256: sha256(bytes), size: bytes.byteLength };
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
