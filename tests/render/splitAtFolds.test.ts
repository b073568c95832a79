import { describe, expect, it } from 'vitest';
import type { Spec } from 'vega';
import { splitAtFolds } from '../../src/render/splitAtFolds.js';

// Issue 15: the copy Vega draws is made by assigning keys rather than defining each; it must stay the same copy.
describe('splitAtFolds', () => {
  const row = Object.defineProperty({ a: 1 }, '__proto__', { value: 'cell', enumerable: true, writable: true, configurable: true });
  const geometry = { type: 'Polygon', coordinates: [[[0, 0], [1, 1]]] };
  const spec = JSON.parse(JSON.stringify({
    data: [
      { name: 'table', values: [], transform: [{ type: 'filter', expr: 'true' }, { type: 'aggregate', groupby: ['a'] }] },
      { name: 'shapes', values: [] },
    ],
    marks: [{ type: 'rect', from: { data: 'table' }, encode: { update: { x: { field: 'a' } } } }],
  }));
  spec.data[0].values = [row];
  spec.data[1].values = [{ geometry }];
  // A spec key named `__proto__` (JSON.parse makes it an own key) stays an own key of the copy.
  spec.marks[0].encode.update = JSON.parse('{"__proto__": {"value": 1}, "y": {"value": 2}}');

  it('copies every node and row, splits the fold, keeps a __proto__ key a key and shares what Vega only reads', () => {
    const { spec: copy, feeding } = splitAtFolds(spec as Spec);
    const data = (copy as unknown as { data: Array<Record<string, unknown>> }).data;
    expect(feeding).toEqual(['table__citechart_input']);
    expect(data.map((d) => d.name)).toEqual(['table__citechart_input', 'table', 'shapes']);
    const [copied] = data[0]!.values as Array<Record<string, unknown>>;
    expect(copied).not.toBe(row);
    expect(copied).toEqual(row);
    expect(Object.getPrototypeOf(copied)).toBe(Object.prototype);
    expect(Object.hasOwn(copied!, '__proto__')).toBe(true);
    expect((data[2]!.values as Array<{ geometry: unknown }>)[0]!.geometry).toBe(geometry);
    const update = (copy as unknown as { marks: Array<{ encode: { update: Record<string, unknown> } }> }).marks[0]!.encode.update;
    expect(update).not.toBe(spec.marks[0].encode.update);
    expect(Object.hasOwn(update, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(update)).toBe(Object.prototype);
    expect(Object.keys(update)).toEqual(['__proto__', 'y']);
    expect(JSON.stringify(copy.marks)).toBe(JSON.stringify(spec.marks));
  });
});
