import type { CellValue, ColumnInfo, ColumnType, Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { checkConstraints } from './checkConstraints.js';
import type { CsvCell } from './readCsv.js';
import { isUnsafeInteger, looksLikeFormula, parseFigure, type Figure, type NumberFormat } from './parseFigure.js';
import { hasLeadingZero, isOutOfRange } from './parseNumber.js';
import { unreadNumberForm, writeWithMark } from './unreadNumberForm.js';
import type { SchemaField } from './tableSchema.js';

/** Where a column's problems are reported, and which cell texts mean "no value". */
export interface ColumnContext {
  file: string;
  /** The table's sidecar path, named in hints even when there is none yet. */
  schemaFile: string;
  missingValues: Set<string>;
  diagnostics: Diagnostic[];
  /** The decimal mark the file's figures show, if any (fileDecimalMark): examples in messages follow it. */
  decimalMark?: '.' | ',';
  /** The file's separator: `;` is how Excel saves CSV where the decimal mark is a comma. */
  delimiter?: string;
}

/** `1.234`, `-12.500`: one dot before exactly three digits, which groups thousands in Germany as often as it marks decimals in Britain. */
const DOT_OR_GROUP = /^[-+\u2212]?[1-9]\d{0,2}\.\d{3}$/;

/**
 * The decimal mark most figures of a file show (`1.5`, `1,234,567` → ".";
 * `2,5`, `1.234,5` → ","), or undefined when none shows one.
 */
export function fileDecimalMark(columns: CsvCell[][], figures: Array<Array<Figure | undefined>> = columns.map((cells) => figuresOf(cells))): '.' | ',' | undefined {
  let dots = 0;
  let commas = 0;
  for (const column of figures) {
    for (const figure of column) {
      if (figure && 'value' in figure && figure.decimalMark === '.') dots++;
      if (figure && 'value' in figure && figure.decimalMark === ',') commas++;
    }
  }
  return dots + commas === 0 ? undefined : commas > dots ? ',' : '.';
}

/**
 * parseFigure (no format) of each cell, in order: what fileDecimalMark,
 * inferColumnType and readColumn (undeclared) read of a column. Computed once
 * per column by readCitedTable (with `read`, figureReader's) instead of once
 * by each of them (issue 15: a one-chart build reads its table before these
 * loops are optimised).
 */
export function figuresOf(cells: CsvCell[], read: (text: string) => Figure | undefined = parseFigure): Array<Figure | undefined> {
  return cells.map((cell) => read(cell.text));
}

/**
 * A column holds numbers when at least half of its non-empty cells are
 * figures (parseFigure: `1,234`, `90 %`, `(5)` count). The threshold makes a
 * typo in a number column an error at its cell rather than turning the whole
 * column into text (a tie counts as numbers: in a two-row table one mistyped
 * figure must not pass silently); a column with no non-empty cells is text,
 * and so is a column of codes, which a number would corrupt: leading zeros
 * (`01`, `02`) or more digits than a double keeps (long ids). A column that
 * still comes out as text but is plotted as quantitative is caught when
 * compiling.
 */
export function inferColumnType(cells: CsvCell[], missingValues: Set<string> = new Set(['']), figures: Array<Figure | undefined> = figuresOf(cells)): ColumnType {
  let filled = 0;
  let numbers = 0;
  for (let i = 0; i < cells.length; i += 1) {
    const text = cells[i]!.text;
    const trimmed = text.trim();
    if (trimmed === '' || missingValues.has(trimmed)) continue;
    if (hasLeadingZero(text) || isUnsafeInteger(text)) return 'string';
    filled += 1;
    if (figures[i] !== undefined) numbers += 1;
  }
  return numbers > 0 && numbers * 2 >= filled ? 'number' : 'string';
}

const NUMERIC_TYPES = new Set(['number', 'integer', 'year']);

/**
 * A column's values, one per cell, typed by its sidecar field or, without
 * one (or with no `type`), by inference. Empty and missing-value cells are
 * null. A cell that does not read as its type is an error at its position
 * and null, never a silent NaN or string.
 */
export function readColumn(
  context: ColumnContext,
  name: string,
  cells: CsvCell[],
  field?: SchemaField,
  figures?: Array<Figure | undefined>,
): { values: CellValue[]; info: ColumnInfo } {
  const declared = field?.type !== undefined && field.type !== 'any' ? field.type : undefined;
  const type: ColumnType = declared ? (NUMERIC_TYPES.has(declared) ? 'number' : 'string') : inferColumnType(cells, context.missingValues, figures);
  const isMissing = (cell: CsvCell) => context.missingValues.has(cell.text.trim());
  const result =
    type === 'number' ? readNumbers(context, name, cells, isMissing, field, declared, figures) : readTexts(context, name, cells, isMissing, declared);
  if (field) checkConstraints(context, name, cells, result.values, field);
  return { values: result.values, info: { type, percent: result.percent, ...(declared ? { declared } : {}) } };
}

function readNumbers(
  context: ColumnContext,
  name: string,
  cells: CsvCell[],
  isMissing: (cell: CsvCell) => boolean,
  field: SchemaField | undefined,
  declared: string | undefined,
  undeclaredFigures: Array<Figure | undefined> | undefined,
): { values: CellValue[]; percent: boolean } {
  const error = (cell: CsvCell, message: string, severity: Diagnostic['severity'] = 'error') =>
    context.diagnostics.push({ file: context.file, line: cell.line, column: cell.column, severity, message });
  const format: NumberFormat | undefined = declared
    ? { decimalChar: field?.decimalChar, groupChar: field?.groupChar, bareNumber: field?.bareNumber }
    : undefined;

  // Without a format, the figures the caller read of these cells (figuresOf) serve.
  const figures = cells.map((cell, i) => (isMissing(cell) ? undefined : format ? parseFigure(cell.text, format) : undeclaredFigures ? undeclaredFigures[i] : parseFigure(cell.text)));
  // Undeclared, the column's cells decide what a comma means: the first cell
  // that shows its decimal mark (`1.5`, `1,234,567`, `2,5`) sets it.
  const mark = figures.map((f) => (f && 'value' in f ? f.decimalMark : undefined)).find((m) => m !== undefined);
  // `1.234` is as ambiguous as `1,234` in a file from a decimal-comma locale
  // (`;`-separated, as Excel saves CSV there, or with `2,5` in other columns)
  // when no cell of the column shows a dot that can only be decimal: read as
  // 1.234, a German "1.234" (1234) was drawn a thousand times too small.
  const commaLocale = context.delimiter === ';' || context.decimalMark === ',';
  const dotted = cells.filter((cell, i) => { const f = figures[i]; return !!f && 'value' in f && f.decimalMark === '.'; });
  const dotAmbiguous = !declared && commaLocale && mark === '.' && dotted.every((cell) => DOT_OR_GROUP.test(cell.text.trim()));
  // Percent if most of its figures say so; the odd ones out get a warning.
  const written = figures.filter((f) => f !== undefined);
  const percent = written.filter((f) => f.percent).length * 2 > written.length;

  const values = cells.map((cell, i): CellValue => {
    if (isMissing(cell)) return null;
    const figure = figures[i];
    if (figure === undefined) {
      error(cell, notANumber(context, name, cell.text, declared, mark ?? context.decimalMark));
      return null;
    }
    let value: number;
    if (dotAmbiguous && 'value' in figure && figure.decimalMark === '.') {
      const text = cell.text.trim();
      error(cell, messages.load.ambiguousDot(text, name, Number(text.replace(/[.]/g, '').replace('\u2212', '-')), figure.value, context.schemaFile));
      return null;
    }
    if ('ambiguous' in figure) {
      if (mark === undefined) {
        error(cell, messages.load.ambiguousComma(cell.text.trim(), name, figure.asThousands, figure.asDecimal, context.schemaFile));
        return null;
      }
      value = mark === '.' ? figure.asThousands : figure.asDecimal;
    } else {
      if (figure.decimalMark && mark && figure.decimalMark !== mark) {
        error(cell, messages.load.mixedDecimalMarks(cell.text.trim(), name, mark));
        return null;
      }
      value = figure.value;
    }
    if (percent !== figure.percent) error(cell, messages.load.mixedPercent(cell.text.trim(), name, percent), 'warning');
    // Beyond 2^53 a double no longer holds every whole number: 9007199254740993
    // would be published as …992. Written with an exponent, precision was not claimed.
    if (isUnsafeInteger(cell.text) || (Math.abs(value) > Number.MAX_SAFE_INTEGER && !/e/i.test(cell.text))) {
      error(cell, messages.load.unsafeInteger(cell.text.trim(), name));
      return null;
    }
    if ((declared === 'integer' || declared === 'year') && !Number.isInteger(value)) {
      error(cell, messages.load.notOfType(cell.text.trim(), name, declared, ''));
      return null;
    }
    return value;
  });
  return { values, percent };
}

function notANumber(context: ColumnContext, name: string, text: string, declared: string | undefined, mark: '.' | ',' | undefined): string {
  const value = text.trim();
  if (looksLikeFormula(value)) return messages.load.formulaInNumber(value, name);
  if (isOutOfRange(value)) return messages.load.notFinite(value, name);
  if (!declared) {
    // With a sidecar the hint below says which setting reads it instead.
    const unread = unreadNumberForm(value);
    if (unread) return messages.load.unreadForm(value, name, unread.form, unread.value === undefined ? undefined : writeWithMark(unread.value, mark), mark);
    return messages.load.notANumber(value, name, mark);
  }
  // Would it read without the sidecar? Then say which setting is missing.
  const inferred = parseFigure(value);
  const hint = inferred?.percent || /^\D+\d|\d\D+$/.test(value.replace(/[\s\u00A0\u202F\u2009]/g, ''))
    ? messages.load.hintBareNumber()
    : inferred !== undefined
      ? messages.load.hintGroupChar()
      : '';
  return messages.load.notOfType(value, name, declared, hint);
}

const TRUE = new Set(['true', 'True', 'TRUE', '1']);
const FALSE = new Set(['false', 'False', 'FALSE', '0']);
const DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

function readTexts(
  context: ColumnContext,
  name: string,
  cells: CsvCell[],
  isMissing: (cell: CsvCell) => boolean,
  declared: string | undefined,
): { values: CellValue[]; percent: boolean } {
  const report = (cell: CsvCell, message: string, severity: Diagnostic['severity'] = 'error') =>
    context.diagnostics.push({ file: context.file, line: cell.line, column: cell.column, severity, message });
  const values = cells.map((cell): CellValue => {
    if (isMissing(cell)) return null;
    const text = cell.text;
    if (declared === 'boolean') {
      // Booleans stay text ("true"/"false"): a table's cells are text or numbers.
      if (TRUE.has(text.trim())) return 'true';
      if (FALSE.has(text.trim())) return 'false';
      report(cell, messages.load.notOfType(text.trim(), name, declared, messages.load.hintBoolean()));
      return null;
    }
    if (declared === 'date' || declared === 'yearmonth') {
      if (!isCalendarDate(text.trim(), declared === 'date')) {
        report(cell, messages.load.notOfType(text.trim(), name, declared, declared === 'date' ? messages.load.hintDate() : ''));
        return null;
      }
      return text.trim();
    }
    // Kept literally, but a reader of the graphic would see formula text.
    if (looksLikeFormula(text)) report(cell, messages.load.formulaText(text.trim()), 'warning');
    return text;
  });
  return { values, percent: false };
}

/** `2024-02-29` (or `2024-02` for a yearmonth) naming a real day / month. */
function isCalendarDate(text: string, withDay: boolean): boolean {
  const match = DATE.exec(text);
  if (!match || (match[3] !== undefined) !== withDay) return false;
  const [year, month, day = 1] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  const date = new Date(Date.UTC(year!, month! - 1, day));
  return month! >= 1 && month! <= 12 && date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
}
