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

/** Windows's reserved device names: `con.svg` cannot be created there, whatever follows the first dot. */
const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Characters no Windows file name may hold. */
const FORBIDDEN = /[<>:"|?*\\]/;

/**
 * Why a chart name would make output files that some desk's machine cannot
 * hold or would hide, if so. A spec file can be named anything on Linux
 * and macOS, but its outputs are committed and checked out on Windows too
 * (where `git checkout` of `output/a?b.svg` or `output/con.svg` fails), and
 * an empty name or one starting with a dot made hidden files (`output/.svg`).
 * Source: Microsoft's "Naming Files, Paths, and Namespaces".
 */
export function unportableName(name: string): string | undefined {
  if (name === '') return 'the spec file is named ".vl.json", so its outputs would be hidden files (output/.svg)';
  if (name.startsWith('.')) return `its outputs would be hidden files (output/${name}.svg)`;
  if (DEVICE.test(name)) return `${name.split('.')[0]} is a device name on Windows, where output/${name}.svg cannot be created`;
  const forbidden = FORBIDDEN.exec(name);
  if (forbidden) return `Windows file names cannot hold ${JSON.stringify(forbidden[0])}, so its outputs could not be checked out there`;
  if (/[. ]$/.test(name)) return 'Windows drops a trailing dot or space from a file name, so its outputs would be named otherwise there';
  return undefined;
}
