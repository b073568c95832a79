// A world map whose tables name only European countries (and Russia) gets a
// conic equal-area projection fitted to them when its spec sets none (issue 17).
import { beforeAll, describe, expect, it } from 'vitest';
import { regionProjection } from '../../src/geo/regionProjection.js';
import { readBoundary, type Boundary } from '../../src/geo/readBoundary.js';
import { openProject } from '../../src/project.js';
import { format, project, sourcesCsv } from '../helpers/project.js';
import { compileSpec } from '../../src/compile/compileSpec.js';
import { readSpec } from '../../src/compile/readSpec.js';
import { readBoundaries } from '../../src/geo/readBoundaries.js';

const WORLD = 'citechart:world-atlas/countries-110m.json';
let world: Boundary;
beforeAll(async () => {
  const read = await readBoundary(process.cwd(), { url: WORLD, feature: 'countries', jsonPath: [], lookup: true } as never, new Map());
  world = read.boundary!;
});
const ids = (...codes: string[]) => new Set(codes);

describe('regionProjection', () => {
  it('gives a map of European countries ESRI:102013, Europe Albers Equal Area Conic (43°N, 62°N, 10°E)', () => {
    // France, Germany, Poland, Cyprus (Europe in countries-list), Kosovo (no ISO numeric code in Natural Earth).
    expect(regionProjection(world, ids('250', '276', '616', '196', 'Kosovo'))).toEqual({
      projection: { type: 'conicEqualArea', parallels: [43, 62], rotate: [-10, 0] },
    });
  });

  it('gives a map with Russia a cone of its extent: parallels by the one-sixth rule, central meridian in the middle', () => {
    // Russia spans about 41°N–82°N and 19.6°E–169°W (across the antimeridian): parallels 48° and 75°, meridian 105°E.
    expect(regionProjection(world, ids('643', '804', '112'))).toEqual({
      projection: { type: 'conicEqualArea', parallels: [48, 75], rotate: [-105, 0] },
    });
  });

  it('leaves any other map to the atlas\' default: a country outside Europe, none named, or not a world map', () => {
    expect(regionProjection(world, ids('250', '156'))).toBeUndefined(); // France and China
    expect(regionProjection(world, ids('250', '792'))).toBeUndefined(); // Turkey is Asia in countries-list
    expect(regionProjection(world, ids())).toBeUndefined();
    expect(regionProjection({ ...world, idKind: 'us-fips-state' }, ids('06'))).toBeUndefined();
  });
});

describe('a map of Europe, compiled', () => {
  const spec = (projection?: Record<string, unknown>) =>
    JSON.stringify({
      layer: [
        { data: { url: WORLD, format: { type: 'topojson', feature: 'countries' } }, mark: { type: 'geoshape', fill: '#ddd' } },
        {
          data: { url: WORLD, format: { type: 'topojson', feature: 'countries' } },
          transform: [{ lookup: 'id', from: { data: { url: 'data/t.csv' }, key: 'country', fields: ['v'] } }, { filter: 'isValid(datum.v)' }],
          mark: 'geoshape',
          encoding: { color: { field: 'v', type: 'quantitative' } },
        },
      ],
      ...(projection && { projection }),
    });
  const compile = async (projection?: Record<string, unknown>, csv = 'country,v,source\nFrance,1,s\nItaly,2,s\n') => {
    const dir = await project({ 'data/sources.csv': sourcesCsv('s'), 'data/t.csv': csv, 'specs/m.vl.json': spec(projection) });
    const opened = await openProject(dir);
    const { spec: read } = await readSpec(dir, 'm');
    const { tables } = await opened.tablesFor(read!);
    const { boundaries } = await readBoundaries(dir, read!, opened.sources);
    const { chart, diagnostics } = compileSpec(read!, tables, undefined, boundaries);
    expect(format(diagnostics)).toEqual([]);
    return { vega: chart!.vega as { projections: Array<Record<string, unknown>>; data: Array<{ name: string; values?: Array<{ id: string; geometry: { type: string; coordinates: unknown[] } }> }> }, dir };
  };

  it('fits the conic projection to the named countries\' near parts and clips the world behind them', async () => {
    const { vega } = await compile();
    expect(vega.projections[0]).toMatchObject({
      type: 'conicEqualArea', parallels: [43, 62], rotate: [-10, 0],
      fit: { signal: "data('citechart_region_fit')" }, clipExtent: { signal: '[[0, 0], [width, height]]' },
    });
    const fit = vega.data.find((d) => d.name === 'citechart_region_fit')!.values!;
    expect(fit.map((f) => f.id).sort()).toEqual(['250', '380']);
    // France without French Guiana: its 1:110m shape has 3 parts (French Guiana, mainland, Corsica).
    const france = fit.find((f) => f.id === '250')!;
    expect(france.geometry.coordinates).toHaveLength(2);
  });

  it('keeps a spec\'s own projection, and Equal Earth for a world of figures', async () => {
    const own = await compile({ type: 'mercator' });
    expect(own.vega.projections[0]).toMatchObject({ type: 'mercator' });
    expect(own.vega.projections[0]!.fit).toEqual({ signal: expect.not.stringContaining('citechart_region_fit') });
    expect(own.vega.data.some((d) => d.name === 'citechart_region_fit')).toBe(false);
    const world = await compile(undefined, 'country,v,source\nFrance,1,s\nChina,2,s\n');
    expect(world.vega.projections[0]).toMatchObject({ type: 'equalEarth' });
  });
});
