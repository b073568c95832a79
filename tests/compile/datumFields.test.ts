// A filter reading a column name that is not there (`datum.Cat` for `cat`)
// is undefined in every row: `datum.Cat != 'B'` kept row B in the chart,
// with exit code 0.
import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { formatDiagnostic } from '../../src/errors.js';
import * as messages from '../../src/messages.js';
import { makeProject, where, type Files } from '../helpers/fixtureProject.js';
import { oneChart } from '../checks/fixtures.js';

const found = async (files: Files) => (await check({ cwd: makeProject(files) })).filter((d) => d.severity === 'error').map(formatDiagnostic);

const CSV = 'country,exports,source\nNorway,120,stats-2024\nChile,85,stats-2024\nKenya,40,stats-2024\n';
const bars = (transform: unknown[]) =>
  oneChart('exports', CSV, {
    title: 'Exports',
    transform,
    mark: 'bar',
    encoding: { y: { field: 'country', type: 'nominal', title: null }, x: { field: 'exports', type: 'quantitative', title: 'Exports (thousand units)' } },
  });

describe('datum fields in filter and calculate', () => {
  it('a name that is no column is an error at the expression, with the nearest column', async () => {
    const files = bars([{ filter: "datum.Country != 'Chile'" }]);
    expect(await found(files)).toEqual([
      `${where('specs/exports.vl.json', files['specs/exports.vl.json'] as string, '"filter"')}: error: ${messages.spec.unknownDatumField('Country', 'data/exports.csv', ['country', 'exports'], 'country')}`,
    ]);
    expect(await found(bars([{ calculate: "datum['export'] * 2", as: 'doubled' }]))).toHaveLength(1);
  });

  it('no word for columns, citation columns and fields a transform made earlier or later', async () => {
    expect(await found(bars([{ filter: "datum.country != 'Chile' && datum.source == 'stats-2024'" }]))).toEqual([]);
    expect(await found(bars([{ calculate: 'datum.exports / 2', as: 'half' }, { filter: 'datum.half > 10' }]))).toEqual([]);
    expect(await found(bars([{ fold: ['exports'] }, { filter: 'datum.value > 10' }]))).toEqual([]);
  });
});
