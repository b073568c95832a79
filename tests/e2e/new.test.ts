// `citechart new NAME --data data/FILE.csv`: a spec an editor starts from,
// chosen by the table's column types, that builds as it is.
import { existsSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeProject, minimalProject, readText, where } from '../helpers/fixtureProject.js';

const spec = (cwd: string, name: string) => JSON.parse(readText(cwd, `specs/${name}.vl.json`)) as Record<string, any>;

describe('new', () => {
  it('scaffolds a bar chart sorted by value for categories and numbers, which builds', async () => {
    // Rows not in value order, so the sort is the chart's doing.
    const exports = 'country,exports,source\nKenya,40,monitor-2023\nNorway,120,stats-2024\nChile,85,stats-2024\n';
    const cwd = makeProject({ ...minimalProject, 'data/exports.csv': exports });
    const made = await runCli(['new', 'widget-bars', '--data', 'data/exports.csv'], { cwd });
    expect(made.stderr).toBe('');
    expect(made.outLines).toEqual(['created specs/widget-bars.vl.json (bar chart sorted by value); run `npx citechart build` to draw it']);
    expect(made.code).toBe(0);
    const written = spec(cwd, 'widget-bars');
    expect(written.data).toEqual({ url: 'data/exports.csv' });
    expect(written.mark).toBe('bar');
    expect(written.encoding.y).toMatchObject({ field: 'country', type: 'nominal', sort: '-x' });
    expect(written.encoding.x).toMatchObject({ field: 'exports', type: 'quantitative', title: 'Exports' });
    // The fixture's theme names no artboards, so the spec gets a phone's and a column's.
    expect(written.usermeta).toEqual({ citechart: { notes: [], credit: '', widths: [320, 640] } });

    // check passes it; its one warning asks for the unit the table cannot tell.
    const checked = await runCli(['check'], { cwd });
    expect(checked.code).toBe(0);
    expect(checked.errLines).toEqual([
      // The second "Exports" title: the first is the chart's, after the table's name.
      `${where('specs/widget-bars.vl.json', readText(cwd, 'specs/widget-bars.vl.json'), '"title": "Exports"', 1)}: warning: column "exports" on x has no unit: its title "Exports" and format name none (%, $, million, …); write e.g. "Exports (%)" or "Exports (million $)", or set a format`,
    ]);

    const built = await runCli(['build', 'widget-bars'], { cwd });
    expect(built.code).toBe(0);
    expect(existsSync(path.join(cwd, 'output/widget-bars.svg'))).toBe(true);
    // Bars drawn longest first: Norway (120) above Chile (85) above Kenya (40).
    const svg = readText(cwd, 'output/widget-bars.svg');
    expect(svg.indexOf('>Norway<')).toBeLessThan(svg.indexOf('>Chile<'));
    expect(svg.indexOf('>Chile<')).toBeLessThan(svg.indexOf('>Kenya<'));
  });

  it('ticks a chart of years by year and one of months (2024-03) by month, not by month or day', async () => {
    const cwd = makeProject({
      ...minimalProject,
      'data/yearly.csv': 'year,exports,source\n2021,90,stats-2024\n2022,100,stats-2024\n',
      'data/monthly.csv': 'month,exports,source\n2024-03,90,stats-2024\n2024-04,100,stats-2024\n',
    });
    for (const name of ['yearly', 'monthly']) expect((await runCli(['new', name, '--data', `data/${name}.csv`], { cwd })).code).toBe(0);
    expect(spec(cwd, 'yearly').encoding.x).toMatchObject({ field: 'year', type: 'temporal', timeUnit: 'year' });
    expect(spec(cwd, 'monthly').encoding.x).toMatchObject({ field: 'month', type: 'temporal', timeUnit: 'yearmonth' });
    expect((await runCli(['build', 'yearly', 'monthly'], { cwd })).code).toBe(0);
    const texts = (name: string) => [...readText(cwd, `output/${name}.svg`).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts('yearly')).toEqual(expect.arrayContaining(['2021', '2022']));
    expect(texts('yearly')).not.toContain('February');
    expect(texts('monthly')).toEqual(expect.arrayContaining(['Mar 2024', 'Apr 2024']));
    expect(texts('monthly').filter((t) => /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d/.test(t!))).toEqual([]);
  });

  it('scaffolds a line chart for years and numbers, and a scatter plot for two numbers, both of which build', async () => {
    const cwd = makeProject({
      ...minimalProject,
      'data/trend.csv': 'year,exports,source\n2021,90,stats-2024\n2022,100,stats-2024\n2023,120,stats-2024\n',
      'data/prices.csv': 'price,volume,source\n12.5,120,stats-2024\n9.9,40,monitor-2023\n',
    });
    const line = await runCli(['new', 'trend', '--data', 'data/trend.csv'], { cwd });
    expect(line.outLines[0]).toContain('(line chart)');
    expect(spec(cwd, 'trend').encoding.x).toMatchObject({ field: 'year', type: 'temporal' });
    const scatter = await runCli(['new', 'prices', '--data', './data/prices.csv'], { cwd });
    expect(scatter.outLines[0]).toContain('(scatter plot)');
    expect(spec(cwd, 'prices').mark).toBe('point');
    const built = await runCli(['build', 'trend', 'prices'], { cwd });
    expect(built.code).toBe(0);
    expect(existsSync(path.join(cwd, 'output/trend.svg'))).toBe(true);
    expect(existsSync(path.join(cwd, 'output/prices.svg'))).toBe(true);
  });

  it('refuses to overwrite an existing spec', async () => {
    const cwd = makeProject(minimalProject);
    const before = readText(cwd, 'specs/exports.vl.json');
    const result = await runCli(['new', 'exports', '--data', 'data/exports.csv'], { cwd });
    expect(result.errLines).toEqual([
      'specs/exports.vl.json: error: this spec already exists; choose another name or delete it first (citechart never overwrites a spec)',
    ]);
    expect(result.code).toBe(1);
    expect(readText(cwd, 'specs/exports.vl.json')).toBe(before);
  });

  it('rejects an unknown table with a "did you mean", and a path outside data/', async () => {
    const cwd = makeProject(minimalProject);
    const typo = await runCli(['new', 'x', '--data', 'data/exprts.csv'], { cwd });
    expect(typo.errLines).toEqual(['data/exprts.csv: error: no such table in data/; did you mean "data/exports.csv"?']);
    expect(typo.code).toBe(1);
    const outside = await runCli(['new', 'x', '--data', '../exports.csv'], { cwd });
    expect(outside.errLines).toEqual(['../exports.csv: error: "../exports.csv" is not a table of figures in data/: use --data data/NAME.csv']);
    expect(outside.code).toBe(1);
    expect(existsSync(path.join(cwd, 'specs/x.vl.json'))).toBe(false);
  });

  it('refuses a table with errors (listing them) and a name that is not a slug', async () => {
    const cwd = makeProject({ ...minimalProject, 'data/bad.csv': 'country,exports,source\nNorway,120,stats-2204\n' });
    const bad = await runCli(['new', 'bad', '--data', 'data/bad.csv'], { cwd });
    expect(bad.errLines).toEqual([
      'data/bad.csv:2:12: error: unknown source id "stats-2204": it is not in data/sources.csv; did you mean "stats-2024"?',
      'data/bad.csv: error: data/bad.csv has errors (above); fix them, then run `citechart new` again',
    ]);
    expect(bad.code).toBe(1);
    const name = await runCli(['new', 'My Chart', '--data', 'data/exports.csv'], { cwd });
    expect(name.errLines).toEqual(['specs/My Chart.vl.json: error: chart name "My Chart" should be lower-case letters, digits and dashes, e.g. "imports-2023"']);
    expect(name.code).toBe(1);
    expect(existsSync(path.join(cwd, 'specs/bad.vl.json'))).toBe(false);
  });

  it('refuses a table with a header but no rows, whose chart could not build', async () => {
    const cwd = makeProject({ ...minimalProject, 'data/empty.csv': 'country,exports,source\n' });
    const result = await runCli(['new', 'empty', '--data', 'data/empty.csv'], { cwd });
    expect(result.errLines).toEqual(['data/empty.csv: error: data/empty.csv has a header but no rows; add its figures, then run `citechart new` again']);
    expect(result.code).toBe(1);
    expect(existsSync(path.join(cwd, 'specs/empty.vl.json'))).toBe(false);
  });

  it('refuses sources.csv as the list of sources, not a table of figures', async () => {
    const cwd = makeProject(minimalProject);
    const result = await runCli(['new', 'sources', '--data', 'data/sources.csv'], { cwd });
    expect(result.errLines).toEqual(['data/sources.csv: error: "data/sources.csv" is not a table of figures in data/: use --data data/NAME.csv']);
    expect(result.code).toBe(1);
  });

  it('accepts the table as an absolute path inside the project', async () => {
    const cwd = makeProject(minimalProject);
    const result = await runCli(['new', 'abs', '--data', path.join(cwd, 'data', 'exports.csv')], { cwd });
    expect(result.code).toBe(0);
    expect(spec(cwd, 'abs').data).toEqual({ url: 'data/exports.csv' });
    const outside = await runCli(['new', 'out', '--data', path.join(path.dirname(cwd), 'exports.csv')], { cwd });
    expect(outside.code).toBe(1);
    expect(existsSync(path.join(cwd, 'specs/out.vl.json'))).toBe(false);
  });

  it('requires --data (usage error)', async () => {
    const result = await runCli(['new', 'x'], { cwd: makeProject(minimalProject) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("required option '--data <file>' not specified");
  });
  it('never writes through a specs/ that is a link out of the project', async () => {
    // Found by an adversarial pass: new wrote the spec where the link pointed, and check then refused to read it.
    const elsewhere = makeProject({});
    const cwd = makeProject({ ...minimalProject, 'data/exports.csv': 'country,exports,source\nNorway,120,stats-2024\n' });
    rmSync(path.join(cwd, 'specs'), { recursive: true, force: true });
    symlinkSync(elsewhere, path.join(cwd, 'specs'));
    const made = await runCli(['new', 'widget-bars', '--data', 'data/exports.csv'], { cwd });
    expect(made.code).toBe(1);
    expect(made.stderr).toMatch(/^specs: error: this is a symbolic link: citechart never writes through a link/m);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});
