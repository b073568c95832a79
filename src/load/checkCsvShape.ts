import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { stripControlChars } from './stripControlChars.js';
import type { ScannedRecord, ScanProblemKind } from './scanCsv.js';

/** A usable header column: its name, its index in every record, and where its header cell starts (for messages about the column). */
export interface CsvColumn {
  name: string;
  index: number;
  line: number;
  column: number;
}

export interface CsvShape {
  header: ScannedRecord;
  columns: CsvColumn[];
  /** Data records that are well formed and as wide as the header (or cut short only in its empty tail). */
  rows: ScannedRecord[];
}

const problemMessage: Record<ScanProblemKind, () => string> = {
  unclosedQuote: messages.load.unclosedQuote,
  textAfterQuote: messages.load.textAfterQuote,
  loneCarriageReturn: messages.load.loneCarriageReturn,
};

/**
 * Checks the scanned records before polars reads them, and keeps only the
 * rows polars can read without guessing: polars fills a short row with nulls
 * silently and aborts on a long one, and either way it says nothing about
 * where. Every dropped row gets a diagnostic; the rest still load, so one
 * `check` run reports every problem in the file.
 */
export function checkCsvShape(
  file: string,
  records: ScannedRecord[],
): { shape?: CsvShape; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const error = (line: number, column: number | undefined, message: string) =>
    diagnostics.push({ file, line, column, severity: 'error', message });

  // Blank lines before the header are skipped, as polars does.
  const nonBlank = records.filter((r) => !r.blank);
  const header = nonBlank[0];
  const rest = nonBlank.slice(1);
  if (!header) return { diagnostics: [{ file, line: 1, column: 1, severity: 'error', message: messages.load.emptyFile() }] };
  if (header.problem) {
    const { kind, line, column } = header.problem;
    error(line, column, problemMessage[kind]());
    return { diagnostics };
  }
  // Spreadsheets save the empty columns right of a table as `,,,` tails and
  // blank rows below it as `,,,` lines: both carry nothing and are dropped
  // silently. A column with no name but with values is still an error.
  const isEmpty = (record: ScannedRecord) => record.fields.every((f) => f.text.trim() === '');
  const kept = rest.filter((record) => record.problem || !isEmpty(record));
  const unnamedButEmpty = (index: number) =>
    header.fields.slice(index).every((f) => f.text.trim() === '') &&
    kept.every((r) => r.problem || (r.fields[index]?.text.trim() ?? '') === '');

  // polars renames a duplicate to `a_duplicated_0`; we refuse it instead.
  const columns: CsvColumn[] = [];
  const seen = new Map<string, number>();
  let tail = header.fields.length;
  header.fields.forEach((field, index) => {
    const name = stripControlChars(field.text);
    if (name.trim() === '') {
      if (unnamedButEmpty(index)) tail = Math.min(tail, index);
      else error(field.line, field.column, messages.load.emptyHeader(index + 1));
    } else if (seen.has(name)) error(field.line, field.column, messages.load.duplicateHeader(name, seen.get(name)!));
    else columns.push({ name, index, line: field.line, column: field.column });
    if (!seen.has(name)) seen.set(name, index + 1);
  });

  // Rows may end where the empty tail begins (some programs trim it per row).
  const width = header.fields.length;
  const rows = kept.filter((record) => {
    if (record.problem) {
      const { kind, line, column } = record.problem;
      error(line, column, problemMessage[kind]());
    } else if (record.fields.length > width) {
      const extra = record.fields[width]!;
      error(extra.line, extra.column, messages.load.raggedRow(record.fields.length, width));
    } else if (record.fields.length < tail) {
      error(record.line, 1, messages.load.raggedRow(record.fields.length, width));
    } else {
      return true;
    }
    return false;
  });
  return { shape: { header, columns, rows }, diagnostics };
}
