// How a table's file is read: encoding, line endings, quoting and shape
// problems, each reported at file:line:col.
import { describe, expect, test } from 'vitest';
import { readCitedTable } from '../../src/load/index.js';
import type { Source } from '../../src/model.js';
import { format, project } from '../helpers/project.js';

const sources = new Map([['s', { id: 's' } as Source]]);

async function read(content: string | Uint8Array) {
  const cwd = await project({ 'data/t.csv': content });
  const { table, diagnostics } = await readCitedTable(cwd, 'data/t.csv', sources);
  return { table, messages: format(diagnostics) };
}
const lines = (table: Awaited<ReturnType<typeof read>>['table']) => table?.rows.map((r) => r.line);

describe('files that cannot be read at all', () => {
  test('a missing file', async () => {
    const cwd = await project({});
    const { table, diagnostics } = await readCitedTable(cwd, 'data/t.csv', sources);
    expect(table).toBeUndefined();
    expect(format(diagnostics)).toEqual(['data/t.csv: error: file not found: data/t.csv']);
  });

  test.each(['', '\n\n', '\ufeff'])('an empty file (%j)', async (content) => {
    expect(await read(content)).toEqual({
      table: undefined,
      messages: ['data/t.csv:1:1: error: the file is empty: a header row is expected'],
    });
  });

  test('bytes that are not UTF-8, with the line of the first bad byte', async () => {
    const latin1 = Buffer.concat([Buffer.from('v,source\n1,s\n"caf'), Buffer.from([0xe9]), Buffer.from('",s\n')]);
    expect(await read(latin1)).toEqual({
      table: undefined,
      messages: [
        'data/t.csv:3:5: error: the file is not valid UTF-8: byte 0xE9 here ("é" in Windows-1252, as older Excel saves "CSV"); ' +
          'save it as "CSV UTF-8", or declare the encoding in the table\'s sidecar: {"encoding": "windows-1252", "fields": [...]}',
      ],
    });
  });

  test('a semicolon-separated header whose rows do not all split alike: declare, do not guess', async () => {
    expect(await read('\nv;source\n1;s\n2;s;x\n')).toEqual({
      table: undefined,
      messages: [
        'data/t.csv:2:1: error: the header looks separated by ";" but the rows do not all split into as many cells; ' +
          'save the file as comma-separated CSV, or declare the separator in the table\'s sidecar: {"dialect": {"delimiter": ";"}, "fields": [...]}',
      ],
    });
  });

  test('old Mac line endings (bare CR) in the header', async () => {
    const { table, messages } = await read('v,source\r1,s\r');
    expect(table).toBeUndefined();
    expect(messages).toEqual([
      'data/t.csv:1:9: error: a line ends with a bare carriage return (old Mac line endings); save the file as "CSV UTF-8"',
    ]);
  });
});

