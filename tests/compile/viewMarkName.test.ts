import { describe, expect, it } from 'vitest';
import { vl } from '../../src/vegaBuilds.js';
import { viewMarkName } from '../../src/compile/viewMarkName.js';
import { countMarkItems } from '../../src/render/countMarkItems.js';

// The names are Vega-Lite's: compile a spec and compare with the marks it makes.
const markNames = (spec: Record<string, unknown>): string[] => {
  const names: string[] = [];
  const walk = (node: { marks?: { name?: string; type: string; marks?: unknown[] }[] }) => {
    for (const mark of node.marks ?? []) {
      if (mark.type !== 'group' && mark.name) names.push(mark.name);
      walk(mark as never);
    }
  };
  walk(vl.compile({ data: { values: [{ a: 1, b: 'x' }] }, ...spec } as never).spec as never);
  return names;
};

describe('viewMarkName', () => {
  const unit = { mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } };

  it('names a single view, layers, concatenations and a facet as Vega-Lite does', () => {
    expect(markNames(unit)).toEqual([viewMarkName(unit, [])]);
    const layered = { layer: [unit, unit] };
    expect(markNames(layered)).toEqual([viewMarkName(layered, ['layer', 0]), viewMarkName(layered, ['layer', 1])]);
    const concat = { hconcat: [unit, { layer: [unit, unit] }] };
    expect(markNames(concat)).toEqual([viewMarkName(concat, ['hconcat', 0]), viewMarkName(concat, ['hconcat', 1, 'layer', 0]), viewMarkName(concat, ['hconcat', 1, 'layer', 1])]);
    const facet = { facet: { field: 'b', type: 'nominal' }, spec: unit };
    expect(markNames(facet)).toEqual([viewMarkName(facet, ['spec'])]);
  });

  it('gives up on views the spec names itself', () => {
    expect(viewMarkName({ layer: [{ ...unit, name: 'mine' }] }, ['layer', 0])).toBeUndefined();
  });
});

describe('countMarkItems', () => {
  it('sums items per mark name across groups', () => {
    const scene = { marktype: 'group', items: [{ items: [{ name: 'layer_0_marks', items: [{}, {}] }, { name: 'layer_1_marks', items: [] }] }, { items: [{ name: 'layer_0_marks', items: [{}] }] }] };
    expect([...countMarkItems(scene)]).toEqual([['layer_0_marks', 3], ['layer_1_marks', 0]]);
  });
});
