// CSVs as spreadsheet programs really save them: one fixture file apiece in
// tests/fixtures/spreadsheets/ (bytes as Excel or LibreOffice write them; see
// the README there), each either loaded with the values asserted here or
// refused with the exact diagnostic.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readCitedTable, readSources } from '../../src/load/index.js';
import { format, project, sourcesCsv } from '../helpers/project.js';

const DIR = fileURLToPath(new URL('../fixtures/spreadsheets/', import.meta.url));

/** Loads fixture NAME.csv (and NAME.schema.json when there is one) as data/NAME.csv of a project citing `stats`. */
async function load(name: string) {
  const files: Record<string, Uint8Array | string> = {
    'data/sources.csv': sourcesCsv('stats'),
    [`data/${name}.csv`]: readFileSync(`${DIR}${name}.csv`),
  };
  if (existsSync(`${DIR}${name}.schema.json`)) files[`data/${name}.schema.json`] = readFileSync(`${DIR}${name}.schema.json`);
  const cwd = await project(files);
  const { sources } = await readSources(cwd);
  const { table, diagnostics } = await readCitedTable(cwd, `data/${name}.csv`, sources);
  return {
    table,
    messages: format(diagnostics),
    /** [line, value] of every row for `column`. */
    column: (column: string) => table?.rows.map((r) => [r.line, r.values[column]]),
  };
}

describe('encodings and line ends', () => {
  test('UTF-8 with a byte-order mark (Excel "CSV UTF-8"): the BOM is not part of the first column name', async () => {
    const { table, messages } = await load('bom');
    expect(messages).toEqual([]);
    expect(table?.columns).toEqual(['country', 'exports']);
    expect(table?.rows.map((r) => [r.line, r.values, r.sources])).toEqual([
      [2, { country: 'Norway', exports: 120 }, ['stats']],
      [3, { country: 'Chile', exports: 85 }, ['stats']],
    ]);
  });

  test('CRLF line ends: no \\r in values, positions right', async () => {
    const { column, messages } = await load('crlf');
    expect(column('exports')).toEqual([[2, 120], [3, null], [4, 40]]);
    expect(messages).toEqual([
      'data/crlf.csv:3:7: error: "oops" is not a number, but column "exports" holds numbers; write it as e.g. 90 or 1234.5',
    ]);
  });

  test('Windows-1252 bytes without a declaration: refused at the first bad byte, naming the encoding', async () => {
    const { table, messages } = await load('windows-1252');
    expect(table).toBeUndefined();
    expect(messages).toEqual([
      'data/windows-1252.csv:2:2: error: the file is not valid UTF-8: byte 0xFC here ("ü" in Windows-1252, as older Excel saves "CSV"); ' +
        'save it as "CSV UTF-8", or declare the encoding in the table\'s sidecar: {"encoding": "windows-1252", "fields": [...]}',
    ]);
  });

  test('Windows-1252 declared in the sidecar: decoded, € (byte 0x80) included', async () => {
    const { column, messages } = await load('windows-1252-declared');
    expect(messages).toEqual([]);
    expect(column('city')).toEqual([[2, 'Zürich'], [3, 'São Paulo'], [4, 'Café €']]);
  });
});

describe('separators', () => {
  test('";" (European Excel) detected when header and rows agree; "," is then the decimal mark', async () => {
    const { table, column, messages } = await load('semicolon');
    expect(messages).toEqual([]);
    expect(table?.columns).toEqual(['Land', 'Anteil']);
    expect(column('Anteil')).toEqual([[2, 12.5], [3, 3.25], [4, 7]]);
    expect(table?.rows.map((r) => r.sources)).toEqual([['stats'], ['stats'], ['stats']]);
  });

  test('";" with a short row is not guessed: the file is refused with how to declare it', async () => {
    const { table, messages } = await load('semicolon-ragged');
    expect(table).toBeUndefined();
    expect(messages).toEqual([
      'data/semicolon-ragged.csv:1:1: error: the header looks separated by ";" but the rows do not all split into as many cells; ' +
        'save the file as comma-separated CSV, or declare the separator in the table\'s sidecar: {"dialect": {"delimiter": ";"}, "fields": [...]}',
    ]);
  });

  test('";" declared in the sidecar: the same bytes load, and the short row is reported where it is', async () => {
    const { column, messages } = await load('semicolon-declared');
    expect(column('Anteil')).toEqual([[2, 12.5]]);
    expect(messages).toEqual([
      'data/semicolon-declared.csv:3:1: error: row has 2 cells but the header has 3; check for a missing or extra separator',
    ]);
  });
});

