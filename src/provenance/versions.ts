import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * Versions recorded in every graphic, since the same inputs may draw
 * differently with other versions. Read from package.json files because
 * vega and sharp do not export theirs as a subpath.
 */
let versions: Record<string, string> | undefined;

export function toolVersions(): Record<string, string> {
  return (versions ??= {
    citechart: readVersion(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'), 'citechart'),
    vega: packageVersion('vega'),
    'vega-lite': packageVersion('vega-lite'),
    sharp: packageVersion('sharp'),
    'source-sans': packageVersion('source-sans'),
  });
}

/**
 * The version in the package.json of the package `name` as citechart's code
 * finds it: in the first of Node's lookup folders for it
 * (`require.resolve.paths`) that holds it, else walking up from the entry
 * `require.resolve` gives; `'unknown'` when neither has one. The lookup
 * folders are tried first because resolving an entry through a package's
 * "exports" cost about 1 ms a package in a fresh process, and a build asks
 * for about fifteen (issue 15: a one-chart build's fixed cost).
 */
export function packageVersion(name: string): string {
  let version = packageVersions.get(name);
  if (version === undefined) packageVersions.set(name, (version = findPackageVersion(name)));
  return version;
}

/**
 * Versions found, by package name, once per process: a one-chart build asked
 * for some packages three times (graphics, cache key, the valid-spec and
 * subset caches' identities). What is installed does not change while citechart runs.
 */
const packageVersions = new Map<string, string>();

function findPackageVersion(name: string): string {
  for (const folder of require.resolve.paths(name) ?? []) {
    const version = readVersion(path.join(folder, name), name);
    if (version) return version;
  }
  // Walk up from the package's entry to its own package.json.
  let dir = path.dirname(require.resolve(name === 'source-sans' ? 'source-sans/package.json' : name));
  for (;;) {
    const version = readVersion(dir, name);
    if (version) return version;
    const parent = path.dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

function readVersion(dir: string, name: string): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
    return pkg.name === name ? (pkg.version ?? '') : '';
  } catch {
    return '';
  }
}
