import { describe, expect, it } from 'vitest';
import { plottedChannels } from '../../src/checks/plottedChannels.js';
import type { CitedRow, CitedTable } from '../../src/model.js';

const nullProto = <T>(entries: Record<string, T>): Record<string, T> => Object.assign(Object.create(null) as Record<string, T>, entries);

function table(withPositions = true): CitedTable {
  const rows: CitedRow[] = [2019, 2020, 2021].map((year, index) => ({
    index,
    line: index + 2,
    values: nullProto<string | number | null>({ year, cases: index === 1 ? null : 10 * (index + 1) }),
    positions: withPositions ? nullProto({ year: { line: index + 2, column: 1 }, cases: { line: index + 2, column: 6 } }) : nullProto({}),
    sources: ['s'],
    quote: '',
    note: '',
    derived: '',
  }));
  return { file: 'data/cases.csv', columns: ['year', 'cases'], types: nullProto({ year: 'number', cases: 'number' }), rows };
}

const spec = (y: Record<string, unknown>) => ({
  data: { url: 'data/cases.csv' },
  mark: 'bar',
  encoding: { x: { field: 'year', type: 'ordinal' }, y: { field: 'cases', type: 'quantitative', ...y } },
});

describe('plottedChannels', () => {
  it('gives each channel its column cells with their places in the file', () => {
    const cases = table();
    const y = plottedChannels(spec({}), new Map([[cases.file, cases]])).find((c) => c.channel === 'y')!;
    expect(y.cells).toEqual([
      { value: 10, line: 2, column: 6 },
      { value: null, line: 3, column: 6 },
      { value: 30, line: 4, column: 6 },
    ]);
    expect(y.groupedCells).toBeUndefined();
  });

  it('reads a table column once for every chart that plots it (issue 15: the same list, not a new one per chart)', () => {
    const cases = table();
    const tables = new Map([[cases.file, cases]]);
    const first = plottedChannels(spec({}), tables).find((c) => c.channel === 'y')!;
    const second = plottedChannels(spec({ title: 'Cases' }), tables).find((c) => c.channel === 'y')!;
    expect(second.cells).toBe(first.cells);
    // Grouped by x under an aggregate: the x cells are the same list too; the aggregated channel has none.
    const grouped = plottedChannels(spec({ aggregate: 'sum' }), tables);
    expect(grouped.find((c) => c.channel === 'x')!.groupedCells).toBe(plottedChannels(spec({}), tables).find((c) => c.channel === 'x')!.cells);
    expect(grouped.find((c) => c.channel === 'y')!.cells).toBeUndefined();
  });

  it('a table without cell places gives no cells', () => {
    const cases = table(false);
    const y = plottedChannels(spec({}), new Map([[cases.file, cases]])).find((c) => c.channel === 'y')!;
    expect(y.cells).toBeUndefined();
    expect(y.isColumn).toBe(true);
  });
});
