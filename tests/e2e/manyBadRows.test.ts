// Issue 9, item 6: a CSV with ~150,000 bad rows crashed `check` and `build`
// (`diagnostics.push(...list)` overflowed the call stack). Both now exit 1
// with the first MAX_PROBLEMS_PER_FILE problems of the file and one
// "and N more" line, in reasonable time.
import { describe, expect, it } from 'vitest';
import { MAX_PROBLEMS_PER_FILE } from '../../src/errors.js';
import { errorLines, runCli, STACK_FRAME } from '../helpers/cli.js';
import { childrenCpuNow } from '../helpers/cpuTime.js';
import { barSpec, makeProject, minimalProject } from '../helpers/fixtureProject.js';

// The file had ~150,000 rows; the row limit (src/limits.ts) now refuses
// that many at the first row over it, so this file stays just under it.
const BAD_ROWS = 99_000;

// Every row has two problems: a text in the plotted number column and an unknown source id.
function badCsv(): string {
  const lines = ['country,exports,source,note'];
  for (let i = 0; i < BAD_ROWS; i++) lines.push(`C${i},x${i},nope-${i % 7},`);
  return lines.join('\n') + '\n';
}

describe(`a CSV with ${BAD_ROWS.toLocaleString('en')} bad rows`, () => {
  const cwd = makeProject({ ...minimalProject, 'data/exports.csv': badCsv(), 'specs/exports.vl.json': barSpec() });

  it.each(['check', 'build'])('%s lists the first problems and counts the rest, without a crash', { timeout: 300_000 }, async (command) => {
    const started = childrenCpuNow();
    const result = await runCli([command], { cwd, timeoutMs: 280_000 });
    // CPU time of the citechart processes, not wall time: the same on a loaded CI machine.
    const seconds = started === undefined ? 0 : (childrenCpuNow()! - started) / 1000;
    expect(result.stderr).not.toContain(STACK_FRAME);
    expect(result.stderr).not.toMatch(/RangeError|Maximum call stack|internal error/);
    expect(result.code).toBe(1);
    const errors = errorLines(result);
    expect(errors).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(errors.slice(0, -1).every((line) => /^data\/exports\.csv:\d+:\d+: error: /.test(line))).toBe(true);
    expect(errors.at(-1)).toMatch(
      new RegExp(`^data/exports\\.csv:\\d+:\\d+: error: and ${(2 * BAD_ROWS - MAX_PROBLEMS_PER_FILE).toLocaleString('en')} more problems like these in data/exports\\.csv \\(only the first ${MAX_PROBLEMS_PER_FILE} of a file are listed\\)`),
    );
    // Measured on a shared 2-core machine: about 10 s of CPU each.
    expect(seconds).toBeLessThan(90);
  });
});
