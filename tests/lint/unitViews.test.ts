import { describe, expect, it } from 'vitest';
import { unitViews } from '../../src/lint/unitViews.js';

describe('unitViews', () => {
  it('gives each layer its parent encoding, overridden by its own', () => {
    const views = unitViews({
      data: { url: 'data/a.csv' },
      encoding: { x: { field: 'v', type: 'quantitative' }, y: { field: 'c', type: 'nominal' } },
      layer: [{ mark: 'bar' }, { mark: { type: 'text' }, encoding: { x: { field: 'w', type: 'quantitative' } } }],
    });
    expect(views.map((v) => [v.mark, v.encoding.x!.def.field, v.encoding.y!.def.field, v.dataFile])).toEqual([
      ['bar', 'v', 'c', 'data/a.csv'],
      ['text', 'w', 'c', 'data/a.csv'],
    ]);
    expect(views[0]!.encoding.x!.jsonPath).toEqual(['encoding', 'x']);
    expect(views[1]!.encoding.x!.jsonPath).toEqual(['layer', 1, 'encoding', 'x']);
  });

  it('does not share encodings across concatenated views, and collects facet fields', () => {
    const views = unitViews({
      encoding: { x: { field: 'v' } },
      hconcat: [{ mark: 'bar' }],
    });
    expect(views[0]!.encoding.x).toBeUndefined();
    const faceted = unitViews({ facet: { row: { field: 'year' } }, spec: { mark: 'bar', encoding: { column: { field: 'region' } } } });
    expect(faceted[0]!.facetFields).toEqual(['year', 'region']);
  });

  it("collects the transforms a view's rows go through, its ancestors' first; a view with its own data starts afresh", () => {
    const views = unitViews({
      data: { url: 'data/a.csv' },
      transform: [{ filter: 'datum.v > 0' }],
      layer: [
        { mark: { type: 'line', invalid: null } },
        { transform: [{ filter: 'datum.year == 2024' }], mark: 'text' },
        { data: { url: 'data/b.csv' }, mark: 'rule' },
      ],
    });
    expect(views.map((v) => v.transforms.map((t) => t.jsonPath))).toEqual([
      [['transform', 0]],
      [['transform', 0], ['layer', 1, 'transform', 0]],
      [],
    ]);
    expect(views.map((v) => v.path)).toEqual([['layer', 0], ['layer', 1], ['layer', 2]]);
    expect(views[0]!.markDef).toEqual({ type: 'line', invalid: null });
    expect(views[1]!.markDef).toBeUndefined();
  });
});
