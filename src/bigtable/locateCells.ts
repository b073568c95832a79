import { createReadStream } from 'node:fs';

/** A data cell by its 0-based data row (the header is not one) and 0-based column. */
export interface CellAt {
  row: number;
  column: number;
}

/**
 * Where cells of a big CSV start, as `file:line:col` wants them: polars
 * reports row indices only, and a row is not a line when a quoted cell holds
 * a line break. The file is streamed once, quote-aware as src/load/scanCsv.ts
 * reads it (lines end at "\n" or "\r\n", blank lines are no row, columns
 * count UTF-16 code units from 1), and nothing but the asked cells'
 * positions is kept, so memory does not grow with the file. Stops as soon
 * as the last asked row is passed. Returns positions keyed `row:column`.
 */
export async function locateCells(
  file: string,
  cells: CellAt[],
  delimiter = ',',
): Promise<Map<string, { line: number; column: number }>> {
  const found = new Map<string, { line: number; column: number }>();
  if (!cells.length) return found;
  const wanted = new Map<number, Set<number>>();
  let lastRow = 0;
  for (const cell of cells) {
    let columns = wanted.get(cell.row);
    if (!columns) wanted.set(cell.row, (columns = new Set()));
    columns.add(cell.column);
    lastRow = Math.max(lastRow, cell.row);
  }
  // Counted up as each record starts: the header becomes -1, data row 0 is 0.
  let record = -2;
  let field = 0;
  let line = 1;
  let column = 1;
  let inQuotes = false;
  let quoteAhead = false;
  let atRecordStart = true;
  let atFieldStart = true;
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<string>) {
    for (let i = 0; i < chunk.length; i += 1) {
      const c = chunk[i]!;
      if (atRecordStart && !inQuotes && (c === '\n' || c === '\r')) {
        // A blank line (or the "\r" of a blank "\r\n" line): no record.
        if (c === '\n') {
          line += 1;
          column = 1;
        }
        continue;
      }
      if (atRecordStart) {
        record += 1;
        field = 0;
        atRecordStart = false;
        atFieldStart = true;
        if (record > lastRow) {
          stream.destroy();
          return found;
        }
      }
      if (atFieldStart) {
        atFieldStart = false;
        if (record >= 0 && wanted.get(record)?.has(field)) found.set(`${record}:${field}`, { line, column });
        if (c === '"') {
          inQuotes = true;
          column += 1;
          continue;
        }
      }
      if (quoteAhead) {
        // The character after a quote inside quotes decides: `""` is a quote, else the cell closed.
        // Decided here, not by looking ahead, so a `""` split between two chunks stays a quote.
        quoteAhead = false;
        if (c === '"') {
          column += 1;
          continue;
        }
        inQuotes = false;
      }
      if (inQuotes) {
        if (c === '"') quoteAhead = true;
        if (c === '\n') {
          line += 1;
          column = 1;
        } else column += 1;
        continue;
      }
      if (c === delimiter) {
        field += 1;
        atFieldStart = true;
        column += 1;
      } else if (c === '\n') {
        line += 1;
        column = 1;
        atRecordStart = true;
      } else column += 1;
    }
  }
  return found;
}
