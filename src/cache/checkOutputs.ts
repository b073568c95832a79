import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CachedOutput } from './buildCache.js';

/**
 * Whether every file a chart's last build wrote is still there as written.
 * Size and mtime as recorded are trusted, as make and git do; a file with the
 * right size but another mtime (touched, checked out again) is hashed, and
 * kept when its bytes are the same. Returns the outputs with mtimes brought
 * up to date, or undefined when one is missing or changed.
 */
export async function checkOutputs(outDir: string, outputs: CachedOutput[]): Promise<CachedOutput[] | undefined> {
  const checked = await Promise.all(
    outputs.map(async (output): Promise<CachedOutput | undefined> => {
      const file = path.join(outDir, output.file);
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile() || info.size !== output.size) return undefined;
      if (info.mtimeMs === output.mtimeMs) return output;
      const data = await readFile(file).catch(() => undefined);
      if (!data || createHash('sha256').update(data).digest('hex') !== output.sha256) return undefined;
      return { ...output, mtimeMs: info.mtimeMs };
    }),
  );
  return checked.every((output) => output !== undefined) ? (checked as CachedOutput[]) : undefined;
}

/** What checkOutputs later compares: the bytes just written and the file's stat. */
export async function describeOutput(outDir: string, file: string, data: string | Uint8Array): Promise<CachedOutput> {
  const info = await stat(path.join(outDir, file));
  return { file, sha256: createHash('sha256').update(data).digest('hex'), size: info.size, mtimeMs: info.mtimeMs };
}
