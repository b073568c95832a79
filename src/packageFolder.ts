import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const folders = new Map<string, string>();

/**
 * The folder of the installed package `name` (`cldr-misc-full`,
 * `@scope/pkg`), for reading its data files: the first of Node's lookup
 * folders (`require.resolve.paths`) that holds its package.json, as
 * `require` would find it, else where resolving `name/package.json` leads.
 * Found once per process. `require` of a package's file resolves through
 * its package.json files first: ≈1 ms of CPU in a fresh process, paid by
 * every one-chart build (issue 15, item 3). Throws Node's MODULE_NOT_FOUND
 * error when the package is not installed.
 */
export function packageFolder(name: string): string {
  let folder = folders.get(name);
  if (folder === undefined) folders.set(name, (folder = findFolder(name)));
  return folder;
}

function findFolder(name: string): string {
  for (const folder of require.resolve.paths(name) ?? []) if (existsSync(path.join(folder, name, 'package.json'))) return path.join(folder, name);
  return path.dirname(require.resolve(`${name}/package.json`));
}
