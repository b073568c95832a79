// Review (round 10): a sweep of broken inputs through the built CLI. Each is
// an error naming the file, line and column, exit 1, no stack trace and no
// raw JavaScript error text, and the charts already built are kept.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, STACK_FRAME } from '../helpers/cli.js';
import { makeProject, readBytes, where, type Files } from '../helpers/fixtureProject.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/maps');

/** The map fixture project's files, with `overrides`. */
function mapProject(overrides: Files = {}): string {
  const files: Files = {};
  for (const folder of ['data', 'specs']) {
    for (const name of readdirSync(path.join(fixture, folder))) files[`${folder}/${name}`] = readFileSync(path.join(fixture, folder, name));
  }
  return makeProject({ ...files, ...overrides });
}

const regionSpec = JSON.stringify({
  title: 'Two regions',
  data: { url: 'data/fixture-regions.geojson' },
  transform: [{ lookup: 'id', from: { data: { url: 'data/regions.csv' }, key: 'region', fields: ['score'] } }],
  mark: 'geoshape',
  encoding: { color: { field: 'score', type: 'quantitative' } },
});
const square = (x: number, y: number) => [[[x, y], [x + 2, y], [x + 2, y + 2], [x, y + 2], [x, y]]];
const REGIONS = JSON.stringify(
  {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', id: 'N', properties: { name: 'North' }, geometry: { type: 'Polygon', coordinates: square(10, 50) } },
      { type: 'Feature', id: 'S', properties: { name: 'South' }, geometry: { type: 'Polygon', coordinates: square(10, 47) } },
    ],
  },
  null,
  2,
);
const REGIONS_CSV = 'region,score,source\nN,3,fixture-stats\nS,5,fixture-stats\n';
/** JavaScript's own words for a JSON syntax error (V8's), which must not reach a user. */
const RAW_JSON_ERROR = /Unexpected token|Unexpected end of JSON|in JSON at position|is not valid JSON$/m;

describe('a broken boundary file (data/NAME.geojson)', () => {
  it('is an error at its line and column in the file, in citechart words, exit 1', async () => {
    const broken = '{\n  "type": "FeatureCollection",\n  "features": [\n    {"type": "Feature",, "id": "N"}\n  ]\n}\n';
    const cwd = mapProject({ 'data/fixture-regions.geojson': broken, 'data/regions.csv': REGIONS_CSV, 'specs/regions.vl.json': regionSpec });
    const result = await runCli(['check'], { cwd });
    expect(result.stderr).not.toContain(STACK_FRAME);
    expect(result.stderr).not.toMatch(RAW_JSON_ERROR);
    expect(result.errLines.filter((line) => line.includes('error'))).toEqual([
      `${where('data/fixture-regions.geojson', broken, ', "id"')}: error: invalid JSON: a property name in double quotes is expected here (a stray or trailing comma?)`,
    ]);
    expect(result.code).toBe(1);
  });

  it('breaking it after a build fails the chart and keeps its graphic as it was', async () => {
    const cwd = mapProject({ 'data/fixture-regions.geojson': REGIONS, 'data/regions.csv': REGIONS_CSV, 'specs/regions.vl.json': regionSpec });
    const first = await runCli(['build', 'regions'], { cwd });
    expect(first.errLines.filter((line) => line.includes('error'))).toEqual([]);
    expect(first.code).toBe(0);
    const before = readBytes(cwd, 'output/regions.svg');
    const broken = REGIONS.replace(/\}\s*$/, '');
    writeFileSync(path.join(cwd, 'data/fixture-regions.geojson'), broken);
    const result = await runCli(['build', 'regions'], { cwd });
    expect(result.stderr).not.toContain(STACK_FRAME);
    expect(result.stderr).not.toMatch(RAW_JSON_ERROR);
    expect(result.errLines).toContain(`data/fixture-regions.geojson:${broken.split('\n').length}:${broken.length - broken.lastIndexOf('\n')}: error: invalid JSON: a closing } is expected here`);
    expect(result.code).toBe(1);
    expect(readBytes(cwd, 'output/regions.svg').equals(before)).toBe(true);
  });
});
