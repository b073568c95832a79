// Checks of the drawn chart (src/checks/drawnChecks.ts): faults the checks
// before drawing cannot see, because a transform or aggregate stands between
// the CSV's cells and the mark. Each was drawn wrong with exit code 0 before.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { build } from '../../src/commands/build.js';
import { formatDiagnostic } from '../../src/errors.js';
import * as messages from '../../src/messages.js';
import { makeProject, where, type Files } from '../helpers/fixtureProject.js';
import { oneChart } from './fixtures.js';

const found = async (files: Files, rule?: string) =>
  (await check({ cwd: makeProject(files) })).filter((d) => rule === undefined || d.rule === rule).map(formatDiagnostic);
const spec = (files: Files, name: string) => files[`specs/${name}.vl.json`] as string;

// Two rows of Norway: their sum, 160, is past the domain's 100, though each cell is inside it.
const EXPORTS = 'country,exports,source\nNorway,70,stats-2024\nNorway,90,stats-2024\nChile,85,stats-2024\nKenya,40,stats-2024\n';
const summed = (scale: Record<string, unknown>, mark: unknown = 'bar') =>
  oneChart('exports', EXPORTS, {
    title: 'Exports',
    mark,
    encoding: {
      y: { field: 'country', type: 'nominal', title: null },
      x: { field: 'exports', aggregate: 'sum', type: 'quantitative', title: 'Exports (thousand units)', scale },
    },
  });

