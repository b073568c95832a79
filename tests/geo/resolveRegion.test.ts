import { beforeAll, describe, expect, it } from 'vitest';
import { readBoundary, type Boundary } from '../../src/geo/readBoundary.js';
import { indexRegions } from '../../src/geo/resolveRegion.js';

const read = async (url: string, feature: string) => {
  const { boundary, problem } = await readBoundary('/nonexistent', { jsonPath: [], url, feature, lookup: false }, new Map());
  if (!boundary) throw new Error(problem);
  return boundary;
};

describe('indexRegions: a key cell → the feature it names', () => {
  let world: Boundary;
  let states: Boundary;
  beforeAll(async () => {
    world = await read('citechart:world-atlas/countries-110m.json', 'countries');
    states = await read('citechart:us-atlas/states-10m.json', 'states');
  });

  it('takes names, aliases, ISO alpha-2, alpha-3 and numeric codes alike', () => {
    const index = indexRegions(world, 'en');
    for (const cell of ['China', 'china', 'CN', 'CHN', 'chn', '156', 156]) expect(index.resolve(cell)).toEqual({ id: '156' });
    expect(index.resolve('Russia')).toEqual({ id: '643' });
    expect(index.resolve('Russian Federation')).toEqual({ id: '643' });
    expect(index.resolve('United States')).toEqual({ id: '840' });
    // A spreadsheet drops leading zeros: 4 is Afghanistan's 004.
    expect(index.resolve(4)).toEqual({ id: '004' });
    // Natural Earth shapes outside ISO 3166 are joined by their name.
    expect(index.resolve('Kosovo')).toEqual({ id: 'Kosovo' });
  });

  it("takes the list's common short names (aliases) in the chart's language, where i18n-iso-countries has them", () => {
    expect(indexRegions(world, 'de').resolve('Vereinigte Staaten')).toEqual({ id: '840' });
    expect(indexRegions(world, 'de').resolve('USA')).toEqual({ id: '840' });
    expect(indexRegions(world, 'nl').resolve('Verenigde Staten')).toEqual({ id: '840' });
    expect(indexRegions(world, 'es').resolve('Estados Unidos')).toEqual({ id: '840' });
  });

  it('refuses an unknown name with a did-you-mean in an English chart, and accepts it in a French one', () => {
    expect(indexRegions(world, 'en').resolve('Chine')).toEqual({
      problem: '"Chine" is not a region of citechart:world-atlas/countries-110m.json: did you mean "China"?',
    });
    expect(indexRegions(world, 'fr').resolve('Chine')).toEqual({ id: '156' });
    // A French chart still reads English names, as data often come.
    expect(indexRegions(world, 'fr').resolve('Ukraine')).toEqual({ id: '804' });
  });

  it('gives no suggestion for a name far from every country', () => {
    expect(indexRegions(world, 'en').resolve('Atlantis of the North')).toEqual({
      problem: expect.stringMatching(/^"Atlantis of the North" is not a region of .*; write its name, or an ISO 3166 code/),
    });
  });

  it('refuses a real country the map does not draw (a figure with no shape)', () => {
    // Singapore (702) is too small for Natural Earth's 1:110m countries.
    for (const cell of ['Singapore', 'SG', '702']) {
      expect(indexRegions(world, 'en').resolve(cell)).toEqual({ problem: expect.stringMatching(/is not drawn on citechart:world-atlas\/countries-110m\.json.*countries-50m/) });
    }
  });

  it('refuses a numeric code that is not ISO 3166-1', () => {
    expect(indexRegions(world, 'en').resolve('999')).toEqual({ problem: '"999" is not an ISO 3166-1 numeric code; check it, or write the country\'s name' });
  });

  it('joins US states by name or FIPS code, with a did-you-mean', () => {
    const index = indexRegions(states, 'en');
    expect(index.resolve('California')).toEqual({ id: '06' });
    expect(index.resolve(6)).toEqual({ id: '06' });
    expect(index.resolve('Californa')).toEqual({ problem: expect.stringContaining('did you mean "California"?') });
  });
});
