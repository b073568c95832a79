import { UsageError } from '../errors.js';
import { SOURCES_FILE } from '../load/readSources.js';
import * as messages from '../messages.js';
import { describe, rowsToCsv, type Rows } from './rowsToCsv.js';

/** A table handed to the typed API: CSV text, its bytes, or rows. A schema sidecar (`NAME.schema.json`): JSON text or an object. */
export type TableInput = string | Uint8Array | Rows | Readonly<Record<string, unknown>>;

/** What renderChart is given, before it is laid out as project files. */
export interface ChartInput {
  name: string;
  spec: unknown;
  tables?: ReadonlyMap<string, TableInput> | Readonly<Record<string, TableInput>>;
  sources: unknown;
  theme?: unknown;
}

/** Where the typed API puts the theme: where a project keeps it. */
const THEME_FILE = 'specs/theme.json';

/**
 * The input as the files of a project (project-relative path → bytes), laid
 * out as a project on disk would be, so every reader and check of `build`
 * applies unchanged and diagnostics name those files (`data/gdp.csv:3:2`):
 * `specs/NAME.vl.json` (an object is written as JSON.stringify(spec, null, 2),
 * whose lines the diagnostics then count), `specs/theme.json`,
 * `data/sources.csv` and each table as `data/NAME.csv` (rows as CSV:
 * rowsToCsv) with its sidecar `data/NAME.schema.json`. A table is named by
 * the spec's url (`data/NAME.csv`), `NAME.csv` or `NAME`. Throws a
 * UsageError for input of the wrong type (messages.api).
 */
export function projectFiles(input: ChartInput): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const put = (file: string, text: string | Uint8Array) => files.set(file, typeof text === 'string' ? new TextEncoder().encode(text) : text);
  put(`specs/${input.name}.vl.json`, jsonText(input.spec, messages.api.notSpec));
  if (input.theme !== undefined) put(THEME_FILE, jsonText(input.theme, messages.api.notTheme));
  put(SOURCES_FILE, tableText('sources', input.sources, messages.api.notSources));
  const given: unknown = input.tables;
  if (given !== undefined && !(given instanceof Map) && (given === null || typeof given !== 'object' || Array.isArray(given))) {
    throw new UsageError(messages.api.notTables(describe(given)));
  }
  const tables = input.tables instanceof Map ? [...input.tables.entries()] : Object.entries(input.tables ?? {});
  // `t`, `t.csv` and `data/t.csv` are one file: the later one would silently replace the first.
  const named = new Map<string, string>();
  for (const [name, table] of tables as Array<[unknown, unknown]>) {
    // A Map may be keyed by anything; a name is text.
    if (typeof name !== 'string') throw new UsageError(messages.api.badTableName(String(name)));
    const file = tableFile(name);
    if (!file) throw new UsageError(messages.api.badTableName(name));
    const before = named.get(file);
    if (before !== undefined) throw new UsageError(messages.api.tableTwice(before, name, file));
    named.set(file, name);
    put(file, file.endsWith('.schema.json') ? jsonText(table, (got) => messages.api.notTable(name, got)) : tableText(name, table, (got) => messages.api.notTable(name, got)));
  }
  return files;
}

/** `data/gdp.csv`, `gdp.csv` or `gdp` → `data/gdp.csv` (likewise `….schema.json`); undefined for a name with a folder or `..` in it. */
function tableFile(name: string): string | undefined {
  const bare = name.replace(/^(\.\/)?data\//, '');
  if (!bare || bare.includes('/') || bare.includes('\\') || bare.startsWith('.') || bare === SOURCES_FILE.slice('data/'.length)) return undefined;
  return `data/${/\.(csv|schema\.json)$/i.test(bare) ? bare : `${bare}.csv`}`;
}

function jsonText(value: unknown, wrong: (got: string) => string): string | Uint8Array {
  if (typeof value === 'string' || value instanceof Uint8Array) return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) return `${JSON.stringify(value, null, 2)}\n`;
  throw new UsageError(wrong(describe(value)));
}

function tableText(name: string, value: unknown, wrong: (got: string) => string): string | Uint8Array {
  if (typeof value === 'string' || value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return rowsToCsv(name, value as Rows);
  throw new UsageError(wrong(describe(value)));
}
