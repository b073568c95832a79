// Issue 9, item 8: a 200,000-row text-list chart ran for minutes. Marks are
// now counted from the chart's data before layout, and a chart over
// LIMITS.marksPerChart is refused quickly; the same rows aggregated still draw.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/limits.js';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { cpuTimed } from '../helpers/cpuTime.js';
import { format, project, sourcesCsv } from '../helpers/project.js';

const ROWS = LIMITS.marksPerChart + 5_000;
const table = `label,group,source\n${Array.from({ length: ROWS }, (_, i) => `item ${i},g${i % 3},a`).join('\n')}\n`;

describe('marks per chart', () => {
  it(`a text list of ${ROWS.toLocaleString('en-US')} rows is refused before layout`, async () => {
    const cwd = await project({
      'data/sources.csv': sourcesCsv('a'),
      'data/t.csv': table,
      'specs/list.vl.json': JSON.stringify({ data: { url: 'data/t.csv' }, mark: 'text', encoding: { y: { field: 'label', type: 'nominal' }, text: { field: 'label' } } }),
      'specs/counts.vl.json': JSON.stringify({ data: { url: 'data/t.csv' }, mark: 'bar', encoding: { x: { field: 'group', type: 'nominal' }, y: { aggregate: 'count' } } }),
    });
    const p = await openProject(cwd);
    // CPU time, not wall time: the same on a loaded CI machine.
    const { result: list, cpuMs: ms } = await cpuTimed(() => renderChart(p, 'list', { png: false }));
    expect(list.chart).toBeUndefined();
    expect(format(list.diagnostics)).toEqual([
      `specs/list.vl.json:1:1: error: this chart would draw 25,000 marks, over citechart's limit of 20,000; aggregate or filter the data (a reader cannot see that many marks anyway)`,
    ]);
    // Laying out 25,000 text marks takes far longer than reading and counting them.
    expect(ms).toBeLessThan(10_000);
    const counts = await renderChart(p, 'counts', { png: false });
    expect(format(counts.diagnostics)).toEqual([]);
    expect(counts.chart!.svg).toContain('<svg');
  }, 120_000);
});
