import { open } from 'node:fs/promises';
import path from 'node:path';
import { LIMITS } from '../limits.js';
import * as messages from '../messages.js';
import type { ColumnType, Diagnostic, Source } from '../model.js';
import { resolveSourceIds } from '../load/resolveSourceIds.js';
import { CsvLimitError, scanCsv, type ScannedField } from '../load/scanCsv.js';
import { bigCsvInMemoryBytes, bigTableKind, parquetFolderFiles, totalBytes, type BigTableKind } from './bigTableFile.js';
import { hashBigTable } from './hashBigTable.js';
import { findNotNumbers, type NotNumbers } from './findNotNumbers.js';
import { locateCells, type CellAt } from './locateCells.js';
import { columnsNamedInSpecs } from './namedColumns.js';
import { asNumbers, CHECK, checkNames, checkTotals, notNumbers as notNumberCells, numberChecks, plainNumberColumns } from './numberColumnChecks.js';
import { loadPolars, polarsReason, ROW, type Expr, type Frame, type LazyFrame, type PL } from './polars.js';

/** A big table, checked and typed, not read: `frame()` scans it lazily each time it is asked. */
export interface BigTable {
  /** Project-relative, e.g. `data/trade.parquet`. */
  file: string;
  kind: BigTableKind;
  /** Value columns (the citation columns left out), in file order. */
  columns: string[];
  /** Null-prototype, keyed by column name. */
  types: Record<string, ColumnType>;
  /** Data rows in the table. */
  rows: number;
  /** Rows citing each source id (a row citing two counts for both): the JSON-LD's rows read. */
  rowsBySource: Map<string, number>;
  /**
   * Number columns whose sum polars computes exactly in any order: every
   * value a whole number and rows × the largest |value| under 2^53, so
   * no partial sum is ever rounded (planPushdown then sums in parallel).
   */
  wholeSums: Set<string>;
  /** sha256 of the bytes (src/bigtable/hashBigTable.ts). */
  sha256: string;
  /**
   * The rows, lazily: `ROW` (0-based data row), `source` (text), and the
   * value columns (numbers as Float64, the rest as text). `needed`: the
   * value columns the query reads (default: all of them); a held CSV
   * answers from memory when it holds them all, with only the columns it
   * holds, else the file is scanned with every column.
   */
  frame(needed?: readonly string[]): LazyFrame;
  /** A data row's 1-based line (CSV: the row's ordinal + 1 for the header, exact unless a cell holds a line break) or row number (Parquet). */
  lineOf(row: number): number;
  polars: PL;
  /** Cells of a text column that are not plain numbers (findNotNumbers.ts), looked for once per column: a chart plotting the column as quantitative. */
  notNumbers(column: string): Promise<NotNumbers>;
  /** Whether its rows are held in memory (a CSV up to `bigCsvInMemoryBytes`), parsed once, rather than scanned from the file by each query. */
  inMemory: boolean;
  /** The value columns held in memory: every number column, and the text columns some file in `specs/` names (namedColumns.ts). Empty when not held. */
  heldColumns: ReadonlySet<string>;
}

const CITATIONS = new Set(['source', 'quote', 'note', 'derived']);
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
/** Rows whose cells decide a CSV column's type (plainNumberColumns): its later cells are checked against it. */
const SAMPLE_ROWS = 1000;

/**
 * Opens a big table (src/bigtable/bigTableFile.ts says which files are):
 * checks its size, its `source` column (every distinct value resolved
 * against sources.csv, as CSV rows are), and, for a CSV, every cell of a
 * number column (numbers are plain: the first 1,000 rows decide the type).
 * Problems are diagnostics at `file:line:col` (CSV, located by streaming
 * the file once: src/bigtable/locateCells.ts) or `row N` (Parquet), at most
 * LIMITS.bigTableCellErrors bad cells then a count. The table is undefined
 * only when it cannot be read at all; nothing is held in memory row by row.
 */