describe('quoting and shape', () => {
  test('quoted cells with embedded (CRLF) newlines and doubled quotes; later rows keep their line numbers', async () => {
    const { table, messages } = await load('multiline');
    expect(table?.rows.map((r) => [r.line, r.values.label, r.quote])).toEqual([
      [2, 'Line one\r\nline two', 'He said "90%" of it\r\nand left'],
      [5, 'plain', ''],
      [6, 'a, b', ''],
    ]);
    expect(messages).toEqual([
      'data/multiline.csv:6:8: error: "oops" is not a number, but column "value" holds numbers; write it as e.g. 90 or 1234.5',
    ]);
  });

  test('empty columns right of the table and empty rows below it (",,," tails) are dropped silently', async () => {
    const { table, messages } = await load('trailing-empty');
    expect(messages).toEqual([]);
    expect(table?.columns).toEqual(['country', 'exports']);
    expect(table?.rows.map((r) => [r.line, r.values])).toEqual([
      [2, { country: 'Norway', exports: 120 }],
      [3, { country: 'Chile', exports: 85 }],
    ]);
  });

  test('a header name twice is an error at the second one', async () => {
    const { table, messages } = await load('duplicate-header');
    expect(messages).toEqual([
      'data/duplicate-header.csv:1:15: error: column "value" appears twice in the header (first as column 2): rename one, every column needs a distinct name',
    ]);
    expect(table?.rows[0]?.values).toEqual({ country: 'Norway', value: 1 });
  });

  test('headers with "." and "[" are ordinary column names', async () => {
    const { table, messages } = await load('dotted-header');
    expect(messages).toEqual([]);
    expect(table?.types).toEqual({ country: 'string', 'GDP (US$ bn.)': 'number', 'share[%]': 'number' });
    expect(table?.rows.map((r) => r.values['share[%]'])).toEqual([3.5, 2.25]);
  });
});

describe('figures as spreadsheets format them', () => {
  test('"90%", "7 %" and "2,5\\u00a0%" are percentage points, and the column is marked as percent', async () => {
    const { table, column, messages } = await load('percent');
    expect(messages).toEqual([]);
    expect(column('share')).toEqual([[2, 90], [3, 7], [4, 2.5]]);
    expect(table?.columnInfo?.share).toEqual({ type: 'number', percent: true });
  });

  test('"1,234" reads as thousands when other cells of the column show "," groups thousands', async () => {
    const { column, messages } = await load('thousands');
    expect(messages).toEqual([]);
    expect(column('amount')).toEqual([[2, 1234], [3, 1234567], [4, 2500.75]]);
  });

  test('"1,234" with nothing to tell is not guessed: an error that says how to declare it', async () => {
    const { column, messages } = await load('ambiguous-comma');
    expect(column('amount')).toEqual([[2, null], [3, null], [4, 12]]);
    expect(messages).toEqual([
      'data/ambiguous-comma.csv:2:3: error: "1,234" in column "amount" is ambiguous: 1234 if "," groups thousands, 1.234 if it is the decimal mark; ' +
        'declare it in data/ambiguous-comma.schema.json: {"name": "amount", "type": "number", "groupChar": ","} or {..., "decimalChar": ","}',
      'data/ambiguous-comma.csv:3:3: error: "2,500" in column "amount" is ambiguous: 2500 if "," groups thousands, 2.5 if it is the decimal mark; ' +
        'declare it in data/ambiguous-comma.schema.json: {"name": "amount", "type": "number", "groupChar": ","} or {..., "decimalChar": ","}',
    ]);
  });

  test('the same cells with "groupChar": "," declared read as thousands', async () => {
    const { column, messages } = await load('ambiguous-comma-declared');
    expect(messages).toEqual([]);
    expect(column('amount')).toEqual([[2, 1234], [3, 2500], [4, 12]]);
  });

  test('French Excel: "decimalChar": "," and "groupChar": " " (matching the narrow no-break space)', async () => {
    const { column, messages } = await load('french');
    expect(messages).toEqual([]);
    expect(column('montant')).toEqual([[2, 1234.5], [3, 1.234], [4, 12000]]);
  });

  test('thousands separated by no-break, narrow no-break and plain spaces', async () => {
    const { column, messages } = await load('spaces');
    expect(messages).toEqual([]);
    expect(column('amount')).toEqual([[2, 1234], [3, 1234567], [4, 1000]]);
  });

  test('Unicode minus and accounting parentheses are negative; "(−5)" is refused rather than guessed', async () => {
    const { column, messages } = await load('negatives');
    expect(column('change')).toEqual([[2, -5], [3, -5], [4, -5], [5, 5], [6, null]]);
    expect(messages).toEqual([
      'data/negatives.csv:6:3: error: "(−5)" is not a number, but column "change" holds numbers; write it as e.g. 90 or 1234.5',
    ]);
  });

  test('ids longer than a double keeps exactly stay text, every digit kept', async () => {
    const { table, messages } = await load('long-ids');
    expect(messages).toEqual([]);
    expect(table?.types.tweet).toBe('string');
    expect(table?.rows.map((r) => r.values.tweet)).toEqual(['1790123456789012345', '1790123456789012399']);
  });
});

