// `check` and `build` report the same diagnostics for issue 11's cases: the
// checks run in compileSpec and Vega's messages are judged in renderSvg,
// which both commands go through.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeProject } from '../helpers/fixtureProject.js';
import { sourcesCsv } from '../helpers/project.js';
import { logZero, missingAsZero, normalizedStack, percentPoints, withTooltip, yearLabel } from '../checks/fixtures.js';

const diagnosticLines = (stderr: string) => stderr.split('\n').filter((line) => /: (error|warning): /.test(line)).sort();

const drawn = (rows: string, spec: Record<string, unknown>) => ({
  'data/sources.csv': sourcesCsv('s1'),
  'data/t.csv': `k,v,source\n${rows}`,
  'specs/t.vl.json': JSON.stringify({ data: { url: 'data/t.csv' }, mark: 'bar', encoding: { y: { field: 'k', type: 'nominal' }, x: { field: 'v', type: 'quantitative', title: 'V (%)' } }, ...spec }),
});

describe('check and build agree', () => {
  const cases = {
    logZero: logZero(),
    missingAsZero: missingAsZero(null),
    normalizedStack: normalizedStack(),
    percentPoints: percentPoints('.0%'),
    yearLabel: yearLabel('datum.year == 2024'),
    tooltip: withTooltip(true),
    // Found by an adversarial pass: check drew without fitting and without
    // the PNG, so it passed both of these in silence while build warned / failed.
    cutLabel: drawn('A category label far too long to fit in the axis label limit of 180 px,10,s1\nb,80,s1\n', {}),
    tooLargeForPng: drawn('a,10,s1\nb,80,s1\n', { width: 20000 }),
    artboardNoRoom: drawn('An extremely long category name that goes on,10,s1\nb,80,s1\n', { width: 600, usermeta: { citechart: { widths: [200] } } }),
  };
  for (const [name, files] of Object.entries(cases)) {
    it(`on every diagnostic of ${name}, and on the exit code`, async () => {
      const cwd = makeProject(files);
      const [checked, built] = [await runCli(['check'], { cwd }), await runCli(['build'], { cwd })];
      expect(diagnosticLines(checked.stderr).length).toBeGreaterThan(0);
      expect(diagnosticLines(built.stderr)).toEqual(diagnosticLines(checked.stderr));
      expect(built.code).toBe(checked.code);
    });
  }
  it('an artboard whose labels leave the plot no room is an error at its width, not a plot drawn off the artboard', async () => {
    // Found by an adversarial pass: at 200 px the plot was laid out 0 px wide at x = 217, exit 0, no word.
    const cwd = makeProject(cases.artboardNoRoom);
    const built = await runCli(['build', '--formats', 'svg'], { cwd });
    expect(built.code).toBe(1);
    expect(diagnosticLines(built.stderr).find((l) => l.includes(': error: '))).toMatch(/^specs\/t\.vl\.json:1:\d+: error: at the artboard width 200 px the plot gets 0 px/);
  });
});
