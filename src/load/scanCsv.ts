// A small quote-aware CSV scanner. polars reads the values, but it reports no
// line numbers and forgives what an editor must be told about (short rows,
// blank lines, stray quotes). This pass records where every record and every
// field starts, so each diagnostic can say `file:line:col`, and it finds the
// structural problems before polars sees the text.
//
// It also enforces the size limits of a table (src/limits.ts) as it goes, so
// a million-row file or a 15 MB cell is refused as soon as the scanner gets
// there, before anything else holds the rows in memory.
//
// Lines end at "\n" or "\r\n" (as in polars). Columns count UTF-16 code units
// from 1, like the editors that turn `file:line:col` into links.

import { LIMITS } from '../limits.js';
import * as messages from '../messages.js';

/** A table over one of the size limits: where the scanner stopped and why. */
export class CsvLimitError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** The limits scanCsv enforces; tests pass smaller ones. */
export interface ScanLimits {
  cellChars: number;
  columns: number;
  rows: number;
  cells: number;
}

export interface ScannedField {
  /** The cell's text with the quotes removed and `""` turned into `"`. */
  text: string;
  /** Whether the cell was written in quotes. */
  quoted?: true;
  line: number;
  column: number;
}

export type ScanProblemKind = 'unclosedQuote' | 'textAfterQuote' | 'loneCarriageReturn';

export interface ScannedRecord {
  line: number;
  /** Offsets into the text, [start, end), without the line terminator. */
  start: number;
  end: number;
  fields: ScannedField[];
  /** A zero-length line: polars would make it an all-null row; we skip it. */
  blank: boolean;
  /**
   * The first quote inside an unquoted cell (`s1"In 2019…`), if any. The
   * scanner reads it as an ordinary character; polars does too on its own,
   * but not always beside other rows, so when the two disagree this is the
   * place to point at.
   */
  strayQuote?: { line: number; column: number };
  /** The first malformation in the record, if any. */
  problem?: { kind: ScanProblemKind; line: number; column: number };
}

/**
 * Splits CSV text into records and fields with their positions. Throws
 * CsvLimitError (with the line and column where it stopped) for a cell, a
 * row or a table over `limits` (LIMITS by default).
 */
export function scanCsv(text: string, delimiter = ',', limits: ScanLimits = LIMITS): ScannedRecord[] {
  const records: ScannedRecord[] = [];
  let rows = 0;
  let cells = 0;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let record: ScannedRecord;

  const column = () => i - lineStart + 1;
  const atLineEnd = () => text[i] === '\n' || (text[i] === '\r' && text[i + 1] === '\n');
  const endLine = () => {
    i += text[i] === '\r' ? 2 : 1;
    line += 1;
    lineStart = i;
  };
  const problem = (kind: ScanProblemKind) => {
    record.problem ??= { kind, line, column: column() };
  };

  // Unquoted text up to the next separator or line end. A quote here is an
  // ordinary character, as polars reads it.
  const tooLong = (field: ScannedField) =>
    new CsvLimitError(messages.load.cellTooLong(limits.cellChars), field.line, field.column);

  // The run of ordinary characters is found by one sticky regular expression
  // (native code) rather than a loop per character: a one-chart build reads its
  // table once, before the loop would be optimised (issue 15, cold start).
  const ordinary = new RegExp(`[^${escapeClass(delimiter)}\\r\\n"]*`, 'y');
  const readPlain = (field: ScannedField) => {
    const from = i;
    for (;;) {
      const run = i;
      ordinary.lastIndex = i;
      ordinary.test(text);
      i = ordinary.lastIndex;
      // Checked after characters read only, as the loop per character did.
      if (i > run && i - from + field.text.length > limits.cellChars) throw tooLong(field);
      if (i >= text.length || text[i] === delimiter || atLineEnd()) break;
      if (text[i] === '\r') problem('loneCarriageReturn');
      if (text[i] === '"') record.strayQuote ??= { line, column: column() };
      i += 1;
      if (i - from + field.text.length > limits.cellChars) throw tooLong(field);
    }
    field.text += text.slice(from, i);
  };

  const readQuoted = (field: ScannedField) => {
    field.quoted = true;
    i += 1; // the opening quote
    for (;;) {
      // Up to the next quote in one slice; the lines it crosses counted from its line breaks.
      const quote = text.indexOf('"', i);
      const to = quote < 0 ? text.length : quote;
      field.text += text.slice(i, to);
      for (let at = text.indexOf('\n', i); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) {
        line += 1;
        lineStart = at + 1;
      }
      // Checked after characters read only, as the loop per character did (not after a doubled quote).
      if (to > i && field.text.length > limits.cellChars) throw tooLong(field);
      i = to;
      if (i >= text.length) {
        record.problem ??= { kind: 'unclosedQuote', line: field.line, column: field.column };
        return;
      }
      if (text[i + 1] === '"') {
        field.text += '"';
        i += 2;
      } else {
        i += 1;
        break;
      }
    }
    // polars refuses `"ab"c`; point at the stray text instead of failing later.
    if (i < text.length && text[i] !== delimiter && !atLineEnd()) {
      problem('textAfterQuote');
      readPlain(field);
    }
  };

  while (i < text.length) {
    record = { line, start: i, end: i, fields: [], blank: atLineEnd() };
    records.push(record);
    if (record.blank) {
      endLine();
      continue;
    }
    // The header is not a data row.
    if ((rows += 1) > limits.rows + 1) throw new CsvLimitError(messages.load.tooManyRows(limits.rows), line, 1);
    for (;;) {
      const field: ScannedField = { text: '', line, column: column() };
      if (record.fields.length === limits.columns) {
        throw new CsvLimitError(messages.load.tooManyColumns(limits.columns), line, field.column);
      }
      if ((cells += 1) > limits.cells) throw new CsvLimitError(messages.load.tooManyCells(limits.cells), line, field.column);
      if (text[i] === '"') readQuoted(field);
      else readPlain(field);
      record.fields.push(field);
      if (text[i] !== delimiter) break;
      i += 1;
    }
    record.end = i;
    if (i < text.length) endLine();
  }
  return records;
}

/** `text` safe inside a regular expression's character class. */
const escapeClass = (text: string) => text.replace(/[\\\]\[^-]/g, '\\$&');
