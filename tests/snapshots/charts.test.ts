import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listSpecs, openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { format } from '../helpers/project.js';
import { comparePng, compareSvg } from '../helpers/snapshots.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const gallery = path.join(here, '../fixtures/gallery');
const snapshots = path.join(here, '__snapshots__');
const charts = await listSpecs(gallery);

describe('whole-chart snapshots (tests/fixtures/gallery)', () => {
  it('has the chart types it is meant to cover', () => {
    expect(charts).toEqual(['annotated', 'filtered', 'line', 'scatter', 'scripts', 'stacked', 'table']);
  });

  it.each(charts)('%s renders as its snapshot', async (name) => {
    const { chart, diagnostics } = await renderChart(await openProject(gallery), name);
    expect(format(diagnostics)).toEqual([]);
    expect(compareSvg(snapshots, name, chart!.svg)).toBeUndefined();
    expect(await comparePng(snapshots, name, chart!.png!)).toBeUndefined();
  });
});
