import { LIMITS } from '../limits.js';
import * as messages from '../messages.js';
import type { CellValue, CitedRow, CitedTable, ColumnType, TableSummary } from '../model.js';
import type { BigTable } from './openBigTable.js';
import type { Plan } from './planPushdown.js';
import { BAD_DATES, ROWS, SOURCE_ROWS, SOURCES } from './planPushdown.js';
import { JOIN_GROUP } from './pushedStep.js';
import { ROW, type Frame, type LazyFrame } from './polars.js';
import { withRunningMeans } from './runningMeans.js';
import { distinctNotDates } from './timeUnits.js';

/** Rows in and out of each pushed step, for `--explain` (counted only when asked: each count is a query). */
export interface StepCount {
  label: string;
  rowsIn: number;
  rowsOut: number;
}

/**
 * Runs a plan's pushed steps on a big table in polars and returns what Vega
 * gets as a CitedTable: after an aggregate, one row per group citing the
 * union of its rows' sources (first appearance first) with `line` the line
 * (CSV) or row (Parquet) of its first row; without one, the table's rows,
 * at most LIMITS.rowsPerChart + 1 of them (compileSpec then refuses the
 * chart at its limit rather than polars handing over millions of rows).
 * Before each step runs, its `prepare` reads what it needs of the rows it
 * gets (a bin's extent); a mean is then replaced by Vega's running mean
 * (runningMeans.ts); after a joinaggregate or window a row cites its whole
 * group's sources; after a fold a row's line is floor(ROW).
 * `summary` counts rows read and kept per source. Throws polars' error when
 * a step fails on the data (a date not written YYYY-MM-DD): the caller then
 * lets Vega run the transforms. `needed`: the value columns the plan's steps
 * read (BigTable.frame: a held CSV then answers from memory when it holds
 * them); ignored when no step aggregates, since every column then reaches Vega.
 */
export async function runPlan(big: BigTable, plan: Plan, explain = false, needed?: readonly string[]): Promise<{ table: CitedTable; counts?: StepCount[] }> {
  const pl = big.polars;
  const columns = plan.steps.some((step) => step.aggregates) ? needed : undefined;
  const rows = () => big.frame(columns);
  // Dates first: one not written YYYY-MM-DD would be null in polars but a date in Vega.
  let checked: LazyFrame = rows();
  for (const step of plan.steps) {
    if (step.prepare) await step.prepare(checked);
    for (const field of step.dates ?? []) {
      const found = await distinctNotDates(pl, checked, field).head(1).collect();
      if (found.shape.height) throw new Error(messages.load.notADateInTimeUnit(String(found.getColumn(field).toArray()[0]), field));
    }
    checked = step.apply(checked);
  }
  let frame: LazyFrame = rows();
  const aggregateAt = plan.steps.findIndex((step) => step.aggregates);
  const beforeAggregate = (aggregateAt === -1 ? plan.steps : plan.steps.slice(0, aggregateAt)).reduce((f, step) => step.apply(f), frame);
  for (const step of plan.steps) frame = step.apply(frame);
  const aggregated = aggregateAt !== -1;
  let out = await (aggregated ? frame : frame.head(LIMITS.rowsPerChart + 1)).collect();
  const means = aggregated ? plan.steps[aggregateAt]!.means : undefined;
  if (means) out = await withRunningMeans(pl, beforeAggregate, out, means);
  if (out.columns.includes(BAD_DATES)) {
    const bad = (out.getColumn(BAD_DATES).toArray() as unknown[]).reduce<number>((a, b) => a + Number(b ?? 0), 0);
    if (bad) throw new Error(messages.load.notDatesInTimeUnit(bad));
  }

  // Rows kept per raw source value: only when a filter ran (else they are the rows read).
  const filtered = plan.steps.slice(0, aggregateAt === -1 ? undefined : aggregateAt).some((step) => !step.aggregates);
  const keptBySource = new Map<string, number>();
  let rowsKept = big.rows;
  if (filtered) {
    // A fold makes n rows of one: a row is kept when any of them is.
    const folded = plan.steps.slice(0, aggregateAt === -1 ? undefined : aggregateAt).some((step) => step.folds);
    const kept = await beforeAggregate.groupBy('source').agg((folded ? pl.col(ROW).floor().nUnique() : pl.len()).alias('n')).collect();
    rowsKept = 0;
    const values = kept.getColumn('source').toArray() as (string | null)[];
    const counts = kept.getColumn('n').toArray() as number[];
    values.forEach((value, i) => {
      rowsKept += counts[i]!;
      for (const id of new Set(splitSources(value))) keptBySource.set(id, (keptBySource.get(id) ?? 0) + counts[i]!);
    });
  }
  const bySource: TableSummary['bySource'] = new Map();
  for (const [id, read] of [...big.rowsBySource].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    bySource.set(id, { read, kept: filtered ? keptBySource.get(id) ?? 0 : read });
  }
  // After a joinaggregate, a row cites every source of its group (its values fold the group's).
  const joinAt = plan.steps.findIndex((step) => step.joins);
  let groups: GroupSources | undefined;
  if (!aggregated && joinAt !== -1 && out.columns.includes(JOIN_GROUP)) {
    const joined = plan.steps.slice(0, joinAt + 1).reduce((f, step) => step.apply(f), rows());
    const found = await joined
      .groupBy(JOIN_GROUP)
      .agg(pl.col('source').unique({ maintainOrder: true }).alias(SOURCES), pl.col(ROW).gather(pl.col('source').argUnique()).alias(SOURCE_ROWS))
      .collect();
    groups = new Map();
    const ids = found.getColumn(JOIN_GROUP).toArray() as unknown[];
    const lists = found.getColumn(SOURCES).toArray() as unknown as (string | null)[][];
    const firsts = found.getColumn(SOURCE_ROWS).toArray() as unknown as number[][];
    ids.forEach((id, i) => groups!.set(Number(id), { sources: lists[i]!, rows: firsts[i]! }));
  }
  const table = toCitedTable(big, out, aggregated, groups);
  table.summary = { rowsRead: big.rows, rowsKept, rowsOut: table.rows.length, bySource };

  let counts: StepCount[] | undefined;
  if (explain) {
    counts = [];
    let f: LazyFrame = rows();
    let rowsIn = big.rows;
    for (const step of plan.steps) {
      f = step.apply(f);
      const rowsOut = (await f.select(pl.len().alias('n')).collect()).getColumn('n').toArray()[0] as number;
      counts.push({ label: step.label, rowsIn, rowsOut });
      rowsIn = rowsOut;
    }
  }
  return { table, ...(counts && { counts }) };
}

