import { describe, expect, it } from 'vitest';
import { checkFields } from '../../src/compile/checkFields.js';
import { parseJsonText } from '../../src/compile/readJsonFile.js';
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

const check = (spec: Record<string, unknown>, tables = [table]) =>
  checkFields(parseJsonText('specs/x.vl.json', JSON.stringify(spec, null, 1)).json!, spec, tables).map(formatDiagnostic);

describe('checkFields', () => {
  it('reports each text cell of a column the spec plots as quantitative, at the cell', () => {
    const spec = { layer: [{ mark: 'bar', encoding: { x: { field: 'exports', type: 'quantitative' }, y: { field: 'country', type: 'nominal' } } }] };
    expect(check(spec)).toEqual([
      'data/t.csv:2:6: error: "1,200" is not a number, but specs/x.vl.json plots column "exports" as quantitative; write it as e.g. 90 or 1234.5',
    ]);
  });

  it('accepts text columns plotted as categories, counted, or replaced by a transform', () => {
    expect(check({ mark: 'bar', encoding: { x: { field: 'exports', type: 'nominal' } } })).toEqual([]);
    expect(check({ mark: 'bar', encoding: { x: { field: 'country', aggregate: 'distinct', type: 'quantitative' } } })).toEqual([]);
    expect(check({ transform: [{ calculate: 'length(datum.exports)', as: 'exports' }], mark: 'bar', encoding: { x: { field: 'exports', type: 'quantitative' } } })).toEqual([]);
  });

  it('knows the fields transforms create, including bin and stack ends and regression parameters', () => {
    const spec = {
      transform: [
        { bin: true, field: 'exports', as: 'b' },
        { stack: 'exports', groupby: ['country'], as: 's' },
        { regression: 'exports', on: 'country', params: true },
      ],
      mark: 'bar',
      encoding: { x: { field: 'b_end', type: 'ordinal' }, y: { field: 's_end', type: 'ordinal' }, text: { field: 'rSquared', type: 'nominal' } },
    };
    expect(check(spec)).toEqual([]);
  });

  it('checks a field against the table its own layer draws from', () => {
    const numbers: CitedTable = { ...table, file: 'data/o.csv', columns: ['value'], types: { value: 'number' }, rows: [] };
    const labels: CitedTable = {
      ...table,
      columns: ['value'],
      types: { value: 'string' },
      rows: [{ index: 0, line: 2, values: { value: 'High' }, positions: { value: { line: 2, column: 1 } }, sources: ['a'], quote: '', note: '', derived: '' }],
    };
    const spec = {
      hconcat: [
        { data: { url: 'data/o.csv' }, mark: 'bar', encoding: { x: { field: 'value', type: 'quantitative' } } },
        { data: { url: 'data/t.csv' }, mark: 'text', encoding: { text: { field: 'value', type: 'nominal' } } },
      ],
    };
    expect(check(spec, [numbers, labels])).toEqual([]);
  });
});

describe('checkFields: a text column whose cells are numbers', () => {
  const row = (i: number, value: string) => ({
    index: i, line: i + 2, values: { country: `C${i}`, v: value }, positions: { country: { line: i + 2, column: 1 }, v: { line: i + 2, column: 4 } }, sources: ['a'], quote: '', note: '', derived: '',
  });
  const spec = { mark: 'bar', encoding: { x: { field: 'v', type: 'quantitative' }, y: { field: 'country', type: 'nominal' } } };

  it('reports only the cell that made the column text (a long id), not "20 is not a number"', () => {
    const t: CitedTable = { file: 'data/t.csv', columns: ['country', 'v'], types: { country: 'string', v: 'string' }, rows: [row(0, '99999999999999999999'), row(1, '20')] };
    expect(check(spec, [t])).toEqual([
      'data/t.csv:2:4: error: "99999999999999999999" is not a number, but specs/x.vl.json plots column "v" as quantitative; it is written with more digits than a number keeps exactly (beyond 2^53, as long ids are), which citechart does not read as a number; plot another column, or declare the column "type": "string" and leave it off the axis',
    ]);
  });

  it('says once that the sidecar declares the column text, at its first cell', () => {
    const t: CitedTable = {
      file: 'data/t.csv', columns: ['country', 'v'], types: { country: 'string', v: 'string' }, sidecar: 'data/t.schema.json',
      columnInfo: { country: { type: 'string', percent: false }, v: { type: 'string', percent: false, declared: 'string' } },
      rows: [row(0, '10'), row(1, '200')],
    };
    expect(check(spec, [t])).toEqual([
      'data/t.csv:2:4: error: specs/x.vl.json plots column "v" as quantitative, but data/t.schema.json declares it "type": "string", and citechart plots no text column as quantitative; declare it "number" in the sidecar, or plot it as nominal',
    ]);
  });
});
