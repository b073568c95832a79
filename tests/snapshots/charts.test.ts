import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listSpecs, openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { format } from '../helpers/project.js';
import { comparePng, compareSvg } from '../helpers/snapshots.js';
import { renderPng } from '../../src/render/renderPng.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** An empty XMP packet: the snapshot compares pixels, not metadata. */
const XMP = '<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>';
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
    // Every artboard as a PNG too: the notes and the table are laid out again at each width.
    for (const { width, svg } of chart!.artboards ?? []) {
      expect(await comparePng(path.join(snapshots, 'artboards'), `${name}-${width}w`, await renderPng(svg, XMP))).toBeUndefined();
    }
  });
});
