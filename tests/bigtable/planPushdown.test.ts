// Where the planner stops (issue 16): the first step it cannot translate
// exactly, with the reason --explain prints, everything before it pushed.
import pl from 'nodejs-polars';
import { describe, expect, it } from 'vitest';
import { planPushdown } from '../../src/bigtable/planPushdown.js';
import type { ColumnType } from '../../src/model.js';

const COLUMNS = new Map<string, ColumnType>([['partner', 'string'], ['date', 'string'], ['value', 'number']]);
const plan = (spec: Record<string, unknown>) => planPushdown(pl, { data: { url: 'data/t.parquet' }, ...spec }, COLUMNS);
const bar = { mark: 'bar', encoding: { x: { field: 'partner', type: 'nominal' }, y: { field: 'value', aggregate: 'sum', type: 'quantitative' } } };

describe('the pushdown stops at the first step it cannot translate exactly', () => {
  const cases: Array<[string, Record<string, unknown>, number, string]> = [
    ['a step after a mean', { transform: [{ aggregate: [{ op: 'mean', field: 'value', as: 'm' }], groupby: ['partner'] }, { filter: 'datum.m > 3' }], ...bar }, 1, "a step after a mean (its exact value, Vega's running mean, is computed after polars)"],
    ['a running sum in a window', { transform: [{ window: [{ op: 'sum', field: 'value', as: 's' }] }], ...bar }, 0, 'the window op "sum" (pushed: row_number, rank, dense_rank)'],
    ['a window sorted by text', { transform: [{ window: [{ op: 'rank', as: 'r' }], sort: [{ field: 'partner' }] }], ...bar }, 0, 'a window sorted by "partner", not a column of numbers'],
    ['an aggregate after a joinaggregate', { transform: [{ joinaggregate: [{ op: 'sum', field: 'value', as: 't' }] }, { aggregate: [{ op: 'sum', field: 't', as: 'tt' }] }], ...bar }, 1, 'an aggregate after an aggregate or joinaggregate (sources would be unions of unions)'],
    ['a mean in a joinaggregate', { transform: [{ joinaggregate: [{ op: 'mean', field: 'value', as: 't' }] }], ...bar }, 0, 'the joinaggregate op "mean" (pushed: sum, count, valid, missing, distinct, median, min, max)'],
    ['a bin with a span', { transform: [{ bin: { span: 10 }, field: 'value', as: 'b' }], ...bar }, 0, 'a bin with its own span'],
    ['a pivot', { transform: [{ filter: { field: 'value', gt: 0 } }, { pivot: 'partner', value: 'value' }], ...bar }, 1, 'pivot is not translated to polars'],
    ['a fold of text and numbers', { transform: [{ fold: ['partner', 'value'], as: ['k', 'v'] }], ...bar }, 0, 'a fold of text and numbers together'],
  ];
  for (const [name, spec, pushed, reason] of cases) {
    it(name, () => {
      const result = plan(spec);
      expect(result.steps).toHaveLength(pushed);
      expect(result.stopped?.reason).toBe(reason);
      // The step it stopped at and everything after it are left to Vega.
      expect(result.left.length).toBe((spec.transform as unknown[]).length - pushed);
    });
  }

  it('layers grouped by different fields leave their aggregates to Vega', () => {
    const result = plan({ encoding: { x: { field: 'partner', type: 'nominal' } }, layer: [{ mark: 'bar', encoding: { y: { field: 'value', aggregate: 'sum' } } }, { mark: 'rule', encoding: { x: null, y: { field: 'value', aggregate: 'mean' } } }] });
    expect(result.steps).toHaveLength(0);
    expect(result.stopped).toEqual({ label: 'encoding aggregates', reason: 'layers grouped by different fields' });
  });

  it('a layer drawing every row leaves the aggregates to Vega', () => {
    const result = plan({ encoding: { x: { field: 'partner', type: 'nominal' } }, layer: [{ mark: 'bar', encoding: { y: { field: 'value', aggregate: 'sum' } } }, { mark: 'point', encoding: { y: { field: 'value' } } }] });
    expect(result.stopped?.reason).toBe('a layer that aggregates nothing (it draws every row)');
  });

  it('two binned fields leave the aggregates to Vega', () => {
    const result = plan({ mark: 'rect', encoding: { x: { field: 'value', bin: true }, y: { field: 'value', bin: { maxbins: 5 } }, color: { aggregate: 'count' } } });
    expect(result.stopped?.reason).toBe('two binned encodings');
  });
});
