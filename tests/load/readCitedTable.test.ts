import { describe, expect, test } from 'vitest';
import { readCitedTable, readSources } from '../../src/load/index.js';
import { format, project, sourcesCsv } from '../helpers/project.js';
import * as messages from '../../src/messages.js';

async function read(files: Record<string, string>) {
  const cwd = await project({ 'data/sources.csv': sourcesCsv('reuters-2024-china-russia', 'ap'), ...files });
  const { sources } = await readSources(cwd);
  const { table, diagnostics } = await readCitedTable(cwd, 'data/t.csv', sources);
  return { table, messages: format(diagnostics) };
}

describe('citations', () => {
  test('splits citation columns from value columns; several sources per row', async () => {
    const { table, messages } = await read({
      'data/t.csv':
        'origin,quote,share,source,note,derived\n' +
        'China,"""90%"" of imports",90,reuters-2024-china-russia,,\n' +
        'Other,,10,reuters-2024-china-russia; ap,Rounded,100 − 90\n',
    });
    expect(messages).toEqual([]);
    expect(table).toEqual({
      file: 'data/t.csv',
      columns: ['origin', 'share'],
      types: { origin: 'string', share: 'number' },
      columnInfo: { origin: { type: 'string', percent: false }, share: { type: 'number', percent: false } },
      rows: [
        {
          index: 0,
          line: 2,
          values: { origin: 'China', share: 90 },
          positions: { origin: { line: 2, column: 1 }, share: { line: 2, column: 28 } },
          sources: ['reuters-2024-china-russia'],
          quote: '"90%" of imports',
          note: '',
          derived: '',
        },
        {
          index: 1,
          line: 3,
          values: { origin: 'Other', share: 10 },
          positions: { origin: { line: 3, column: 1 }, share: { line: 3, column: 8 } },
          sources: ['reuters-2024-china-russia', 'ap'],
          quote: '',
          note: 'Rounded',
          derived: '100 − 90',
          textPositions: { note: { line: 3, column: 41 }, derived: { line: 3, column: 49 } },
        },
      ],
      headerPositions: { origin: { line: 1, column: 1 }, share: { line: 1, column: 14 } },
    });
  });

  test('no source column', async () => {
    const { table, messages } = await read({ 'data/t.csv': 'v\n1\n' });
    expect(messages).toEqual([
      'data/t.csv:1:1: error: no "source" column: every data row must cite a source id from data/sources.csv',
    ]);
    expect(table?.rows.map((r) => r.sources)).toEqual([[]]);
  });

  test('empty source cells, unknown ids with and without a suggestion', async () => {
    const { table, messages } = await read({
      'data/t.csv': 'v,source\n1,\n2, ; \n3,ap;reuters-2024-china-rusia\n4,nytimes\n',
    });
    expect(messages).toEqual([
      'data/t.csv:2:3: error: the "source" cell is empty: every figure must cite a source id from data/sources.csv',
      'data/t.csv:3:3: error: the "source" cell is empty: every figure must cite a source id from data/sources.csv',
      'data/t.csv:4:3: error: unknown source id "reuters-2024-china-rusia": it is not in data/sources.csv; did you mean "reuters-2024-china-russia"?',
      'data/t.csv:5:3: error: unknown source id "nytimes": it is not in data/sources.csv',
    ]);
    expect(table?.rows.map((r) => r.sources)).toEqual([[], [], ['ap', 'reuters-2024-china-rusia'], ['nytimes']]);
  });
});

