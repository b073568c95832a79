import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { readTheme } from './compile/readSpec.js';
import type { JsonFile } from './compile/readJsonFile.js';
import { UsageError } from './errors.js';
import { readCitedTable, readSources } from './load/index.js';
import type { CitedTable, Diagnostic, Source } from './model.js';
import * as messages from './messages.js';

/**
 * What every chart of a project shares, read once per command: sources,
 * theme, and the tables (each read at most once however many charts use it).
 */
export interface Project {
  cwd: string;
  sources: Map<string, Source>;
  theme?: JsonFile;
  /** Problems with sources.csv and the theme; an error here fails every chart. */
  diagnostics: Diagnostic[];
  table(file: string): Promise<{ table?: CitedTable; diagnostics: Diagnostic[] }>;
}

export async function openProject(cwd: string): Promise<Project> {
  const root = path.resolve(cwd);
  if (!existsSync(path.join(root, 'specs')) && !existsSync(path.join(root, 'data'))) {
    throw new UsageError(messages.build.notAProject(root));
  }
  const [sources, theme] = await Promise.all([readSources(root), readTheme(root)]);
  const tables = new Map<string, ReturnType<Project['table']>>();
  return {
    cwd: root,
    sources: sources.sources,
    theme: theme.theme,
    diagnostics: [...sources.diagnostics, ...theme.diagnostics],
    table(file) {
      let table = tables.get(file);
      if (!table) {
        table = readCitedTable(root, file, sources.sources);
        tables.set(file, table);
      }
      return table;
    },
  };
}

/** Chart names: every `specs/NAME.vl.json`, sorted. */
export async function listSpecs(cwd: string): Promise<string[]> {
  const entries = await readdir(path.join(cwd, 'specs')).catch(() => [] as string[]);
  return entries
    .filter((entry) => entry.endsWith('.vl.json'))
    .map((entry) => entry.slice(0, -'.vl.json'.length))
    .sort();
}
