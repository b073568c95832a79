import type { CellValue, ColumnType, Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { CsvCell } from './readCsv.js';
import { hasLeadingZero, isOutOfRange, parseNumber } from './parseNumber.js';

/**
 * A column holds numbers when at least half of its non-empty cells are
 * numbers. The threshold makes a typo in a number column an error at its
 * cell rather than turning the whole column into text (a tie counts as
 * numbers: in a two-row table one mistyped figure must not pass silently);
 * a column with no non-empty cells is text, and so is a column of codes with
 * leading zeros (`01`, `02`). A column that still comes out
 * as text but is plotted as quantitative is caught when compiling.
 */
export function inferColumnType(cells: CsvCell[]): ColumnType {
  const filled = cells.filter((cell) => cell.text.trim() !== '');
  if (filled.some((cell) => hasLeadingZero(cell.text))) return 'string';
  const numbers = filled.filter((cell) => parseNumber(cell.text) !== undefined).length;
  return numbers > 0 && numbers * 2 >= filled.length ? 'number' : 'string';
}

/**
 * A cell's value for its column type. Empty cells are null. In a number
 * column, a cell that is not a number is an error at its position and null,
 * never a silent NaN or string.
 */
export function cellValue(
  file: string,
  column: string,
  type: ColumnType,
  cell: CsvCell,
  diagnostics: Diagnostic[],
): CellValue {
  if (cell.text.trim() === '') return null;
  if (type === 'string') return cell.text;
  const value = parseNumber(cell.text);
  if (value !== undefined) return value;
  const message = isOutOfRange(cell.text)
    ? messages.load.notFinite(cell.text, column)
    : cell.text.trim().endsWith('%')
      ? messages.load.percentInNumber(cell.text, column)
      : messages.load.notANumber(cell.text, column);
  diagnostics.push({ file, line: cell.line, column: cell.column, severity: 'error', message });
  return null;
}
