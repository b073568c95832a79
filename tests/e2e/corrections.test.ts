// Corrections readers see (issue 14, step 2): publish records the figures,
// a build that changes one fails until data/corrections.csv covers it.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { EXPORTS_CSV, makeProject, minimalProject, readBytes, readText, where } from '../helpers/fixtureProject.js';

const CORRECTION =
  'date,chart,table,row,what,why,source\n' +
  '2024-05-02,,data/exports.csv,Chile,"Chile\'s exports were 86,000 units, not 85,000",The office revised its figure,stats-2024\n';

async function published(): Promise<string> {
  const dir = makeProject(minimalProject);
  expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
  const result = await runCli(['publish', 'exports'], { cwd: dir });
  expect(result.outLines).toEqual(['published exports: its 3 drawn rows recorded in published.json']);
  expect(result.code).toBe(0);
  return dir;
}

describe('citechart publish and data/corrections.csv', () => {
  it('a published graphic changed without a correction: the build fails naming the figure, at its cell, and keeps the graphic', async () => {
    const dir = await published();
    const before = readBytes(dir, 'output/exports.svg');
    const csv = EXPORTS_CSV.replace('Chile,85', 'Chile,86');
    writeFileSync(path.join(dir, 'data/exports.csv'), csv);
    const result = await runCli(['build'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.errLines).toContain(
      `${where('data/exports.csv', csv, '86')}: error: chart "exports" was published (published.json) and its figure exports of data/exports.csv row "Chile" would change from 85 to 86; ` +
        'add a row to data/corrections.csv (date, chart or table and row, what, why, source) saying what changed, or undo the change',
    );
    expect(readBytes(dir, 'output/exports.svg').equals(before)).toBe(true);
  });

  it('with the correction: "Corrected on <date>: <what>" in the footer, schema.org correction in the JSON-LD, same bytes build after build', async () => {
    const dir = await published();
    writeFileSync(path.join(dir, 'data/exports.csv'), EXPORTS_CSV.replace('Chile,85', 'Chile,86'));
    writeFileSync(path.join(dir, 'data/corrections.csv'), CORRECTION);
    const result = await runCli(['build'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const svg = readText(dir, 'output/exports.svg');
    expect(svg).toContain('<tspan font-weight="bold">Corrected on 2 May 2024:</tspan> Chile');
    const html = readText(dir, 'output/exports.html');
    expect(html).toContain(`"correction":[{"@type":"CorrectionComment","datePublished":"2024-05-02","text":"Chile's exports were 86,000 units, not 85,000"}]`);
    const bytes = ['svg', 'png', 'html'].map((ext) => readBytes(dir, `output/exports.${ext}`));
    expect((await runCli(['build', '--force'], { cwd: dir })).code).toBe(0);
    ['svg', 'png', 'html'].forEach((ext, i) => expect(readBytes(dir, `output/exports.${ext}`).equals(bytes[i]!), ext).toBe(true));
    // The correction covers Chile only: a published row removed needs its own.
    writeFileSync(path.join(dir, 'data/exports.csv'), EXPORTS_CSV.replace('Chile,85', 'Chile,86').replace('Kenya,40,monitor-2023,\n', ''));
    const removed = await runCli(['build'], { cwd: dir });
    expect(removed.code).toBe(1);
    expect(removed.stderr).toContain('data/exports.csv: error: chart "exports" was published (published.json) and it would no longer draw data/exports.csv row "Kenya"');
  });

  it('reports a bad correction row at its cell; refuses to publish a chart not built or stale', async () => {
    const dir = await published();
    const bad = 'date,chart,table,row,what,why,source\n2024-13-02,exports,,,fixed,,nope\n';
    writeFileSync(path.join(dir, 'data/corrections.csv'), bad);
    const checked = await runCli(['check'], { cwd: dir });
    expect(checked.code).toBe(1);
    expect(checked.errLines).toContain(`${where('data/corrections.csv', bad, '2024-13-02')}: error: correction date "2024-13-02" is not a date written YYYY-MM-DD (e.g. 2024-05-02); write the day the correction was made`);
    expect(checked.errLines).toContain(`${where('data/corrections.csv', bad, 'nope')}: error: correction source "nope" is not an id in data/sources.csv; add the source or fix the id`);
    writeFileSync(path.join(dir, 'data/corrections.csv'), 'date,chart,table,row,what,why,source\n');
    writeFileSync(path.join(dir, 'data/exports.csv'), EXPORTS_CSV.replace('Norway,120', 'Norway,121'));
    const stale = await runCli(['publish', 'exports'], { cwd: dir });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('output/exports.svg: error: the graphic of "exports" is not up to date');
    const unknown = await runCli(['publish', 'nope'], { cwd: dir });
    expect(unknown.code).toBe(2);
    const fresh = makeProject(minimalProject);
    const unbuilt = await runCli(['publish', 'exports'], { cwd: fresh });
    expect(unbuilt.code).toBe(1);
    expect(unbuilt.stderr).toContain('has no graphic to publish');
    expect(existsSync(path.join(fresh, 'published.json'))).toBe(false);
  });

  it('a correction of a drawn row logged after the build makes the graphic stale until rebuilt; one of an undrawn row does not', async () => {
    const dir = makeProject(minimalProject);
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    writeFileSync(path.join(dir, 'data/corrections.csv'), 'date,chart,table,row,what,why,source\n2024-05-02,,data/other.csv,Chile,Elsewhere,,\n');
    expect((await runCli(['verify', 'output/exports.svg'], { cwd: dir })).code).toBe(0);
    writeFileSync(path.join(dir, 'data/corrections.csv'), CORRECTION);
    const stale = await runCli(['verify', 'output/exports.svg'], { cwd: dir });
    expect(stale.outLines[0]).toBe(
      `output/exports.svg: stale (data/corrections.csv has a correction of 2024-05-02 it does not show ("Chile's exports were 86,000 units, not 85,000")); rebuild with \`npx citechart build\``,
    );
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['verify', '--all'], { cwd: dir })).code).toBe(0);
    expect(readText(dir, 'output/exports.svg')).toContain('Corrected on 2 May 2024:');
  });

  it('check warns of a correction naming a chart or table that does not exist (it would cover nothing)', async () => {
    const log = 'date,chart,table,row,what,why,source\n2024-05-02,exprots,,,Fixed,,\n2024-05-03,,data/exprots.csv,Chile,Fixed,,\n2024-05-04,exports,data/exports.csv,Chile,Fixed,,\n';
    const dir = makeProject({ ...minimalProject, 'data/corrections.csv': log });
    const result = await runCli(['check'], { cwd: dir });
    // At the cell (review, round 10: the line alone before).
    expect(result.errLines.filter((line) => line.startsWith('data/corrections.csv'))).toEqual([
      `${where('data/corrections.csv', log, 'exprots')}: warning: this correction names chart "exprots", which no spec in specs/ draws: it covers nothing and shows nowhere; fix the name`,
      `${where('data/corrections.csv', log, 'data/exprots.csv')}: warning: this correction names table "data/exprots.csv", which is not in data/: it covers nothing and shows nowhere; fix the path`,
    ]);
    expect(result.code).toBe(0);
  });

  it('a log without the columns it needs is an error at its header, line and column', async () => {
    const dir = makeProject({ ...minimalProject, 'data/corrections.csv': 'when,what\n2024-05-02,Fixed\n' });
    const result = await runCli(['check'], { cwd: dir });
    expect(result.errLines.filter((line) => line.startsWith('data/corrections.csv'))).toEqual([expect.stringMatching(/^data\/corrections\.csv:1:1: error: /)]);
    expect(result.code).toBe(1);
  });
});
