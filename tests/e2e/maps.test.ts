// Issue 17 (maps): boundaries come only from citechart's own packages or the
// project's data/; joins fail at the table's cell; a project's own boundary
// file is cited by its sources.csv row and verified like a table.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI, errorLines, runCli, STACK_FRAME } from '../helpers/cli.js';
import { makeProject, type Files } from '../helpers/fixtureProject.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const tool = path.resolve(here, '../..');
const fixture = path.join(here, '../fixtures/maps');

/** The map fixture project's files, with `overrides`. */
function mapProject(overrides: Files = {}): string {
  const files: Files = {};
  for (const folder of ['data', 'specs']) {
    for (const name of readdirSync(path.join(fixture, folder))) files[`${folder}/${name}`] = readFileSync(path.join(fixture, folder, name));
  }
  return makeProject({ ...files, ...overrides });
}

const square = (x: number, y: number) => [[[x, y], [x + 2, y], [x + 2, y + 2], [x, y + 2], [x, y]]];
const REGIONS = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'N', properties: { name: 'North' }, geometry: { type: 'Polygon', coordinates: square(10, 50) } },
    { type: 'Feature', id: 'S', properties: { name: 'South' }, geometry: { type: 'Polygon', coordinates: square(10, 47) } },
  ],
});
const regionSpec = (url = 'data/fixture-regions.geojson') =>
  JSON.stringify({
    title: 'Two regions',
    data: { url },
    transform: [{ lookup: 'id', from: { data: { url: 'data/regions.csv' }, key: 'region', fields: ['score'] } }],
    mark: 'geoshape',
    encoding: { color: { field: 'score', type: 'quantitative' } },
  });
const REGIONS_CSV = 'region,score,source\nNorth,3,fixture-stats\nS,5,fixture-stats\n';

/** Only the map charts named, so a test builds one chart. */
const only = (...names: string[]) => names;

describe('map builds', () => {
  it('read nothing outside the project and citechart itself (node:fs reads logged)', async () => {
    const cwd = mapProject({ 'data/fixture-regions.geojson': REGIONS, 'data/regions.csv': REGIONS_CSV, 'specs/regions.vl.json': regionSpec() });
    const log = path.join(cwd, 'reads.log');
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['--import', path.join(tool, 'tests/helpers/recordReads.mjs'), CLI, 'build', ...only('world-choropleth', 'regions')], {
        cwd,
        env: { ...process.env, NO_COLOR: '1', CITECHART_READ_LOG: log },
        stdio: 'ignore',
      });
      child.on('close', resolve);
    });
    expect(code).toBe(0);
    const roots = [realpathSync(cwd), cwd, realpathSync(tool), tool];
    const files = [...new Set(readFileSync(log, 'utf8').trim().split('\n'))].map((file) => path.resolve(cwd, file));
    // citechart's own scratch files (the font config it writes for sharp, its text-width cache) and node's own binary.
    const own = (file: string) => path.basename(path.dirname(file)).startsWith('citechart-') || path.basename(file).startsWith('citechart-') || file === '/proc/self/exe';
    expect(files.filter((file) => !own(file) && !roots.some((root) => file === root || file.startsWith(root + path.sep)))).toEqual([]);
    // It did read the atlas, from citechart's own node_modules, and the project's boundary file.
    expect(files).toContain(path.join(realpathSync(tool), 'node_modules/world-atlas/countries-110m.json'));
    expect(files.some((file) => file.endsWith(`${path.sep}data${path.sep}fixture-regions.geojson`))).toBe(true);
  }, 60_000);

  it("cites a project's boundary file by its sources.csv row, and verify covers it", async () => {
    const cwd = mapProject({ 'data/fixture-regions.geojson': REGIONS, 'data/regions.csv': REGIONS_CSV, 'specs/regions.vl.json': regionSpec() });
    const build = await runCli(['build', 'regions'], { cwd });
    expect(build.stderr).toBe('');
    const svg = readFileSync(path.join(cwd, 'output/regions.svg'), 'utf8');
    expect(svg).toContain('Fixture Mapping Agency, 2025');
    expect(svg).toMatch(/"contentUrl":"data\/fixture-regions\.geojson","sha256":"[0-9a-f]{64}"/);
    expect((await runCli(['verify', 'output/regions.svg'], { cwd })).code).toBe(0);
    writeFileSync(path.join(cwd, 'data/fixture-regions.geojson'), REGIONS.replace('North', 'Nord'));
    const stale = await runCli(['verify', 'output/regions.svg'], { cwd });
    expect(stale.code).toBe(1);
    expect(stale.stdout + stale.stderr).toContain('data/fixture-regions.geojson');
  }, 60_000);

  it('verify checks a bundled atlas against the copy citechart ships', async () => {
    const cwd = mapProject();
    expect((await runCli(['build', 'us-states'], { cwd })).code).toBe(0);
    const verify = await runCli(['verify', 'output/us-states.svg'], { cwd });
    expect(verify.stdout + verify.stderr).not.toMatch(/missing|changed|outside/i);
    expect(verify.code).toBe(0);
  }, 60_000);
});

