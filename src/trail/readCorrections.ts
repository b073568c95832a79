import { locateProjectFile } from '../load/locateProjectFile.js';
import { readCsv } from '../load/readCsv.js';
import type { CellPosition, Diagnostic, Source } from '../model.js';
import * as messages from '../messages.js';

/** The editor's correction log of a project. */
export const CORRECTIONS_FILE = 'data/corrections.csv';

/** One row of data/corrections.csv. */
export interface Correction {
  /** `YYYY-MM-DD`, as written: shown in the footer; builds never read the clock. */
  date: string;
  /** A chart name (specs/NAME.vl.json), or empty. */
  chart: string;
  /** A table (`data/NAME.csv`), or empty. */
  table: string;
  /** A row key of that table (src/trail/rowKeys.ts), or empty: the whole table, or chart. */
  row: string;
  /** What changed, as readers are told: "Corrected on <date>: <what>". */
  what: string;
  why: string;
  /** An id of sources.csv backing the correction, or empty. */
  source: string;
  line: number;
  /** Where the `chart` and `table` cells start, when they hold text: a name that matches nothing is a warning there (correctionTargets). */
  at?: { chart?: CellPosition; table?: CellPosition };
}

const COLUMNS = ['date', 'chart', 'table', 'row', 'what', 'why', 'source'] as const;
const REQUIRED = ['date', 'what'] as const;

/**
 * Reads data/corrections.csv (none when absent): columns `date, chart,
 * table, row, what, why, source`. Each row names a chart, or a table (and
 * optionally a row key); `date` is an ISO date; `source` is a known id.
 * Every problem is an error at its cell; rows with problems are left out.
 */
export async function readCorrections(cwd: string, sources: Map<string, Source>): Promise<{ corrections: Correction[]; diagnostics: Diagnostic[] }> {
  const file = CORRECTIONS_FILE;
  if ((await locateProjectFile(cwd, file)).place === 'missing') return { corrections: [], diagnostics: [] };
  const { csv, diagnostics } = await readCsv(cwd, file);
  if (!csv) return { corrections: [], diagnostics };
  const index = new Map(csv.columns.map((c) => [c.name, c.index]));
  const absent = REQUIRED.filter((name) => !index.has(name));
  if (absent.length || (!index.has('chart') && !index.has('table'))) {
    diagnostics.push({ file, line: csv.headerLine, column: 1, severity: 'error', message: messages.trail.correctionColumns(COLUMNS.slice()) });
    return { corrections: [], diagnostics };
  }
  const corrections: Correction[] = [];
  for (const row of csv.rows) {
    const cell = (name: (typeof COLUMNS)[number]) => {
      const i = index.get(name);
      return i === undefined ? undefined : row.cells[i];
    };
    const text = (name: (typeof COLUMNS)[number]) => cell(name)?.text.trim() ?? '';
    const problem = (name: (typeof COLUMNS)[number], message: string) => {
      const at = cell(name);
      diagnostics.push({ file, line: at?.line ?? row.line, ...(at ? { column: at.column } : {}), severity: 'error', message });
    };
    const before = diagnostics.length;
    const date = text('date');
    if (!isIsoDate(date)) problem('date', messages.trail.correctionDate(date));
    if (!text('what')) problem('what', messages.trail.correctionWhat());
    if (!text('chart') && !text('table')) problem(index.has('chart') ? 'chart' : 'table', messages.trail.correctionTarget());
    const table = text('table');
    if (table && !/^data\/.+\.csv$/i.test(table)) problem('table', messages.trail.correctionTable(table));
    if (text('row') && !table && !text('chart')) problem('row', messages.trail.correctionTarget());
    const source = text('source');
    if (source && !sources.has(source)) problem('source', messages.trail.correctionSource(source));
    if (diagnostics.length > before) continue;
    const correction: Correction = { date, chart: text('chart'), table, row: text('row'), what: text('what'), why: text('why'), source, line: row.line };
    for (const name of ['chart', 'table'] as const) {
      const at = cell(name);
      if (at && text(name)) (correction.at ??= {})[name] = { line: at.line, column: at.column };
    }
    corrections.push(correction);
  }
  return { corrections, diagnostics };
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
