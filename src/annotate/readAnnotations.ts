import { closest, distance } from 'fastest-levenshtein';
import type { JSONPath } from 'jsonc-parser';
import type { ChartSpec } from '../compile/readSpec.js';
import { fitsOneWidth } from '../compile/atWidth.js';
import { unitViews, type UnitView } from '../lint/unitViews.js';
import type { CellValue, CitedRow, CitedTable, Diagnostic } from '../model.js';
import * as messages from '../messages.js';

/** An entry of `usermeta.citechart.annotations` as the schema lets it through (usermetaSchema.ts). */
interface RawAnnotation {
  type: 'text' | 'highlight' | 'band';
  text?: string;
  at?: Record<string, string | number>;
  field?: string;
  values?: Array<string | number>;
  x?: [string | number, string | number];
  y?: [string | number, string | number];
}

/** Text at one data row: drawn once, at that row's x and y. */
export interface PointNote {
  kind: 'text';
  index: number;
  text: string;
  /** ROW_ID_FIELD of the row (injectData's global id). */
  rowId: number;
  /** The view whose x and y place it. */
  view: UnitView;
}

/** Marks whose `field` is one of `values` in the highlight colour, all others muted. */
export interface Highlight {
  kind: 'highlight';
  index: number;
  field: string;
  values: CellValue[];
}

/** An interval of the x or y scale shaded, with an optional note drawn once inside it. */
export interface Band {
  kind: 'band';
  index: number;
  channel: 'x' | 'y';
  from: string | number;
  to: string | number;
  text?: string;
  view: UnitView;
}

export type Annotation = PointNote | Highlight | Band;

/** Which properties each type takes besides `type` (the rest are errors). */
const TAKES: Record<RawAnnotation['type'], string[]> = {
  text: ['text', 'at'],
  highlight: ['field', 'values'],
  band: ['x', 'y', 'text'],
};

/** Where `annotations[i]` and its properties sit in a spec. */
export const annotationPath = (index: number, ...rest: Array<string | number>): JSONPath => ['usermeta', 'citechart', 'annotations', index, ...rest];

/**
 * `usermeta.citechart.annotations` checked against the chart and the rows it
 * draws, in order: a text at a data row (`at` names field values that pick
 * out exactly one row), a highlight (`field` and the `values` to pick out),
 * a band (`x` or `y`: [from, to], optional `text`). Each error is at its
 * place in the spec: a property the type does not take, a field that is no
 * column of the table the chart draws, a value no row has, an `at` that
 * matches no row or several, a chart with no x and y to place them by
 * (concat, facet, maps). Values match the CSV's cells as typed: a number
 * column by number, any other by its text exactly as written.
 */
export function readAnnotations(spec: ChartSpec, tables: Map<string, CitedTable>, rowIdOf: (table: CitedTable, row: CitedRow) => number): { annotations: Annotation[]; diagnostics: Diagnostic[] } {
  const raw = (spec.vegaLite.usermeta as { citechart?: { annotations?: RawAnnotation[] } } | undefined)?.citechart?.annotations;
  if (!raw?.length) return { annotations: [], diagnostics: [] };
  const at = (path: JSONPath, message: string) => spec.json.diagnostic(path, message);
  const diagnostics: Diagnostic[] = [];
  // Kept apart: an error stops the rest, a warning does not.
  const warnings: Diagnostic[] = [];
  const annotations: Annotation[] = [];
  const view = placingView(spec);
  raw.forEach((entry, index) => {
    for (const key of Object.keys(entry)) {
      if (key !== 'type' && !TAKES[entry.type].includes(key)) diagnostics.push(at(annotationPath(index, key), messages.annotate.notTaken(entry.type, key, TAKES[entry.type])));
    }
    const missing = entry.type === 'band' ? (entry.x || entry.y ? [] : ['x']) : TAKES[entry.type].filter((key) => !(key in entry));
    for (const key of missing) diagnostics.push(at(annotationPath(index), messages.annotate.missing(entry.type, key)));
    if (entry.type === 'band' && entry.x && entry.y) diagnostics.push(at(annotationPath(index, 'y'), messages.annotate.bandBothAxes()));
    if (entry.type !== 'highlight' && !view) diagnostics.push(at(annotationPath(index), messages.annotate.noPosition()));
    if (diagnostics.length) return;
    const table = view?.dataFile ? tables.get(view.dataFile) : [...tables.values()][0];
    if (!table) return;
    if (entry.type === 'text') {
      const row = matchRow(entry.at!, table, index, at, diagnostics);
      // On an aggregated position the note's own layer would aggregate its one row: drawn at the
      // row's value inside a bar of the sum, it would read as a figure. The row is aggregated away.
      const aggregated = (['x', 'y'] as const).find((channel) => typeof view?.encoding[channel]?.def.aggregate === 'string');
      if (row && aggregated) {
        const def = view!.encoding[aggregated]!.def;
        warnings.push(spec.json.diagnostic(annotationPath(index, 'at'), messages.annotate.aggregatedRow(entry.text!, String(def.aggregate), String(def.field ?? ''), aggregated), 'warning'));
      } else if (row) annotations.push({ kind: 'text', index, text: entry.text!, rowId: rowIdOf(table, row), view: view! });
    } else if (entry.type === 'highlight') {
      const field = entry.field!;
      if (!hasColumn(table, field)) {
        diagnostics.push(at(annotationPath(index, 'field'), unknownColumn(field, table)));
        return;
      }
      const values = entry.values!.map((value, j) => {
        const found = table.rows.find((row) => sameCell(row.values[field], value));
        if (!found) diagnostics.push(at(annotationPath(index, 'values', j), messages.annotate.noSuchValue(field, String(value), table.file, sample(table, field))));
        return found?.values[field] ?? null;
      });
      annotations.push({ kind: 'highlight', index, field, values });
    } else {
      const channel = entry.x ? 'x' : 'y';
      if (!view!.encoding[channel]) {
        diagnostics.push(at(annotationPath(index, channel), messages.annotate.noChannel(channel)));
        return;
      }
      const [from, to] = entry[channel]!;
      const def = view!.encoding[channel]!.def;
      const time = def.type === 'temporal' || def.timeUnit !== undefined;
      const bad = [from, to].findIndex((value) => (time ? !isBandDate(String(value)) : def.type === 'quantitative' && typeof value !== 'number'));
      if (bad >= 0) {
        diagnostics.push(at(annotationPath(index, channel, bad), messages.annotate.badBandEnd(String([from, to][bad]), time)));
        return;
      }
      // On a category axis an end no row has would add a category of its own to the axis.
      const field = typeof def.field === 'string' ? def.field : undefined;
      if ((def.type === 'nominal' || def.type === 'ordinal') && field !== undefined && hasColumn(table, field)) {
        const missingEnds = [from, to].flatMap((value, j) => (table.rows.some((row) => sameCell(row.values[field], value)) ? [] : [{ value, j }]));
        for (const { value, j } of missingEnds) diagnostics.push(at(annotationPath(index, channel, j), messages.annotate.noSuchValue(field, String(value), table.file, sample(table, field))));
        if (missingEnds.length) return;
      }
      annotations.push({ kind: 'band', index, channel, from, to, ...(entry.text && { text: entry.text }), view: view! });
    }
  });
  return diagnostics.length ? { annotations: [], diagnostics: diagnostics.concat(warnings) } : { annotations, diagnostics: warnings };
}