describe('marks drawn off the plot (scale-domain, after aggregates and transforms)', () => {
  it('a sum past an explicit domain is an error at the domain, naming the row and its value', async () => {
    const files = summed({ domain: [0, 100] });
    expect(await found(files, 'scale-domain')).toEqual([
      `${where('specs/exports.vl.json', spec(files, 'exports'), '"domain"')}: error: ` +
        messages.checks.drawnOffPlot(false, 'rect', 'right', 180, 1, 'x', '160', 'country "Norway"', 'domain [0,100]'),
    ]);
  });

  it('a calculated value past a domainMax is an error too, and build writes nothing with exit code 1', async () => {
    const files = oneChart('exports', 'country,exports,source\nNorway,70,stats-2024\nChile,40,stats-2024\n', {
      title: 'Exports',
      transform: [{ calculate: 'datum.exports * 2', as: 'doubled' }],
      mark: 'point',
      encoding: {
        y: { field: 'country', type: 'nominal', title: null },
        x: { field: 'doubled', type: 'quantitative', title: 'Exports (thousand units)', scale: { domainMax: 100 } },
      },
    });
    const problems = await found(files, 'scale-domain');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${where('specs/exports.vl.json', spec(files, 'exports'), '"domainMax"')}: error: a point would be drawn`);
    expect(problems[0]).toContain('(country "Norway": 140)');
    const cwd = makeProject(files);
    const result = await build({ cwd, formats: ['svg'] });
    expect(result.charts.map((c) => [c.name, c.ok])).toEqual([['exports', false]]);
    expect(existsSync(path.join(cwd, 'output', 'exports.svg'))).toBe(false);
  });

  it('bars drawn from 0 on a domain that leaves 0 out run off the plot: an error saying why', async () => {
    const files = oneChart('exports', 'country,exports,source\nNorway,70,stats-2024\nChile,60,stats-2024\n', {
      title: 'Exports',
      mark: 'bar',
      encoding: {
        y: { field: 'country', type: 'nominal', title: null },
        x: { field: 'exports', type: 'quantitative', title: 'Exports (thousand units)', scale: { domain: [50, 80] } },
      },
    });
    const problems = await found(files, 'scale-domain');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("past the plot's left edge");
    expect(problems[0]).toContain('a bar is drawn from 0, and the scale\'s domain [50,80] leaves 0 out');
  });

  it('a category a discrete domain leaves out, behind an aggregate, is drawn nowhere: an error at the domain', async () => {
    const files = oneChart('exports', EXPORTS, {
      title: 'Exports',
      mark: 'bar',
      encoding: {
        y: { field: 'country', type: 'nominal', title: null, scale: { domain: ['Norway', 'Chile'] } },
        x: { field: 'exports', aggregate: 'sum', type: 'quantitative', title: 'Exports (thousand units)' },
      },
    });
    expect(await found(files, 'scale-domain')).toEqual([
      `${where('specs/exports.vl.json', spec(files, 'exports'), '"domain"')}: error: ` +
        messages.checks.drawnNowhere('rect', 1, 'y', 'country "Kenya"', 'domain ["Norway","Chile"]'),
    ]);
  });

  it('no word when every drawn value is inside the domain, or the mark is clipped on purpose', async () => {
    expect(await found(summed({ domain: [0, 200] }), 'scale-domain')).toEqual([]);
    expect(await found(summed({}), 'scale-domain')).toEqual([]);
    expect(await found(summed({ domain: [0, 100] }, { type: 'bar', clip: true }), 'scale-domain')).toEqual([]);
    // A tick at the domain's end is centred on it: half of it past the edge is no value outside.
    const ticks = oneChart('exports', EXPORTS.replace('Norway,90', 'Norway,30').replace('Chile,85', 'Chile,100'), {
      title: 'Exports',
      mark: { type: 'tick', thickness: 6 },
      encoding: { y: { field: 'country', type: 'nominal', title: null }, x: { field: 'exports', type: 'quantitative', title: 'Exports (thousand units)', scale: { domain: [0, 100] } } },
    });
    expect(await found(ticks, 'scale-domain')).toEqual([]);
  });
});

describe('negative parts of a normalised stack (stack-signs, after aggregates)', () => {
  const stack = (csv: string) =>
    oneChart('budget', csv, {
      title: 'Budget',
      mark: 'bar',
      encoding: {
        y: { field: 'dept', type: 'nominal', title: null },
        color: { field: 'item', type: 'nominal', title: 'Item' },
        x: { field: 'amount', aggregate: 'sum', type: 'quantitative', title: 'Share of budget (%)', stack: 'normalize' },
      },
    });

  it('a sum that is negative is an error at the stack, naming the group and the sum', async () => {
    const files = stack('dept,item,amount,source\nHealth,staff,6,stats-2024\nHealth,debt,-1,stats-2024\nHealth,debt,-2,stats-2024\nRoads,staff,4,stats-2024\nRoads,debt,5,stats-2024\n');
    expect(await found(files, 'stack-signs')).toEqual([
      `${where('specs/budget.vl.json', spec(files, 'budget'), '"stack"')}: error: ` +
        messages.checks.normalizeNegativeDrawn('amount', 'sum', -3, 'dept "Health", item "debt"'),
    ]);
  });

  it('no word when every sum is positive, even with a negative cell in it', async () => {
    expect(await found(stack('dept,item,amount,source\nHealth,staff,6,stats-2024\nHealth,debt,-1,stats-2024\nHealth,debt,2,stats-2024\nRoads,staff,4,stats-2024\nRoads,debt,5,stats-2024\n'), 'stack-signs')).toEqual([]);
  });
});

describe('negative slices of a pie (stack-signs)', () => {
  const pie = (amounts: number[], aggregate?: string) =>
    oneChart('budget', 'item,amount,source\n' + ['staff', 'debt', 'rent'].map((item, i) => `${item},${amounts[i]},stats-2024\n`).join(''), {
      title: 'Budget',
      mark: 'arc',
      encoding: {
        color: { field: 'item', type: 'nominal', title: 'Item' },
        theta: { field: 'amount', type: 'quantitative', title: 'Amount (€ million)', ...(aggregate && { aggregate }) },
      },
    });

  it('a negative value is an error at theta: Vega-Lite would draw it as a slice like any other share', async () => {
    const files = pie([60, -20, 40]);
    expect(await found(files, 'stack-signs')).toEqual([
      `${where('specs/budget.vl.json', spec(files, 'budget'), '"field": "amount"')}: error: ${messages.checks.negativeSlice('amount', undefined, -20, 'item "debt"')}`,
    ]);
    const summed = pie([60, -20, 40], 'sum');
    expect(await found(summed, 'stack-signs')).toEqual([
      `${where('specs/budget.vl.json', spec(summed, 'budget'), '"field": "amount"')}: error: ${messages.checks.negativeSlice('amount', 'sum', -20, 'item "debt"')}`,
    ]);
  });

  it('no word for a pie of positive values (and zeros)', async () => {
    expect(await found(pie([60, 0, 40]), 'stack-signs')).toEqual([]);
  });
});
