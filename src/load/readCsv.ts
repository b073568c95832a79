import { hasErrors } from '../errors.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { findBidiControls, nameBidiControl } from './bidiControls.js';
import { checkCsvShape, type CsvColumn } from './checkCsvShape.js';
import { detectDelimiter } from './detectDelimiter.js';
import { readText } from './readText.js';
import { readWithPolars } from './readWithPolars.js';
import { scannerSuffices } from './scannerSuffices.js';
import { CsvLimitError, scanCsv, type ScannedRecord } from './scanCsv.js';
import { findControlChars, stripControlChars } from './stripControlChars.js';
import { pushAll } from '../pushAll.js';
import { needsFallbackFonts } from '../text/fontChain.js';
import { missingGlyphWarnings } from '../text/missingGlyphs.js';

/** A cell's text (control characters stripped) and where it starts. */
export interface CsvCell {
  text: string;
  line: number;
  column: number;
}

export interface CsvRow {
  line: number;
  /** One cell per header field, in header order. */
  cells: CsvCell[];
}

/** A CSV file read as strings, every cell with its position. */
export interface Csv {
  file: string;
  headerLine: number;
  /** Usable columns (empty and duplicate header names left out). */
  columns: CsvColumn[];
  rows: CsvRow[];
  /** The separator used: declared, or `,`, or `;` when detected. */
  delimiter: string;
}

/** How a table's sidecar says the file was saved; unset means UTF-8 and detection. */
export interface CsvDialect {
  delimiter?: string;
  encoding?: string;
}

/**
 * Reads a project CSV: scanner for positions and structure, and for the
 * values of small files (scannerSuffices), polars for the others'. `csv` is undefined only when the file cannot be read at all (or is
 * over a size limit of src/limits.ts); rows with problems are left out with a
 * diagnostic each, the others are returned.
 */
export async function readCsv(
  cwd: string,
  file: string,
  dialect: CsvDialect = {},
): Promise<{ csv?: Csv; diagnostics: Diagnostic[] }> {
  const { text, diagnostics } = await readText(cwd, file, dialect.encoding);
  if (text === undefined) return { diagnostics };
  // Cells lose these characters (stripControlChars); say where each was.
  for (const { char, line, column } of findBidiControls(text)) {
    diagnostics.push({ file, line, column, severity: 'warning', message: messages.load.bidiControlRemoved(nameBidiControl(char)) });
  }
  for (const { char, line, column, inFigure } of findControlChars(text)) {
    const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    diagnostics.push({ file, line, column, severity: inFigure ? 'error' : 'warning', message: inFigure ? messages.load.controlCharInFigure(code) : messages.load.controlCharRemoved(code) });
  }
  let detected: ReturnType<typeof detectDelimiter>;
  try {
    detected = dialect.delimiter
      ? { delimiter: dialect.delimiter, records: scanCsv(text, dialect.delimiter) }
      : detectDelimiter(text);
  } catch (error) {
    // Over a size limit: the file is refused where the scanner stopped.
    if (!(error instanceof CsvLimitError)) throw error;
    diagnostics.push({ file, line: error.line, column: error.column, severity: 'error', message: error.message });
    return { diagnostics };
  }
  if (detected === 'ambiguous') {
    const line = text.slice(0, text.search(/[^\r\n]/)).split('\n').length;
    diagnostics.push({ file, line, column: 1, severity: 'error', message: messages.load.semicolonSeparated() });
    return { diagnostics };
  }
  const { delimiter } = detected;
  const wrong = dialect.delimiter ? otherDelimiter(detected.records, dialect.delimiter) : undefined;
  if (wrong) {
    // Every later error (no source column, ragged rows) would follow from this one.
    const header = detected.records.find((r) => !r.blank)!;
    diagnostics.push({ file, line: header.line, column: 1, severity: 'error', message: messages.load.declaredDelimiterAbsent(dialect.delimiter!, wrong) });
    return { diagnostics };
  }
  const { shape, diagnostics: shapeDiagnostics } = checkCsvShape(file, detected.records);
  pushAll(diagnostics, shapeDiagnostics);
  if (!shape) return { diagnostics };

  // polars gets only the records the scanner vouched for (no blank lines, no
  // ragged rows), so its row r is exactly shape.rows[r].
  const kept = [shape.header].concat(shape.rows);
  // A quote inside an unquoted cell: the scanner's reading (an ordinary
  // character) is said, or refused when it looks like a missing separator.
  const stray = strayQuoteProblems(file, kept);
  pushAll(diagnostics, stray);
  if (hasErrors(stray)) return { diagnostics };
  // Such a record goes to polars re-quoted: its row counter takes the quote
  // for an opening one, prints "UserWarning: CSV malformed …" from native
  // code straight to stderr (nodejs-polars has no hook to catch it; `check
  // --format json` promises an empty stderr) and at times reads the rows
  // after it otherwise.
  const polarsText = kept.map((r) => (r.strayQuote ? requote(r, delimiter) : text.slice(r.start, r.end))).join('\n') + '\n';
  let read: { width: number; rows: string[][] };
  try {
    read = scannerSuffices(text, kept)
      ? { width: shape.header.fields.length, rows: shape.rows.map((record) => record.fields.map((field) => field.text)) }
      : await readWithPolars(polarsText, delimiter);
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
    diagnostics.push({ file, severity: 'error', message: messages.load.unreadable(file, reason) });
    return { diagnostics };
  }

  const mismatch = findMismatch(shape.header, shape.rows, read);
  if (mismatch !== undefined) {
    // A quote inside an unquoted cell is the user's to fix (polars may take it for an opening quote).
    const stray = shape.rows.find((r) => r.line === mismatch)?.strayQuote ?? shape.rows.find((r) => r.strayQuote)?.strayQuote;
    diagnostics.push(
      stray
        ? { file, line: stray.line, column: stray.column, severity: 'error', message: messages.load.quoteInsideCell() }
        : { file, line: mismatch, column: 1, severity: 'error', message: messages.load.readerDisagrees() },
    );
    return { diagnostics };
  }

  const rows = shape.rows.map((record, r) => ({
    line: record.line,
    cells: record.fields.map((field, c) => ({
      text: stripControlChars(read.rows[r]![c]!),
      line: field.line,
      column: field.column,
    })),
  }));
  // A character no font draws would be a silent box: said at its cell (header cells are axis and legend titles).
  // Each cell is a part of the file's text: when none of the file needs a fallback font (one native scan),
  // no cell does, and the list of every cell is not made (issue 15, cold start).
  if (needsFallbackFonts(text)) {
    const cells = [...shape.header.fields.map((field) => ({ text: field.text, line: field.line, column: field.column })), ...rows.flatMap((row) => row.cells)];
    pushAll(diagnostics, await missingGlyphWarnings(cells.map((cell) => ({ text: cell.text, at: { file, line: cell.line, column: cell.column } }))));
  }
  return { csv: { file, headerLine: shape.header.line, columns: shape.columns, rows, delimiter }, diagnostics };
}

