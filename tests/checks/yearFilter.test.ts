import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../src/compile/readJsonFile.js';
import { checkYearFilter } from '../../src/checks/yearFilter.js';
import type { CitedTable } from '../../src/model.js';

const table: CitedTable = {
  file: 'data/s.csv',
  columns: ['year', 'sales'],
  types: { year: 'number', sales: 'number' },
  rows: [2023, 2024].map((year, index) => ({ index, line: index + 2, values: { year, sales: 2024 }, positions: {}, sources: ['a'], quote: '', note: '', derived: '' })),
};

const comparisons = (filter: unknown, type = 'temporal') => {
  const spec = {
    data: { url: 'data/s.csv' },
    transform: [{ filter }],
    mark: 'line',
    encoding: { x: { field: 'year', type }, y: { field: 'sales', type: 'quantitative' } },
  };
  const { json } = parseJsonText('specs/s.vl.json', JSON.stringify(spec, null, 2));
  return checkYearFilter(json!, spec, new Map([[table.file, table]])).map((d) => d.message);
};

describe('checkYearFilter', () => {
  it('warns of a year column compared straight with a bare year, however written', () => {
    for (const filter of ['datum.year == 2024', "datum['year'] >= 2020", '2024 === datum.year', '(datum.year == 2024) && datum.sales > 1', 'datum.year == "2024"', { field: 'year', oneOf: [2023, 2024] }, { and: [{ field: 'year', gte: 2020 }] }]) {
      expect(comparisons(filter), JSON.stringify(filter)).toHaveLength(1);
    }
  });

  it('is silent where the comparison means what it says', () => {
    for (const filter of ['year(datum.year) == 2024', 'datum.sales == 2024', { field: 'year', timeUnit: 'year', equal: 2024 }, { field: 'sales', equal: 2024 }]) {
      expect(comparisons(filter), JSON.stringify(filter)).toEqual([]);
    }
    // Not on a time axis, the years stay numbers: datum.year == 2024 is true for 2024.
    expect(comparisons('datum.year == 2024', 'ordinal')).toEqual([]);
  });
});
