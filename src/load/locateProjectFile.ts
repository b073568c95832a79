import { realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { mountedFolder, mountedKey } from './memoryFolder.js';

/** What a project file is, asked of the file system (path text alone cannot tell). */
export type Located =
  /** A regular file inside its folder; `real` is its absolute real path (links resolved). */
  | { place: 'inside'; real: string }
  /** Its real path (through a symbolic link in it or in its folders) is outside its folder. */
  | { place: 'outside'; real: string }
  | { place: 'missing' }
  /** Inside, but not a regular file: reading a FIFO would wait forever, a device forever or for ever more. */
  | { place: 'special'; real: string; kind: SpecialKind };

export type SpecialKind = 'folder' | 'named pipe (FIFO)' | 'device' | 'socket';

/**
 * Where a project-relative file (`data/x.csv`, `specs/theme.json`) really
 * is. Its real path (`realpath`: every symbolic link resolved) must be
 * inside the real version of its own top folder, so `data/x.csv` must
 * really be in the project's data/ folder: a link to `/etc/passwd`, to the
 * project's `.env` or to `specs/` is `outside` (a cloned repository can
 * contain such links; a data/ folder that is itself a link out of the
 * project makes every table `outside`). A FIFO, device, socket or folder is
 * `special`: the file is stat'ed, never opened, here.
 */
export async function locateProjectFile(cwd: string, file: string): Promise<Located> {
  const memory = mountedFolder(cwd);
  if (memory) return locateInMemory(memory, file);
  // Asked on the calling thread (realpath(3) and stat(2), as fs/promises' realpath and stat run them on
  // libuv's pool): a render worker reads a chart's files one after another with nothing else to do
  // meanwhile, and each hand-over to the pool and back cost more CPU than the call (issue 15).
  let real: string;
  try {
    real = realpathSync.native(path.join(cwd, file));
  } catch {
    return { place: 'missing' };
  }
  const root = realpathSync.native(cwd);
  const segments = file.split('/').filter((s) => s !== '' && s !== '.');
  const folder = segments.length > 1 ? path.join(root, segments[0]!) : root;
  if (!real.startsWith(folder + path.sep)) return { place: 'outside', real };
  let stats: Stats;
  try {
    stats = statSync(real);
  } catch {
    return { place: 'missing' };
  }
  const kind = specialKind(stats);
  return kind ? { place: 'special', real, kind } : { place: 'inside', real };
}

/** What a non-regular file is, for messages; undefined for a regular file. */
export function specialKind(stats: Stats): SpecialKind | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'folder';
  if (stats.isFIFO()) return 'named pipe (FIFO)';
  if (stats.isSocket()) return 'socket';
  return 'device';
}

/**
 * locateProjectFile for a folder held in memory (load/memoryFolder.ts), by
 * the same rule: a file must stay in its own top folder (`data/../specs/x`
 * is outside), and a name that only prefixes others is a folder.
 */
function locateInMemory(memory: ReadonlyMap<string, Uint8Array>, file: string): Located {
  const key = mountedKey(file);
  const top = file.split('/').filter((s) => s !== '' && s !== '.');
  if (key === undefined) return { place: 'outside', real: file };
  if (top.length > 1 && !key.startsWith(`${top[0]}/`)) return { place: 'outside', real: key };
  if (memory.has(key)) return { place: 'inside', real: key };
  for (const name of memory.keys()) if (name.startsWith(`${key}/`)) return { place: 'special', real: key, kind: 'folder' };
  return { place: 'missing' };
}
