// year-axis: whole years on a quantitative axis were labelled "2,019.5"
// (d3's grouped default format, ticks between the years), with exit code 0.
import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { formatDiagnostic } from '../../src/errors.js';
import * as messages from '../../src/messages.js';
import { makeProject, where, type Files } from '../helpers/fixtureProject.js';
import { oneChart } from './fixtures.js';

const found = async (files: Files) => (await check({ cwd: makeProject(files) })).filter((d) => d.rule === 'year-axis').map(formatDiagnostic);

const line = (column: string, x: Record<string, unknown> = {}, years = ['2019', '2020', '2021', '2022'], config?: Record<string, unknown>) =>
  oneChart('cases', `${column},cases,source\n` + years.map((y, i) => `${y},${10 + i},stats-2024\n`).join(''), {
    title: 'Cases per year',
    mark: 'line',
    encoding: {
      x: { field: column, type: 'quantitative', title: 'Year', ...x },
      y: { field: 'cases', type: 'quantitative', title: 'Cases (people)' },
    },
    ...(config && { config }),
  });

describe('year-axis', () => {
  it('a year column on a quantitative axis without a format is an error at its type', async () => {
    const files = line('year');
    expect(await found(files)).toEqual([
      `${where('specs/cases.vl.json', files['specs/cases.vl.json'] as string, '"type": "quantitative"')}: error: ${messages.checks.yearsAsNumbers('year', 'x', 2019)}`,
    ]);
    expect(await found(line('fiscal_year'))).toHaveLength(1);
    expect(await found(line('Jahr'))).toHaveLength(1);
  });

  it('no word with a format (the channel\'s, the axis\'s, the config\'s), on a time axis, or for figures that are not years', async () => {
    expect(await found(line('year', { axis: { format: 'd', tickMinStep: 1 } }))).toEqual([]);
    expect(await found(line('year', { axis: { labelExpr: 'datum.value' } }))).toEqual([]);
    expect(await found(line('year', {}, undefined, { axisX: { format: 'd' } }))).toEqual([]);
    expect(await found(line('year', { type: 'temporal' }))).toEqual([]);
    expect(await found(line('year', {}, ['2019.5', '2020', '2021', '2022']))).toEqual([]);
    expect(await found(line('yearly_total', {}, ['12', '14', '2021', '2022']))).toEqual([]);
    expect(await found(line('price'))).toEqual([]);
  });
});
