// Sidecar details beyond the spreadsheet fixtures: each declared type, the
// checks on the sidecar itself, and the hints a declared column gives.
import { describe, expect, test } from 'vitest';
import { readCitedTable } from '../../src/load/index.js';
import type { Source } from '../../src/model.js';
import { format, project } from '../helpers/project.js';

const sources = new Map([['s', { id: 's' } as Source]]);

async function read(csv: string, schema?: unknown) {
  const files: Record<string, string> = { 'data/t.csv': csv };
  if (schema !== undefined) files['data/t.schema.json'] = typeof schema === 'string' ? schema : JSON.stringify(schema, null, 2);
  const cwd = await project(files);
  const { table, diagnostics } = await readCitedTable(cwd, 'data/t.csv', sources);
  return { table, messages: format(diagnostics) };
}

describe('declared types', () => {
  test('boolean, date, yearmonth and year: checked cell by cell', async () => {
    const { table, messages } = await read('ok,day,month,year,source\nTRUE,2024-02-29,2024-02,2024,s\n0,2023-02-29,2024-13,2024.5,s\nyes,29/02/2024,2024,1999,s\n', {
      fields: [
        { name: 'ok', type: 'boolean' },
        { name: 'day', type: 'date' },
        { name: 'month', type: 'yearmonth' },
        { name: 'year', type: 'year' },
      ],
    });
    expect(table?.types).toEqual({ ok: 'string', day: 'string', month: 'string', year: 'number' });
    expect(table?.rows.map((r) => r.values)).toEqual([
      { ok: 'true', day: '2024-02-29', month: '2024-02', year: 2024 },
      { ok: 'false', day: null, month: null, year: null },
      { ok: null, day: null, month: null, year: 1999 },
    ]);
    expect(messages).toEqual([
      'data/t.csv:3:3: error: "2023-02-29" in column "day" is not a valid date; write it as YYYY-MM-DD',
      'data/t.csv:3:14: error: "2024-13" in column "month" is not a valid yearmonth',
      'data/t.csv:3:22: error: "2024.5" in column "year" is not a valid year',
      'data/t.csv:4:1: error: "yes" in column "ok" is not a valid boolean; write true or false (or 1 / 0)',
      'data/t.csv:4:5: error: "29/02/2024" in column "day" is not a valid date; write it as YYYY-MM-DD',
      'data/t.csv:4:16: error: "2024" in column "month" is not a valid yearmonth',
    ]);
  });

  test('a declared number column says which setting would read the cell', async () => {
    const { messages } = await read('a,b,source\n90%,"1,234",s\n', { fields: [{ name: 'a', type: 'number' }, { name: 'b', type: 'number' }] });
    expect(messages).toEqual([
      'data/t.csv:2:1: error: "90%" in column "a" is not a valid number; to allow signs like "%" or "€" around the number set "bareNumber": false for the column',
      'data/t.csv:2:5: error: "1,234" in column "b" is not a valid number; if "," or " " groups thousands, set "groupChar" for the column (and "decimalChar" if the decimal mark is ",")',
    ]);
  });

  test('a field without a type is inferred, and its constraints still apply; enums of numbers compare as numbers', async () => {
    const { table, messages } = await read('n,source\n1.0,s\n3,s\n', { fields: [{ name: 'n', constraints: { enum: [1, 2] } }] });
    expect(table?.types).toEqual({ n: 'number' });
    expect(messages).toEqual(['data/t.csv:3:1: error: "3" in column "n" is not one of the values its sidecar allows (1, 2)']);
  });
});

describe('inferred columns', () => {
  test('a grouped figure beyond 2^53 is an error, not a rounded number', async () => {
    const { table, messages } = await read('v,source\n"9,007,199,254,740,993",s\n5,s\n');
    expect(table?.rows.map((r) => r.values.v)).toEqual([null, 5]);
    expect(messages).toEqual([
      'data/t.csv:2:1: error: "9,007,199,254,740,993" in column "v" has more digits than a number keeps exactly (beyond 2^53); declare the column "type": "string" if it is an identifier',
    ]);
  });


  test('a column that mixes decimal marks: the first one shown wins, the others are errors', async () => {
    const { table, messages } = await read('v,source\n1.5,s\n"2,5",s\n"1,234",s\n', undefined);
    expect(table?.rows.map((r) => r.values.v)).toEqual([1.5, null, 1234]);
    expect(messages).toEqual([
      'data/t.csv:3:1: error: "2,5" in column "v" uses a different decimal mark than the column\'s other cells ("."); write all of them alike, or declare "decimalChar" and "groupChar" for the column in its sidecar',
    ]);
  });

  test('a percent column with a cell that lacks "%": a warning at that cell', async () => {
    const { table, messages } = await read('v,source\n90%,s\n10,s\n5%,s\n');
    expect(table?.columnInfo?.v?.percent).toBe(true);
    expect(messages).toEqual([
      'data/t.csv:3:1: warning: "10" has no "%" but most cells of column "v" do; write every cell of the column alike',
    ]);
  });
});

