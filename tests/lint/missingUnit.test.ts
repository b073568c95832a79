import { describe, expect, it } from 'vitest';
import { barSpec, where } from '../helpers/fixtureProject.js';
import { findings } from './lintProject.js';

const withX = (x: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  barSpec({ extra: { encoding: { y: { field: 'country', type: 'nominal', title: null }, x: { field: 'exports', type: 'quantitative', ...x } }, ...extra } });

describe('missing-unit', () => {
  it('flags a title that names no unit, at the title', async () => {
    const spec = withX({ title: 'Exports' });
    expect(await findings('missing-unit', { 'specs/exports.vl.json': spec })).toEqual([
      `${where('specs/exports.vl.json', spec, '"title": "Exports"')}: warning: column "exports" on x has no unit: its title "Exports" and format name none (%, $, million, …); write e.g. "Exports (%)" or "Exports (million $)", or set a format`,
    ]);
  });

  it('flags a column shown under its bare name (no title), at the field', async () => {
    const spec = withX({});
    expect(await findings('missing-unit', { 'specs/exports.vl.json': spec })).toEqual([
      `${where('specs/exports.vl.json', spec, '"field": "exports"')}: warning: column "exports" on x has no unit: its title "exports" and format name none (%, $, million, …); write e.g. "exports (%)" or "exports (million $)", or set a format`,
    ]);
  });

  it('flags a hidden axis when neither the chart title nor the labels say the unit', async () => {
    const spec = withX({ axis: null }, { title: 'Widget exports' });
    expect(await findings('missing-unit', { 'specs/exports.vl.json': spec })).toHaveLength(1);
  });

  it('wants the unit on a visible axis, not only in the subtitle', async () => {
    const spec = withX({ title: 'Exports' }, { title: { text: 'Widget exports', subtitle: 'Thousand units, 2024' } });
    expect(await findings('missing-unit', { 'specs/exports.vl.json': spec })).toHaveLength(1);
  });

  it('accepts a unit in the title, the axis title, the format, or (axis hidden) the subtitle', async () => {
    const cases = [
      withX({ title: 'Exports (thousand units)' }),
      withX({ title: 'Exports, million dollars' }),
      withX({ axis: { title: 'Share of exports', format: '.0%' } }),
      withX({ title: 'Exports', axis: { format: '$,.0f' } }),
      withX({ title: 'Exports per head' }),
      withX({ axis: null }, { title: { text: 'Widget exports', subtitle: 'Thousand units, 2024' } }),
    ];
    for (const spec of cases) expect(await findings('missing-unit', { 'specs/exports.vl.json': spec }), spec).toEqual([]);
  });

  it('reads a pie\'s unit from the chart title or labels, since its angle has no axis', async () => {
    const pie = (title: string) =>
      barSpec({
        title,
        extra: { mark: 'arc', encoding: { theta: { field: 'exports', type: 'quantitative', title: 'Exports' }, color: { field: 'country', type: 'nominal' } } },
      });
    const unsaid = pie('Widget exports');
    expect(await findings('missing-unit', { 'specs/exports.vl.json': unsaid })).toEqual([
      `${where('specs/exports.vl.json', unsaid, '"field": "exports"')}: warning: column "exports" on theta has no unit and its title is not shown; say the unit in the chart's title or subtitle, or in its labels (e.g. a "%" format)`,
    ]);
    expect(await findings('missing-unit', { 'specs/exports.vl.json': pie('Widget exports, thousand units') })).toEqual([]);
  });

  it('reads the % labels Vega-Lite gives a normalised stack as its unit, unless a format replaces them', async () => {
    const normalised = (extra: Record<string, unknown>) =>
      barSpec({
        extra: {
          encoding: {
            y: { field: 'country', type: 'nominal', title: null },
            x: { field: 'exports', type: 'quantitative', stack: 'normalize', title: 'Widget exports', ...extra },
            color: { field: 'country', type: 'nominal', title: 'Country' },
          },
        },
      });
    expect(await findings('missing-unit', { 'specs/exports.vl.json': normalised({}) })).toEqual([]);
    expect(await findings('missing-unit', { 'specs/exports.vl.json': normalised({ axis: { format: ',.0f' } }) })).toHaveLength(1);
  });

  it('ignores counts and text columns', async () => {
    const spec = barSpec({ extra: { encoding: { y: { field: 'country', type: 'nominal' }, x: { aggregate: 'count', type: 'quantitative', title: 'Rows' } } } });
    expect(await findings('missing-unit', { 'specs/exports.vl.json': spec })).toEqual([]);
  });

  it('does not count a title the reader never sees (a pie angle, a hidden axis)', async () => {
    const pie = barSpec({
      title: 'Widget exports',
      extra: { mark: 'arc', encoding: { theta: { field: 'exports', type: 'quantitative', title: 'Exports (%)' }, color: { field: 'country', type: 'nominal' } } },
    });
    expect(await findings('missing-unit', { 'specs/exports.vl.json': pie })).toHaveLength(1);
    const hiddenAxis = withX({ title: 'Exports (thousand units)', axis: null }, { title: 'Widget exports' });
    expect(await findings('missing-unit', { 'specs/exports.vl.json': hiddenAxis })).toHaveLength(1);
  });
});
