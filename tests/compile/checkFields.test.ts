import { describe, expect, it } from 'vitest';
import { checkFieldTypes } from '../../src/compile/checkFieldTypes.js';
import { formatDiagnostic } from '../../src/errors.js';
import type { CitedTable } from '../../src/model.js';

const table: CitedTable = {
  file: 'data/t.csv',
  columns: ['country', 'exports'],
  types: { country: 'string', exports: 'string' },
  rows: [
    { index: 0, line: 2, values: { country: 'Peru', exports: '1,200' }, positions: { country: { line: 2, column: 1 }, exports: { line: 2, column: 6 } }, sources: ['a'], quote: '', note: '', derived: '' },
    { index: 1, line: 3, values: { country: 'Chad', exports: null }, positions: { country: { line: 3, column: 1 }, exports: { line: 3, column: 6 } }, sources: ['a'], quote: '', note: '', derived: '' },
  ],
};

describe('checkFieldTypes', () => {
  it('reports each text cell of a column the spec plots as quantitative, at the cell', () => {
    const spec = { layer: [{ mark: 'bar', encoding: { x: { field: 'exports', type: 'quantitative' }, y: { field: 'country', type: 'nominal' } } }] };
    expect(checkFieldTypes(spec, 'specs/x.vl.json', [table]).map(formatDiagnostic)).toEqual([
      'data/t.csv:2:6: error: "1,200" is not a number, but specs/x.vl.json plots column "exports" as quantitative; write it as e.g. 90 or 1234.5',
    ]);
  });

  it('accepts text columns plotted as categories', () => {
    const spec = { mark: 'bar', encoding: { x: { field: 'exports', type: 'nominal' } } };
    expect(checkFieldTypes(spec, 'specs/x.vl.json', [table])).toEqual([]);
  });
});
