// Issue 9, item 8: every input is bounded. Each case is one reported in the
// issue (a million-row CSV, a 15 MB cell, 100,000 header columns, a 5 MB
// one-line sources.csv): refused quickly with a located error, not an
// out-of-memory abort or a minute of work.
import { describe, expect, test } from 'vitest';
import { LIMITS } from '../../src/limits.js';
import { readCitedTable, readSources } from '../../src/load/index.js';
import { CsvLimitError, scanCsv } from '../../src/load/scanCsv.js';
import { cpuTimed } from '../helpers/cpuTime.js';
import { format, project, sourcesCsv } from '../helpers/project.js';

const SOURCES = new Map([['s', { id: 's' }]]) as unknown as Parameters<typeof readCitedTable>[2];

async function readTable(csv: string | Buffer) {
  const cwd = await project({ 'data/sources.csv': sourcesCsv('s'), 'data/t.csv': csv });
  // CPU time, not wall time: "quickly" must hold on a loaded CI machine too.
  const { result: { table, diagnostics }, cpuMs } = await cpuTimed(() => readCitedTable(cwd, 'data/t.csv', SOURCES));
  return { table, messages: format(diagnostics), ms: cpuMs };
}

describe('scanCsv limits', () => {
  const small = { cellChars: 5, columns: 3, rows: 2, cells: 8 };
  const stop = (text: string) => {
    try {
      scanCsv(text, ',', small);
    } catch (error) {
      if (error instanceof CsvLimitError) return [error.line, error.column, error.message];
      throw error;
    }
    return undefined;
  };

  test('a cell over cellChars stops at the cell, quoted or not', () => {
    expect(stop('a,b\n1,123456\n')).toEqual([2, 3, expect.stringMatching(/longer than 5 characters/)]);
    expect(stop('a,b\n1,"12\n3456"\n')).toEqual([2, 3, expect.stringMatching(/longer than 5 characters/)]);
    expect(stop('a,b\n1,12345\n')).toBeUndefined();
  });

  test('a row over columns stops at the first column too many', () => {
    expect(stop('a,b,c,d\n')).toEqual([1, 7, expect.stringMatching(/more than 3 columns/)]);
    expect(stop('a,b,c\n')).toBeUndefined();
  });

  test('rows over the limit stop at the first row too many; blank lines do not count', () => {
    expect(stop('a\n1\n\n2\n3\n')).toEqual([5, 1, expect.stringMatching(/more than 2 rows/)]);
    expect(stop('a\n1\n\n2\n')).toBeUndefined();
  });

  test('cells over the limit stop at the first cell too many', () => {
    expect(stop('a,b,c\n1,2,3\n4,5\n')).toBeUndefined();
    expect(stop('a,b,c\n1,2,3\n4,5,6\n')).toEqual([3, 5, expect.stringMatching(/more than 8 cells/)]);
  });
});

describe('tables over a size limit are refused quickly, at the line and column', () => {
  test('a 1,000,000-row CSV: refused at the first row over the limit', async () => {
    const rows = Array.from({ length: 1_000_000 }, (_, i) => `r${i},${i % 1000},s`);
    const { table, messages, ms } = await readTable(`label,value,source\n${rows.join('\n')}\n`);
    expect(table).toBeUndefined();
    expect(messages).toEqual([
      `data/t.csv:${LIMITS.rows + 2}:1: error: the table has more than 100,000 rows, citechart's limit per table; aggregate the figures or split the table (reading stopped at this line)`,
    ]);
    expect(ms).toBeLessThan(10_000);
  }, 120_000);

  test('one 15 MB cell: refused at the cell', async () => {
    const { table, messages, ms } = await readTable(`label,value,source\nx,"${'a'.repeat(15_000_000)}",s\n`);
    expect(table).toBeUndefined();
    expect(messages).toEqual([expect.stringMatching(/^data\/t\.csv:2:3: error: this cell is longer than 10,000 characters/)]);
    expect(ms).toBeLessThan(5_000);
  }, 90_000);

  test('100,000 header columns: refused at the first column over the limit', async () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
    const { table, messages, ms } = await readTable(`${header},source\n`);
    expect(table).toBeUndefined();
    // c0…c499 take 2–5 characters each, and a comma: column 501 starts at 2,891.
    const column = Array.from({ length: LIMITS.columns }, (_, i) => `c${i},`).join('').length + 1;
    expect(messages).toEqual([`data/t.csv:1:${column}: error: this row has more than 500 columns, citechart's limit; split the table, or check the separator`]);
    expect(ms).toBeLessThan(5_000);
  }, 90_000);

  test('a file over the size limit is refused before it is read', async () => {
    const { table, messages } = await readTable(Buffer.alloc(LIMITS.fileBytes + 1, 'a'));
    expect(table).toBeUndefined();
    expect(messages).toEqual(["data/t.csv: error: data/t.csv is 50.0 MB, over citechart's limit of 50.0 MB per file; split it into smaller tables"]);
  }, 90_000);

  test('a 5 MB one-line sources.csv: refused at the header cell', async () => {
    const cwd = await project({ 'data/sources.csv': `id,publisher,${'x'.repeat(5_000_000)}\n` });
    const { result: { sources, diagnostics }, cpuMs } = await cpuTimed(() => readSources(cwd));
    expect(sources.size).toBe(0);
    expect(format(diagnostics)).toEqual([expect.stringMatching(/^data\/sources\.csv:1:14: error: this cell is longer than 10,000 characters/)]);
    expect(cpuMs).toBeLessThan(5_000);
  }, 90_000);
});
