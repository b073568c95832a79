import { hasErrors } from '../errors.js';
import path from 'node:path';
import { bigTableKind, isParquetPath } from '../bigtable/bigTableFile.js';
import { readCitedTable, readSources } from '../load/index.js';
import type { CellValue, CitedTable, Source } from '../model.js';
import { digest, MAX_RECORDED_ROWS, rowCells, sortRows, sourceCells, type TableTrail } from './drawnTrail.js';
import { rowKeys } from './rowKeys.js';
import type { CorrectionChange } from './compareCorrections.js';

/** One difference between the rows a graphic records and the project now. */
export type RowChange =
  /** A drawn cell (or a cited source's field) whose value changed. */
  | { kind: 'changed'; table: string; key: string; column: string; old: CellValue; now: CellValue }
  /** A drawn row (or cited source) no longer in its table. */
  | { kind: 'removed'; table: string; key: string }
  /** A row added to a table the graphic draws whole (`allRows`): it would be drawn. */
  | { kind: 'added'; table: string; key: string }
  /** Over MAX_RECORDED_ROWS drawn rows: only the whole table's digest is known to differ. */
  | { kind: 'digest'; table: string; count: number; cap: number }
  /** The table cannot be read (missing, or errors): run `check`. */
  | { kind: 'unreadable'; table: string }
  /** A correction to show added to data/corrections.csv since, or one shown removed (compareCorrections.ts). */
  | CorrectionChange;

/**
 * The project's tables as `verify` reads them: each at most once, with the
 * sources they are checked against. Loaded lazily (a graphic of one table
 * reads one table).
 */
export function trailReader(root: string): (file: string) => Promise<{ rows?: Map<string, CellValue[]>; whole?: string; columns?: string[]; big?: boolean }> {
  let sources: Promise<Map<string, Source>> | undefined;
  const tables = new Map<string, Promise<{ rows?: Map<string, CellValue[]>; whole?: string; columns?: string[]; big?: boolean }>>();
  const loadSources = () => (sources ??= readSources(root).then((read) => read.sources));
  return (file) => {
    let found = tables.get(file);
    if (!found) {
      found = (async () => {
        if (file === 'data/sources.csv') {
          const all = await loadSources();
          return { rows: new Map([...all.values()].map((source) => [source.id, sourceCells(source)])) };
        }
        // A big table's trail holds rows polars aggregated for one spec: the table is compared whole, by its hash (src/verify/checkInputs.ts).
        if (isParquetPath(file) || (await bigTableKind(file, path.join(root, file)).catch(() => undefined))) return { big: true };
        const { table, diagnostics } = await readCitedTable(root, file, await loadSources());
        if (!table || hasErrors(diagnostics)) return {};
        return indexTable(table);
      })();
      tables.set(file, found);
    }
    return found;
  };
}

function indexTable(table: CitedTable) {
  const keys = rowKeys(table);
  const columns = [...table.columns, 'source', 'quote', 'note', 'derived'];
  const entries = table.rows.map((row): [string, ...CellValue[]] => [keys[row.index]!, ...rowCells(table, row)]);
  return {
    rows: new Map(entries.map(([key, ...cells]) => [key, cells])),
    columns,
    // Computed only when asked for (a graphic over the cap).
    get whole() {
      return digest(columns, sortRows(entries.slice()));
    },
  };
}

/**
 * What changed in the rows a graphic records (its trail) compared with the
 * project now: each drawn cell whose value differs, by table, row key and
 * column, old and new; each row gone. A row added, or a row the graphic
 * does not draw edited, is no change. Returns [] when the graphic is up to
 * date with its rows.
 */
export async function compareTrail(trails: TableTrail[], read: ReturnType<typeof trailReader>): Promise<RowChange[]> {
  const changes: RowChange[] = [];
  for (const trail of trails) {
    const now = await read(trail.file);
    if (now.big) continue;
    if (!now.rows) {
      changes.push({ kind: 'unreadable', table: trail.file });
      continue;
    }
    if (trail.whole || !trail.rows) {
      if (now.whole !== trail.digest) changes.push({ kind: 'digest', table: trail.file, count: trail.count, cap: MAX_RECORDED_ROWS });
      continue;
    }
    // The columns as recorded: a column since renamed or dropped reads as no value.
    const at = (columns: string[] | undefined, name: string) => (columns ? columns.indexOf(name) : trail.columns.indexOf(name));
    for (const [key, ...cells] of trail.rows) {
      const current = now.rows.get(key);
      if (!current) {
        changes.push({ kind: 'removed', table: trail.file, key });
        continue;
      }
      trail.columns.forEach((column, i) => {
        const j = at(now.columns, column);
        const value = j < 0 ? null : (current[j] ?? null);
        const old = cells[i] ?? null;
        if (value !== old) changes.push({ kind: 'changed', table: trail.file, key, column, old, now: value });
      });
    }
    if (trail.all) {
      const recorded = new Set(trail.rows.map(([key]) => key));
      for (const key of now.rows.keys()) if (!recorded.has(key)) changes.push({ kind: 'added', table: trail.file, key });
    }
  }
  return changes;
}
