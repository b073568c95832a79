import { textColumnsPlottedAsNumbers } from '../compile/checkFields.js';
import type { JsonFile } from '../compile/readJsonFile.js';
import { LIMITS } from '../limits.js';
import * as messages from '../messages.js';
import type { Diagnostic } from '../model.js';
import type { BigTable } from './openBigTable.js';

/**
 * A big table's text columns that a spec plots as quantitative (the rule of
 * src/compile/checkFields.ts, whose row-by-row check skips big tables): each
 * cell that is not a number is an error at its own `line:col` in a CSV (a
 * quoted line break counted) or at its row in Parquet, the first
 * LIMITS.bigTableCellErrors of the table, then one line per column counting the rest.
 * Cells that are numbers are not listed. Reads the table in polars, never into JS arrays.
 */
export async function checkBigTableNumbers(json: JsonFile, vegaLite: Record<string, unknown>, big: BigTable): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  let left = LIMITS.bigTableCellErrors;
  for (const column of textColumnsPlottedAsNumbers(vegaLite, big)) {
    const found = await big.notNumbers(column);
    // The cap holds per table, over all its columns, as the count's message says.
    const cells = found.cells.slice(0, left);
    left -= cells.length;
    const count = found.count;
    for (const cell of cells) {
      const message = messages.load.bigTableFieldNotNumber(cell.value, column, json.file);
      diagnostics.push(
        cell.line !== undefined
          ? { file: big.file, line: cell.line, column: cell.column!, severity: 'error', message }
          : { file: big.file, severity: 'error', message: messages.load.bigTableAtRow(cell.row, message) },
      );
    }
    if (count > cells.length) diagnostics.push({ file: big.file, severity: 'error', message: messages.load.bigTableMoreCellErrors(count - cells.length, LIMITS.bigTableCellErrors) });
  }
  return diagnostics;
}
