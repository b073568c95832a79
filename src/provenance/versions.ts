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

export function packageVersion(name: string): string {
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
