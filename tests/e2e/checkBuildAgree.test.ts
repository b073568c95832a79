// `check` and `build` report the same diagnostics for issue 11's cases: the
// checks run in compileSpec and Vega's messages are judged in renderSvg,
// which both commands go through.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeProject } from '../helpers/fixtureProject.js';
import { logZero, missingAsZero, normalizedStack, percentPoints, withTooltip, yearLabel } from '../checks/fixtures.js';

const diagnosticLines = (stderr: string) => stderr.split('\n').filter((line) => /: (error|warning): /.test(line)).sort();

describe('check and build agree', () => {
  const cases = {
    logZero: logZero(),
    missingAsZero: missingAsZero(null),
    normalizedStack: normalizedStack(),
    percentPoints: percentPoints('.0%'),
    yearLabel: yearLabel('datum.year == 2024'),
    tooltip: withTooltip(true),
  };
  for (const [name, files] of Object.entries(cases)) {
    it(`on every diagnostic of ${name}, and on the exit code`, async () => {
      const cwd = makeProject(files);
      const [checked, built] = [await runCli(['check'], { cwd }), await runCli(['build', '--formats', 'svg'], { cwd })];
      expect(diagnosticLines(checked.stderr).length).toBeGreaterThan(0);
      expect(diagnosticLines(built.stderr)).toEqual(diagnosticLines(checked.stderr));
      expect(built.code).toBe(checked.code);
    });
  }
});