describe('column types', () => {
  test('a column is numbers when more than half of its non-empty cells are; the others are errors', async () => {
    const { table, messages } = await read({
      'data/t.csv': 'a,b,c,source\n1,x,,ap\n 2.5 ,1,,ap\nninety,2,,ap\n,y,,ap\n-1e2,z,,ap\n',
    });
    expect(table?.types).toEqual({ a: 'number', b: 'string', c: 'string' });
    expect(table?.rows.map((r) => r.values)).toEqual([
      { a: 1, b: 'x', c: null },
      { a: 2.5, b: '1', c: null },
      { a: null, b: '2', c: null },
      { a: null, b: 'y', c: null },
      { a: -100, b: 'z', c: null },
    ]);
    expect(messages).toEqual([
      'data/t.csv:4:1: error: "ninety" is not a number, but column "a" holds numbers; write it as e.g. 90 or 1234.5',
    ]);
  });

  test('exactly half numbers is numbers: one mistyped figure in two rows is an error, not a text column', async () => {
    const { table, messages } = await read({ 'data/t.csv': 'a,source\n1,ap\nn/a,ap\n' });
    expect(table?.types).toEqual({ a: 'number' });
    expect(messages).toEqual([
      'data/t.csv:3:1: error: "n/a" is not a number, but column "a" holds numbers; for a cell with no value, leave it empty, or declare the marker in the table\'s sidecar data/NAME.schema.json: {"missingValues": ["", "n/a"], "fields": []}',
    ]);
  });

  test('codes with leading zeros stay text, so "01" is not shown as 1', async () => {
    const { table, messages } = await read({ 'data/t.csv': 'fips,n,source\n01,5,ap\n02,6,ap\n10,7,ap\n' });
    expect(table?.types).toEqual({ fips: 'string', n: 'number' });
    expect(table?.rows.map((r) => r.values.fips)).toEqual(['01', '02', '10']);
    expect(messages).toEqual([]);
  });

  test('a number too large for a double is an error, not Infinity', async () => {
    const { messages } = await read({ 'data/t.csv': 'n,source\n5,ap\n1e400,ap\n' });
    expect(messages).toEqual(['data/t.csv:3:1: error: "1e400" in column "n" is too large to be a number']);
  });

  test('fewer than half numbers is text', async () => {
    const { table, messages } = await read({ 'data/t.csv': 'a,source\n1,ap\nn/a,ap\nx,ap\n' });
    expect(table?.types).toEqual({ a: 'string' });
    expect(messages).toEqual([]);
  });

  test('a schema sidecar decides the types; its number columns are checked cell by cell', async () => {
    const { table, messages } = await read({
      'data/t.csv': 'code,n,i,source\n001,x,7,ap\n002,y,8,ap\n',
      'data/t.schema.json': JSON.stringify({
        fields: [
          { name: 'code', type: 'string' },
          { name: 'n', type: 'number' },
          { name: 'i', type: 'integer' },
          { name: 'source', type: 'integer' },
        ],
      }),
    });
    expect(table?.types).toEqual({ code: 'string', n: 'number', i: 'number' });
    expect(table?.rows.map((r) => r.values)).toEqual([
      { code: '001', n: null, i: 7 },
      { code: '002', n: null, i: 8 },
    ]);
    expect(table?.rows.map((r) => r.sources)).toEqual([['ap'], ['ap']]);
    expect(messages).toEqual([
      'data/t.csv:2:5: error: "x" in column "n" is not a valid number',
      'data/t.csv:3:5: error: "y" in column "n" is not a valid number',
    ]);
  });

  test('an invalid sidecar is an error on the sidecar, and types fall back to inference', async () => {
    const { table, messages } = await read({
      'data/t.csv': 'v,source\n1,ap\n',
      'data/t.schema.json': '{"fields": [',
    });
    expect(table?.types).toEqual({ v: 'number' });
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).toMatch(/^data\/t\.schema\.json:1:\d+: error: invalid JSON: \S/);
  });

  test('a sidecar without a fields array', async () => {
    const { messages } = await read({ 'data/t.csv': 'v,source\n1,ap\n', 'data/t.schema.json': '{"columns": []}' });
    expect(messages).toEqual([
      'data/t.schema.json:1:1: error: invalid table schema: the schema needs "fields"',
      'data/t.schema.json:1:2: error: invalid table schema: the schema has no setting "columns" (citechart reads a subset of Frictionless Table Schema; see the README)',
    ]);
  });
});

