import { isYearColumn } from '../compile/injectData.js';
import type { CitedRow, Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { PlottedChannel } from './plottedChannels.js';
import { timeUnitName, timeUnitParts } from '../compile/timeUnitParts.js';

/** Marks that draw one shape per row at its category: two rows there draw one wrong shape. */
const MARKS = new Set(['bar', 'area', 'line', 'trail', 'arc', 'rect']);
/** Channels that do not tell marks apart: they only label or describe them. */
const LABELS = new Set(['text', 'tooltip', 'href', 'description', 'url', 'key', 'order']);

/**
 * Two rows a mark draws at the same place, told apart by no channel: a
 * table where a country appears twice (a figure appended instead of
 * corrected, a row pasted twice) drawn as a bar chart. Vega-Lite stacks the
 * two bars, in one colour, so the chart shows their sum, a figure no row
 * holds (10 and 20 drawn as one bar of 30); a line doubles back on itself,
 * a pie shows one slice of the sum. An error at the second row's category
 * cell, naming the first.
 *
 * Only where the drawn rows are the table's rows (no transform or aggregate:
 * plottedChannels), for a view with exactly one measured channel (the
 * quantitative x or y of a bar, the y of a line or area, a pie's theta, a
 * heat map's colour) and no binned or repeated field among the others. The
 * key is every other field channel, facets included, a field with a
 * `timeUnit` by the parts of its date the unit keeps (monthly rows on a
 * `"timeUnit": "year"` axis are stacked into one bar a year, a sum of
 * rates no row holds); an explicit
 * `"aggregate": "sum"` says a sum is meant and is never flagged. Two rows
 * whose keys differ only in spaces or Unicode form ("China" and "China ")
 * are two marks labelled alike, an error too at the second.
 */
export function checkDuplicateMarks(channels: PlottedChannel[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const views = new Map<PlottedChannel['view'], PlottedChannel[]>();
  for (const c of channels) {
    const list = views.get(c.view);
    if (list) list.push(c);
    else views.set(c.view, [c]);
  }
  for (const [view, plotted] of views) {
    if (!MARKS.has(view.mark)) continue;
    const table = plotted[0]!.table;
    if (!table || plotted.some((c) => !c.cells)) continue;
    // A channel with a field that is not a plain name (a repeat) or that groups values: the key is not the cells.
    if (Object.values(view.encoding).some(({ def }) => def.field !== undefined && typeof def.field !== 'string')) continue;
    const measured = measuredChannel(view.mark, plotted);
    if (!measured) continue;
    const keys = plotted.filter((c) => c !== measured && !LABELS.has(c.channel));
    if (!keys.length || keys.some((c) => c.def.bin !== undefined || (c.def.timeUnit !== undefined && !timeUnitParts(c.def.timeUnit)))) continue;
    if (view.facetFields.some((f) => !table.columns.includes(f))) continue;
    // Each key channel's field, read as the mark places it: a date by the parts its timeUnit keeps ("year": 2022-01 and 2022-02 are one place).
    const parts = new Map<string, string[] | undefined>();
    for (const c of keys) if (!parts.has(c.field) || c.def.timeUnit !== undefined) parts.set(c.field, c.def.timeUnit !== undefined ? timeUnitParts(c.def.timeUnit) : undefined);
    for (const f of view.facetFields) if (!parts.has(f)) parts.set(f, undefined);
    const fields = [...parts.keys()];
    const yearColumns = new Set(fields.filter((f) => parts.get(f) && isYearColumn(table, f)));
    const placed = (row: CitedRow, f: string) => {
      const units = parts.get(f);
      const value = row.values[f] ?? null;
      return units ? timeUnitKey(value, units, yearColumns.has(f)) : value;
    };
    const category = keys.find((c) => c.channel === 'x' || c.channel === 'y' || c.channel === 'color' || c.channel === 'theta') ?? keys[0]!;
    const first = new Map<string, number>();
    table.rows.forEach((row, i) => {
      const key = JSON.stringify(fields.map((f) => placed(row, f)));
      const before = first.get(key);
      if (before === undefined) return void first.set(key, i);
      const at = category.cells![i]!;
      const earlier = category.cells![before]!;
      const label = fields.map((f) => String(row.values[f] ?? '')).join(', ');
      const grouped = keys.find((c) => c.def.timeUnit !== undefined && row.values[c.field] !== table.rows[before]!.values[c.field]);
      found.push({
        file: table.file,
        line: at.line,
        column: at.column,
        severity: 'error',
        rule: 'duplicate-marks',
        message: grouped
          ? messages.checks.duplicateTimeUnit(String(row.values[grouped.field] ?? ''), String(table.rows[before]!.values[grouped.field] ?? ''), earlier.line, timeUnitName(grouped.def.timeUnit), view.mark, measured.field)
          : messages.checks.duplicateMark(label, earlier.line, view.mark, measured.field),
      });
    });
    for (const problem of lookalikes(keys, table.file, view.mark)) found.push(problem);
  }
  return found;
}

/**
 * Values of one key channel that differ only as a reader cannot see
 * ("China" and "China "): two bars, slices or series labelled alike. An
 * error at the first cell of each such variant, naming the first value.
 */
function lookalikes(keys: PlottedChannel[], file: string, mark: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const seenFields = new Set<string>();
  for (const c of keys) {
    // One field on two channels (a bar's y and its colour) is one set of labels.
    if (seenFields.has(c.field)) continue;
    seenFields.add(c.field);
    const firstOfLook = new Map<unknown, { value: unknown; line: number }>();
    const reported = new Set<unknown>();
    for (const cell of c.cells!) {
      const look = asDrawn(cell.value);
      const earlier = firstOfLook.get(look);
      if (!earlier) {
        firstOfLook.set(look, { value: cell.value, line: cell.line });
        continue;
      }
      if (earlier.value === cell.value || reported.has(cell.value)) continue;
      reported.add(cell.value);
      found.push({
        file,
        line: cell.line,
        column: cell.column,
        severity: 'error',
        rule: 'duplicate-marks',
        message: messages.checks.lookalikeMark(String(cell.value), String(earlier.value), earlier.line, mark),
      });
    }
  }
  return found;
}

/**
 * A value as a reader sees it drawn: text with its spaces at the ends
 * dropped, each run of spaces as one (no-break and other Unicode spaces
 * included) and in Unicode normal form NFC (an "é" typed as e + accent
 * looks like the one-character "é"). Numbers and empty cells as they are.
 */
function asDrawn(value: unknown): unknown {
  return typeof value === 'string' ? value.normalize('NFC').replace(/\s+/gu, ' ').trim() : value;
}

/** The one channel whose value a mark's size or position measures, or undefined when the view has none or two (a scatter plot). */
function measuredChannel(mark: string, plotted: PlottedChannel[]): PlottedChannel | undefined {
  const get = (channel: string) => plotted.find((c) => c.channel === channel);
  const quantitative = (c: PlottedChannel | undefined) => (c && c.def.type === 'quantitative' ? c : undefined);
  if (plotted.some((c) => c.def.aggregate !== undefined)) return undefined;
  if (mark === 'arc') return quantitative(get('theta'));
  const x = quantitative(get('x'));
  const y = quantitative(get('y'));
  if (mark === 'rect') return !x && !y ? quantitative(get('color')) : undefined;
  // A line drawn in the order of a field (a connected scatter plot) may pass one x twice.
  if ((mark === 'line' || mark === 'area' || mark === 'trail') && get('order')) return undefined;
  if (mark === 'line' || mark === 'area' || mark === 'trail') return y && get('x') ? y : x && !y && get('y') ? x : undefined;
  // bar: the quantitative axis, when the other is a category.
  return x && !y && get('y') ? x : y && !x && get('x') ? y : undefined;
}

/**
 * Where a cell falls on a time axis with those parts: its date's parts in
 * UTC (the process runs in UTC), as text. A whole year of a year column is
 * that year's 1 January, as citechart hands it to Vega; a cell that reads
 * as no date keeps its text (temporal-cells reports it).
 */
function timeUnitKey(value: unknown, parts: string[], years: boolean): unknown {
  const date = typeof value === 'number' && years ? new Date(Date.UTC(value, 0, 1)) : typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) return value;
  const of: Record<string, () => number> = {
    year: () => date.getUTCFullYear(),
    quarter: () => Math.floor(date.getUTCMonth() / 3),
    month: () => date.getUTCMonth(),
    week: () => Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / 6048e5),
    date: () => date.getUTCDate(),
    day: () => date.getUTCDay(),
    dayofyear: () => Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / 864e5),
    hours: () => date.getUTCHours(),
    minutes: () => date.getUTCMinutes(),
    seconds: () => date.getUTCSeconds(),
    milliseconds: () => date.getUTCMilliseconds(),
  };
  return parts.map((p) => of[p]!()).join('-');
}