describe('what is read as-is', () => {
  test('a UTF-8 byte-order mark is not part of the first column name nor of its columns', async () => {
    const { table, messages } = await read('\ufeffsource,v,v\ns,1,2\n');
    expect(table?.columns).toEqual(['v']);
    expect(table?.rows[0]?.sources).toEqual(['s']);
    expect(messages).toEqual([
      'data/t.csv:1:10: error: column "v" appears twice in the header (first as column 2): rename one, every column needs a distinct name',
    ]);
  });

  test('CRLF line endings: values without \\r, positions right', async () => {
    const { table, messages } = await read('v,source\r\n1,s\r\noops,s\r\n2,s\r\n');
    expect(table?.rows.map((r) => r.values.v)).toEqual([1, null, 2]);
    expect(messages).toEqual([
      'data/t.csv:3:1: error: "oops" is not a number, but column "v" holds numbers; write it as e.g. 90 or 1234.5',
    ]);
  });

  test('a quoted cell with an embedded newline and quotes; the next rows keep their line numbers', async () => {
    const { table, messages } = await read('name,v,source\n"a ""b""\nc",1,s\nx,oops,s\ny,2,s\n');
    expect(table?.rows.map((r) => [r.index, r.line, r.values.name])).toEqual([
      [0, 2, 'a "b"\nc'],
      [1, 4, 'x'],
      [2, 5, 'y'],
    ]);
    expect(messages).toEqual([
      'data/t.csv:4:3: error: "oops" is not a number, but column "v" holds numbers; write it as e.g. 90 or 1234.5',
    ]);
  });

  test('blank lines are skipped, not read as empty rows', async () => {
    const { table, messages } = await read('\nv,source\n\n1,s\n\n\n2,s\n\n');
    expect(messages).toEqual([]);
    expect(table?.rows.map((r) => [r.index, r.line, r.values.v])).toEqual([
      [0, 4, 1],
      [1, 7, 2],
    ]);
  });

  test('C0 control characters are stripped; markup stays literal text', async () => {
    const { table } = await read('label,source\n"a\u0001b\tc\u001f",s\n</text><script>x</script>,s\n');
    expect(table?.rows.map((r) => r.values.label)).toEqual(['ab\tc', '</text><script>x</script>']);
  });

  // From the break-it pass: "1<NUL>0" read as 10 without a word.
  test('each stripped control character is said where it was; one between digits is an error', async () => {
    const { messages } = await read('label,v,source\n"a\u0001b",1\u00000,s\n');
    expect(messages).toEqual([
      'data/t.csv:2:3: warning: a control character (U+0001) was removed here: it cannot be drawn or written in an SVG; delete it from the file',
      'data/t.csv:2:8: error: a control character (U+0000) sits between digits here, so the figure cannot be trusted (a file saved half as UTF-16, or damaged?); delete it and check the figure against its source',
    ]);
  });

  test('a quote never closed is its one error, without "header but no rows" for the rows it swallowed', async () => {
    const { messages } = await read('label,source\n"a,s\nb,s\n');
    expect(messages).toEqual(['data/t.csv:2:1: error: a quoted cell is never closed: add the missing closing quote (")']);
  });
});

describe('rows with structural problems are reported and left out; the rest still load', () => {
  test('ragged rows: at the first extra cell, or at the start of a short row', async () => {
    const { table, messages } = await read('a,b,source\nx,1,s\ny,2,s,extra,more\nz,3\nw,4,s\n');
    expect(messages).toEqual([
      'data/t.csv:3:7: error: row has 5 cells but the header has 3; check for a missing or extra separator',
      'data/t.csv:4:1: error: row has 2 cells but the header has 3; check for a missing or extra separator',
    ]);
    expect(lines(table)).toEqual([2, 5]);
    expect(table?.rows.map((r) => r.index)).toEqual([0, 1]);
  });

  test('an unclosed quote, at the cell that opens it', async () => {
    const { table, messages } = await read('v,source\n1,s\n2,"s\n3,s\n');
    expect(messages).toEqual([
      'data/t.csv:3:3: error: a quoted cell is never closed: add the missing closing quote (")',
    ]);
    expect(lines(table)).toEqual([2]);
  });

  test('text after a closing quote, where it starts', async () => {
    const { table, messages } = await read('v,source\n"1"0,s\n2,s\n');
    expect(messages).toEqual([
      'data/t.csv:2:4: error: text after the closing quote of a quoted cell: quote the whole cell and double any quote inside it ("")',
    ]);
    expect(lines(table)).toEqual([3]);
  });

  test('a bare carriage return inside a row', async () => {
    const { table, messages } = await read('v,source\n1\r2,s\n3,s\n');
    expect(messages).toEqual([
      'data/t.csv:2:2: error: a line ends with a bare carriage return (old Mac line endings); save the file as "CSV UTF-8"',
    ]);
    expect(lines(table)).toEqual([3]);
  });

  test('an empty tail of unnamed columns may be cut short per row; a named column may not', async () => {
    const { table, messages } = await read('a,b,source,,\n1,2,s\n3,4,s,,\n5,s\n,,\n');
    expect(messages).toEqual(['data/t.csv:4:1: error: row has 2 cells but the header has 5; check for a missing or extra separator']);
    expect(table?.rows.map((r) => [r.line, r.values])).toEqual([
      [2, { a: 1, b: 2 }],
      [3, { a: 3, b: 4 }],
    ]);
  });

  test('an unnamed column with values in it is still an error', async () => {
    const { messages } = await read('a,source,\n1,s,\n2,s,x\n');
    expect(messages).toEqual(['data/t.csv:1:10: error: header cell 3 is empty: every column needs a name']);
  });

  test('empty and duplicate header names; the other columns load', async () => {
    const { table, messages } = await read('v,,v,source\n1,2,3,s\n');
    expect(messages).toEqual([
      'data/t.csv:1:3: error: header cell 2 is empty: every column needs a name',
      'data/t.csv:1:4: error: column "v" appears twice in the header (first as column 1): rename one, every column needs a distinct name',
    ]);
    expect(table?.columns).toEqual(['v']);
    expect(table?.rows[0]?.values).toEqual({ v: 1 });
  });
});

