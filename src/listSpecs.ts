import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { mountedFolder } from './load/memoryFolder.js';
import { listEditions } from './locale/editionName.js';

/** Chart names: every `specs/NAME.vl.json`, and each translated edition `NAME.LANG` (a `specs/NAME.LANG.json` beside it), sorted. */
export async function listSpecs(cwd: string): Promise<string[]> {
  const entries = await specFiles(cwd);
  return entries
    .filter((entry) => entry.endsWith('.vl.json'))
    .map((entry) => entry.slice(0, -'.vl.json'.length))
    .concat(listEditions(entries))
    .sort();
}

/** The file names in `specs/`: of the in-memory folder the typed API mounts (src/load/memoryFolder.ts), else of the disk; none when it is missing. */
export async function specFiles(cwd: string): Promise<string[]> {
  const memory = mountedFolder(cwd);
  if (!memory) return readdir(path.join(cwd, 'specs')).catch(() => [] as string[]);
  const names: string[] = [];
  for (const key of memory.keys()) if (key.startsWith('specs/') && !key.slice('specs/'.length).includes('/')) names.push(key.slice('specs/'.length));
  return names;
}

/**
 * Names that differ only in case (`Exports`, `exports`), each mapped to the
 * other: on macOS and Windows their outputs are one file, so one chart's
 * graphic would silently replace the other's.
 */
export function caseClashes(names: string[]): Map<string, string> {
  const clashes = new Map<string, string>();
  const byKey = new Map<string, string>();
  for (const name of names) {
    const key = name.toLowerCase();
    const other = byKey.get(key);
    if (other === undefined) byKey.set(key, name);
    else (clashes.set(name, other), clashes.set(other, name));
  }
  return clashes;
}
