// Issue 9, item 8: a worker that ran out of memory killed the whole build
// (its chart was drawn again in the main thread, without a heap limit). Now
// the chart is drawn again on a worker of its own with LIMITS.chartHeapMb;
// when that runs out too, the chart fails with an error and the others are
// built. The limit is forced tiny here through CITECHART_CHART_HEAP_MB.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { barSpec, makeProject, minimalProject } from '../helpers/fixtureProject.js';

// impute over computed fields escapes the limits counted from the data: every
// one of 8,000 keys in each of 8,000 groups is 64 million rows, over a 160 MB heap at once (a worker loads ~60 MB of code and fonts before drawing: the Vega-Lite schema validator, vega, fonts).
const ROWS = 8_000;
const bigCsv = `x,source\n${Array.from({ length: ROWS }, (_, i) => `${i},monitor-2023`).join('\n')}\n`;
const hogSpec = JSON.stringify({
  data: { url: 'data/big.csv' },
  transform: [
    { calculate: "'g' + datum.x", as: 'g' },
    { calculate: '1', as: 'y' },
    { impute: 'y', key: 'x', groupby: ['g'] },
    { aggregate: [{ op: 'count', as: 'n' }] },
  ],
  mark: 'bar',
  encoding: { y: { field: 'n', type: 'quantitative' } },
});

describe('a chart whose worker runs out of memory', () => {
  it('fails alone with a clear error; the other charts are built', async () => {
    const cwd = makeProject({
      ...minimalProject,
      'data/big.csv': bigCsv,
      'specs/a.vl.json': barSpec({ file: 'data/exports.csv', title: 'Chart A' }),
      'specs/b.vl.json': barSpec({ file: 'data/exports.csv', title: 'Chart B' }),
      'specs/hog.vl.json': hogSpec,
    });
    const result = await runCli(['build', '--jobs', '2'], { cwd, env: { CITECHART_CHART_HEAP_MB: '160' }, timeoutMs: 120_000 });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'specs/hog.vl.json: error: drawing this chart needed more than 160 MB of memory, so it was stopped (the other charts are built); ' +
        'aggregate or filter its data, or set CITECHART_CHART_HEAP_MB to allow more',
    );
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    for (const name of ['a', 'b']) expect(existsSync(path.join(cwd, 'output', `${name}.svg`))).toBe(true);
    expect(existsSync(path.join(cwd, 'output', 'hog.svg'))).toBe(false);
  }, 150_000);
});
