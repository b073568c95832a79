// Vega-Lite warns 'Dropping "fit-y" because spec has discrete height.' for a
// step height whenever autosize fits, even when the spec asks only for
// "fit-x" (the layout is then exactly what was asked): an example chart
// fitted to the house width 632 px printed that warning on every build.
// Asked for "fit" (both), the warning is true and stays.
import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { format, project, sourcesCsv } from '../helpers/project.js';

const diagnosticsFor = async (autosize: unknown) => {
  const cwd = await project({
    'data/sources.csv': sourcesCsv('a'),
    'data/t.csv': 'origin,share,source\nChina,90,a\nOther,10,a\n',
    'specs/c.vl.json': JSON.stringify({
      data: { url: 'data/t.csv' },
      width: 632,
      autosize,
      height: { step: 44 },
      mark: 'bar',
      encoding: { y: { field: 'origin', type: 'nominal', title: null }, x: { field: 'share', type: 'quantitative', title: 'Share (%)' } },
    }),
  });
  return format((await renderChart(await openProject(cwd), 'c', { png: false })).diagnostics);
};

describe('autosize "fit-x" with a step height', () => {
  it('is drawn without Vega-Lite\'s untrue "fit-y" warning, in either form', async () => {
    expect(await diagnosticsFor({ type: 'fit-x', contains: 'padding' })).toEqual([]);
    expect(await diagnosticsFor('fit-x')).toEqual([]);
  });

  it('"fit" keeps it: the height cannot be fitted', async () => {
    expect(await diagnosticsFor({ type: 'fit', contains: 'padding' })).toEqual([expect.stringContaining('Dropping "fit-y" because spec has discrete height.')]);
  });
});
