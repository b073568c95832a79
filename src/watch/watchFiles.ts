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
 * slow writer still be mid-file, its next write event triggers another
 * rebuild, so the last one always sees the final content. `firstAt` is
 * when the burst began (performance.now()), for timing save → rebuilt.
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
  const flush = () => {
    timer = undefined;
    const files = [...pending].sort();
    pending = new Set();
    if (files.length) onChange(files, firstAt);
  };
  watcher.on('all', (event, file) => {
    if (event === 'addDir' || event === 'unlinkDir') return;
    // A file directly in the project folder (package.json) is no input.
    if (!file.split('\\').join('/').includes('/')) return;
    if (!pending.size) firstAt = performance.now();
    pending.add(file.split('\\').join('/'));
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, quietMs);
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      if (timer) clearTimeout(timer);
      await watcher.close();
    },
  };
}

/** The project folder itself, data/, specs/ and what is in them (chokidar passes paths absolute or relative to `cwd`). */
function isWatched(cwd: string, file: string): boolean {
  const relative = path.isAbsolute(file) ? path.relative(cwd, file) : file;
  const top = relative.split(/[\\/]/)[0];
  return relative === '' || relative === '.' || top === 'data' || top === 'specs';
}
