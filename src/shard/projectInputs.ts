import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { InputState } from '../cache/cacheKey.js';
import { TRAIL_FILES } from '../cache/chartInputs.js';
import { fileHasher } from '../cache/fileHasher.js';

/** The folders whose every file may be an input of some chart. */
const INPUT_FOLDERS = ['specs', 'data'];

/** Files hashed at once: enough to keep the disk busy, few enough to keep the file descriptors. */
const AT_ONCE = 16;

/**
 * Every file a chart of the project may read, with its sha256, sorted by
 * path: each regular file under specs/ and data/ (sub-folders too; names
 * starting with `.` and symbolic links aside), and published.json. Shards
 * record it so that `manifest --merge` can refuse slices built from
 * different commits, even when the file that differs is read by one shard
 * only. Project-relative `/` paths.
 */
export async function projectInputs(cwd: string): Promise<InputState[]> {
  const files: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(path.join(cwd, ...folder.split('/')), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const file = `${folder}/${entry.name}`;
      if (entry.isDirectory()) await walk(file);
      else if (entry.isFile()) files.push(file);
    }
  };
  for (const folder of INPUT_FOLDERS) await walk(folder);
  for (const file of TRAIL_FILES) if (!file.includes('/')) files.push(file);
  files.sort();
  const hash = fileHasher(cwd);
  const states: InputState[] = [];
  for (let i = 0; i < files.length; i += AT_ONCE) {
    for (const state of await hash(files.slice(i, i + AT_ONCE))) states.push(state);
  }
  // published.json may not exist: a file absent on every machine is no difference.
  return states.filter((state) => state.sha256 !== null);
}
