import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChartInputs, readDependencies } from '../../src/watch/readDependencies.js';
import { barSpec, makeProject, minimalProject } from '../helpers/fixtureProject.js';

describe('readDependencies', () => {
  it('maps each chart to the data files its spec references, lookups included', async () => {
    const cwd = makeProject({
      ...minimalProject,
      'data/regions.csv': 'country,region,source\nNorway,Europe,stats-2024\n',
      'specs/by-region.vl.json': barSpec({
        file: './data/exports.csv',
        transform: [{ lookup: 'country', from: { data: { url: 'data/regions.csv' }, key: 'country', fields: ['region'] } }],
      }),
    });
    const deps = await readDependencies(cwd, ['by-region', 'exports']);
    expect(Object.fromEntries(deps)).toEqual({
      'by-region': ['data/exports.csv', 'data/regions.csv'],
      exports: ['data/exports.csv'],
    });
  });

  it("counts a map's own boundary file, not the atlases citechart ships", async () => {
    const cwd = makeProject({
      ...minimalProject,
      'specs/map.vl.json': JSON.stringify({
        layer: [
          { data: { url: 'citechart:world-atlas/countries-110m.json', format: { type: 'topojson', feature: 'countries' } }, mark: 'geoshape' },
          { data: { url: 'data/regions.geojson' }, transform: [{ lookup: 'id', from: { data: { url: 'data/exports.csv' }, key: 'country', fields: ['exports'] } }], mark: 'geoshape' },
        ],
      }),
    });
    expect(await readChartInputs(cwd, 'map')).toEqual(['data/exports.csv', 'data/regions.geojson']);
  });

  it('keeps the previous inputs of a spec saved half-written (invalid JSON)', async () => {
    const cwd = makeProject(minimalProject);
    writeFileSync(path.join(cwd, 'specs/exports.vl.json'), '{"data": {"url": "data/other.csv"');
    expect(await readChartInputs(cwd, 'exports', ['data/exports.csv'])).toEqual(['data/exports.csv']);
  });
});