const INTERNAL = new Set([ROW, SOURCES, SOURCE_ROWS, ROWS, BAD_DATES, JOIN_GROUP, 'source']);

/** Per joinaggregate group (its first row): the raw `source` values of its rows, first appearance first, and the first row citing each. */
type GroupSources = Map<number, { sources: (string | null)[]; rows: number[] }>;

function toCitedTable(big: BigTable, out: Frame, aggregated: boolean, groups?: GroupSources): CitedTable {
  const names = out.columns.filter((name) => !INTERNAL.has(name));
  const dtypes = new Map(out.columns.map((name, i) => [name, out.dtypes[i]!.variant]));
  const types: Record<string, ColumnType> = Object.create(null);
  for (const name of names) types[name] = /^(U?Int|Float|Decimal)/.test(dtypes.get(name)!) ? 'number' : 'string';
  const columns = new Map(names.map((name) => [name, out.getColumn(name).toArray() as unknown[]]));
  const firstRows = out.getColumn(ROW).toArray() as (number | null)[];
  let sources = out.getColumn(aggregated ? SOURCES : 'source').toArray() as unknown[];
  let sourceRows = aggregated ? (out.getColumn(SOURCE_ROWS).toArray() as unknown as number[][]) : undefined;
  if (groups) {
    const group = (out.getColumn(JOIN_GROUP).toArray() as unknown[]).map((id) => groups.get(Number(id)));
    sources = group.map((g) => g?.sources ?? []);
    sourceRows = group.map((g) => g?.rows ?? []);
  }
  const rows: CitedRow[] = [];
  for (let r = 0; r < out.shape.height; r += 1) {
    const line = big.lineOf(Math.floor(Number(firstRows[r] ?? 0)));
    const values: CitedRow['values'] = Object.create(null);
    const positions: CitedRow['positions'] = Object.create(null);
    for (const [name, column] of columns) {
      values[name] = toCell(column[r]);
      // Column 1, not the cell's: polars gives the row number only, and finding each cell's column would mean
      // reading the file once more per chart (locateCells.ts); the cells an open checks are located exactly (README, "Big tables").
      positions[name] = { line, column: 1 };
    }
    if (!sourceRows) {
      rows.push({ index: r, line, values, positions, sources: [...new Set(splitSources(sources[r] as string | null))], quote: '', note: '', derived: '' });
      continue;
    }
    // Each id once, at the first row citing it (a raw value may cite several: "a; b").
    const first = new Map<string, number>();
    (sources[r] as (string | null)[]).forEach((raw, k) => {
      const at = Number(sourceRows[r]![k]);
      for (const id of splitSources(raw)) if (!first.has(id) || at < first.get(id)!) first.set(id, at);
    });
    const ids = [...first.keys()].sort((a, b) => first.get(a)! - first.get(b)!);
    rows.push({ index: r, line, values, positions, sources: ids, sourceRows: ids.map((id) => first.get(id)!), quote: '', note: '', derived: '' });
  }
  return { file: big.file, columns: names, types, rows };
}

function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}

/** A `source` cell's ids, as src/load/resolveSourceIds.ts splits them. */
export const splitSources = (cell: string | null): string[] =>
  (cell ?? '').split(';').map((id) => id.trim()).filter((id) => id !== '');
