// Issue 15: renderSvg ran the chart's dataflow once more just to count its
// marks (countMarks). markBound reads a bound from the spec alone; the count
// is run only when the bound could pass the limit, so the bound must never be
// under countMarks' count, and must give up where rows can be made.
import { describe, expect, it } from 'vitest';
import type { Spec as VegaSpec } from 'vega';
import { countMarks } from '../../src/render/countMarks.js';
import { markBound } from '../../src/render/markBound.js';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ k: `k${i % 7}`, v: i }));

const specs: Record<string, VegaSpec> = {
  points: {
    data: [{ name: 't', values: rows(50) }],
    marks: [{ type: 'symbol', from: { data: 't' } }, { type: 'text', from: { data: 't' } }],
  } as VegaSpec,
  aggregated: {
    data: [{ name: 't', values: rows(50) }, { name: 'sums', source: 't', transform: [{ type: 'aggregate', groupby: ['k'] }] }],
    marks: [{ type: 'rect', from: { data: 'sums' } }, { type: 'rule' }],
  } as VegaSpec,
  faceted: {
    data: [{ name: 't', values: rows(30) }],
    marks: [{ type: 'group', from: { facet: { name: 'cell', data: 't', groupby: 'k' } }, marks: [{ type: 'symbol', from: { data: 'cell' } }] }],
  } as VegaSpec,
  // Vega-Lite's facet headers: a sequence of one row and one as long as the facet's domain.
  headers: {
    data: [
      { name: 't', values: rows(30) },
      { name: 'domain', source: 't', transform: [{ type: 'aggregate', groupby: ['k'] }] },
      { name: 'one', transform: [{ type: 'sequence', start: 0, stop: 1 }] },
      { name: 'cells', transform: [{ type: 'sequence', start: 0, stop: { signal: 'length(data("domain"))' } }] },
    ],
    marks: [{ type: 'text', from: { data: 'cells' } }, { type: 'text', from: { data: 'one' } }],
  } as VegaSpec,
  // Vega-Lite's stacked areas: impute over one group fills nothing new.
  imputed: {
    data: [{ name: 't', values: rows(20), transform: [{ type: 'impute', field: 'v', key: 'k', groupby: [], method: 'value', value: 0 }] }],
    marks: [{ type: 'area', from: { data: 't' } }],
  } as VegaSpec,
  empty: { data: [{ name: 't', values: [] }], marks: [{ type: 'rect', from: { data: 't' } }] } as VegaSpec,
};

describe('markBound', () => {
  for (const [name, spec] of Object.entries(specs)) {
    it(`is never under countMarks' count: ${name}`, async () => {
      const bound = markBound(spec);
      const count = await countMarks(spec);
      expect(bound).toBeTypeOf('number');
      expect(count).toBeTypeOf('number');
      expect(bound!).toBeGreaterThanOrEqual(count!);
    });
  }

  it('counts every mark definition, nested ones too, times the inline rows', () => {
    expect(markBound(specs.points!)).toBe(2 * 50);
    expect(markBound(specs.faceted!)).toBe(2 * 30);
    expect(markBound(specs.empty!)).toBe(1);
  });

  it('gives up where rows can be made or come from elsewhere, and counts the rows a constant sequence makes', async () => {
    const folded = { data: [{ name: 't', values: rows(10), transform: [{ type: 'fold', fields: ['k', 'v'] }] }], marks: [{ type: 'symbol', from: { data: 't' } }] } as VegaSpec;
    // fold doubles the rows: a bound of 10 would be under the count of 20.
    expect(await countMarks(folded)).toBe(20);
    expect(markBound(folded)).toBeUndefined();
    const sequence = { data: [{ name: 's', transform: [{ type: 'sequence', start: 0, stop: 100 }] }], marks: [{ type: 'symbol', from: { data: 's' } }] } as VegaSpec;
    expect(await countMarks(sequence)).toBe(100);
    expect(markBound(sequence)).toBe(100);
    const twice = { data: [{ name: 't', values: rows(10) }, { name: 'u', source: ['t', 't'] }], marks: [{ type: 'symbol', from: { data: 'u' } }] } as VegaSpec;
    expect(await countMarks(twice)).toBe(20);
    expect(markBound(twice)).toBeUndefined();
    const grouped = { data: [{ name: 't', values: [{ k: 'a', g: 1, v: 1 }, { k: 'b', g: 2, v: 1 }], transform: [{ type: 'impute', field: 'v', key: 'k', groupby: ['g'] }] }], marks: [{ type: 'symbol', from: { data: 't' } }] } as VegaSpec;
    // Each group gets the key it lacks: 4 rows from 2.
    expect(await countMarks(grouped)).toBe(4);
    expect(markBound(grouped)).toBeUndefined();
    const bySignal = { data: [{ name: 's', transform: [{ type: 'sequence', start: 0, stop: { signal: 'width' } }] }], marks: [] } as VegaSpec;
    expect(markBound(bySignal)).toBeUndefined();
    expect(markBound({ data: [{ name: 't', url: 'data/t.csv' }], marks: [] } as VegaSpec)).toBeUndefined();
    expect(markBound({ data: [{ name: 't', values: rows(3), transform: [{ type: 'aggregate', cross: true, groupby: ['k'] }] }], marks: [] } as VegaSpec)).toBeUndefined();
    expect(markBound({ data: [{ name: 't', values: { features: [] }, format: { property: 'features' } }], marks: [] } as VegaSpec)).toBeUndefined();
  });
});
