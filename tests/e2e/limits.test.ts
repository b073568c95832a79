// Issue 9, item 8, end to end: `check` refuses inputs over a limit quickly,
// with a located error and exit 1, where it used to run out of memory (a
// million-row CSV: 4.5 GB, then an abort) or run for minutes. Since issue 16
// a CSV from 16 MB on is a big table instead (src/bigtable).
import { describe, expect, it } from 'vitest';
import { runCli, STACK_FRAME } from '../helpers/cli.js';
import { childrenCpuNow } from '../helpers/cpuTime.js';
import { makeProject, minimalProject } from '../helpers/fixtureProject.js';

describe('check over a limit', () => {
  it('a 200,000-row CSV (under the big-table size): exit 1 at line 100,002, in seconds', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `c${i},${i % 1000},stats-2024`);
    const cwd = makeProject({ ...minimalProject, 'data/big.csv': `country,exports,source\n${rows.join('\n')}\n` });
    const started = childrenCpuNow();
    const result = await runCli(['check'], { cwd, timeoutMs: 180_000 });
    expect(result.code).toBe(1);
    expect(result.errLines).toContain(
      "data/big.csv:100002:1: error: the table has more than 100,000 rows, citechart's limit per table; aggregate the figures or split the table (reading stopped at this line)",
    );
    expect(result.stderr).not.toContain(STACK_FRAME);
    // CPU time of the citechart processes, not wall time: "in seconds" must hold on a loaded CI machine too.
    if (started !== undefined) expect(childrenCpuNow()! - started).toBeLessThan(20_000);
  }, 240_000);

  // Issue 16: from LIMITS.bigCsvBytes (16 MB) a CSV is a big table, read lazily by polars.
  it('a 1,000,000-row CSV is a big table: check passes, in seconds', async () => {
    const rows = Array.from({ length: 1_000_000 }, (_, i) => `c${i},${i % 1000},stats-2024`);
    const cwd = makeProject({ ...minimalProject, 'data/big.csv': `country,exports,source\n${rows.join('\n')}\n` });
    const started = childrenCpuNow();
    const result = await runCli(['check'], { cwd, timeoutMs: 180_000 });
    // Its rows are read and checked; that no chart draws it yet is the one thing to say.
    expect(result.errLines).toEqual(['data/big.csv:1:1: warning: no chart draws data/big.csv: its rows and their sources appear in no graphic']);
    expect(result.code).toBe(0);
    // CPU time of the citechart processes, not wall time: "in seconds" must hold on a loaded CI machine too.
    if (started !== undefined) expect(childrenCpuNow()! - started).toBeLessThan(20_000);
  }, 240_000);

  it('density with 1e7 steps: exit 1 at the parameter, and build agrees', async () => {
    const spec = JSON.stringify(
      {
        data: { url: 'data/exports.csv' },
        transform: [{ density: 'exports', steps: 1e7 }],
        mark: 'area',
        encoding: { x: { field: 'value', type: 'quantitative' }, y: { field: 'density', type: 'quantitative' } },
      },
      null,
      2,
    );
    const cwd = makeProject({ ...minimalProject, 'specs/density.vl.json': spec });
    const message = `specs/density.vl.json:8:7: error: density "steps" 10000000 would make as many sample points, over citechart's limit of 10,000; use a smaller value`;
    const check = await runCli(['check'], { cwd });
    expect(check.code).toBe(1);
    expect(check.errLines, check.stderr).toContain(message);
    const build = await runCli(['build', 'density'], { cwd });
    expect(build.code).toBe(1);
    expect(build.errLines).toContain(message);
  }, 240_000);
});