/** The view annotations are placed by: a single or layered chart's first view with both x and y (maps and concatenations have none). */
function placingView(spec: ChartSpec): UnitView | undefined {
  if (!fitsOneWidth(spec.vegaLite)) return undefined;
  return unitViews(spec.vegaLite).find((view) => view.encoding.x && view.encoding.y && typeof view.encoding.x.def.field === 'string');
}

/** The one row whose cells equal every value of `at`; errors at the field or at `at` otherwise. */
function matchRow(
  wanted: Record<string, string | number>,
  table: CitedTable,
  index: number,
  at: (path: JSONPath, message: string) => Diagnostic,
  diagnostics: Diagnostic[],
): CitedRow | undefined {
  let rows = table.rows;
  const asked: string[] = [];
  for (const [field, value] of Object.entries(wanted)) {
    if (!hasColumn(table, field)) {
      diagnostics.push(at(annotationPath(index, 'at', field), unknownColumn(field, table)));
      return undefined;
    }
    if (!table.rows.some((row) => sameCell(row.values[field], value))) {
      diagnostics.push(at(annotationPath(index, 'at', field), messages.annotate.noSuchValue(field, String(value), table.file, sample(table, field))));
      return undefined;
    }
    rows = rows.filter((row) => sameCell(row.values[field], value));
    asked.push(`${field} = ${value}`);
  }
  if (rows.length === 1) return rows[0];
  const others = table.columns.filter((column) => !Object.hasOwn(wanted, column));
  diagnostics.push(at(annotationPath(index, 'at'), rows.length ? messages.annotate.severalRows(asked.join(', '), rows.length, others) : messages.annotate.noRow(asked.join(', '), table.file)));
  return undefined;
}

const hasColumn = (table: CitedTable, field: string) => table.columns.includes(field);

/** A cell equals an annotation's value: numbers as numbers, text exactly as written. */
export function sameCell(cell: CellValue, value: string | number): boolean {
  if (cell === null) return false;
  if (typeof cell === 'number') return typeof value === 'number' ? cell === value : value.trim() !== '' && Number(value) === cell;
  return cell === String(value);
}

function unknownColumn(field: string, table: CitedTable): string {
  const guess = closest(field, table.columns);
  const near = guess !== undefined && distance(field, guess) <= Math.max(2, Math.ceil(field.length / 3));
  return messages.spec.unknownField(field, table.file, table.columns, near ? guess : undefined);
}

/** Up to five distinct values of a column, for a message. */
function sample(table: CitedTable, field: string): string[] {
  const seen = new Set<string>();
  for (const row of table.rows) {
    const value = row.values[field];
    if (value !== null) seen.add(String(value));
    if (seen.size === 5) break;
  }
  return [...seen];
}

/**
 * A band end on a time axis: an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD, or
 * with a time), as the message asks. Date.parse alone is not enough: V8 reads
 * "5" as May 2001 and "May 3" as 3 May 2001, which stretched the axis.
 */
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
const isBandDate = (text: string) => ISO_DATE.test(text) && !Number.isNaN(Date.parse(text));
