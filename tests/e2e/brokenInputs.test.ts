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

describe('the limits added in round 10, through the CLI', () => {
  it("a mark's size over the limit fails its chart at the value; the other chart is built", async () => {
    const { barSpec, minimalProject } = await import('../helpers/fixtureProject.js');
    const big = barSpec({ extra: { mark: { type: 'point', size: 1e9 } } });
    const cwd = makeProject({ ...minimalProject, 'specs/points.vl.json': big });
    const result = await runCli(['build'], { cwd });
    expect(result.stderr).not.toContain(STACK_FRAME);
    expect(result.errLines.filter((line) => line.includes('error'))).toEqual([
      `${where('specs/points.vl.json', big, '"size"')}: error: "size" 1000000000 is over citechart's limit of 100,000 for a mark's size (a point's area in square px; a bar's or line's width in px): it would cover the artboard; a point is about 30 to 500, a large bubble a few thousand`,
    ]);
    expect(result.errLines).toContain('failed points: nothing written');
    expect(result.outLines).toEqual(['built exports: output/exports.svg, output/exports.png, output/exports.html', '1 chart built, 1 failed']);
    expect(result.code).toBe(1);
  });

  it("an edition's translation over the limit is an error at its entry, exit 1", async () => {
    const { minimalProject } = await import('../helpers/fixtureProject.js');
    const translation = JSON.stringify({ strings: { 'Widget exports by country': 'x'.repeat(10_001) } }, null, 2);
    const cwd = makeProject({ ...minimalProject, 'specs/exports.fr.json': translation });
    const result = await runCli(['check'], { cwd });
    expect(result.stderr).not.toContain(STACK_FRAME);
    expect(result.errLines.filter((line) => line.includes('error'))).toEqual([
      `${where('specs/exports.fr.json', translation, '"Widget exports by country"')}: error: the translation of "Widget exports by country" is 10,001 characters long, over citechart's limit of 10,000 (as long as a CSV cell may be): shorten it`,
    ]);
    expect(result.code).toBe(1);
  });
});
