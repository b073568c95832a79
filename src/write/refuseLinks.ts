import type { Stats } from 'node:fs';
import { lstatSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import * as messages from '../messages.js';
import { outputError } from './outputError.js';

/**
 * Throws an OutputError naming `file` when it is a symbolic link. Writing
 * replaces a file by renaming over it, which would replace the link, not
 * write through it; but a link in output/ (a cloned repository can hold one
 * pointing anywhere) is refused outright, so no build ever seems to write
 * where it points. A missing file is fine.
 */
export async function refuseLink(file: string): Promise<void> {
  lstatNotLinkSync(file);
}

/**
 * refuseLink that also returns what lstat said of `file` (undefined when
 * missing or unreadable), for a caller that needs it too (one call, not
 * two). Synchronous: one lstat(2) costs less than handing it to libuv's pool
 * and back (writeAtomic.ts).
 */
export function lstatNotLinkSync(file: string): Stats | undefined {
  let info: Stats | undefined;
  try {
    info = lstatSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (info?.isSymbolicLink()) throw outputError(file, messages.write.link());
  return info;
}

/**
 * Checks the output folder before a build touches it: the folder itself and
 * every folder between the project and it must not be a symbolic link (an
 * `output` link in a cloned repository would send every file elsewhere), and
 * it must be a folder if it exists. A folder outside the project (`--out
 * ../site`) was named by the user: only the folder itself is checked. Throws
 * an OutputError naming the link or file.
 */
export async function checkOutputFolder(cwd: string, outDir: string): Promise<void> {
  const inside = path.relative(cwd, outDir);
  const steps = inside && !inside.startsWith('..') && !path.isAbsolute(inside) ? inside.split(path.sep) : [];
  const folders = steps.map((_, index) => path.join(cwd, ...steps.slice(0, index + 1)));
  if (!folders.length) folders.push(outDir);
  for (const folder of folders) {
    const info = await lstat(folder).catch(() => undefined);
    if (!info) return;
    if (info.isSymbolicLink()) throw outputError(folder, messages.write.link());
    if (!info.isDirectory()) throw outputError(folder, messages.write.notFolder());
  }
}
