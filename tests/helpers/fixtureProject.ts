// Throwaway citechart projects for end-to-end tests: each test writes the few
// files it needs (a `Record<path, content>`) into a fresh temp folder and runs
// the compiled CLI there. The minimal project below is valid and tiny; tests
// start from it and override or add single files.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export type Files = Record<string, string | Uint8Array>;

const made: string[] = [];
afterAll(() => {
  // KEEP_FIXTURES=1 leaves the folders for a look after a failure.
  if (process.env.KEEP_FIXTURES) return void console.log('fixtures kept:', made.join(' '));
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` (paths relative to `dir`, `/`-separated) into `dir`, creating folders. */
export function writeFiles(dir: string, files: Files): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, ...name.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/**
 * A fresh temp folder holding `files`, removed after the test file. Pass
 * `{...minimalProject, ...overrides}` for a working project with one change.
 */
export function makeProject(files: Files): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'citechart-e2e-'));
  made.push(dir);
  writeFiles(dir, files);
  return dir;
}

/** Every file under `dir`, as project-relative `/` paths, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      // The build cache (gitignored) is bookkeeping, not an output.
      else if (entry.name !== '.citechart-cache.json') out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

export const readText = (dir: string, file: string) => readFileSync(path.join(dir, ...file.split('/')), 'utf8');
export const readBytes = (dir: string, file: string) => readFileSync(path.join(dir, ...file.split('/')));

// ── the minimal valid project ───────────────────────────────────────────────

/** Two sources, every field valid, so a clean build prints nothing on stderr. */
export const SOURCES_CSV =
  'id,publisher,authors,title,published,url,attribution\n' +
  'stats-2024,Statistics Office,Ana Diaz; Ben Okafor,Widget exports 2024,2024-03,https://example.org/widgets-2024,customs records\n' +
  'monitor-2023,Trade Monitor,Li Wei,Widget market survey,2023,https://example.org/survey-2023,industry estimates\n';

/** How each source above reads in a footer. */
export const CITE = {
  stats: 'Statistics Office (Ana Diaz and Ben Okafor), March 2024, citing customs records',
  monitor: 'Trade Monitor (Li Wei), 2023, citing industry estimates',
};

/** Widget exports by country: two rows cite stats-2024, one cites monitor-2023. */
export const EXPORTS_CSV =
  'country,exports,source,note\n' +
  'Norway,120,stats-2024,\n' +
  'Chile,85,stats-2024,\n' +
  'Kenya,40,monitor-2023,\n';

export const THEME = {
  font: 'Source Sans 3, sans-serif',
  background: '#ffffff',
  padding: 16,
  view: { stroke: null },
  title: { anchor: 'start', fontSize: 16 },
  axis: { labelFontSize: 11, titleFontSize: 11 },
};

/** A horizontal bar chart of `file` (a `data/NAME.csv` path), pretty-printed as an editor would save it. */
export function barSpec(
  options: { file?: string; title?: string; transform?: unknown[]; credit?: string; extra?: Record<string, unknown> } = {},
): string {
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title ?? 'Widget exports by country',
    data: { url: options.file ?? 'data/exports.csv' },
    ...(options.transform ? { transform: options.transform } : {}),
    width: 320,
    height: { step: 24 },
    mark: 'bar',
    encoding: {
      y: { field: 'country', type: 'nominal', sort: null, title: null },
      x: { field: 'exports', type: 'quantitative', title: 'Exports (thousand units)' },
    },
    usermeta: { citechart: { credit: options.credit ?? 'Graphic: Test desk' } },
    ...options.extra,
  };
  return JSON.stringify(spec, null, 2) + '\n';
}

/** sources.csv + data/exports.csv + specs/exports.vl.json + specs/theme.json. */
export const minimalProject: Files = {
  'data/sources.csv': SOURCES_CSV,
  'data/exports.csv': EXPORTS_CSV,
  'specs/exports.vl.json': barSpec(),
  'specs/theme.json': JSON.stringify(THEME, null, 2) + '\n',
};

/**
 * 1-based line and column of the `n`th (0-based) occurrence of `needle` in
 * `text`, the way citechart and editors count (UTF-16 units from 1).
 */
export function positionOf(text: string, needle: string, n = 0): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`${JSON.stringify(needle)} occurs fewer than ${n + 1} times`);
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

/** `file:line:col` of `needle` in `text`, for expected diagnostics. */
export const where = (file: string, text: string, needle: string, n = 0) => {
  const { line, column } = positionOf(text, needle, n);
  return `${file}:${line}:${column}`;
};
