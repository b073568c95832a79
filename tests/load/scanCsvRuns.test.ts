// scanCsv finds runs of ordinary characters with a sticky regular expression and
// quoted cells with indexOf (issue 15: the per-character loop was most of a
// one-chart build's table read). This compares it with the per-character scanner
// it replaced, kept below as the reference, on random texts of the characters
// that matter: separators, quotes, both line ends, a lone carriage return.
import { describe, expect, test } from 'vitest';
import { LIMITS } from '../../src/limits.js';
import * as messages from '../../src/messages.js';
import { CsvLimitError, scanCsv, type ScanLimits, type ScanProblemKind, type ScannedField, type ScannedRecord } from '../../src/load/scanCsv.js';
import { prng } from '../fuzz/mutate.js';

/** The scanner as it was before issue 15 (a loop per character), the behaviour to keep. */
function referenceScan(text: string, delimiter = ',', limits: ScanLimits = LIMITS): ScannedRecord[] {
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

  const readPlain = (field: ScannedField) => {
    const from = i;
    while (i < text.length && text[i] !== delimiter && !atLineEnd()) {
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
      if (i >= text.length) {
        record.problem ??= { kind: 'unclosedQuote', line: field.line, column: field.column };
        return;
      }
      const c = text[i];
      if (c === '"' && text[i + 1] === '"') {
        field.text += '"';
        i += 2;
      } else if (c === '"') {
        i += 1;
        break;
      } else {
        field.text += c;
        i += 1;
        if (field.text.length > limits.cellChars) throw tooLong(field);
        if (c === '\n') {
          line += 1;
          lineStart = i;
        }
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



const PIECES = ['a', 'bc', '1', ',', ',', ';', '\t', '|', '"', '"', '""', '\n', '\r\n', '\r', ' ', 'é', '😀', '\\', ']', '^', '-'];

const outcome = (scan: () => ScannedRecord[]) => {
  try {
    return { records: scan() };
  } catch (error) {
    if (!(error instanceof CsvLimitError)) throw error;
    return { error: [error.message, error.line, error.column] };
  }
};

describe('scanCsv against the per-character scanner', () => {
  test('the same records, fields, positions, problems and limit errors on 3000 random texts', () => {
    const next = prng(15);
    const small: ScanLimits = { cellChars: 6, columns: 5, rows: 6, cells: 20 };
    for (let run = 0; run < 3000; run += 1) {
      let text = '';
      const length = Math.floor(next() * 40);
      for (let k = 0; k < length; k += 1) text += PIECES[Math.floor(next() * PIECES.length)];
      for (const delimiter of [',', ';', '\t', '|']) {
        for (const limits of [LIMITS, small]) {
          expect(outcome(() => scanCsv(text, delimiter, limits)), JSON.stringify({ text, delimiter, limits })).toEqual(outcome(() => referenceScan(text, delimiter, limits)));
        }
      }
    }
  });

  test('a long plain cell and a long quoted cell over the limit are refused at their start', () => {
    const limits: ScanLimits = { cellChars: 10, columns: 5, rows: 5, cells: 20 };
    const plain = outcome(() => scanCsv(`a,b\nx,${'y'.repeat(11)}\n`, ',', limits));
    expect(plain).toEqual({ error: [messages.load.cellTooLong(10), 2, 3] });
    const quoted = outcome(() => scanCsv(`a,b\n"${'y\n'.repeat(6)}",x\n`, ',', limits));
    expect(quoted).toEqual({ error: [messages.load.cellTooLong(10), 2, 1] });
  });
});
