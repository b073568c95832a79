import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { findBidiControls, nameBidiControl } from './bidiControls.js';
import { checkCsvShape, type CsvColumn } from './checkCsvShape.js';
import { detectDelimiter } from './detectDelimiter.js';
import { readText } from './readText.js';
import { readWithPolars } from './readWithPolars.js';
import { scannerSuffices } from './scannerSuffices.js';
import { CsvLimitError, scanCsv, type ScannedRecord } from './scanCsv.js';
import { stripControlChars } from './stripControlChars.js';
import { pushAll } from '../pushAll.js';
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
  let read: { width: number; rows: string[][] };
  try {
    read = scannerSuffices(text, kept)
      ? { width: shape.header.fields.length, rows: shape.rows.map((record) => record.fields.map((field) => field.text)) }
      : await readWithPolars(kept.map((r) => text.slice(r.start, r.end)).join('\n') + '\n', delimiter);
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
  const cells = [...shape.header.fields.map((field) => ({ text: field.text, line: field.line, column: field.column })), ...rows.flatMap((row) => row.cells)];
  pushAll(diagnostics, await missingGlyphWarnings(cells.map((cell) => ({ text: cell.text, at: { file, line: cell.line, column: cell.column } }))));
  return { csv: { file, headerLine: shape.header.line, columns: shape.columns, rows, delimiter }, diagnostics };
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
