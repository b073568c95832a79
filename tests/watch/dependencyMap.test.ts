import { describe, expect, it } from 'vitest';
import { affectedCharts, chartOfSpec, type DependencyMap } from '../../src/watch/dependencyMap.js';

// Three charts: two read exports.csv, one of them also looks up regions.csv.
const deps: DependencyMap = new Map([
  ['exports', ['data/exports.csv']],
  ['exports-by-region', ['data/exports.csv', 'data/regions.csv']],
  ['prices', ['data/prices.csv']],
]);

describe('affectedCharts', () => {
  it('rebuilds the charts whose spec reads a saved data file, and only those', () => {
    expect(affectedCharts(deps, ['data/exports.csv'])).toEqual(['exports', 'exports-by-region']);
    expect(affectedCharts(deps, ['data/regions.csv'])).toEqual(['exports-by-region']);
    expect(affectedCharts(deps, ['data/prices.csv'])).toEqual(['prices']);
  });

  it('rebuilds every chart for sources.csv and the theme', () => {
    expect(affectedCharts(deps, ['data/sources.csv'])).toEqual(['exports', 'exports-by-region', 'prices']);
    expect(affectedCharts(deps, ['specs/theme.json'])).toEqual(['exports', 'exports-by-region', 'prices']);
  });

  it('rebuilds a spec’s own chart, also one not in the map yet (a new spec) or gone (a deleted one)', () => {
    expect(affectedCharts(deps, ['specs/prices.vl.json'])).toEqual(['prices']);
    expect(affectedCharts(deps, ['specs/new-chart.vl.json'])).toEqual(['new-chart']);
  });

  it('treats a Table Schema sidecar as its table', () => {
    expect(affectedCharts(deps, ['data/regions.schema.json'])).toEqual(['exports-by-region']);
  });

  it('ignores files no chart reads: unused tables, editor backups, other JSON', () => {
    expect(affectedCharts(deps, ['data/unused.csv', 'data/exports.csv~', 'specs/.prices.vl.json.swp', 'specs/notes.json'])).toEqual([]);
  });

  it('merges a burst of saves into one sorted list without duplicates', () => {
    expect(affectedCharts(deps, ['data/prices.csv', 'data/exports.csv', 'specs/exports.vl.json'])).toEqual([
      'exports',
      'exports-by-region',
      'prices',
    ]);
  });
});

describe('chartOfSpec', () => {
  it('names the chart of specs/NAME.vl.json and nothing else', () => {
    expect(chartOfSpec('specs/exports.vl.json')).toBe('exports');
    expect(chartOfSpec('specs/theme.json')).toBeUndefined();
    expect(chartOfSpec('specs/sub/x.vl.json')).toBeUndefined();
    expect(chartOfSpec('data/exports.vl.json')).toBeUndefined();
  });
});

describe('affectedCharts with translated editions', () => {
  const editions: DependencyMap = new Map([
    ['exports', ['data/exports.csv']],
    ['exports.fr', ['data/exports.csv']],
    ['prices', ['data/prices.csv']],
  ]);

  it('a saved spec rebuilds its editions too; a saved translation file only its edition', () => {
    expect(affectedCharts(editions, ['specs/exports.vl.json'])).toEqual(['exports', 'exports.fr']);
    expect(affectedCharts(editions, ['specs/exports.fr.json'])).toEqual(['exports.fr']);
    expect(affectedCharts(editions, ['specs/notes.json'])).toEqual([]);
  });
});
