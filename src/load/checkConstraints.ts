import type { CellValue } from '../model.js';
import { matchesWhole } from '../linearRegExp.js';
import * as messages from '../messages.js';
import type { CsvCell } from './readCsv.js';
import type { SchemaField } from './tableSchema.js';
import type { ColumnContext } from './typeColumns.js';

/**
 * Checks a column's values against its sidecar field's `constraints`, each
 * violation an error at its cell. Cells that did not read as their type are
 * null and were reported already; only `required` looks at those, via the
 * cell text.
 */
export function checkConstraints(
  context: ColumnContext,
  name: string,
  cells: CsvCell[],
  values: CellValue[],
  field: SchemaField,
): void {
  const constraints = field.constraints ?? {};
  const error = (cell: CsvCell, message: string) =>
    context.diagnostics.push({ file: context.file, line: cell.line, column: cell.column, severity: 'error', message });
  // On RE2, in linear time: `(a+)+$` against a long cell would otherwise never finish.
  const pattern = constraints.pattern;

  cells.forEach((cell, i) => {
    const value = values[i];
    const text = cell.text.trim();
    if (context.missingValues.has(text)) {
      if (constraints.required) error(cell, messages.load.requiredMissing(name));
      return;
    }
    if (value === null || value === undefined) return;
    const { minimum, maximum } = constraints;
    if (minimum !== undefined && compare(value, minimum) < 0) error(cell, messages.load.belowMinimum(text, name, minimum));
    if (maximum !== undefined && compare(value, maximum) > 0) error(cell, messages.load.aboveMaximum(text, name, maximum));
    if (constraints.enum && !constraints.enum.some((allowed) => String(allowed) === String(value))) {
      error(cell, messages.load.notInEnum(text, name, constraints.enum));
    }
    if (pattern !== undefined && !matchesWhole(pattern, cell.text)) error(cell, messages.load.patternMismatch(text, name, constraints.pattern!));
  });
}

/** Numbers by value; dates (ISO text) by their text, which sorts like the dates. */
function compare(value: string | number, bound: string | number): number {
  if (typeof value === 'number') return value - Number(bound);
  return value < String(bound) ? -1 : value > String(bound) ? 1 : 0;
}