test('every problem of a file is reported in one call, in file order', async () => {
  const { table, messages } = await read({
    'data/t.csv': 'name,v,source\nA,1,ap\nB,two,\nC,3,ap,extra\nD,4%,apx\nE,5,ap\nF,6,ap\n"G,7,ap\n',
  });
  expect(messages).toEqual([
    'data/t.csv:3:3: error: "two" is not a number, but column "v" holds numbers; write it as e.g. 90 or 1234.5',
    'data/t.csv:3:7: error: the "source" cell is empty: every figure must cite a source id from data/sources.csv',
    'data/t.csv:4:8: error: row has 4 cells but the header has 3; check for a missing or extra separator',
    'data/t.csv:5:3: warning: "4%" is written with "%" but most cells of column "v" are not; write every cell of the column alike',
    'data/t.csv:5:6: error: unknown source id "apx": it is not in data/sources.csv; did you mean "ap"?',
    'data/t.csv:8:1: error: a quoted cell is never closed: add the missing closing quote (")',
  ]);
  expect(table?.rows.map((r) => r.line)).toEqual([2, 3, 5, 6, 7]);
  expect(table?.types).toEqual({ name: 'string', v: 'number' });
});

// Issue 9, item 4: column names are the user's; a plain object keyed by them
// dropped a "__proto__" column's values and answered "constructor" for a
// table without one with Object's constructor function.
describe('columns named after Object.prototype members', () => {
  test('are entries like any other, and absent ones are absent', async () => {
    const cwd = await project({
      'data/sources.csv': sourcesCsv('a'),
      'data/t.csv': 'label,__proto__,constructor,toString,source\nx,1,2,n/a,a\ny,3,4,b,a\n',
      'data/plain.csv': 'label,value,source\nx,1,a\n',
    });
    const { sources } = await readSources(cwd);
    const { table, diagnostics } = await readCitedTable(cwd, 'data/t.csv', sources);
    expect(format(diagnostics)).toEqual([]);
    expect(table!.columns).toEqual(['label', '__proto__', 'constructor', 'toString']);
    expect(table!.rows.map((row) => ({ ...row.values }))).toEqual([
      JSON.parse('{"label": "x", "__proto__": 1, "constructor": 2, "toString": "n/a"}'),
      JSON.parse('{"label": "y", "__proto__": 3, "constructor": 4, "toString": "b"}'),
    ]);
    expect(Object.keys(table!.rows[0]!.values)).toEqual(['label', '__proto__', 'constructor', 'toString']);
    expect(table!.types['__proto__']).toBe('number');
    expect(table!.rows[1]!.positions['__proto__']).toEqual({ line: 3, column: 3 });
    const plain = (await readCitedTable(cwd, 'data/plain.csv', sources)).table!;
    for (const member of Object.getOwnPropertyNames(Object.prototype)) {
      expect(plain.types[member]).toBeUndefined();
      expect(plain.columnInfo![member]).toBeUndefined();
      expect(plain.rows[0]!.values[member]).toBeUndefined();
      expect(plain.rows[0]!.positions[member]).toBeUndefined();
    }
  });
});

describe('a table with a header and no rows', () => {
  test('is a warning at its header: its chart fails with "draws no row", which pointed at filters', async () => {
    const cwd = await project({ 'data/sources.csv': sourcesCsv('a'), 'data/t.csv': 'country,value,source\r\n' });
    const { diagnostics } = await readCitedTable(cwd, 'data/t.csv', new Map());
    expect(format(diagnostics)).toEqual(['data/t.csv:1:1: warning: the table has a header but no rows, so a chart of it draws nothing; add its figures below the header']);
  });
});

