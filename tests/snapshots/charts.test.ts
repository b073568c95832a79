import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listSpecs, openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { format } from '../helpers/project.js';
import { comparePng, compareSvg } from '../helpers/snapshots.js';
import { renderPng } from '../../src/render/renderPng.js';
import { measureText } from '../../src/text/textMetrics.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** An empty XMP packet: the snapshot compares pixels, not metadata. */
const XMP = '<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>';
const gallery = path.join(here, '../fixtures/gallery');
const snapshots = path.join(here, '__snapshots__');
const charts = await listSpecs(gallery);

describe('whole-chart snapshots (tests/fixtures/gallery)', () => {
  it('has the chart types it is meant to cover', () => {
    expect(charts).toEqual(['annotated', 'complex-scripts', 'filtered', 'line', 'scatter', 'scripts', 'stacked', 'table']);
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

/**
 * The gaps (px) between neighbouring labels of each axis drawn along a line
 * (labels sharing one y): their extents from their anchor and width in the
 * bundled font, as drawn. A negative gap is an overlap.
 */
function labelGaps(svg: string): Array<{ between: string; gap: number }> {
  const gaps: Array<{ between: string; gap: number }> = [];
  for (const group of svg.matchAll(/<g class="mark-text role-axis-label"[^>]*>(.*?)<\/g>/g)) {
    const labels = [...group[1]!.matchAll(/<text text-anchor="(\w+)" transform="translate\(([-\d.]+),([-\d.]+)\)"[^>]*font-size="([\d.]+)px"[^>]*>([^<]*)<\/text>/g)].map(([, anchor, x, y, size, text]) => {
      const width = measureText(text!, Number(size));
      const left = anchor === 'start' ? Number(x) : anchor === 'end' ? Number(x) - width : Number(x) - width / 2;
      return { text: text!, y: Number(y), left, right: left + width };
    });
    if (labels.length < 2 || labels.some((label) => label.y !== labels[0]!.y)) continue;
    labels.sort((a, b) => a.left - b.left);
    for (let i = 1; i < labels.length; i++) gaps.push({ between: `${labels[i - 1]!.text}|${labels[i]!.text}`, gap: labels[i]!.left - labels[i - 1]!.right });
  }
  return gaps;
}

describe('axis labels keep apart at every width (review: the annotated chart\'s months ran together at 320 px)', () => {
  it.each(charts)('%s', async (name) => {
    const { chart } = await renderChart(await openProject(gallery), name, { png: false });
    for (const { width, svg } of [{ width: 0, svg: chart!.svg }, ...(chart!.artboards ?? [])]) {
      const close = labelGaps(svg).filter(({ gap }) => gap < 4);
      expect(close, width ? `${width} px artboard` : 'own width').toEqual([]);
    }
  });
});