describe('the sidecar itself', () => {
  test('unknown encoding, a field declared twice, equal decimal and group chars, a broken pattern', async () => {
    const schema =
      '{\n  "encoding": "klingon",\n  "fields": [\n    {"name": "v", "type": "number", "groupChar": "."},\n' +
      '    {"name": "v"},\n    {"name": "w", "constraints": {"pattern": "("}}\n  ]\n}\n';
    const { table, messages } = await read('v,w,source\n1,a,s\n', schema);
    expect(messages).toEqual([
      'data/t.schema.json:2:3: error: unknown encoding "klingon"; use a name such as "utf-8", "windows-1252" or "iso-8859-15"',
      'data/t.schema.json:4:37: error: "decimalChar" and "groupChar" must differ',
      'data/t.schema.json:5:6: error: field "v" is declared twice',
      'data/t.schema.json:6:35: error: "pattern" "(" is not a valid regular expression',
    ]);
    // An invalid sidecar is not applied: the table is inferred and read as UTF-8.
    expect(table?.rows[0]?.values).toEqual({ v: 1, w: 'a' });
  });

  test('a required property missing, and wrong JSON types, at their positions', async () => {
    const { messages } = await read('v,source\n1,s\n', '{\n  "fields": [{"type": "number"}],\n  "missingValues": "NA"\n}\n');
    expect(messages).toEqual([
      'data/t.schema.json:2:14: error: invalid table schema: fields[0] needs "name"',
      'data/t.schema.json:3:3: error: invalid table schema: missingValues must be array',
    ]);
  });
});

test('an encoding declared for a file that is UTF-8 after all is a warning; the table records its sidecar', async () => {
  const { table, messages } = await read('city,source\nZürich,s\n', { encoding: 'windows-1252', fields: [] });
  expect(messages).toEqual([
    'data/t.csv: warning: the sidecar declares the encoding "windows-1252", but the file reads as UTF-8, so accented letters would come out garbled (é as Ã©); remove "encoding" from the sidecar',
  ]);
  expect(table?.rows[0]?.values.city).toBe('ZÃ¼rich');
  expect(table?.sidecar).toBe('data/t.schema.json');
});

test('a file re-saved as "CSV UTF-8" (byte-order mark) is read as UTF-8 whatever the sidecar declares, with a warning', async () => {
  const { table, messages } = await read('\uFEFFcity,source\nZürich,s\n', { encoding: 'windows-1252', fields: [] });
  expect(messages).toEqual([
    'data/t.csv: warning: the sidecar declares the encoding "windows-1252", but the file starts with a UTF-8 byte-order mark, so it is read as UTF-8; remove "encoding" from the sidecar',
  ]);
  expect(table?.columns).toEqual(['city']); // not "ï»¿city"
  expect(table?.rows[0]?.values.city).toBe('Zürich');
});

test('a declared separator the header does not use is one error saying which it uses, not a cascade', async () => {
  const { table, messages } = await read('city,n,source\nZürich,1,s\n', { dialect: { delimiter: ';' }, fields: [] });
  expect(messages).toEqual([
    'data/t.csv:1:1: error: the sidecar declares the separator ";", but the header is one column with "," in it; fix "dialect" in the table\'s sidecar (or remove it to detect the separator)',
  ]);
  expect(table).toBeUndefined();
  // A one-column header with no other separator in it is left to the usual checks.
  expect((await read('city\nZürich\n', { dialect: { delimiter: ';' }, fields: [] })).messages).not.toContainEqual(expect.stringMatching(/declares the separator/));
});

test('missingValues are neither numbers nor text when a column is inferred', async () => {
  const { table, messages } = await read('v,source\n1,s\nn/a,s\nn/a,s\n', { missingValues: ['', 'n/a'], fields: [] });
  expect(messages).toEqual([]);
  expect(table?.types).toEqual({ v: 'number' });
  expect(table?.rows.map((r) => r.values.v)).toEqual([1, null, null]);
});

test('UTF-16 (Excel "Unicode Text", tab-separated): named when undeclared, read when declared', async () => {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('city\tsource\r\nZürich\ts\r\n', 'utf16le')]);
  const undeclared = await project({ 'data/t.csv': bytes });
  expect(format((await readCitedTable(undeclared, 'data/t.csv', sources)).diagnostics)).toEqual([
    'data/t.csv:1:1: error: the file is UTF-16 (utf-16le, as Excel\'s "Unicode Text" saves it), not UTF-8; save it as "CSV UTF-8", or declare {"encoding": "utf-16le"} in the table\'s sidecar',
  ]);
  const declared = await project({
    'data/t.csv': bytes,
    'data/t.schema.json': JSON.stringify({ encoding: 'utf-16le', dialect: { delimiter: '\t' }, fields: [] }),
  });
  const { table, diagnostics } = await readCitedTable(declared, 'data/t.csv', sources);
  expect(format(diagnostics)).toEqual([]);
  expect(table?.rows.map((r) => [r.line, r.values.city, r.sources])).toEqual([[2, 'Zürich', ['s']]]);
});

