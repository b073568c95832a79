// Axis labels drawn so near that they read as one: a review found a French
// daily axis whose ticks restart at each month drawing "29 janv." 3 px
// from "février" ("29 janv. février"), with exit 0. Compile now keeps axis
// labels LIMITS.minLabelGap px apart (Vega hides the crowded one), and a
// spec that forces them nearer is a `crowded-labels` error at its setting.
import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { formatDiagnostic } from '../../src/errors.js';
import * as messages from '../../src/messages.js';
import { LIMITS } from '../../src/limits.js';
import { withLabelSeparation } from '../../src/compile/labelSeparation.js';
import { crowdedLabels } from '../../src/checks/crowdedLabels.js';
import { measureText } from '../../src/text/textMetrics.js';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { makeProject, where, type Files } from '../helpers/fixtureProject.js';

const SOURCES = 'id,publisher,authors,title,published,url,attribution\nstats,Statistics Office,Ana Diaz,Daily widgets,2024-03,https://example.org/w,customs records\n';
// The reviewer's project's theme: 12-px axis labels.
const THEME = { font: 'Source Sans 3, sans-serif', background: '#ffffff', padding: 16, view: { stroke: null }, axis: { labelFontSize: 12, labelPadding: 6 } };
// 1 January to 9 February 2024, one row a day: Vega ticks every other day, restarting on 1 February.
const DAILY = 'day,count,source\n' + Array.from({ length: 40 }, (_, i) => `${new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10)},${10 + (i % 7)},stats\n`).join('');
const NAMES = 'country,count,source\nDemocratic Republic of the Congo,10,stats\nCentral African Republic,12,stats\nBosnia and Herzegovina,8,stats\nTrinidad and Tobago,7,stats\n';

const spec = (x: Record<string, unknown>, file = 'data/daily.csv', mark = 'line') =>
  JSON.stringify({
    title: 'Daily widgets',
    data: { url: file },
    width: 480,
    height: 200,
    mark,
    encoding: { x: { title: null, ...x }, y: { field: 'count', type: 'quantitative', title: 'Widgets' } },
    usermeta: { citechart: { credit: 'Graphic: Test' } },
  }, null, 2) + '\n';

/** The project with `specText` as specs/daily.vl.json, and its French edition when `french`. */
const project = (specText: string, french = true): Files => ({
  'data/sources.csv': SOURCES,
  'data/daily.csv': DAILY,
  'data/names.csv': NAMES,
  'specs/theme.json': JSON.stringify(THEME),
  'specs/daily.vl.json': specText,
  ...(french && { 'specs/daily.fr.json': JSON.stringify({ strings: { 'Daily widgets': 'Widgets par jour', Widgets: 'Widgets', 'Graphic: Test': 'Graphique : Test', 'customs records': 'registres douaniers', day: 'jour', count: 'nombre', country: 'pays' } }) }),
});

const crowded = async (files: Files) => (await check({ cwd: makeProject(files) })).filter((d) => d.rule === 'crowded-labels').map(formatDiagnostic);