test('cells starting with =, + or @ are kept literally with a warning; +5 and -5 in a number column are numbers', async () => {
  const { table, messages } = await load('formulas');
  expect(table?.rows.map((r) => [r.line, r.values.label, r.values.value, r.note])).toEqual([
    [2, '=SUM(B2:B3)', 5, ''],
    [3, '@risk', 5, ''],
    [4, '+44 20 7946 0000', -5, '=HYPERLINK("http://x")'],
    [5, 'plain', null, ''],
  ]);
  const formula = (value: string) =>
    `${JSON.stringify(value)} looks like a spreadsheet formula; it is shown as this text, never calculated: paste the value if a figure was meant`;
  expect(messages).toEqual([
    `data/formulas.csv:2:1: warning: ${formula('=SUM(B2:B3)')}`,
    `data/formulas.csv:3:1: warning: ${formula('@risk')}`,
    `data/formulas.csv:4:1: warning: ${formula('+44 20 7946 0000')}`,
    `data/formulas.csv:4:27: warning: ${formula('=HYPERLINK("http://x")')}`,
    // Written unquoted, its quotes are read as characters of the cell (src/load/readCsv.ts).
    expect.stringMatching(/^data\/formulas\.csv:4:38: warning: a quote \(\"\) inside a cell that does not start with one is read as part of its text/),
    'data/formulas.csv:5:7: error: "=B2*2" in number column "value" is a spreadsheet formula, not its result; citechart never calculates formulas: paste the value',
  ]);
});

describe('Table Schema sidecars', () => {
  test('constraints, missing values, integers, bareNumber and a declared field the CSV lacks', async () => {
    const { table, messages } = await load('constraints');
    expect(table?.rows.map((r) => r.values)).toEqual([
      { region: 'North', count: 12, share: 45.5, price: 5, status: 'final', id: null },
      { region: 'South', count: null, share: 101, price: 7, status: 'draft', id: 2 },
      { region: 'east', count: null, share: -1, price: 8, status: 'unknown', id: 3 },
      { region: null, count: 4, share: 50, price: 9, status: 'final', id: null },
    ]);
    expect(table?.columnInfo?.count).toEqual({ type: 'number', percent: false, declared: 'integer' });
    expect(messages).toEqual([
      'data/constraints.csv:2:24: error: "12345678901234567890" in column "id" has more digits than a number keeps exactly (beyond 2^53); declare the column "type": "string" if it is an identifier',
      'data/constraints.csv:3:7: error: "12.5" in column "count" is not a valid integer',
      'data/constraints.csv:3:12: error: "101" in column "share" is above the maximum 100 its sidecar allows',
      'data/constraints.csv:4:1: error: "east" in column "region" does not match the pattern "[A-Z][a-z]+" its sidecar requires',
      'data/constraints.csv:4:6: error: column "count" is required by its sidecar but this cell is empty',
      'data/constraints.csv:4:10: error: "-1" in column "share" is below the minimum 0 its sidecar allows',
      'data/constraints.csv:4:15: error: "unknown" in column "status" is not one of the values its sidecar allows ("final", "draft")',
      'data/constraints.csv:5:1: error: column "region" is required by its sidecar but this cell is empty',
      'data/constraints.csv:5:16: error: "9007199254740993" in column "id" has more digits than a number keeps exactly (beyond 2^53); declare the column "type": "string" if it is an identifier',
      'data/constraints.schema.json:51:7: error: field "population" is declared here but data/constraints.csv has no such column; check the header\'s spelling',
    ]);
  });

  test('a sidecar outside the supported subset: each problem at its line and column; the table is still inferred', async () => {
    const { table, messages } = await load('bad-sidecar');
    expect(messages).toEqual([
      'data/bad-sidecar.schema.json:3:25: error: invalid table schema: fields[0].type must be one of "string", "number", "integer", "boolean", "date", "yearmonth", "year", "any"',
      'data/bad-sidecar.schema.json:4:41: error: invalid table schema: fields[1].constraints has no setting "minimun" (citechart reads a subset of Frictionless Table Schema; see the README)',
      'data/bad-sidecar.schema.json:5:25: error: invalid table schema: fields[2].decimalChar must NOT have more than 1 characters',
    ]);
    expect(table?.types).toEqual({ country: 'string', exports: 'number' });
  });
});
