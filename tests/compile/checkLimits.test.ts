// Issue 9, item 8: transform parameters that would allocate millions of
// items are refused at the parameter, before Vega-Lite or Vega run.
import { describe, expect, test } from 'vitest';
import { readSpec, readTheme } from '../../src/compile/readSpec.js';
import { LIMITS } from '../../src/limits.js';
import * as messages from '../../src/messages.js';
import { compileSpec } from '../../src/compile/compileSpec.js';
import { openProject } from '../../src/project.js';
import { format, project, sourcesCsv } from '../helpers/project.js';

const chart = (extra: Record<string, unknown>) =>
  JSON.stringify({ data: { url: 'data/t.csv' }, mark: 'line', encoding: { x: { field: 'x', type: 'quantitative' } }, ...extra }, null, 2);

async function problems(extra: Record<string, unknown>) {
  const cwd = await project({ 'specs/c.vl.json': chart(extra) });
  const { diagnostics } = await readSpec(cwd, 'c');
  return format(diagnostics);
}

describe('transform parameters over their limits', () => {
  test('density with 1e7 steps', async () => {
    expect(await problems({ transform: [{ density: 'x', steps: 1e7 }] })).toEqual([
      `specs/c.vl.json:15:7: error: density "steps" 10000000 would make as many sample points, over citechart's limit of 10,000; use a smaller value`,
    ]);
    expect(await problems({ transform: [{ density: 'x', extent: [0, 1], maxsteps: 1e8 }] })).toEqual([expect.stringMatching(/density "maxsteps" 100000000 would make/)]);
  });

  test('quantile with step 1e-7', async () => {
    expect(await problems({ transform: [{ quantile: 'x', step: 1e-7 }] })).toEqual([
      `specs/c.vl.json:15:7: error: quantile "step" 1e-7 would make 10,000,000 quantiles, over citechart's limit of 10,000; use a smaller value`,
    ]);
  });

  test('impute over 1e7 generated keys', async () => {
    expect(await problems({ transform: [{ impute: 'y', key: 'x', keyvals: { start: 0, stop: 1e7 } }] })).toEqual([
      `specs/c.vl.json:16:7: error: impute "keyvals" {"start":0,"stop":10000000} would make 10,000,000 keys, over citechart's limit of 100,000; use a smaller value`,
    ]);
  });

  test('bin with maxbins 1e9 (in an encoding) and a step of 1e-9 over its extent (in a transform)', async () => {
    expect(
      await problems({
        transform: [{ bin: { step: 1e-9, extent: [0, 1] }, field: 'x', as: 'b' }],
        encoding: { x: { field: 'x', type: 'quantitative', bin: { maxbins: 1e9 } } },
      }),
    ).toEqual([
      `specs/c.vl.json:11:9: error: bin "maxbins" 1000000000 would make as many bins, over citechart's limit of 1,000; use a smaller value`,
      `specs/c.vl.json:18:9: error: bin "step" 1e-9 would make 1,000,000,000 bins over its extent, over citechart's limit of 1,000; use a smaller value`,
    ]);
  });

  test('a polynomial regression of order 1000', async () => {
    expect(await problems({ transform: [{ regression: 'y', on: 'x', method: 'poly', order: 1000 }] })).toEqual([expect.stringMatching(/regression "order" 1000 would make a polynomial of that order, over citechart's limit of 20/)]);
  });

  test('ordinary values pass, in layers too', async () => {
    expect(
      await problems({
        transform: [{ density: 'x', steps: 200 }, { quantile: 'x', step: 0.01 }, { impute: 'y', key: 'x', keyvals: { start: 2000, stop: 2025 } }],
        encoding: { x: { field: 'x', type: 'quantitative', bin: { maxbins: 50 } } },
      }),
    ).toEqual([]);
    const layered = await problems({ mark: undefined, layer: [{ mark: 'area', transform: [{ density: 'x', steps: 1e6 }] }] });
    expect(layered).toEqual([expect.stringMatching(/^specs\/c\.vl\.json:\d+:\d+: error: density "steps" 1000000/)]);
  });
});

describe('rows per chart', () => {
  test('a chart reading two tables of 50,001 rows is refused at the url that crosses 100,000', async () => {
    const rows = (n: number) => `x,source\n${Array.from({ length: n }, (_, i) => `${i},s`).join('\n')}\n`;
    const cwd = await project({
      'data/sources.csv': sourcesCsv('s'),
      'data/a.csv': rows(50_001),
      'data/b.csv': rows(50_001),
      'specs/c.vl.json': JSON.stringify({
        layer: [
          { data: { url: 'data/a.csv' }, mark: 'bar', encoding: { y: { aggregate: 'count' } } },
          { data: { url: 'data/b.csv' }, mark: 'bar', encoding: { y: { aggregate: 'count' } } },
        ],
      }, null, 1),
    });
    const p = await openProject(cwd);
    const { spec } = await readSpec(cwd, 'c');
    const { tables } = await p.tablesFor(spec!);
    const { chart, diagnostics } = compileSpec(spec!, tables, undefined);
    expect(chart).toBeUndefined();
    expect(format(diagnostics)).toEqual([
      `specs/c.vl.json:16:5: error: this chart reads 100,002 rows, over citechart's limit of 100,000 per chart; aggregate the figures in the CSV or filter them first`,
    ]);
  }, 30_000);
});

describe('impute over the keys and groups of the data', () => {
  test('2,000 keys in each of 2,000 groups (4,000,000 rows) is refused at the transform; 20 × 20 passes', async () => {
    const rows = (n: number) => `k,g,v,source\n${Array.from({ length: n }, (_, i) => `${i},g${i},1,s`).join('\n')}\n`;
    const spec = JSON.stringify({ data: { url: 'data/t.csv' }, transform: [{ impute: 'v', key: 'k', groupby: ['g'] }], mark: 'line', encoding: { x: { field: 'k', type: 'quantitative' }, y: { field: 'v', type: 'quantitative' }, color: { field: 'g' } } }, null, 2);
    const compile = async (n: number) => {
      const cwd = await project({ 'data/sources.csv': sourcesCsv('s'), 'data/t.csv': rows(n), 'specs/c.vl.json': spec });
      const { spec: read } = await readSpec(cwd, 'c');
      const { tables } = await (await openProject(cwd)).tablesFor(read!);
      return compileSpec(read!, tables, undefined);
    };
    const big = await compile(2_000);
    expect(big.chart).toBeUndefined();
    expect(format(big.diagnostics)).toEqual([
      `specs/c.vl.json:7:7: error: impute over 2,000 keys in each of 2,000 groups would make 4,000,000 rows, over citechart's limit of 100,000; impute over fewer keys or groups`,
    ]);
    const small = await compile(20);
    expect(format(small.diagnostics)).toEqual([]);
  }, 30_000);
});

// `"width": 1e9` and `"axis": {"tickCount": 1e8}` ran `check` out of memory
// after two minutes (Vega draws a tick every 40 px of an axis); `"width": -50`
// drew an empty plot with exit 0.
describe('view sizes and tick counts', () => {
  const over = (setting: string, value: number, limit: number) => expect.stringContaining(messages.spec.viewOverLimit(setting, value, limit));
  test('a width, a height step or a tickCount over its limit is an error at it', async () => {
    expect(await problems({ width: 1e9 })).toEqual([over('width', 1e9, LIMITS.viewPx)]);
    expect(await problems({ height: { step: 1e8 } })).toEqual([over('height', 1e8, LIMITS.viewPx)]);
    expect(await problems({ encoding: { x: { field: 'x', type: 'quantitative', axis: { tickCount: 1e8 } } } })).toEqual([over('tickCount', 1e8, LIMITS.ticks)]);
    expect(await problems({ config: { view: { continuousWidth: 1e8 } } })).toEqual([over('continuousWidth', 1e8, LIMITS.viewPx)]);
    expect(await problems({ mark: { type: 'bar', width: 1e9 } })).toEqual([over('width', 1e9, LIMITS.viewPx)]);
  });

  test('a width of 0 or less is an error; a container width, a band width and sizes in range are not', async () => {
    expect(await problems({ width: -50 })).toEqual([`specs/c.vl.json:12:3: error: ${messages.spec.viewNotPositive('width', -50)}`]);
    expect(await problems({ height: 0 })).toEqual([expect.stringContaining(messages.spec.viewNotPositive('height', 0))]);
    expect(await problems({ width: 'container', height: { step: 20 } })).toEqual([]);
    expect(await problems({ width: LIMITS.viewPx, mark: { type: 'bar', width: { band: 0.5 } }, encoding: { x: { field: 'x', type: 'quantitative', axis: { tickCount: 10 } } } })).toEqual([]);
  });

  test('the theme is checked too, at its view', async () => {
    const cwd = await project({ 'specs/theme.json': JSON.stringify({ view: { continuousWidth: 1e9 } }) });
    const { theme, diagnostics } = await readTheme(cwd);
    expect(theme).toBeUndefined();
    expect(format(diagnostics)).toEqual([`specs/theme.json:1:10: error: ${messages.spec.viewOverLimit('continuousWidth', 1e9, LIMITS.viewPx)}`]);
  });
});
