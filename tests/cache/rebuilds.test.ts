// Which charts a rebuild draws again, input kind by input kind, through the
// library's build() (in-process). The CLI's side is in tests/e2e/incremental.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/commands/build.js';
import { barSpec, EXPORTS_CSV, makeProject, minimalProject, readText } from '../helpers/fixtureProject.js';

const PRICES_CSV = 'country,exports,source\nNorway,3,stats-2024\nChile,4,monitor-2023\n';
let cwd: string;

const drawn = async (options: Partial<BuildOptions> = {}) => {
  const result = await build({ cwd, jobs: 1, ...options });
  expect(result.charts.every((chart) => chart.ok)).toBe(true);
  return result.charts.filter((chart) => chart.ok && !chart.upToDate).map((chart) => chart.name);
};
const edit = (file: string, text: string) => writeFileSync(path.join(cwd, file), text);

beforeAll(() => {
  cwd = makeProject({
    ...minimalProject,
    'data/prices.csv': PRICES_CSV,
    'specs/a.vl.json': barSpec({ title: 'A' }),
    'specs/b.vl.json': barSpec({ title: 'B' }),
    'specs/c.vl.json': barSpec({ file: 'data/prices.csv', title: 'C' }),
  });
  rmSync(path.join(cwd, 'specs/exports.vl.json'));
});

// In order: each step starts from the state the one before left.
describe('incremental rebuilds (build())', () => {
  it('draws every chart the first time, none the second', async () => {
    expect(await drawn()).toEqual(['a', 'b', 'c']);
    expect(await drawn()).toEqual([]);
  });

  it('a changed table: only the charts that read it', async () => {
    edit('data/prices.csv', PRICES_CSV.replace('Norway,3', 'Norway,5'));
    expect(await drawn()).toEqual(['c']);
  });

  it('a schema sidecar that appears: the charts of its table', async () => {
    edit('data/exports.schema.json', JSON.stringify({ fields: [{ name: 'country', type: 'string' }] }));
    expect(await drawn()).toEqual(['a', 'b']);
  });

  it('a changed spec: that chart only', async () => {
    edit('specs/a.vl.json', barSpec({ title: 'A, retitled' }));
    expect(await drawn()).toEqual(['a']);
  });

  it('a changed theme, a deleted theme: every chart', async () => {
    edit('specs/theme.json', readText(cwd, 'specs/theme.json').replace('"padding": 16', '"padding": 12'));
    expect(await drawn()).toEqual(['a', 'b', 'c']);
    rmSync(path.join(cwd, 'specs/theme.json'));
    expect(await drawn()).toEqual(['a', 'b', 'c']);
    expect(await drawn()).toEqual([]);
  });

  it('a changed sources.csv: every chart', async () => {
    edit('data/sources.csv', readText(cwd, 'data/sources.csv').replace('Trade Monitor', 'Trade Monitor Ltd'));
    expect(await drawn()).toEqual(['a', 'b', 'c']);
  });

  it('other formats: every chart; the same again: none', async () => {
    expect(await drawn({ formats: ['svg'] })).toEqual(['a', 'b', 'c']);
    expect(await drawn({ formats: ['svg'] })).toEqual([]);
  });

  it('force: every chart', async () => {
    expect(await drawn({ formats: ['svg'], force: true })).toEqual(['a', 'b', 'c']);
  });

  it('a deleted output, a hand-edited output: that chart', async () => {
    rmSync(path.join(cwd, 'output/b.svg'));
    expect(await drawn({ formats: ['svg'] })).toEqual(['b']);
    edit('output/c.svg', readText(cwd, 'output/c.svg').replace('</svg>', '<!-- edited --></svg>'));
    expect(await drawn({ formats: ['svg'] })).toEqual(['c']);
  });

  it('a deleted cache: every chart, once', async () => {
    rmSync(path.join(cwd, 'output/.citechart-cache.json'));
    expect(await drawn({ formats: ['svg'] })).toEqual(['a', 'b', 'c']);
    expect(EXPORTS_CSV).toBe(readText(cwd, 'data/exports.csv'));
  });
});
