import type { JsonFile } from '../compile/readJsonFile.js';
import { isYearColumn } from '../compile/injectData.js';
import { timeFields, unescapeField } from '../compile/encodedFields.js';
import { unitViews } from '../lint/unitViews.js';
import type { CitedTable, Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { isRecord } from '../isRecord.js';

export const COMPARISONS = ['equal', 'lt', 'lte', 'gt', 'gte', 'range', 'oneOf'];
const YEAR = /^[12]\d{3}$/;

/**
 * citechart's rule for whole years (1000–2999) plotted on a time axis: they
 * are handed to Vega as dates (the year 2024, not 2024 ms after 1970), so
 * an axis shows years. In a filter such a column is then a date, and
 * comparing it with a bare year (`datum.year == 2024`,
 * `{"field": "year", "equal": 2024}`) is never true; `year(datum.year) ==
 * 2024` and a predicate with `"timeUnit": "year"` are. A warning at each
 * filter that compares a year column with a bare year, with the fix.
 */
export function checkYearFilter(json: JsonFile, spec: Record<string, unknown>, tables: Map<string, CitedTable>): Diagnostic[] {
  return filtersOnTimeFields(spec, tables, (filter, table, dated) => {
    const written = yearComparison(filter, (column) => dated(column) && isYearColumn(table, column));
    return written && messages.checks.yearAsDate(written.column, written.text);
  }).map(({ jsonPath, message }) => ({ ...json.diagnostic(jsonPath, message, 'warning'), rule: 'year-filter' }));
}

/**
 * Each filter of a spec, once, with the table its view draws and whether a
 * column of it is plotted as time (so Vega-Lite parses it into dates before
 * any filter): what `judge` says of it, at the filter.
 */
export function filtersOnTimeFields(
  spec: Record<string, unknown>,
  tables: Map<string, CitedTable>,
  judge: (filter: unknown, table: CitedTable, dated: (column: string) => boolean) => string | undefined,
): Array<{ jsonPath: Array<string | number>; message: string }> {
  const time = timeFields(spec);
  const found: Array<{ jsonPath: Array<string | number>; message: string }> = [];
  const seen = new Set<string>();
  for (const view of unitViews(spec)) {
    const table = view.dataFile !== undefined ? tables.get(view.dataFile) : undefined;
    if (!table) continue;
    const dated = (column: string) => time.has(column) && table.columns.includes(column);
    for (const t of view.transforms) {
      const key = t.jsonPath.join('\u0000');
      if (t.def.filter === undefined || seen.has(key)) continue;
      seen.add(key);
      const message = judge(t.def.filter, table, dated);
      if (message) found.push({ jsonPath: [...t.jsonPath, 'filter'], message });
    }
  }
  return found;
}

/**
 * The first hit in a Vega-Lite filter: an expression string handed to
 * `inExpression`, each predicate object (through `and`, `or` and `not`) to
 * `inPredicate`, in the order written.
 */
export function firstInFilter<T>(filter: unknown, inExpression: (expression: string) => T | undefined, inPredicate: (predicate: Record<string, unknown>) => T | undefined): T | undefined {
  if (typeof filter === 'string') return inExpression(filter);
  if (!isRecord(filter)) return undefined;
  for (const key of ['and', 'or']) {
    if (!Array.isArray(filter[key])) continue;
    for (const part of filter[key] as unknown[]) {
      const hit = firstInFilter(part, inExpression, inPredicate);
      if (hit) return hit;
    }
  }
  if (filter.not !== undefined) return firstInFilter(filter.not, inExpression, inPredicate);
  return inPredicate(filter);
}

/** The first comparison of a year column with a bare year in a filter, if any. */
function yearComparison(filter: unknown, isDatedYear: (column: string) => boolean): { column: string; text: string } | undefined {
  return firstInFilter(filter, (expression) => inExpression(expression, isDatedYear), (predicate) => yearPredicate(predicate, isDatedYear));
}

function yearPredicate(filter: Record<string, unknown>, isDatedYear: (column: string) => boolean): { column: string; text: string } | undefined {
  if (typeof filter.field !== 'string' || filter.timeUnit !== undefined) return undefined;
  const column = unescapeField(filter.field);
  if (!isDatedYear(column)) return undefined;
  for (const op of COMPARISONS) {
    const value = filter[op];
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => (typeof v === 'number' || typeof v === 'string') && YEAR.test(String(v)))) {
      return { column, text: JSON.stringify({ field: filter.field, [op]: value }) };
    }
  }
  return undefined;
}

// `datum.year == 2024`, `datum["year"] >= 2020`, `2024 === datum.year`:
// a column read straight (not inside year(…)) against four digits.
export const ACCESS = String.raw`datum(?:\.([A-Za-z_$][\w$]*)|\[\s*(?:"([^"]*)"|'([^']*)')\s*\])`;
export const OPERATOR = String.raw`(?:===?|!==?|<=?|>=?)`;
const LEFT = new RegExp(String.raw`(^|[^\w$.])${ACCESS}\s*${OPERATOR}\s*['"]?([12]\d{3})\b`, 'g');
const RIGHT = new RegExp(String.raw`\b([12]\d{3})['"]?\s*${OPERATOR}\s*${ACCESS}`, 'g');

function inExpression(expression: string, isDatedYear: (column: string) => boolean): { column: string; text: string } | undefined {
  for (const match of expression.matchAll(LEFT)) {
    const column = match[2] ?? match[3] ?? match[4] ?? '';
    if (!precededByCall(expression, match.index! + match[1]!.length) && isDatedYear(column)) return { column, text: match[0].slice(match[1]!.length).trim() };
  }
  for (const match of expression.matchAll(RIGHT)) {
    const column = match[2] ?? match[3] ?? match[4] ?? '';
    if (isDatedYear(column)) return { column, text: match[0].trim() };
  }
  return undefined;
}

/** Whether the access at `index` is an argument of a call such as `year(`. */
export function precededByCall(expression: string, index: number): boolean {
  return /[\w$]\s*\(\s*$/.test(expression.slice(0, index));
}