export async function openBigTable(
  cwd: string,
  file: string,
  sources: Map<string, Source>,
): Promise<{ table?: BigTable; diagnostics: Diagnostic[] }> {
  const real = path.join(cwd, file);
  const kind = (await bigTableKind(file, real))!;
  const diagnostics: Diagnostic[] = [];
  const fail = (message: string, line?: number, column?: number) => {
    diagnostics.push({ file, ...(line !== undefined && { line }), ...(column !== undefined && { column }), severity: 'error', message });
    return { diagnostics };
  };
  const folder = kind === 'parquet-folder' ? await parquetFolderFiles(real) : { files: [real], links: [] };
  const files = folder.files;
  // polars' glob would follow a link out of the folder: refused, as a linked CSV is.
  if (folder.links.length) return fail(messages.load.bigTableUnreadable(file, `${folder.links[0]} is a symbolic link; copy the file into the folder`));
  if (!files.length) return fail(messages.load.bigTableUnreadable(file, 'the folder holds no .parquet file'));
  const bytes = await totalBytes(files);
  if (bytes > LIMITS.bigTableBytes) return fail(messages.load.bigTableTooLarge(file, bytes, LIMITS.bigTableBytes));

  // Hashed while polars scans (its threads and this one's reads overlap): the graphic's input hash and the cache key.
  const hashing = hashBigTable(files, kind === 'parquet-folder' ? real : undefined);
  hashing.catch(() => undefined);
  const pl = await loadPolars();
  const header = kind === 'csv' ? await headerLine(real) : '';
  const delimiter = kind === 'csv' ? headerDelimiter(header) : ',';
  // The header's fields where they are, for its errors: over the column limit (scanCsv stops at the first field past it), a name twice.
  let headerFields: ScannedField[] = [];
  if (kind === 'csv') {
    try {
      headerFields = scanCsv(header, delimiter)[0]?.fields ?? [];
    } catch (error) {
      if (error instanceof CsvLimitError) return fail(error.message, error.line, error.column);
      throw error;
    }
    // polars renames a second `value` to `value_duplicated_0` and reads on: refused, as a small CSV's is.
    const seen = new Map<string, number>();
    for (const [index, field] of headerFields.entries()) {
      const first = seen.get(field.text);
      if (first !== undefined) return fail(messages.load.duplicateHeader(field.text, first), field.line, field.column);
      seen.set(field.text, index + 1);
    }
  }
  let raw: LazyFrame;
  let sample;
  try {
    raw =
      kind === 'csv'
        ? pl.scanCSV(real, { hasHeader: true, inferSchemaLength: 0, sep: delimiter, quoteChar: '"' })
        : pl.scanParquet(kind === 'parquet' ? real : path.join(real, '**', '*.parquet'), { hivePartitioning: kind === 'parquet-folder' });
    sample = await raw.head(SAMPLE_ROWS).collect();
  } catch (error) {
    return fail(messages.load.bigTableUnreadable(file, polarsReason(error)));
  }
  const names = sample.columns;
  // The limit of a CSV's columns holds for every table: each value column is an expression in every query (a CSV's header was held to it above).
  if (names.length > LIMITS.columns) return fail(messages.load.tooManyColumns(LIMITS.columns));
  // polars reads `*` and `^…$` as patterns wherever a query names a column: such a column could not be read, and its checks would read other columns.
  const pattern = names.find((name) => name === '*' || (name.startsWith('^') && name.endsWith('$')));
  if (pattern !== undefined) {
    const field = headerFields.find((f) => f.text === pattern);
    return fail(messages.load.bigTablePatternName(pattern), field?.line, field?.column);
  }
  // `dtypes` is a getter that reads every column's type: read once, not once a column.
  const sampleTypes = sample.dtypes;
  const dtypes = new Map(names.map((name, i) => [name, sampleTypes[i]!.variant]));
  if (!dtypes.has('source')) return fail(messages.load.bigTableNoSource(file), kind === 'csv' ? 1 : undefined, kind === 'csv' ? 1 : undefined);
  if (!isText(dtypes.get('source')!)) return fail(messages.load.bigTableSourceNotText(dtypes.get('source')!));

  const columns = names.filter((name) => !CITATIONS.has(name));
  const types: Record<string, ColumnType> = Object.create(null);
  let plain = new Set<string>();
  try {
    if (kind === 'csv') plain = await plainNumberColumns(pl, sample, columns);
  } catch (error) {
    return fail(messages.load.bigTableUnreadable(file, polarsReason(error)));
  }
  for (const name of columns) types[name] = (kind === 'csv' ? plain.has(name) : isNumeric(dtypes.get(name)!)) ? 'number' : 'string';
  const ignored = names.filter((name) => CITATIONS.has(name) && name !== 'source');
  if (ignored.length) {
    // At the first of them in the header (column 1 if polars named it otherwise: a byte-order mark).
    const first = headerFields.find((field) => field.text === ignored[0]);
    const at = kind === 'csv' && { line: 1, column: first?.column ?? 1 };
    diagnostics.push({ file, ...at, severity: 'warning', message: messages.load.bigTableCitationColumnsIgnored(ignored) });
  }

  const headerIndex = new Map(names.map((name, i) => [name, i]));
  const lineOf = (row: number) => (kind === 'csv' ? row + 2 : row + 1);
  // Where to report row `row`'s cell of `column`: located in a CSV, "row N" in Parquet.
  const located: Array<{ at: CellAt; message: string }> = [];
  const report = (row: number, column: string, message: string) => located.push({ at: { row, column: headerIndex.get(column)! }, message });

  // A CSV small enough is parsed once and held, its number columns as Float64:
  // the validation and every chart then query memory instead of parsing the
  // text again (4 scans of 10M rows became 1). Each number cell's "not a
  // number" flag is computed in the same parse and dropped after the validation.
  const numberColumns = kind === 'csv' ? columns.filter((name) => types[name] === 'number') : [];
  // Number columns are held whatever the specs say (every cell is checked); a text column only when a spec names it.
  const holding = kind === 'csv' && bytes <= bigCsvInMemoryBytes();
  const named = holding ? await columnsNamedInSpecs(cwd, columns) : new Set<string>();
  const heldColumns = new Set(holding ? columns.filter((name) => types[name] === 'number' || named.has(name)) : []);
  // Each number column's flags, `CHECK.notNumber + name` (numberColumnChecks.ts: every column's checks are one expression).
  const flags = checkNames(CHECK.notNumber, numberColumns);
  let held: Frame | undefined;
  if (holding) {
    try {
      held = await raw
        // `quote`, `note` and `derived` are not carried (a warning says so): not held either.
        .select(pl.cols(['source', ...heldColumns]))
        .withColumns(...(numberColumns.length ? [asNumbers(pl, numberColumns), notNumberCells(pl, numberColumns).prefix(CHECK.notNumber)] : []))
        .collect();
    } catch (error) {
      return fail(messages.load.bigTableUnreadable(file, polarsReason(error)));
    }
  }
  const scan = (): LazyFrame => (held ? held.lazy() : raw);

  // The columns by how a query reads them, each kind one expression over its columns (numberColumnChecks.ts says why).
  const readAs = (name: string) => {
    const dtype = dtypes.get(name)!;
    return types[name] === 'number' ? 'number' : /^Date$/.test(dtype) ? 'date' : isText(dtype) ? 'text' : 'other';
  };
  const frame = (needed: readonly string[] = columns) => {
    const fromMemory = held !== undefined && needed.every((name) => heldColumns.has(name));
    const read = fromMemory ? columns.filter((name) => heldColumns.has(name)) : columns;
    const of = (kind: string) => read.filter((name) => readAs(name) === kind);
    const cells: Expr[] = [];
    if (of('number').length) cells.push(asNumbers(pl, of('number')));
    if (of('date').length) cells.push(pl.cols(of('date')).dt.strftime('%Y-%m-%d'));
    if (of('text').length) cells.push(pl.cols(of('text')));
    if (of('other').length) cells.push(pl.cols(of('other')).cast(pl.Utf8));
    // Then back in the file's order.
    return (fromMemory ? held!.lazy() : raw).withRowIndex(ROW).select(pl.col(ROW), pl.col('source'), ...cells).select(pl.cols([ROW, 'source', ...read]));
  };

  let rows = 0;
  const wholeSums = new Set<string>();
  const rowsBySource = new Map<string, number>();
  try {
    // One pass over the file: each distinct source value with its first row
    // and row count, and how many cells of each number column are not numbers.
    const numbers = columns.filter((name) => types[name] === 'number');
    // Bad cells, and cells that are not whole numbers and the largest |value|: may polars sum the column in any order?
    const checks = numberChecks(pl, numberColumns, numbers, held !== undefined);
    // From the file, one pass computes everything by source; in memory the checks' totals
    // are a second, cheaper query (no group to keep them in: 0.2 s less for 10M rows).
    // In memory both queries run at once: each alone leaves one of polars' threads idle part of the time.
    const [bySource, totals] = await Promise.all([
      scan()
        .withRowIndex(ROW)
        .groupBy('source')
        .agg(pl.col(ROW).min().alias('first'), pl.len().alias('rows'), ...(held ? [] : checks))
        .sort('first')
        .collect(),
      held && checks.length ? scan().select(...checks).collect() : undefined,
    ]);
    const found = await checkTotals(pl, totals ?? bySource, numberColumns, numbers, !held);
    // The flags dropped by keeping the rest (nodejs-polars drops a list name by name, copying the frame each time); at most LIMITS.columns names.
    if (held && numberColumns.length) held = held.select('source', ...heldColumns);
    const allRows = (bySource.getColumn('rows').toArray() as unknown[]).reduce<number>((a, b) => a + Number(b ?? 0), 0);
    for (const name of numbers) {
      if (found.get(CHECK.fraction + name) === 0 && found.get(CHECK.largest + name)! * allRows < 2 ** 53) wholeSums.add(name);
    }
    const values = bySource.getColumn('source').toArray() as (string | null)[];
    const firsts = bySource.getColumn('first').toArray() as number[];
    const counts = bySource.getColumn('rows').toArray() as number[];
    const badCells = flags.reduce((sum, name) => sum + found.get(name)!, 0);

    // 1. Bad numbers: the first few located (a second pass, only when there are any), the rest counted.
    if (badCells) {
      const anyBad = pl.anyHorizontal(notNumberCells(pl, numberColumns));
      const badRows = await raw.withRowIndex(ROW).filter(anyBad).select(pl.cols([ROW, ...numberColumns])).head(LIMITS.bigTableCellErrors).collect();
      let reported = 0;
      // Each row is [row, ...its number cells in numberColumns' order].
      for (const [row, ...cells] of badRows.rows() as [number, ...(string | null)[]][]) {
        numberColumns.forEach((name, c) => {
          const text = cells[c];
          if (text !== null && text !== undefined && !isFiniteNumber(text) && reported < LIMITS.bigTableCellErrors) {
            reported += 1;
            report(row, name, messages.load.bigTableNotANumber(text, name));
          }
        });
      }
      if (badCells > reported) diagnostics.push({ file, severity: 'error', message: messages.load.bigTableMoreCellErrors(badCells - reported, LIMITS.bigTableCellErrors) });
    }
    // 2. Every distinct source value, resolved once, reported at its first row.
    if (values.length > LIMITS.bigTableSourceValues) {
      report(firsts[LIMITS.bigTableSourceValues]!, 'source', messages.load.bigTableTooManySourceValues(LIMITS.bigTableSourceValues));
    } else {
      values.forEach((value, i) => {
        rows += counts[i]!;
        const found: Diagnostic[] = [];
        const ids = resolveSourceIds(file, { text: value ?? '', line: 0, column: 0 }, sources, found);
        for (const id of new Set(ids)) rowsBySource.set(id, (rowsBySource.get(id) ?? 0) + counts[i]!);
        for (const problem of found) {
          const empty = ids.length === 0;
          report(firsts[i]!, 'source', empty ? messages.load.bigTableEmptySources(counts[i]!) : problem.message);
        }
      });
    }
  } catch (error) {
    return fail(messages.load.bigTableUnreadable(file, polarsReason(error)));
  }

  // 3. Positions: one pass over a CSV for all of them; Parquet rows by number.
  if (located.length) {
    const positions = kind === 'csv' ? await locateCells(real, located.map((l) => l.at), delimiter) : new Map();
    for (const { at, message } of located) {
      const where = positions.get(`${at.row}:${at.column}`);
      diagnostics.push(
        where
          ? { file, line: where.line, column: where.column, severity: 'error', message }
          : { file, severity: 'error', message: messages.load.bigTableAtRow(lineOf(at.row), message) },
      );
    }
  }
  let sha256: string;
  try {
    sha256 = await hashing;
  } catch (error) {
    return fail(messages.load.bigTableUnreadable(file, polarsReason(error)));
  }
  const looked = new Map<string, Promise<NotNumbers>>();
  const notNumbers = (column: string) => {
    let found = looked.get(column);
    if (!found) {
      found = findNotNumbers(pl, frame([column]), column, lineOf, kind === 'csv' ? { file: real, delimiter, index: headerIndex.get(column)! } : undefined);
      looked.set(column, found);
    }
    return found;
  };
  return { table: { file, kind, columns, types, rows, rowsBySource, wholeSums, sha256, frame, lineOf, polars: pl, notNumbers, inMemory: held !== undefined, heldColumns: held ? heldColumns : new Set<string>() }, diagnostics };
}

const isText = (dtype: string) => /^(String|Utf8)$/i.test(dtype);
const isNumeric = (dtype: string) => /^(U?Int(8|16|32|64)|Float(32|64)|Decimal.*)$/i.test(dtype);
const isFiniteNumber = (text: string) => PLAIN_NUMBER.test(text) && Number.isFinite(Number(text));

/** A CSV's first line (up to 64 KiB), its header. */
async function headerLine(real: string): Promise<string> {
  const handle = await open(real);
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').split('\n')[0]!.replace(/\r$/, '');
  } finally {
    await handle.close();
  }
}

/** A CSV's separator, read from its header line: "," unless the line has none and has ";" or a tab. */
function headerDelimiter(header: string): string {
  if (header.includes(',')) return ',';
  return header.includes(';') ? ';' : header.includes('\t') ? '\t' : ',';
}
