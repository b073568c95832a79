import { describe, expect, it } from 'vitest';
import { checkBoundaryData, isBoundaryUrl } from '../../src/geo/boundaryRef.js';

const check = (data: Record<string, unknown>) => checkBoundaryData(data, ['data']);
const world = { url: 'citechart:world-atlas/countries-110m.json', format: { type: 'topojson', feature: 'countries' } };

describe('checkBoundaryData', () => {
  it('accepts a shipped atlas with its TopoJSON object, and project files', () => {
    expect(check(world)).toEqual({ ref: { jsonPath: ['data'], url: world.url, feature: 'countries', mesh: undefined, lookup: false }, problems: [] });
    expect(check({ url: './data/regions.geojson' }).ref?.url).toBe('data/regions.geojson');
    expect(check({ url: 'data/r.topojson', format: { type: 'topojson', mesh: 'r' } }).ref?.mesh).toBe('r');
  });

  it('refuses what it cannot read as boundaries, at the key', () => {
    const problems = (data: Record<string, unknown>) => check(data).problems.map((p) => [p.at.join('.'), p.message]);
    expect(problems({ ...world, format: { type: 'json' } })).toEqual([
      ['data.format', '"citechart:world-atlas/countries-110m.json" is TopoJSON: write "format": {"type": "topojson", "feature": "countries" or "land"}'],
    ]);
    expect(problems({ ...world, format: { type: 'topojson', feature: 'states' } })).toEqual([
      ['data.format', '"citechart:world-atlas/countries-110m.json" has no object "states"; "feature" must be one of "countries", "land"'],
    ]);
    expect(problems({ ...world, values: [] })[0]).toEqual(['data.values', '"values" is not allowed with boundaries: a boundary data object has only "url", "format" and "name"']);
    expect(problems({ ...world, format: { ...world.format, parse: {} } })[0]![0]).toBe('data.format.parse');
    expect(problems({ url: 'data/r.geojson', format: { type: 'csv' } })).toEqual([
      ['data.format.type', '"data/r.geojson" is GeoJSON: its format type is "json" (or leave "format" out), not "csv"'],
    ]);
  });

  it('knows a boundary url from a table url', () => {
    expect(['citechart:x', 'data/a.geojson', './data/a.TOPOJSON'].map(isBoundaryUrl)).toEqual([true, true, true]);
    expect(['data/a.csv', 'data/sub/a.geojson', 'a.geojson', 'data/a.json', 42].map(isBoundaryUrl)).toEqual([false, false, false, false, false]);
  });
});
