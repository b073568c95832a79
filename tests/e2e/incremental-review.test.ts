// Review of the incremental build: after each kind of change, the next build
// draws exactly the charts it must, and what it leaves in output/ is
// byte-identical to a --force build of the same state.
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CACHE_FORMAT } from '../../src/cache/cacheKey.js';
import { cacheFileText, parseCacheFile } from '../helpers/cacheFile.js';
import { runCli } from '../helpers/cli.js';
import { makeProject, minimalProject } from '../helpers/fixtureProject.js';

const REGIONS = 'country,region,source\nNorway,Europe,stats-2024\nChile,Americas,monitor-2023\nKenya,Africa,monitor-2023\n';
const IMPORTS = 'country,imports,source\nNorway,20,stats-2024\nChile,30,stats-2024\nKenya,10,monitor-2023\n';
const bars = (field: string) => ({ y: { field: 'country', type: 'nominal' }, x: { field, type: 'quantitative' } });
const files = {
  ...minimalProject,
  'data/regions.csv': REGIONS,
  'data/imports.csv': IMPORTS,
  'specs/lookup.vl.json': JSON.stringify({
    data: { url: 'data/exports.csv' },
    transform: [{ lookup: 'country', from: { data: { url: 'data/regions.csv' }, key: 'country', fields: ['region'] } }],
    mark: 'bar',
    encoding: { ...bars('exports'), color: { field: 'region', type: 'nominal' } },
  }),
  'specs/layered.vl.json': JSON.stringify({
    layer: [
      { data: { url: 'data/exports.csv' }, mark: 'bar', encoding: bars('exports') },
      { data: { url: 'data/imports.csv' }, mark: 'point', encoding: bars('imports') },
    ],
  }),
  'specs/zürich-ünï.vl.json': JSON.stringify({ data: { url: 'data/imports.csv' }, mark: 'bar', encoding: bars('imports') }),
};

let cwd: string;
const edit = (file: string, text: string) => writeFileSync(path.join(cwd, file), text);
/** Every output file's bytes (the cache excluded). */
const outputs = (out = 'output') =>
  Object.fromEntries(
    readdirSync(path.join(cwd, out))
      .filter((file) => file !== '.citechart-cache.json')
      .sort()
      .map((file) => [file, readFileSync(path.join(cwd, out, file)).toString('base64')]),
  );
/** Builds with `args`; returns the charts drawn, after checking the result equals a --force build's. */
const rebuild = async (...args: string[]) => {
  const result = await runCli(['build', ...args], { cwd });
  expect(result.code, result.stderr).toBe(0);
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1]! : 'output';
  const after = outputs(out);
  expect((await runCli(['build', '--force', ...args], { cwd })).code).toBe(0);
  expect(outputs(out)).toEqual(after);
  return result.outLines.filter((line) => line.startsWith('built ')).map((line) => line.slice(6, line.indexOf(':')));
};

describe('incremental build, input by input', () => {
  beforeAll(async () => {
    cwd = makeProject(files);
    expect(await rebuild()).toEqual(['exports', 'layered', 'lookup', 'zürich-ünï']);
  });

  it('a table read only by a lookup transform: the chart that looks it up', async () => {
    edit('data/regions.csv', REGIONS.replace('Norway,Europe', 'Norway,Nordic'));
    expect(await rebuild()).toEqual(['lookup']);
  });

  it("a layered spec's second table: that chart and the other reader", async () => {
    edit('data/imports.csv', IMPORTS.replace('Norway,20', 'Norway,21'));
    expect(await rebuild()).toEqual(['layered', 'zürich-ünï']);
  });

  it('inputs touched but unchanged, outputs touched: nothing', async () => {
    const later = new Date(Date.now() + 5_000);
    for (const file of ['data/exports.csv', 'data/sources.csv', 'specs/theme.json', 'output/lookup.svg']) utimesSync(path.join(cwd, file), later, later);
    expect(await rebuild()).toEqual([]);
  });

  it('a table rewritten with the mtime it had (same-second save, coarse clock): seen by content', async () => {
    const before = new Date('2024-01-01T00:00:00Z');
    utimesSync(path.join(cwd, 'data/regions.csv'), before, before);
    await rebuild();
    edit('data/regions.csv', REGIONS.replace('Kenya,Africa', 'Kenya,East Africa'));
    utimesSync(path.join(cwd, 'data/regions.csv'), before, before);
    expect(await rebuild()).toEqual(['lookup']);
  });

  it('a corrupt, truncated or other-version cache: everything, once', async () => {
    const cache = path.join('output', '.citechart-cache.json');
    const text = readFileSync(path.join(cwd, cache), 'utf8');
    expect(text).toContain(`"format":${CACHE_FORMAT}`);
    for (const broken of ['not json', text.slice(0, 100), text.replace(`"format":${CACHE_FORMAT}`, '"format":0')]) {
      edit(cache, broken);
      expect(await rebuild()).toHaveLength(4);
      expect(await rebuild()).toEqual([]);
    }
  }, 360_000); // twelve builds

  it('--theme dark and back: everything each time, then nothing', async () => {
    expect(await rebuild('--theme', 'dark')).toHaveLength(4);
    expect(await rebuild('--theme', 'dark')).toEqual([]);
    expect(await rebuild()).toHaveLength(4);
  });

  it('--out DIR keeps its own cache', async () => {
    expect(await rebuild('--out', 'elsewhere')).toHaveLength(4);
    expect(await rebuild('--out', 'elsewhere')).toEqual([]);
    expect(await rebuild()).toEqual([]);
  });

  it('a table renamed with the same content: the charts whose spec now names it', async () => {
    edit('data/imports2.csv', IMPORTS.replace('Norway,20', 'Norway,21'));
    edit('specs/zürich-ünï.vl.json', files['specs/zürich-ünï.vl.json'].replace('data/imports.csv', 'data/imports2.csv'));
    expect(await rebuild()).toEqual(['zürich-ünï']);
  });
});

describe('a cache file of the right format but the wrong shape', () => {
  it('costs a rebuild of the charts it garbles, never a crash', async () => {
    cwd = makeProject(minimalProject);
    expect((await runCli(['build'], { cwd })).code).toBe(0);
    const file = path.join(cwd, 'output', '.citechart-cache.json');
    const cache = parseCacheFile(readFileSync(file, 'utf8'));
    const exports = cache.charts.get('exports')!;
    for (const garbled of [{ key: 'x' }, { ...exports, outputs: {} }, { ...exports, entry: { files: 'output/exports.svg' } }]) {
      writeFileSync(file, cacheFileText({ ...cache.header, project: { key: 'k' } }, [['exports', garbled]]));
      expect(await rebuild()).toEqual(['exports']);
    }
    // A line that is not a chart's, or cut short: that chart drawn again, never a crash.
    for (const raw of ['["exports", {"key": ', 'not json', '["exports"']) {
      writeFileSync(file, cacheFileText({ ...cache.header, project: { key: 'k' } }, [], [raw]));
      expect(await rebuild()).toEqual(['exports']);
    }
  });
});
