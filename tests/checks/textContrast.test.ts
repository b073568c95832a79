// Labels drawn on filled marks at a contrast under 3:1 (src/checks/lowContrastText.ts):
// a tester's heat map wrote its numbers in black on every cell, and on the
// darkest cells they could not be read (≈1.5:1), with exit code 0.
import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { formatDiagnostic } from '../../src/errors.js';
import { makeProject, where, type Files } from '../helpers/fixtureProject.js';
import { oneChart } from './fixtures.js';

const found = async (files: Files) => (await check({ cwd: makeProject(files) })).filter((d) => d.rule === 'text-contrast').map(formatDiagnostic);
const spec = (files: Files) => files['specs/cases.vl.json'] as string;

const CELLS =
  'region,year,cases,source\n' +
  ['North', 'South'].flatMap((r, i) => ['2022', '2023', '2024'].map((y, j) => `${r},${y},${10 + 40 * i + 20 * j},stats-2024\n`)).join('');

/** A heat map of cases by region and year, its numbers written on the cells in `textColour` (a colour or a channel definition). */
const heatMap = (textColour: Record<string, unknown>) =>
  oneChart('cases', CELLS, {
    title: 'Cases by region',
    encoding: {
      x: { field: 'year', type: 'ordinal', title: null },
      y: { field: 'region', type: 'nominal', title: null },
    },
    layer: [
      { mark: 'rect', encoding: { color: { field: 'cases', type: 'quantitative', title: 'Cases', scale: { range: ['#f7fbff', '#08306b'] } } } },
      { mark: { type: 'text', ...('value' in textColour && Object.keys(textColour).length === 1 ? { color: textColour.value } : {}) }, encoding: { text: { field: 'cases', type: 'quantitative' }, ...('value' in textColour && Object.keys(textColour).length === 1 ? {} : { color: textColour }) } },
    ],
  });

describe('text-contrast', () => {
  it('black numbers on the dark cells of a heat map are an error at the text layer\'s colour, naming label, colours and ratio', async () => {
    const files = heatMap({ value: 'black' });
    const got = await found(files);
    expect(got).toHaveLength(1);
    expect(got[0]).toContain(`${where('specs/cases.vl.json', spec(files), '"color": "black"')}: error: the label "90" is drawn in #000000 on a mark filled #08306b, a contrast of 1.6:1`);
    expect(got[0]).toContain('"condition"');
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

  it('a colour condition on the cell value (white on dark) is quiet', async () => {
    expect(await found(heatMap({ condition: { test: 'datum.cases > 60', value: 'white' }, value: 'black' }))).toEqual([]);
  });

  it('a halo gives the text its own background: quiet', async () => {
    const files = heatMap({ value: 'black' });
    const halo = spec(files).replace('"type": "text",', '"type": "text", "stroke": "white", "strokeWidth": 3,');
    expect(halo).not.toEqual(spec(files));
    expect(await found({ ...files, 'specs/cases.vl.json': halo })).toEqual([]);
  });
});
