import { statSync } from 'node:fs';
import path from 'node:path';
import { watch } from 'chokidar';

export interface FileWatcher {
  /** Resolves once the initial scan is done and saves are being seen. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Calls `onChange` with the project-relative paths (`data/x.csv`) saved,
 * created or deleted in data/ and specs/, once a burst of events has been
 * quiet for `quietMs`. Editors and spreadsheet programs save in bursts
 * (temp file, rename, several writes); waiting for the quiet gap means a
 * rebuild reads the finished file, and one save gives one rebuild. Should a
 * slow writer still be mid-file, its next write is seen and triggers another
 * rebuild, so the last one always sees the final content: chokidar reports
 * a file's change once and drops its further change events for 50 ms (its
 * throttle), so each file reported is looked at again once that window has
 * passed (RECHECK_MS), and counts as saved again if it changed meanwhile.
 * `firstAt` is when the burst began (performance.now()), for timing save →
 * rebuilt.
 */
export function watchFiles(cwd: string, onChange: (files: string[], firstAt: number) => void, quietMs = 30): FileWatcher {
  // The project folder, not data/ and specs/ themselves: chokidar stops
  // watching a folder that is deleted, so a data/ deleted and restored (a git
  // checkout, a sync tool) went unseen and its charts stayed failed; and a
  // data/ created after start was never watched. Everything but those two
  // folders (output/, which every build writes, node_modules/) is ignored.
  const watcher = watch('.', { cwd, ignoreInitial: true, depth: 1, ignored: (file) => !isWatched(cwd, file) });
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let firstAt = 0;
  let closed = false;
  const flush = () => {
    timer = undefined;
    const files = [...pending].sort();
    pending = new Set();
    if (files.length) onChange(files, firstAt);
  };
  const saved = (file: string) => {
    if (!pending.size) firstAt = performance.now();
    pending.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, quietMs);
    recheck(file);
  };
  // The file as it was when last reported, and the look again after chokidar's throttle.
  const rechecks = new Map<string, NodeJS.Timeout>();
  const recheck = (file: string) => {
    // Taken now, before the rebuild reads the file (it waits quietMs at least).
    const seen = signature(cwd, file);
    clearTimeout(rechecks.get(file));
    rechecks.set(
      file,
      setTimeout(() => {
        rechecks.delete(file);
        if (!closed && signature(cwd, file) !== seen) saved(file);
      }, RECHECK_MS),
    );
  };
  watcher.on('all', (event, file) => {
    if (event === 'addDir' || event === 'unlinkDir') return;
    // A file directly in the project folder (package.json) is no input.
    if (!file.split('\\').join('/').includes('/')) return;
    saved(file.split('\\').join('/'));
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const pendingCheck of rechecks.values()) clearTimeout(pendingCheck);
      await watcher.close();
    },
  };
}

/** When a reported file is looked at again: past chokidar's 50 ms throttle of a file's change events (chokidar 5, index.js `_throttle(EV.CHANGE, path, 50)`). */
const RECHECK_MS = 80;

/**
 * What tells two versions of a file apart without reading it: inode (an
 * editor's rename over it), size and change times. Two writes within one
 * tick of the kernel's coarse clock (a few ms) share their times; the
 * rebuild, which starts quietMs after the first is reported, reads both.
 */
function signature(cwd: string, file: string): string {
  try {
    const info = statSync(path.resolve(cwd, file), { bigint: true });
    return `${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
  } catch {
    return 'gone';
  }
}

/** The project folder itself, data/, specs/ and what is in them (chokidar passes paths absolute or relative to `cwd`). */
function isWatched(cwd: string, file: string): boolean {
  const relative = path.isAbsolute(file) ? path.relative(cwd, file) : file;
  const top = relative.split(/[\\/]/)[0];
  return relative === '' || relative === '.' || top === 'data' || top === 'specs';
}
