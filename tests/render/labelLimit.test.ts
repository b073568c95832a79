// Axis labels are laid out as drawn after `labelLimit`. Before, the width
// callback measured the whole label, so with `labelLimit: 100` the plot kept
// the origin of the uncut labels: 210 px instead of 120 (viewBox 626 → 536)
// with the house theme.
import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/project.js';
import { truncateToLimit } from '../../src/text/labelLimit.js';
import { measureText } from '../../src/text/textMetrics.js';
import { renderChart } from '../../src/renderChart.js';
import { format, project, sourcesCsv } from '../helpers/project.js';

const LONG = ['Wuhan Global Sensor Technology Co', 'Wuhan Tongsheng Technology Co Ltd', 'Hikvision'];
const files = (axis: Record<string, unknown>) => ({
  'data/sources.csv': sourcesCsv('a'),
  'data/t.csv': `company,n,source\n${LONG.map((c, i) => `${c},${3 - i},a`).join('\n')}\n`,
  'specs/theme.json': JSON.stringify({ padding: 16, axis: { labelFontSize: 12, labelPadding: 6 } }),
  'specs/c.vl.json': JSON.stringify({
    data: { url: 'data/t.csv' },
    width: 400,
    mark: 'bar',
    encoding: { y: { field: 'company', type: 'nominal', title: null, axis }, x: { field: 'n', type: 'quantitative' } },
  }),
});
const plotOrigin = (svg: string) => Number(/class="citechart-chart"><rect[^>]*\/><g[^>]*transform="translate\(([\d.]+),/.exec(svg)![1]);
const drawnLabels = (svg: string) => [...svg.matchAll(/role-axis-label[\s\S]*?<\/g>/g)].flatMap((m) => [...m[0].matchAll(/>([^<>]+)<\/text>/g)].map((t) => t[1]!));

describe('labelLimit', () => {
  it('cuts like Vega: the longest prefix that fits with the ellipsis', () => {
    const width = (s: string) => s.length * 10;
    expect(truncateToLimit('abcdefghij', 60, width)).toBe('abcd…');
    expect(truncateToLimit('abc', 60, width)).toBe('abc');
    expect(truncateToLimit('abcdefghij', 60, width, '…', true)).toBe('…fghij');
  });

  // The space left of the plot beyond the widest label: padding, tick, label padding.
  const gutter = async (labelLimit: number) => {
    const rendered = await renderChart(await openProject(await project(files({ labelLimit }))), 'c', { png: false });
    const labels = drawnLabels(rendered.chart!.svg).filter((l) => /[A-Za-z]/.test(l));
    const origin = plotOrigin(rendered.chart!.svg);
    return { ...rendered, labels, origin, gutter: origin - Math.max(...labels.map((l) => measureText(l, 12))) };
  };

  it('moves the plot origin to the cut labels (210 → 120 px with labelLimit 100)', async () => {
    const cut = await gutter(100);
    const whole = await gutter(400);
    expect(cut.labels).toEqual(['Hikvision', 'Wuhan Global Se…', 'Wuhan Tongshen…']);
    expect(whole.labels).toEqual(['Hikvision', ...LONG.slice(0, 2)]);
    // Here 215 → 125 px (this theme has ticks); before, both were 215.
    expect(whole.origin - cut.origin).toBeGreaterThan(85);
    expect(Math.abs(cut.gutter - whole.gutter)).toBeLessThan(1); // the origin is rounded to whole px
    const { diagnostics } = cut;
    // Each cut label is a warning at its cell, showing it whole.
    expect(format(diagnostics)).toEqual([
      'data/t.csv:2:1: warning: the label "Wuhan Global Sensor Technology Co" is wider than its 100 px limit and is drawn cut, as "Wuhan Global Se…"; shorten it, or raise the limit (an axis\'s "labelLimit", a legend\'s "labelLimit", a mark\'s "limit")',
      expect.stringMatching(/^data\/t\.csv:3:1: warning: the label "Wuhan Tongsheng Technology Co Ltd" is wider than its 100 px limit and is drawn cut, as "Wuhan Tongshen…"/),
    ]);
  });

  it('says nothing about labels that fit', async () => {
    expect(format((await gutter(400)).diagnostics)).toEqual([]);
  });

  // A label that fits the spec's own layout but is cut on the phone's artboard was drawn cut there without a word.
  it('warns of a label cut only at an artboard width, naming the width, in build and check alike', async () => {
    const cwd = await project({
      'data/sources.csv': sourcesCsv('a'),
      'data/t.csv': `company,n,source\n${LONG.map((c, i) => `${c},${3 - i},a`).join('\n')}\n`,
      'specs/c.vl.json': JSON.stringify({
        data: { url: 'data/t.csv' },
        width: 600,
        height: 120,
        usermeta: { citechart: { widths: [600, 200] } },
        mark: { type: 'text', align: 'left', limit: { expr: 'width / 2' } },
        encoding: { y: { field: 'company', type: 'nominal', axis: null }, text: { field: 'company', type: 'nominal' } },
      }),
    });
    const built = format((await renderChart(await openProject(cwd), 'c', { png: false })).diagnostics);
    expect(built).toEqual([
      expect.stringMatching(/^data\/t\.csv:2:1: warning: at the 200 px width, the label "Wuhan Global Sensor Technology Co" is wider than its \d+ px limit and is drawn cut, as "Wuhan/),
      expect.stringMatching(/^data\/t\.csv:3:1: warning: at the 200 px width, the label "Wuhan Tongsheng Technology Co Ltd" is wider/),
    ]);
    const { check } = await import('../../src/commands/check.js');
    const checked = format(await check({ cwd }));
    expect(checked).toEqual(expect.arrayContaining(built));
  });
});