describe('new', () => {
  it('proposes a choropleth for a column of country names and codes, which builds', async () => {
    const cwd = mapProject();
    const made = await runCli(['new', 'index-map', '--data', 'data/index.csv'], { cwd });
    expect(made.outLines).toEqual(['created specs/index-map.vl.json (choropleth map); run `npx citechart build` to draw it']);
    const build = await runCli(['build', 'index-map'], { cwd });
    expect(build.stderr).toBe('');
    expect(readFileSync(path.join(cwd, 'output/index-map.svg'), 'utf8')).toContain('No data');
  }, 60_000);
});

describe('map errors, at their line and column, in check and build', () => {
  const refused = async (cwd: string, expected: string[]) => {
    for (const command of ['check', 'build']) {
      const result = await runCli([command], { cwd, timeoutMs: 40_000 });
      expect(result.code).toBe(1);
      expect(result.stderr).not.toContain(STACK_FRAME);
      expect([...new Set(errorLines(result))]).toEqual(expected);
    }
  };

  it('an unknown country name gets a did-you-mean at its cell', async () => {
    const cwd = mapProject({ 'data/named.csv': 'country,source\nChina,fixture-stats\nRusia,fixture-stats\nUkraine,fixture-stats\nUnited States,fixture-stats\n' });
    await refused(cwd, ['data/named.csv:3:1: error: "Rusia" is not a region of citechart:world-atlas/countries-110m.json: did you mean "Russia"?']);
  }, 90_000);

  it('a figure whose country is not on the map, and a country given twice', async () => {
    const cwd = mapProject({ 'data/named.csv': 'country,source\nChina,fixture-stats\nSGP,fixture-stats\nCN,fixture-stats\nUnited States,fixture-stats\n' });
    await refused(cwd, [
      'data/named.csv:3:1: error: "SGP" is not drawn on citechart:world-atlas/countries-110m.json, so its figure would not appear; use a more detailed map (countries-50m) or leave the row out',
      'data/named.csv:4:1: error: "CN" names a region already joined on line 2: a map shows one figure per region',
    ]);
  }, 90_000);

  it('boundary urls other than the shipped atlases and data/*.topojson|geojson are refused', async () => {
    const spec = (url: string, feature = 'countries') =>
      JSON.stringify({ data: { url, format: { type: 'topojson', feature } }, mark: 'geoshape' }, null, 2);
    const cwd = mapProject({ 'specs/a.vl.json': spec('citechart:world-atlas/countries-10m.json'), 'specs/b.vl.json': spec('citechart:../../../etc/passwd') });
    for (const name of ['a', 'b']) {
      const result = await runCli(['build', name], { cwd });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^specs/${name}\\.vl\\.json:3:5: error: ".*" is not a boundary file citechart ships; use one of "citechart:world-atlas/countries-110m\\.json"`, 'm'));
    }
  }, 60_000);

  it('a boundary file without a sources.csv row, or linked out of data/, is refused at its url', async () => {
    const cwd = mapProject({ 'data/regions.csv': REGIONS_CSV, 'data/uncited.geojson': REGIONS, 'specs/regions.vl.json': regionSpec('data/uncited.geojson') });
    const uncited = await runCli(['build', 'regions'], { cwd });
    expect(uncited.stderr).toContain('specs/regions.vl.json:1:32: error: data/uncited.geojson has no source: add a row with id "uncited" (its file name without extension) to data/sources.csv');
    writeFileSync(path.join(cwd, 'secret.json'), REGIONS);
    symlinkSync(path.join(cwd, 'secret.json'), path.join(cwd, 'data/fixture-regions.geojson'));
    writeFileSync(path.join(cwd, 'specs/regions.vl.json'), regionSpec());
    const linked = await runCli(['build', 'regions'], { cwd });
    expect(linked.code).toBe(1);
    expect(linked.stderr).toMatch(/^specs\/regions\.vl\.json:1:32: error: data\/fixture-regions\.geojson is a link to .*secret\.json, outside its folder/m);
  }, 60_000);
});