// From the break-it pass: a German export (";" between cells) of 1.234,
// 12.500 and 3.000 was read as 1.234, 12.5 and 3, a thousand times too small.
describe('"1.234" in a file from a decimal-comma locale', () => {
  const read = async (csv: string, schema?: string) => {
    const cwd = await project({ 'data/sources.csv': sourcesCsv('s'), 'data/t.csv': csv, ...(schema && { 'data/t.schema.json': schema }) });
    const { table, diagnostics } = await readCitedTable(cwd, 'data/t.csv', new Map([['s', { id: 's' } as never]]));
    return { values: table?.rows.map((row) => row.values.v), messages: format(diagnostics) };
  };

  test('is ambiguous in a ";"-separated file, each cell an error with both readings', async () => {
    const { messages } = await read('c;v;source\na;1.234;s\nb;12.500;s\n');
    expect(messages).toEqual([
      'data/t.csv:2:3: error: "1.234" in column "v" is ambiguous in a file from a decimal-comma locale (";" between cells, or "2,5" elsewhere): 1234 if "." groups thousands, 1.234 if it is the decimal mark; declare it in data/t.schema.json: {"name": "v", "type": "number", "decimalChar": ",", "groupChar": "."} for thousands, or {"name": "v", "type": "number"} for decimals',
      'data/t.csv:3:3: error: "12.500" in column "v" is ambiguous in a file from a decimal-comma locale (";" between cells, or "2,5" elsewhere): 12500 if "." groups thousands, 12.5 if it is the decimal mark; declare it in data/t.schema.json: {"name": "v", "type": "number", "decimalChar": ",", "groupChar": "."} for thousands, or {"name": "v", "type": "number"} for decimals',
    ]);
  });

  test('reads as the sidecar declares, and as decimals where a cell shows the dot is one or the file is ","-separated', async () => {
    expect((await read('c;v;source\na;1.234;s\n', '{"fields": [{"name": "v", "type": "number", "decimalChar": ",", "groupChar": "."}]}')).values).toEqual([1234]);
    expect((await read('c;v;source\na;1.234;s\n', '{"fields": [{"name": "v", "type": "number"}]}')).values).toEqual([1.234]);
    expect((await read('c;v;source\na;1.234;s\nb;1.5;s\n')).values).toEqual([1.234, 1.5]);
    expect((await read('c,v,source\na,1.234,s\nb,12.500,s\n')).values).toEqual([1.234, 12.5]);
  });
});

describe('a "Source" column written otherwise', () => {
  test('is named in the error, with the fix', async () => {
    const cwd = await project({ 'data/sources.csv': sourcesCsv('s'), 'data/t.csv': 'c,v,Source \na,1,s\n' });
    const { diagnostics } = await readCitedTable(cwd, 'data/t.csv', new Map());
    expect(format(diagnostics)).toContain('data/t.csv:1:1: error: no "source" column, but a column "Source ": citation columns are named in lower case without spaces; rename it "source"');
  });
});

// A `notes` or `Quote` column was read as figures without a word: its notes
// never reached the footer, and build exited 0.
describe('a "note", "quote" or "derived" column written otherwise', () => {
  test('is an error naming the column and the name to give it', async () => {
    const { table, messages: found } = await read({ 'data/t.csv': 'c,v,source,notes,Quote ,Derived\na,1,ap,Provisional,"1 job",\n' });
    expect(found).toEqual([
      `data/t.csv:1:1: error: ${messages.load.citationColumnMisnamed('Quote ', 'quote')}`,
      `data/t.csv:1:1: error: ${messages.load.citationColumnMisnamed('notes', 'note')}`,
      `data/t.csv:1:1: error: ${messages.load.citationColumnMisnamed('Derived', 'derived')}`,
    ]);
    expect(table?.columns).toEqual(['c', 'v', 'notes', 'Quote ', 'Derived']);
  });

  test('no word when the citation column is there, whatever else the table holds', async () => {
    const { messages: found } = await read({ 'data/t.csv': 'c,v,source,note,notes\na,1,ap,Rounded,x\n' });
    expect(found).toEqual([]);
  });
});
