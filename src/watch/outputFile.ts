import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

/**
 * A file of the output folder, by the name a page asked for (`NAME.svg`),
 * or undefined. Only plain file names of the output folder's own kinds are
 * served: no folders, no `..`, no dot files, and a symbolic link whose target
 * lies outside the folder is refused, so nothing else of the machine or the
 * project can be read through the preview server. A chart's name is its
 * spec's file name, so `dépenses été.svg` is served like `exports.svg`:
 * names are refused for what would leave the folder, not for being non-ASCII.
 */
export async function readOutputFile(outDir: string, name: string): Promise<{ type: string; data: Buffer } | undefined> {
  if (!name || name.startsWith('.') || /[/\\\0]/.test(name) || name.includes('..')) return undefined;
  const type = TYPES[path.extname(name).toLowerCase()];
  if (!type) return undefined;
  try {
    const [real, root] = await Promise.all([realpath(path.join(outDir, name)), realpath(outDir)]);
    if (path.dirname(real) !== root || !(await stat(real)).isFile()) return undefined;
    return { type, data: await readFile(real) };
  } catch {
    return undefined;
  }
}
