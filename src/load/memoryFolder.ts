import { existsSync } from 'node:fs';
import path from 'node:path';

// A project folder held in memory, for the typed API (src/api/renderChart.ts):
// its files are bytes in a Map, mounted at a `cwd` that names no folder on
// disk. The readers that take a `cwd` reach files through two doors only
// (locateProjectFile, readProjectFile; hashInputs and projectFileExists for
// hashes and presence), and each door asks here first, so a chart held in
// memory is read by the very code that reads a project on disk, and the disk
// is never opened for it.

const mounted = new Map<string, ReadonlyMap<string, Uint8Array>>();
let mounts = 0;

/** Where in-memory folders are mounted: a path no folder on disk has (the NUL byte cannot be in a file name). */
const MOUNT_ROOT = path.resolve('/\u0000citechart-memory');

/**
 * Mounts `files` (project-relative POSIX paths such as `data/x.csv` → bytes)
 * and returns the `cwd` that names them, until `unmountFolder(cwd)`.
 */
export function mountFolder(files: ReadonlyMap<string, Uint8Array>): string {
  const cwd = path.join(MOUNT_ROOT, String((mounts += 1)));
  mounted.set(cwd, files);
  return cwd;
}

export function unmountFolder(cwd: string): void {
  mounted.delete(cwd);
}

/** The in-memory files mounted at `cwd`; undefined for a folder on disk. */
export function mountedFolder(cwd: string): ReadonlyMap<string, Uint8Array> | undefined {
  return mounted.get(path.resolve(cwd));
}

/** Whether an absolute path lies in a mounted in-memory folder (such a path can never be opened on disk). */
export function isMountedPath(absolute: string): boolean {
  return absolute.startsWith(MOUNT_ROOT + path.sep);
}

/** `file` (project-relative, POSIX) as a key of a mounted folder: `./data//x.csv` → `data/x.csv`; undefined when it leaves the folder. */
export function mountedKey(file: string): string | undefined {
  const normal = path.posix.normalize(file.split(path.sep).join('/'));
  return normal === '..' || normal.startsWith('../') || path.posix.isAbsolute(normal) ? undefined : normal.replace(/^\.\//, '');
}

/** Whether a project file (or folder: `specs`) exists, in memory or on disk. */
export function projectFileExists(cwd: string, file: string): boolean {
  const memory = mountedFolder(cwd);
  if (!memory) return existsSync(path.join(cwd, file));
  const key = mountedKey(file);
  if (key === undefined) return false;
  if (memory.has(key)) return true;
  for (const name of memory.keys()) if (name.startsWith(`${key}/`)) return true;
  return false;
}
