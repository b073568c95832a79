// Texts cut by the graphic's edge: with "autosize": "none" a scratch chart
// published "b 2, 2024" and "Feb 13, 20", its title cut off above, with
// exit 0. Now a `crowded-labels` error at the spec's `autosize`.
import { describe, expect, it } from 'vitest';
import { clippedText } from '../../src/checks/clippedText.js';
import { THEME, where } from '../helpers/fixtureProject.js';
import { crowded, dailyTextChart } from './dailyTextChart.js';


describe('clippedText (drawn scene)', () => {
  const text = (t: string, x1: number, x2: number, y1: number) => ({ text: t, bounds: { x1, x2, y1, y2: y1 + 15 } });
  const scene = (role: string, items: unknown[]) => ({ marktype: 'group', items: [{ x: 0, y: 0, items: [{ marktype: 'text', role, name: role === 'mark' ? 'marks' : undefined, items }] }] });
  const canvas = { width: 200, height: 100, origin: [16, 16] as [number, number] };

  it('finds a text past an edge of the graphic, the edge it crosses most, by how many px', () => {
    expect(clippedText(scene('mark', [text('Feb 2, 2024', -40, 20, 10)]), canvas)).toEqual([{ box: expect.objectContaining({ text: 'Feb 2, 2024', role: 'mark' }), edge: 'left', by: 24 }]);
    expect(clippedText(scene('title-text', [text('Daily widgets', 0, 80, -30)]), canvas)).toEqual([{ box: expect.objectContaining({ text: 'Daily widgets' }), edge: 'top', by: 14 }]);
    expect(clippedText(scene('mark', [text('Feb 13', 150, 186, 0)]), canvas)).toEqual([{ box: expect.objectContaining({ text: 'Feb 13' }), edge: 'right', by: 2 }]);
  });

  it('leaves texts inside the graphic, into its padding and 1 px past (the box is wider than the ink)', () => {
    expect(clippedText(scene('mark', [text('a', -16, 0, -16), text('b', 150, 185, 69)]), canvas)).toEqual([]);
  });
});

describe('crowded-labels: a text cut by the edge of the graphic (whole chart)', () => {
  const chart = (extra: Record<string, unknown>) =>
    dailyTextChart(
      { type: 'text', dy: -12 },
      { x: { field: 'day', type: 'temporal', title: null, scale: { padding: 0 } }, y: { field: 'count', type: 'quantitative', title: null, axis: { labels: false } }, text: { field: 'count', type: 'quantitative', format: '.0f' } },
      extra,
    );

  it('"autosize": "none" that cuts the title is an error at the autosize', async () => {
    const files = chart({ autosize: 'none' });
    const got = await crowded(files);
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((line) => line.startsWith(`${where('specs/days.vl.json', files['specs/days.vl.json'] as string, '"autosize"')}: error:`))).toBe(true);
    expect(got.some((line) => line.includes('the title "Daily widgets" runs') && line.includes('past the top edge of the graphic'))).toBe(true);
  });

  it('the same chart sized by Vega, which makes room for every text, is no error', async () => {
    expect(await crowded(chart({}))).toEqual([]);
  });
});

describe('crowded-labels: a legend cut by a phone artboard (whole chart)', () => {
  const LONG = 'label,value,source\n' + Array.from({ length: 10 }, (_, i) => `Long category name ${i + 1},${i + 1},stats\n`).join('');
  const chart = (legend: Record<string, unknown>) => {
    const files = dailyTextChart('bar', { x: { field: 'label', type: 'nominal', title: null, axis: null }, y: { field: 'value', type: 'quantitative' }, color: { field: 'label', type: 'nominal', legend } }, {
      data: { url: 'data/long.csv' },
      width: 400,
      usermeta: { citechart: { credit: 'Graphic: Test', widths: [320] } },
    });
    // The house theme's legend above the plot, as the example project's.
    return { ...files, 'data/long.csv': LONG, 'specs/theme.json': JSON.stringify({ ...THEME, legend: { orient: 'top' } }) };
  };

  it("a legend's own five columns of long names, cut at 320 px, are an error naming the width; folded by citechart, they fit", async () => {
    const got = await crowded(chart({ columns: 5 }));
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/^specs\/days\.vl\.json:1:1: error: at the 320 px width, the legend label "Long category name \d+" runs \d+ px past the right edge of the graphic/);
    expect(await crowded(chart({}))).toEqual([]);
  });
});
