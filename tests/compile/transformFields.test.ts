// A transform reading a field that is no column was drawn without a word:
// `{"aggregate": [{"op": "sum", "field": "nope"}]}` drew every bar at 0,
// `{"filter": {"not": {"field": "nope", "equal": 1}}}` kept every row, and
// `build` exited 0 with a wrong graphic.
import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { formatDiagnostic } from '../../src/errors.js';
import * as messages from '../../src/messages.js';
import { transformFields } from '../../src/compile/transformFields.js';
import { makeProject, where, type Files } from '../helpers/fixtureProject.js';
import { oneChart } from '../checks/fixtures.js';

const found = async (files: Files) => (await check({ cwd: makeProject(files) })).filter((d) => d.severity === 'error').map(formatDiagnostic);

const CSV = 'country,exports,source\nNorway,120,stats-2024\nChile,85,stats-2024\nKenya,40,stats-2024\n';
const bars = (transform: unknown[], x = 'exports') =>
  oneChart('exports', CSV, {
    title: 'Exports',
    transform,
    mark: 'bar',
    encoding: { y: { field: 'country', type: 'nominal', title: null }, x: { field: x, type: 'quantitative', title: 'Exports (thousand units)' } },
  });

describe('fields that transforms read', () => {
  it('an aggregate of no column is an error at its field, with the nearest column', async () => {
    const files = bars([{ aggregate: [{ op: 'sum', field: 'export', as: 'total' }], groupby: ['country'] }], 'total');
    expect(await found(files)).toEqual([
      `${where('specs/exports.vl.json', files['specs/exports.vl.json'] as string, '"field": "export"')}: error: ${messages.spec.unknownTransformField('export', 'the aggregate transform', 'data/exports.csv', ['country', 'exports'], 'exports')}`,
    ]);
  });

  it('a filter predicate, a groupby, a window sort and a fold of no column are errors too', async () => {
    expect(await found(bars([{ filter: { not: { field: 'nope', equal: 1 } } }]))).toHaveLength(1);
    expect(await found(bars([{ filter: { and: [{ field: 'country', equal: 'Chile' }, { field: 'nope', valid: false }] } }]))).toHaveLength(1);
    expect(await found(bars([{ joinaggregate: [{ op: 'sum', field: 'exports', as: 't' }], groupby: ['Country'] }]))).toHaveLength(1);
    expect(await found(bars([{ window: [{ op: 'rank', as: 'r' }], sort: [{ field: 'nope' }] }]))).toHaveLength(1);
    expect(await found(bars([{ fold: ['nope', 'exports'], as: ['k', 'v'] }], 'v'))).toHaveLength(1);
  });

  it('no word for columns, citation columns and fields a transform makes', async () => {
    expect(await found(bars([{ aggregate: [{ op: 'sum', field: 'exports', as: 'total' }, { op: 'count', as: 'n' }], groupby: ['country', 'source'] }], 'total'))).toEqual([]);
    expect(await found(bars([{ calculate: 'datum.exports * 2', as: 'double' }, { filter: { field: 'double', gt: 10 } }]))).toEqual([]);
    expect(await found(bars([{ window: [{ op: 'sum', field: 'exports', as: 'run' }], sort: [{ field: 'exports' }] }, { filter: { field: 'run', gt: 0 } }]))).toEqual([]);
  });

  it('lists fields through and/or/not and per transform kind, with their places', () => {
    const spec = { layer: [{ transform: [{ filter: { or: [{ field: 'a', equal: 1 }, { not: { field: 'b', valid: true } }] } }, { stack: 'c', groupby: ['d'], sort: [{ field: 'e' }], as: 's' }] }] };
    expect(transformFields(spec).map((f) => [f.written, f.by, f.jsonPath.join('/')])).toEqual([
      ['a', 'the filter transform', 'layer/0/transform/0/filter/or/0/field'],
      ['b', 'the filter transform', 'layer/0/transform/0/filter/or/1/not/field'],
      ['c', 'the stack transform', 'layer/0/transform/1/stack'],
      ['d', 'the stack transform', 'layer/0/transform/1/groupby/0'],
      ['e', 'the stack transform', 'layer/0/transform/1/sort/0/field'],
    ]);
  });

  // A facet by no column drew one panel titled "undefined"; a sort by no
  // column left the bars in the order they came; both with exit 0.
  it('a facet and an encoding sort by no column are errors at their field', async () => {
    const files = oneChart('exports', CSV, {
      title: 'Exports',
      facet: { row: { field: 'regon', type: 'nominal' } },
      spec: { mark: 'bar', encoding: { y: { field: 'country', type: 'nominal', title: null, sort: { field: 'export', op: 'sum' } }, x: { field: 'exports', type: 'quantitative', title: 'Exports (thousand units)' } } },
    });
    const text = files['specs/exports.vl.json'] as string;
    expect(await found(files)).toEqual([
      `${where('specs/exports.vl.json', text, '"field": "regon"')}: error: ${messages.spec.unknownTransformField('regon', 'the facet', 'data/exports.csv', ['country', 'exports'])}`,
      `${where('specs/exports.vl.json', text, '"field": "export"')}: error: ${messages.spec.unknownTransformField('export', 'the sort of y', 'data/exports.csv', ['country', 'exports'], 'exports')}`,
    ]);
  });
});
