// Labels drawn on filled marks at a contrast under 3:1 (src/checks/lowContrastText.ts):
// a tester's heat map wrote its numbers in black on every cell, and on the
// darkest cells they could not be read (≈1.5:1), with exit code 0.
import { rgb } from 'd3';
import { describe, expect, it } from 'vitest';
import { contrast } from '../../src/render/wcagContrast.js';
import { check } from '../../src/commands/check.js';
import { formatDiagnostic } from '../../src/errors.js';
import { makeProject, where, type Files } from '../helpers/fixtureProject.js';
import { oneChart } from './fixtures.js';

const found = async (files: Files) => (await check({ cwd: makeProject(files) })).filter((d) => d.rule === 'text-contrast').map(formatDiagnostic);
const spec = (files: Files) => files['specs/cases.vl.json'] as string;

const CELLS =
  'region,year,cases,source\n' +
  ['North', 'South'].flatMap((r, i) => ['2022', '2023', '2024'].map((y, j) => `${r},${y},${10 + 40 * i + 20 * j},stats-2024\n`)).join('');

/** A heat map of cases by region and year, its numbers written on the cells: `colour` on the text mark, or `encoded` as its color channel. */
const heatMap = (colour: string | undefined, encoded?: Record<string, unknown>) =>
  oneChart('cases', CELLS, {
    title: 'Cases by region',
    encoding: {
      x: { field: 'year', type: 'ordinal', title: null },
      y: { field: 'region', type: 'nominal', title: null },
    },
    layer: [
      { mark: 'rect', encoding: { color: { field: 'cases', type: 'quantitative', title: 'Cases', scale: { range: ['#f7fbff', '#08306b'] } } } },
      { mark: { type: 'text', ...(colour ? { color: colour } : {}) }, encoding: { text: { field: 'cases', type: 'quantitative' }, ...(encoded ? { color: encoded } : {}) } },
    ],
  });

describe('text-contrast', () => {
  it('black numbers on the dark cells of a heat map are an error at the text layer\'s colour, naming label, colours and ratio', async () => {
    const files = heatMap('black');
    const got = await found(files);
    expect(got).toHaveLength(1);
    expect(got[0]).toContain(`${where('specs/cases.vl.json', spec(files), '"color": "black"')}: error: the label "90" is drawn in #000000 on a mark filled #08306b, a contrast of 1.6:1`);
    expect(got[0]).toContain('"condition"');
    // The fix the message names, white on the dark cells, is quiet; so is a halo, which gives the text its own background.
    expect(await found(heatMap(undefined, { condition: { test: 'datum.cases > 60', value: 'white' }, value: 'black' }))).toEqual([]);
    const halo = spec(files).replace('"type": "text",', '"type": "text", "stroke": "white", "strokeWidth": 3,');
    expect(halo).not.toEqual(spec(files));
    expect(await found({ ...files, 'specs/cases.vl.json': halo })).toEqual([]);
  });

  it('black value labels inside dark negative bars are an error at the layer\'s color encoding; beside the bar end, quiet', async () => {
    const bars = (dx: number) =>
      oneChart('cases', 'region,change,source\nNorth,-40,stats-2024\nSouth,25,stats-2024\n', {
        title: 'Change in cases',
        encoding: { y: { field: 'region', type: 'nominal', title: null }, x: { field: 'change', type: 'quantitative', title: 'Change (cases)' } },
        layer: [
          { mark: { type: 'bar', color: '#3b0f70' } },
          { mark: { type: 'text', align: 'left', dx }, encoding: { text: { field: 'change', type: 'quantitative' }, color: { value: 'black' } } },
        ],
      });
    const inside = bars(4);
    const got = await found(inside);
    expect(got).toHaveLength(1);
    expect(got[0]).toContain(`${where('specs/cases.vl.json', spec(inside), '"color": {')}: error: the label "−40" is drawn in #000000 on a mark filled #3b0f70`);
    // The positive bar's label starts at its end, over the background.
    expect(await found(bars(-200))).toEqual([]);
  });

  it('in a faceted heat map the error stands at the text layer inside the facet\'s spec', async () => {
    const files = oneChart('cases', CELLS, {
      title: 'Cases by region',
      facet: { field: 'region', type: 'nominal', title: null },
      spec: {
        encoding: { x: { field: 'year', type: 'ordinal', title: null } },
        layer: [
          { mark: 'rect', encoding: { color: { field: 'cases', type: 'quantitative', title: 'Cases', scale: { range: ['#f7fbff', '#08306b'] } } } },
          { mark: 'text', encoding: { text: { field: 'cases', type: 'quantitative' } } },
        ],
      },
    });
    const got = await found(files);
    expect(got).toHaveLength(1);
    expect(got[0]).toContain(`${where('specs/cases.vl.json', spec(files), '"mark": "text"')}: error: the label "90"`);
    expect(got[0]).toContain('"test": "datum.cases > 60"');
  });

  it('on a pie, a label is judged against the slice it lies in', async () => {
    const pie = (colour: string) =>
      oneChart('cases', 'region,cases,source\nNorth,40,stats-2024\nSouth,30,stats-2024\nEast,20,stats-2024\n', {
        title: 'Cases by region',
        encoding: { theta: { field: 'cases', type: 'quantitative', stack: true } },
        layer: [
          { mark: { type: 'arc', outerRadius: 120 }, encoding: { color: { field: 'region', type: 'nominal', title: 'Region', scale: { range: ['#08306b', '#fdd0a2', '#c6dbef'] } } } },
          { mark: { type: 'text', radius: 80, color: colour }, encoding: { text: { field: 'cases', type: 'quantitative' } } },
        ],
      });
    // Black reads on the two pale slices, not on the dark one (East's, first in the domain); white the other way round.
    const black = await found(pie('black'));
    expect(black).toHaveLength(1);
    expect(black[0]).toContain('error: the label "20" is drawn in #000000 on a mark filled #08306b');
    const white = await found(pie('white'));
    expect(white).toHaveLength(1);
    expect(white[0]).toContain('error: the label "40" is drawn in #ffffff on a mark filled #c6dbef, a contrast of 1.4:1');
    expect(white[0]).toContain('(and 1 more label of this layer under 3:1)');
    // The colour encoding shared by both layers colours each label as its slice: invisible, at that encoding.
    const shared = pie('black');
    const inherited = spec(shared).replace('"encoding": {\n    "theta"', '"encoding": {\n    "color": {"field": "region", "type": "nominal", "title": "Region"},\n    "theta"');
    expect(inherited).not.toEqual(spec(shared));
    const got = await found({ ...shared, 'specs/cases.vl.json': inherited });
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(new RegExp(`^${where('specs/cases.vl.json', inherited, '"color": {"field"')}: error: .* a contrast of 1\\.0:1 \\(and 2 more labels`));
  });

});

describe('WCAG 2.x contrast ratio', () => {
  it('gives WCAG\'s own figures: 21:1 black on white, 1:1 alike, 4.48:1 for #777 on white (the grey that just fails 4.5:1)', () => {
    expect(contrast(rgb('black'), rgb('white'))).toBeCloseTo(21, 6);
    expect(contrast(rgb('#08306b'), rgb('#08306b'))).toBe(1);
    expect(contrast(rgb('#777'), rgb('#fff'))).toBeCloseTo(4.48, 2);
    expect(contrast(rgb('#fff'), rgb('#777'))).toBeCloseTo(4.48, 2);
  });
});