/** The record written as CSV with every cell quoted and each quote inside doubled: the same cells, no stray quote. */
function requote(record: ScannedRecord, delimiter: string): string {
  return record.fields.map((field) => `"${field.text.replaceAll('"', '""')}"`).join(delimiter);
}

/**
 * A diagnostic at the first quote inside an unquoted cell of each record
 * (`5'11" tall`): a warning saying the cell keeps it as text, as the scanner
 * and spreadsheet programs read it, unless a later unquoted cell of the
 * record ends with a quote, as in `s"In 2019 it was 1,234"`: a separator
 * missing before a quoted cell, whose cells are then all misread; that is
 * an error and the file is refused (as it was when polars disagreed).
 */
function strayQuoteProblems(file: string, records: ScannedRecord[]): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const record of records) {
    const at = record.strayQuote;
    if (!at) continue;
    const first = record.fields.findIndex((field) => field.line > at.line || (field.line === at.line && field.column > at.column)) - 1;
    const index = first < 0 ? record.fields.length - 1 : first;
    const cell = record.fields[index]!;
    const closes = record.fields.slice(index + 1).some((field) => !field.quoted && field.text.endsWith('"'));
    problems.push(
      closes
        ? { file, line: at.line, column: at.column, severity: 'error', message: messages.load.quoteInsideCell() }
        : { file, line: at.line, column: at.column, severity: 'warning', message: messages.load.strayQuoteRead(cell.text) },
    );
  }
  return problems;
}

/**
 * A guard against misnumbering: if polars and the scanner do not see the same
 * rows and cells, no line number can be trusted, so the file is refused.
 * Returns the line where they first differ (or the header line).
 */
function findMismatch(
  header: ScannedRecord,
  rows: ScannedRecord[],
  read: { width: number; rows: string[][] },
): number | undefined {
  if (read.width !== header.fields.length || read.rows.length !== rows.length) return header.line;
  const at = rows.findIndex((record, r) =>
    record.fields.some((field, c) => field.text !== read.rows[r]![c]),
  );
  return at === -1 ? undefined : rows[at]!.line;
}

/**
 * The separator a file evidently uses instead of the declared one: its
 * header read with the declared separator is one column, but splits with
 * another common one (a sidecar written for the `;` export, the file now
 * saved with commas). Undefined when the declaration fits.
 */
function otherDelimiter(records: ScannedRecord[], declared: string): string | undefined {
  const header = records.find((r) => !r.blank);
  if (!header || header.fields.length !== 1) return undefined;
  return [',', ';', '\t', '|'].find((other) => other !== declared && scanCsv(header.fields[0]!.text, other)[0]!.fields.length > 1);
}
