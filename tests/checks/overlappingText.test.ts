// Text layers' labels drawn over other labels: in a scratch project a text
// layer of dates wrote "Feb 2, 2024" across the y axis' "10", and neither
// read, with exit 0. Now a `crowded-labels` error at the layer's `text`.
import { describe, expect, it } from 'vitest';
import * as messages from '../../src/messages.js';
import { overlappingText } from '../../src/checks/overlappingText.js';
import { where } from '../helpers/fixtureProject.js';
import { crowded, dailyTextChart } from './dailyTextChart.js';


describe('overlappingText (drawn scene)', () => {
  const text = (t: string, x1: number, x2: number, y1: number, extra: Record<string, unknown> = {}) => ({ text: t, bounds: { x1, x2, y1, y2: y1 + 15 }, ...extra });
  const mark = (name: string, role: string, items: unknown[]) => ({ marktype: 'text', name, role, items });
  const scene = (...marks: unknown[]) => ({ marktype: 'group', items: [{ x: 0, y: 0, items: marks }] });

  it("finds a text layer's label over another label or an axis label, one per layer", () => {
    expect(overlappingText(scene(mark('marks', 'mark', [text('A', 0, 40, 0), text('B', 30, 70, 5), text('C', 60, 90, 8)])))).toEqual([{ mark: 'marks', text: 'A', other: 'B', otherKind: 'mark' }]);
    expect(overlappingText(scene(mark('ax', 'axis-label', [text('10', 0, 12, 0)]), mark('layer_1_marks', 'mark', [text('Feb 2', 5, 50, 3)])))).toEqual([{ mark: 'layer_1_marks', text: 'Feb 2', other: '10', otherKind: 'axis' }]);
  });

  it('leaves labels side by side or one above the other, hidden ones, halos, and axis labels among themselves', () => {
    expect(overlappingText(scene(mark('marks', 'mark', [text('A', 0, 40, 0), text('B', 40, 80, 0), text('C', 0, 40, 15)])))).toEqual([]);
    expect(overlappingText(scene(mark('marks', 'mark', [text('A', 0, 40, 0), text('B', 30, 70, 5, { opacity: 0 })])))).toEqual([]);
    expect(overlappingText(scene(mark('layer_0_marks', 'mark', [text('Chile', 0, 40, 0)]), mark('layer_1_marks', 'mark', [text('Chile', 0, 40, 0)])))).toEqual([]);
    expect(overlappingText(scene(mark('ax', 'axis-label', [text('1', 0, 40, 0), text('2', 30, 70, 0)])))).toEqual([]);
  });

  it('places items through their groups, as Vega draws them', () => {
    const nested = { marktype: 'group', items: [{ x: 0, y: 0, items: [mark('marks', 'mark', [text('A', 0, 40, 0)]), { marktype: 'group', items: [{ x: 200, y: 0, items: [mark('concat_1_marks', 'mark', [text('B', 0, 40, 0)])] }] }] }] };
    expect(overlappingText(nested)).toEqual([]);
  });
});

describe('crowded-labels: a text layer drawn over labels (whole chart)', () => {
  const chart = (text: Record<string, unknown>, mark: Record<string, unknown> | string = 'text') =>
    dailyTextChart(mark, { x: { field: 'day', type: 'temporal', title: null }, y: { field: 'count', type: 'quantitative', title: 'Widgets' }, text });

  it('dates written at each point, the first across the y axis label, are an error at the text encoding', async () => {
    const files = chart({ field: 'day', type: 'temporal', timeUnit: 'yearmonthdate' });
    const got = await crowded(files);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/^specs\/days\.vl\.json:\d+:\d+: error: the text label "Feb 2, 2024" is drawn over the axis label "10"/);
    expect(got[0]!.startsWith(`${where('specs/days.vl.json', files['specs/days.vl.json'] as string, '"text": {')}: error:`)).toBe(true);
    expect(got[0]).toContain(messages.checks.overlappingText('Feb 2, 2024', '10', 'axis').split(', so ')[1]);
  });

  it('short figures at each point, clear of each other and the axes, are no error', async () => {
    expect(await crowded(chart({ field: 'count', type: 'quantitative' }, { type: 'text', dy: -10 }))).toEqual([]);
  });
});
