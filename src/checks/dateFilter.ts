import type { JsonFile } from '../compile/readJsonFile.js';
import { unescapeField } from '../compile/encodedFields.js';
import type { CitedTable, Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { ACCESS, COMPARISONS, filtersOnTimeFields, firstInFilter, OPERATOR, precededByCall } from './yearFilter.js';

// `datum.month != '2023-01'`, `'2023-01' < datum["month"]`: a column read straight against a quoted text.
const LEFT = new RegExp(String.raw`(^|[^\w$.])${ACCESS}\s*${OPERATOR}\s*(?:'([^']*)'|"([^"]*)")`, 'g');
const RIGHT = new RegExp(String.raw`(?:'([^']*)'|"([^"]*)")\s*${OPERATOR}\s*${ACCESS}`, 'g');

/**
 * A text column of dates (`2023-01`) plotted on a time axis is parsed into
 * dates by Vega-Lite before any transform runs, so a filter comparing it
 * with a text (`datum.month != '2023-01'`, `{"field": "month", "equal":
 * "2023-01"}`) compares a date with a string: `==` is never true and `!=`
 * always, so the filter keeps the row it was written to drop (and the
 * footer cites its source), or drops every row. An error at each such
 * filter (rule `year-filter`, whose whole years are the same fault with a
 * number), with the comparison that works. A predicate with a `timeUnit`
 * is Vega-Lite's own date comparison and is left alone.
 */
export function checkDateFilter(json: JsonFile, spec: Record<string, unknown>, tables: Map<string, CitedTable>): Diagnostic[] {
  return filtersOnTimeFields(spec, tables, (filter, table, dated) => {
    const hit = textComparison(filter, (column) => dated(column) && table.types[column] !== 'number');
    return hit && messages.checks.dateComparedAsText(hit.column, hit.text, hit.literal);
  }).map(({ jsonPath, message }) => ({ ...json.diagnostic(jsonPath, message), rule: 'year-filter' }));
}

interface Hit {
  column: string;
  text: string;
  literal: string;
}

/** The first comparison of a dated text column with a text in a filter, if any. */
function textComparison(filter: unknown, isDatedText: (column: string) => boolean): Hit | undefined {
  return firstInFilter(filter, (expression) => inExpression(expression, isDatedText), (predicate) => textPredicate(predicate, isDatedText));
}

function textPredicate(filter: Record<string, unknown>, isDatedText: (column: string) => boolean): Hit | undefined {
  if (typeof filter.field !== 'string' || filter.timeUnit !== undefined) return undefined;
  const column = unescapeField(filter.field);
  if (!isDatedText(column)) return undefined;
  for (const op of COMPARISONS) {
    const value = filter[op];
    const literal = (Array.isArray(value) ? value : [value]).find((v): v is string => typeof v === 'string');
    if (literal !== undefined) return { column, text: JSON.stringify({ field: filter.field, [op]: value }), literal };
  }
  return undefined;
}

function inExpression(expression: string, isDatedText: (column: string) => boolean): Hit | undefined {
  for (const match of expression.matchAll(LEFT)) {
    const column = match[2] ?? match[3] ?? match[4] ?? '';
    if (!precededByCall(expression, match.index! + match[1]!.length) && isDatedText(column)) return { column, text: match[0].slice(match[1]!.length).trim(), literal: match[5] ?? match[6] ?? '' };
  }
  for (const match of expression.matchAll(RIGHT)) {
    const column = match[3] ?? match[4] ?? match[5] ?? '';
    if (isDatedText(column)) return { column, text: match[0].trim(), literal: match[1] ?? match[2] ?? '' };
  }
  return undefined;
}
