import { describe, expect, it } from 'vitest';
import { rowsToCsv } from '../../src/api/rowsToCsv.js';

describe('rowsToCsv', () => {
  it('writes every column any row has, in the order first met, a missing cell empty', () => {
    expect(rowsToCsv('t', [{ a: 1 }, { b: 'x', a: 2 }])).toBe('a,b\n1,\n2,x\n');
  });
  it('quotes a cell with a comma, quote, line break or edge space (RFC 4180)', () => {
    expect(rowsToCsv('t', [{ v: 'a,b' }, { v: 'say "hi"' }, { v: 'two\nlines' }, { v: ' pad' }])).toBe('v\n"a,b"\n"say ""hi"""\n"two\nlines"\n" pad"\n');
  });
  it('writes a Date at midnight UTC as its calendar date, else as its ISO instant; null and undefined as empty', () => {
    expect(rowsToCsv('t', [{ d: new Date(Date.UTC(2024, 3, 12)), n: null }, { d: new Date(Date.UTC(2024, 3, 12, 9, 30)), n: undefined }])).toBe(
      'd,n\n2024-04-12,\n2024-04-12T09:30:00.000Z,\n',
    );
  });
  it('refuses a cell that is not text, number, boolean, Date or null, naming table, row and column', () => {
    expect(() => rowsToCsv('gdp', [{ v: 1 }, { v: [1, 2] as never }])).toThrow('row 1 of table "gdp", column "v": a cell must be text, a number, a boolean, a Date or null, not an array');
    expect(() => rowsToCsv('gdp', [{ v: new Date(NaN) }])).toThrow(/not an invalid Date/);
    expect(() => rowsToCsv('gdp', [5 as never])).toThrow('renderChart: row 0 of table "gdp" must be an object of cells, not a number');
  });
});
