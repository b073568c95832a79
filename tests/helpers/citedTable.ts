// A CitedTable built in memory for unit tests of stages that take a loaded
// table (geo/proposeMap, scaffold/chooseChart), shaped as src/load builds it:
// `types`, each row's `values` and `positions` are null-prototype objects.
import type { CitedTable, ColumnType } from '../../src/model.js';

/**
 * A table from columns of values (all the same length), rows cited to source
 * `s`, lines counted from 2 (after the header). A column whose first value
 * is a number is a number column, else a string column.
 */
export function tableOfColumns(columns: Record<string, (string | number)[]>): CitedTable {
  const names = Object.keys(columns);
  const length = columns[names[0]!]!.length;
  const types: Record<string, ColumnType> = Object.create(null);
  for (const name of names) types[name] = typeof columns[name]![0] === 'number' ? 'number' : 'string';
  return {
    file: 'data/t.csv',
    columns: names,
    types,
    rows: Array.from({ length }, (_, i) => {
      const values = Object.create(null);
      for (const name of names) values[name] = columns[name]![i]!;
      return { index: i, line: i + 2, values, positions: Object.create(null), sources: ['s'], quote: '', note: '', derived: '' };
    }),
  };
}