/** The gaps in px between neighbouring shown x-axis labels of the published SVG, measured with the bundled font as drawn. */
function xLabelGaps(svg: string): number[] {
  const axis = [...svg.matchAll(/<g class="mark-text role-axis-label"[^>]*>(.*?)<\/g>/g)][0]![1]!;
  const boxes = [...axis.matchAll(/<text text-anchor="(\w+)" transform="translate\(([-\d.]+),[^"]*"[^>]*font-size="([\d.]+)px"[^>]*opacity="([\d.]+)"[^>]*>([^<]*)</g)]
    .filter((m) => Number(m[4]) > 0)
    .map((m) => {
      const width = measureText(m[5]!, Number(m[3]));
      const x = Number(m[2]);
      const left = m[1] === 'start' ? x : m[1] === 'end' ? x - width : x - width / 2;
      return [left, left + width] as const;
    });
  return boxes.slice(1).map((box, i) => box[0] - boxes[i]![1]);
}

describe('withLabelSeparation (compile): the least gap Vega keeps between axis labels', () => {
  it('adds LIMITS.minLabelGap to the axis config when the theme sets none, keeping the theme\'s other axis settings', () => {
    expect(withLabelSeparation(undefined)).toEqual({ axis: { labelSeparation: LIMITS.minLabelGap } });
    expect(withLabelSeparation({ padding: 16, axis: { labelFontSize: 12 } })).toEqual({ padding: 16, axis: { labelFontSize: 12, labelSeparation: LIMITS.minLabelGap } });
  });

  it("leaves a theme's own labelSeparation as it is, 0 included", () => {
    const theme = { axis: { labelSeparation: 0 } };
    expect(withLabelSeparation(theme)).toBe(theme);
  });
});

describe('crowdedLabels (drawn scene): neighbouring shown axis labels nearer than the gap', () => {
  const label = (text: string, index: number, x1: number, x2: number, extra: Record<string, unknown> = {}) => ({ text, datum: { index }, bounds: { x1, x2, y1: 0, y2: 15 }, ...extra });
  const scene = (labels: unknown[]) => ({ items: [{ role: 'axis', items: [{ datum: { scale: 'x' }, items: [{ role: 'axis-label', items: labels }] }] }] });

  it('names the nearest pair of shown labels and their gap (negative when they overlap)', () => {
    const labels = [label('a', 0, 0, 40), label('b', 1, 43, 80), label('c', 2, 100, 140)];
    expect(crowdedLabels(scene(labels), 6)).toEqual([{ scale: 'x', first: 'a', second: 'b', gap: 3 }]);
    expect(crowdedLabels(scene([label('a', 0, 0, 40), label('b', 1, 30, 80)]), 6)).toEqual([{ scale: 'x', first: 'a', second: 'b', gap: -10 }]);
    expect(crowdedLabels(scene(labels), 3)).toEqual([]);
  });

  it('skips labels Vega hid (opacity 0), empty labels and labels turned at a slant, whose boxes overlap while their words do not', () => {
    expect(crowdedLabels(scene([label('a', 0, 0, 40), label('b', 1, 42, 80, { opacity: 0 }), label('c', 2, 100, 140)]), 6)).toEqual([]);
    expect(crowdedLabels(scene([label('a', 0, 0, 40), label('', 1, 42, 80), label('c', 2, 100, 140)]), 6)).toEqual([]);
    expect(crowdedLabels(scene([label('a', 0, 0, 40, { angle: -45 }), label('b', 1, 20, 60, { angle: -45 })]), 6)).toEqual([]);
    // Turned a quarter, the box is the words' own, and their words run along y.
    const turned = (text: string, index: number, x1: number, y1: number, y2: number) => ({ text, datum: { index }, angle: -90, bounds: { x1, x2: x1 + 15, y1, y2 } });
    expect(crowdedLabels(scene([turned('a', 0, 0, 0, 40), turned('b', 1, 0, 43, 80)]), 6)).toEqual([{ scale: 'x', first: 'a', second: 'b', gap: 3 }]);
    expect(crowdedLabels(scene([turned('a', 0, 0, 0, 40), turned('b', 1, 16, 0, 40)]), 6)).toEqual([]);
  });

  it('labels one over the other (a y axis, level words) crowd only when their boxes overlap: they are lines, read apart', () => {
    const line = (text: string, index: number, y1: number) => ({ text, datum: { index }, bounds: { x1: 0, x2: 40, y1, y2: y1 + 15 } });
    expect(crowdedLabels(scene([line('Glabron', 0, 0), line('Manchuria', 1, 17)]), 6)).toEqual([]);
    expect(crowdedLabels(scene([line('Glabron', 0, 0), line('Manchuria', 1, 12)]), 6)).toEqual([{ scale: 'x', first: 'Glabron', second: 'Manchuria', gap: -3 }]);
  });

  it('compares labels in tick order, as Vega does', () => {
    expect(crowdedLabels(scene([label('c', 2, 100, 140), label('a', 0, 0, 40), label('b', 1, 50, 97)]), 6)).toEqual([{ scale: 'x', first: 'b', second: 'c', gap: 3 }]);
  });
});

describe('crowded-labels (whole chart)', () => {
  it("the reviewer's French daily axis keeps its labels at least the gap apart, with no error", async () => {
    const cwd = makeProject(project(spec({ field: 'day', type: 'temporal' })));
    const { chart, diagnostics } = await renderChart(await openProject(cwd), 'daily.fr', { png: false });
    expect(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    const gaps = xLabelGaps(chart!.svg);
    expect(gaps.length).toBeGreaterThan(3);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(LIMITS.minLabelGap);
  });

  it('an axis labelSeparation under the gap that crowds labels is an error at it', async () => {
    const text = spec({ field: 'day', type: 'temporal', axis: { labelSeparation: 0 } });
    const got = await crowded(project(text));
    // Only the French edition crowds ("Jan 29" and "Feb" stand apart): the reviewer's pair.
    expect(got).toHaveLength(1);
    const why = messages.checks.crowdedBySetting('labelSeparation', 0, LIMITS.minLabelGap);
    expect(got[0]).toMatch(new RegExp(`^${where('specs/daily.vl.json', text, '"labelSeparation"').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: error: the x axis draws the labels "29 janv." and "février" [\\d.]+ px apart`));
    expect(got[0]).toContain(why);
  });

  it('labelOverlap false, in the encoding or in the config, is an error at it', async () => {
    const own = spec({ field: 'day', type: 'temporal', axis: { labelOverlap: false } });
    const got = await crowded(project(own, false));
    expect(got[0]).toContain(`${where('specs/daily.vl.json', own, '"labelOverlap"')}: error: the x axis draws the labels`);
    expect(got[0]).toContain(messages.checks.crowdedBySetting('labelOverlap', false, LIMITS.minLabelGap));
    const inConfig = spec({ field: 'day', type: 'temporal' }).replace(/\n}\n$/, ',\n  "config": {"axisX": {"labelOverlap": false}}\n}\n');
    const fromConfig = await crowded(project(inConfig));
    expect(fromConfig[0]).toContain(`${where('specs/daily.vl.json', inConfig, '"labelOverlap"')}: error:`);
  });

  it('long category names drawn level on a category axis are an error at the field; turned, as Vega-Lite does by default, they are not', async () => {
    const level = spec({ field: 'country', type: 'nominal', axis: { labelAngle: 0 } }, 'data/names.csv', 'bar');
    const got = await crowded(project(level, false));
    expect(got).toHaveLength(1);
    expect(got[0]).toContain(`${where('specs/daily.vl.json', level, '"field"')}: error: the x axis draws the labels`);
    expect(got[0]).toContain(messages.checks.crowdedByVega(true, 'x', LIMITS.minLabelGap));
    expect(await crowded(project(spec({ field: 'country', type: 'nominal' }, 'data/names.csv', 'bar'), false))).toEqual([]);
  });

  it("labels crowded only on a phone's artboard are an error naming its width", async () => {
    const wide = JSON.parse(spec({ field: 'country', type: 'nominal', axis: { labelAngle: 0 } }, 'data/names.csv', 'bar')) as Record<string, unknown>;
    const phone = JSON.stringify({ ...wide, width: 640, usermeta: { citechart: { credit: 'Graphic: Test', widths: [320] } } }, null, 2) + '\n';
    const got = await crowded(project(phone, false));
    expect(got).toHaveLength(1);
    expect(got[0]).toContain(`${where('specs/daily.vl.json', phone, '"field"')}: error: at the 320 px width, the x axis draws the labels`);
  });
});
