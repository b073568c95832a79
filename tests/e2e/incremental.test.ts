// Incremental builds through the CLI: a rebuild with nothing changed draws
// and rewrites nothing; a changed table rebuilds exactly its charts; outputs
// deleted by hand come back; --force rebuilds all; --formats svg writes no PNG.
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { barSpec, listFiles, makeProject, minimalProject, readBytes, readText } from '../helpers/fixtureProject.js';

const PRICES_CSV = 'country,exports,source\nNorway,3,stats-2024\nChile,4,monitor-2023\n';
const CHARTS = ['a', 'b', 'c', 'exports'];
const files = {
  ...minimalProject,
  'data/prices.csv': PRICES_CSV,
  'specs/a.vl.json': barSpec({ title: 'A' }),
  'specs/b.vl.json': barSpec({ title: 'B' }),
  'specs/c.vl.json': barSpec({ file: 'data/prices.csv', title: 'C' }),
};
const built = (name: string) => `built ${name}: output/${name}.svg, output/${name}.png, output/${name}.html`;

/** mtime of every file in output/, the cache included. */
const mtimes = (cwd: string) =>
  Object.fromEntries(readdirSync(path.join(cwd, 'output')).map((f) => [f, statSync(path.join(cwd, 'output', f)).mtimeMs]));

describe('a rebuild', () => {
  let cwd: string;
  let first: CliResult;
  beforeAll(async () => {
    cwd = makeProject(files);
    first = await runCli(['build'], { cwd });
  });

  it('builds everything the first time, with a timed summary and no progress line off a terminal', () => {
    expect(first.code).toBe(0);
    expect(first.outLines).toEqual([...CHARTS.map(built), '4 charts built']);
    expect(first.stdout).toMatch(/\n4 charts built in \d+\.\d s\n$/);
    expect(first.stderr).toBe('');
  });

  it('with nothing changed reports all up to date and rewrites no file', async () => {
    const before = mtimes(cwd);
    expect(Object.keys(before)).toContain('.citechart-cache.json');
    const again = await runCli(['build'], { cwd });
    expect(again.code).toBe(0);
    expect(again.outLines).toEqual(['0 charts built, 4 up to date']);
    expect(again.stderr).toBe('');
    expect(mtimes(cwd)).toEqual(before);
  });

  it('after one CSV changed rebuilds exactly the chart that reads it', async () => {
    const before = mtimes(cwd);
    writeFileSync(path.join(cwd, 'data/prices.csv'), PRICES_CSV.replace('Chile,4', 'Chile,6'));
    const result = await runCli(['build'], { cwd });
    expect(result.outLines).toEqual([built('c'), '1 chart built, 3 up to date']);
    const after = mtimes(cwd);
    for (const name of ['a', 'b', 'exports']) for (const ext of ['svg', 'png']) expect(after[`${name}.${ext}`]).toBe(before[`${name}.${ext}`]);
    expect(after['c.svg']).not.toBe(before['c.svg']);
    expect(readText(cwd, 'output/c.svg')).toContain('Chile');
  });

  it('rebuilds an output deleted by hand', async () => {
    rmSync(path.join(cwd, 'output/b.png'));
    const result = await runCli(['build'], { cwd });
    expect(result.outLines).toEqual([built('b'), '1 chart built, 3 up to date']);
    expect(listFiles(path.join(cwd, 'output'))).toContain('b.png');
  });

  it('rewrites a deleted manifest without drawing anything', async () => {
    const manifest = readText(cwd, 'output/manifest.json');
    rmSync(path.join(cwd, 'output/manifest.json'));
    const result = await runCli(['build'], { cwd });
    expect(result.outLines).toEqual(['0 charts built, 4 up to date']);
    expect(readText(cwd, 'output/manifest.json')).toBe(manifest);
  });

  it('with --force rebuilds every chart', async () => {
    const result = await runCli(['build', '--force'], { cwd });
    expect(result.outLines).toEqual([...CHARTS.map(built), '4 charts built']);
  });

  it('of one named chart leaves the others alone and up to date', async () => {
    writeFileSync(path.join(cwd, 'data/exports.csv'), minimalProject['data/exports.csv']!.toString().replace('Kenya,40', 'Kenya,41'));
    const one = await runCli(['build', 'a'], { cwd });
    expect(one.outLines).toEqual([built('a'), '1 chart built']);
    const rest = await runCli(['build'], { cwd });
    expect(rest.outLines).toEqual([built('b'), built('exports'), '2 charts built, 2 up to date']);
  });
});

describe('--formats', () => {
  it('svg writes no PNG (and lists none in the manifest)', async () => {
    const cwd = makeProject(files);
    const result = await runCli(['build', '--formats', 'svg'], { cwd });
    expect(result.code).toBe(0);
    expect(result.outLines.at(-1)).toBe('4 charts built');
    expect(listFiles(path.join(cwd, 'output'))).toEqual([...CHARTS.map((n) => `${n}.svg`), 'index.html', 'manifest.json'].sort());
    const manifest = JSON.parse(readText(cwd, 'output/manifest.json'));
    expect(manifest.charts.a.files).toEqual(['output/a.svg']);
    // Asking for PNG and the snippet too afterwards draws every chart again.
    const both = await runCli(['build', '--formats', 'svg,png,html'], { cwd });
    expect(both.outLines).toEqual([...CHARTS.map(built), '4 charts built']);
  });

  it('refuses a format it cannot write, and --jobs 0, as usage errors', async () => {
    const cwd = makeProject(files);
    const gif = await runCli(['build', '--formats', 'svg,gif'], { cwd });
    expect(gif.code).toBe(2);
    expect(gif.errLines).toEqual(['citechart: unknown format "gif" for --formats (formats: svg, png, html, pdf)']);
    const jobs = await runCli(['build', '--jobs', '0'], { cwd });
    expect(jobs.code).toBe(2);
    expect(jobs.errLines).toEqual(['citechart: --jobs takes a whole number of at least 1, not "0"']);
    expect(listFiles(cwd).some((f) => f.startsWith('output/'))).toBe(false);
  });
});

describe('parallel and serial builds', () => {
  it('write byte-identical files, in any time zone', async () => {
    const many = { ...files, 'specs/d.vl.json': barSpec({ title: 'D', transform: [{ filter: 'datum.exports > 50' }] }) };
    const serial = makeProject(many);
    const parallel = makeProject(many);
    const [one, two] = await Promise.all([
      runCli(['build', '--jobs', '1'], { cwd: serial }),
      runCli(['build', '--jobs', '2'], { cwd: parallel, env: { TZ: 'Pacific/Kiritimati' } }),
    ]);
    expect([one.code, two.code]).toEqual([0, 0]);
    expect(two.outLines).toEqual(one.outLines);
    const outputs = listFiles(path.join(serial, 'output'));
    // 5 charts × SVG, PNG and HTML snippet, the manifest and the gallery.
    expect(outputs).toHaveLength(17);
    expect(listFiles(path.join(parallel, 'output'))).toEqual(outputs);
    for (const file of outputs) {
      expect(readBytes(parallel, `output/${file}`).equals(readBytes(serial, `output/${file}`)), file).toBe(true);
    }
  });
});