test('line numbers stay right deep into a large file of multi-line cells (polars reads in parallel chunks)', async () => {
  const rows = Array.from({ length: 20_000 }, (_, i) => `"row ${i}\nsecond ""line""",${i},s`);
  const { table, messages } = await read(`label,v,source\n${rows.join('\n')}\nlast,oops,s\n`);
  expect(table?.rows).toHaveLength(20_001);
  expect(table?.rows[19_999]).toMatchObject({ line: 40_000, values: { label: 'row 19999\nsecond "line"', v: 19_999 } });
  expect(messages).toEqual([
    'data/t.csv:40002:6: error: "oops" is not a number, but column "v" holds numbers; write it as e.g. 90 or 1234.5',
  ]);
});

describe('a quote inside an unquoted cell', () => {
  // Found by a seeded CSV fuzz (a separator missing before a quoted cell):
  // polars took the stray quote for an opening one and the file was refused
  // as "please report this file as a citechart bug", with no column.
  test('where polars reads it differently, is the user\'s error at the quote', async () => {
    const content = 'year,region,value,share,source,quote,note\n2019,North,"1,234",12%,s"In 2019 it was 1,234",\n2020,South,1234.5,13%,s,,a note\n2021,"Ea""st",-5,(5),s,,\n';
    const { table, messages } = await read(content);
    expect(table).toBeUndefined();
    expect(messages).toEqual([
      `data/t.csv:2:25: error: a quote (") inside a cell that does not start with one, so the cell cannot be read reliably (is a separator missing before it?); put the whole cell in quotes and double each quote inside it ("5'11""")`,
    ]);
  });

  test('read as a plain character, the cell keeps it, with a warning at the quote', async () => {
    const { table, messages } = await read('v,name,source\n1,5\'11" tall,s\n');
    expect(messages).toEqual([
      `data/t.csv:2:7: warning: a quote (") inside a cell that does not start with one is read as part of its text ("5'11\\" tall"); to be sure every program reads it so, put the whole cell in quotes and double each quote inside it ("5'11"" tall")`,
    ]);
    expect(table?.rows[0]?.values.name).toBe('5\'11" tall');
  });

  // polars' row counter took such a quote for an opening one: it printed
  // "UserWarning: CSV malformed: expected 1 rows, actual 21 rows" on stderr
  // (tests/e2e/check.test.ts) and could read the rows after it otherwise.
  test('in the middle of a table, every row after it keeps its cells', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => (i === 20 ? 'Bad "x,20,s' : `C${i},${i},s`));
    const { table, messages } = await read(`name,v,source\n${rows.join('\n')}\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^data\/t\.csv:22:5: warning: a quote/);
    expect(table?.rows.map((row) => row.values.name)).toEqual(rows.map((row) => row.split(',')[0]));
    expect(table?.rows.map((row) => row.line)).toEqual(rows.map((_, i) => i + 2));
  });

  test('a header cell with one keeps it too', async () => {
    const { table, messages } = await read('v,size",source\n1,2,s\n');
    expect(messages).toEqual([expect.stringMatching(/^data\/t\.csv:1:7: warning: a quote/)]);
    expect(table?.columns).toEqual(['v', 'size"']);
  });
});
