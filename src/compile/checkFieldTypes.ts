import type { CitedTable, Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { encodedFields } from './encodedFields.js';

/**
 * A column the loader read as text but the spec plots as quantitative would
 * reach Vega as strings and its bars would silently vanish (NaN). Each such
 * cell is an error at its position in the CSV instead.
 */
export function checkFieldTypes(vegaLite: Record<string, unknown>, specFile: string, tables: Iterable<CitedTable>): Diagnostic[] {
  const quantitative = new Set(encodedFields(vegaLite).filter((f) => f.type === 'quantitative').map((f) => f.field));
  const diagnostics: Diagnostic[] = [];
  for (const table of tables) {
    for (const column of table.columns) {
      if (!quantitative.has(column) || table.types[column] !== 'string') continue;
      for (const row of table.rows) {
        const value = row.values[column];
        if (typeof value !== 'string' || value.trim() === '') continue;
        diagnostics.push({
          file: table.file,
          ...row.positions[column]!,
          severity: 'error',
          message: messages.spec.fieldNotNumber(value, column, specFile),
        });
      }
    }
  }
  return diagnostics;
}
