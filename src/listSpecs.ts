import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Chart names: every `specs/NAME.vl.json`, sorted. */
export async function listSpecs(cwd: string): Promise<string[]> {
  const entries = await readdir(path.join(cwd, 'specs')).catch(() => [] as string[]);
  return entries
    .filter((entry) => entry.endsWith('.vl.json'))
    .map((entry) => entry.slice(0, -'.vl.json'.length))
    .sort();
}
