// The SVGs citechart publishes, as the browser tests read them: the example
// charts in output/ (artboards included) and the gallery snapshots.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `[file, svg]` for every `.svg` in `dir` (relative to the repository), sorted; `-changed` files skipped. */
export function svgsIn(dir: string): Array<readonly [string, string]> {
  return readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith('.svg') && !f.endsWith('-changed.svg'))
    .sort()
    .map((f) => [`${dir}/${f}`, readFileSync(path.join(ROOT, dir, f), 'utf8')] as const);
}

export const publishedSvgs = () => [...svgsIn('output'), ...svgsIn('tests/snapshots/__snapshots__'), ...svgsIn('tests/snapshots/__snapshots__/maps')];

/** DOMPurify's browser build, to load into a page. */
export const DOMPURIFY = path.join(ROOT, 'node_modules/dompurify/dist/purify.min.js');
