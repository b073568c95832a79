import type { JsonFile } from '../compile/readJsonFile.js';
import { specStrings } from '../compile/readSpec.js';
import type { CitedTable, Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { specifierType } from './numberFormats.js';
import { percentPoints, type PercentPoints } from './percentPoints.js';

const TIMES_100 = new Set(['%', 'p']);
// format(datum.share, '.0%'), format(datum["share"], ".0%"), format(datum.value, '%') in a labelExpr.
const FORMAT_CALL = /\bformat\(\s*datum(?:\.([A-Za-z_$][\w$]*)|\[\s*(['"])((?:(?!\2).)*)\2\s*\])\s*,\s*(['"])((?:(?!\4).)*)\4\s*\)/g;

/**
 * The `percent-format` fault written in an expression rather than a format
 * property: `format(datum.share, '.0%')` in a `calculate` (a text label), or
 * `format(datum.value, '%')` in an axis or legend `labelExpr` of a channel
 * plotting the column. A column of percentage points (written `61%`, or
 * named a share or percent: src/checks/percentPoints.ts) is printed as 6100%. An error at the expression, with checkPercentFormat's
 * message. `datum.value` is resolved only inside an encoding channel's
 * axis or legend (`encoding.CHANNEL.axis.labelExpr`), where it is that
 * channel's field.
 */
export function checkPercentExpressions(json: JsonFile, spec: Record<string, unknown>, tables: Map<string, CitedTable>): Diagnostic[] {
  const percent = (column: string): PercentPoints | undefined => {
    for (const table of tables.values()) {
      const points = percentPoints(table, column);
      if (points) return points;
    }
    return undefined;
  };
  const found: Diagnostic[] = [];
  for (const { path, text } of specStrings(spec)) {
    if (!text.includes('format(')) continue;
    for (const match of text.matchAll(FORMAT_CALL)) {
      const format = match[5]!;
      if (!TIMES_100.has(specifierType(format) ?? '')) continue;
      let column = match[1] ?? match[3]!;
      if (column === 'value') column = labelledField(spec, path) ?? column;
      const points = percent(column);
      if (!points) continue;
      found.push({ ...json.diagnostic(path, messages.checks.percentTimes100(column, format, points.why, points.example)), rule: 'percent-format' });
    }
  }
  return found;
}

/** The field of the channel whose axis or legend holds the expression at `path` (`…encoding.y.axis.labelExpr`), if it is one. */
function labelledField(spec: Record<string, unknown>, path: Array<string | number>): string | undefined {
  const at = path.length - 3;
  if (at < 1 || path[at - 1] !== 'encoding' || (path[at + 1] !== 'axis' && path[at + 1] !== 'legend')) return undefined;
  let node: unknown = spec;
  for (const key of path.slice(0, at + 1)) node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  const field = node && typeof node === 'object' ? (node as Record<string, unknown>).field : undefined;
  return typeof field === 'string' ? field.replace(/\\(.)/g, '$1') : undefined;
}
