// The startup snapshot draws a few charts while it is made (src/startup/warmUp.ts),
// so a run starts with Vega's and Vega-Lite's functions compiled (issue 15, cold
// start). What that leaves in Vega (its counters of operators, tuples, clip paths
// and gradients moved on) must not change the bytes of a chart drawn after it.
import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { warmUp } from '../../src/startup/warmUp.js';
import { project, sourcesCsv } from '../helpers/project.js';

const table = 'year,group,value,source\n2020,a,1,a\n2021,a,3,a\n2020,b,2,b\n2021,b,5,b\n';
const specs = {
  // Clipped marks, a gradient legend and a stack: each numbered by a counter of Vega's.
  'specs/line.vl.json': JSON.stringify({ data: { url: 'data/t.csv' }, mark: { type: 'line', clip: true }, encoding: { x: { field: 'year', type: 'ordinal' }, y: { field: 'value', type: 'quantitative', scale: { domain: [0, 4] } }, color: { field: 'group', type: 'nominal' } } }),
  'specs/heat.vl.json': JSON.stringify({ data: { url: 'data/t.csv' }, mark: 'rect', encoding: { x: { field: 'year', type: 'ordinal' }, y: { field: 'group', type: 'nominal' }, color: { field: 'value', type: 'quantitative' } } }),
  'specs/stack.vl.json': JSON.stringify({ data: { url: 'data/t.csv' }, mark: 'area', encoding: { x: { field: 'year', type: 'temporal' }, y: { field: 'value', type: 'quantitative', stack: 'normalize' }, color: { field: 'group', type: 'nominal' } } }),
};

describe('warmUp', () => {
  it('leaves the SVG and manifest entry of each chart drawn after it as they were', async () => {
    const cwd = await project({ 'data/sources.csv': sourcesCsv('a', 'b'), 'data/t.csv': table, ...specs });
    const draw = async () => {
      const p = await openProject(cwd);
      const drawn = [];
      for (const name of ['line', 'heat', 'stack']) {
        const { chart, diagnostics } = await renderChart(p, name, { png: false });
        expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        drawn.push({ svg: chart!.svg, entry: chart!.entry });
      }
      return drawn;
    };
    const before = await draw();
    await warmUp();
    await warmUp();
    expect(await draw()).toEqual(before);
  });
});
