// duplicate-marks, lookalikes: "China" and "China " were drawn as two bars
// (or two lines) both labelled "China", with exit code 0.
import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { formatDiagnostic } from '../../src/errors.js';
import * as messages from '../../src/messages.js';
import { makeProject, type Files } from '../helpers/fixtureProject.js';
import { oneChart } from './fixtures.js';

const found = async (files: Files) => (await check({ cwd: makeProject(files) })).filter((d) => d.rule === 'duplicate-marks').map(formatDiagnostic);

const bars = (csv: string) =>
  oneChart('exports', csv, {
    title: 'Exports',
    mark: 'bar',
    encoding: { y: { field: 'country', type: 'nominal', title: null }, x: { field: 'exports', type: 'quantitative', title: 'Exports (thousand units)' } },
  });

describe('duplicate-marks: values that differ only as a reader cannot see', () => {
  it('a trailing space, a leading one or a no-break space: an error at the variant, naming the first', async () => {
    const files = bars('country,exports,source\nChina,5,stats-2024\n"China ",7,stats-2024\nChina\u00a0Mainland,1,stats-2024\nChina Mainland,2,stats-2024\nKenya,3,stats-2024\n');
    expect(await found(files)).toEqual([
      `data/exports.csv:3:1: error: ${messages.checks.lookalikeMark('China ', 'China', 2, 'bar')}`,
      `data/exports.csv:5:1: error: ${messages.checks.lookalikeMark('China Mainland', 'China\u00a0Mainland', 4, 'bar')}`,
    ]);
  });

  it('an accent encoded two ways (NFC and NFD) in a line chart\'s series', async () => {
    const files = oneChart('prices', 'year,city,price,source\n2019,Caf\u00e9,1,stats-2024\n2020,Caf\u00e9,2,stats-2024\n2019,Cafe\u0301,3,stats-2024\n2020,Cafe\u0301,4,stats-2024\n', {
      title: 'Prices',
      mark: 'line',
      encoding: {
        x: { field: 'year', type: 'temporal', title: 'Year' },
        color: { field: 'city', type: 'nominal', title: 'City' },
        y: { field: 'price', type: 'quantitative', title: 'Price (€)' },
      },
    });
    expect(await found(files)).toEqual([`data/prices.csv:4:6: error: ${messages.checks.lookalikeMark('Cafe\u0301', 'Caf\u00e9', 2, 'line')}`]);
  });

  it('no word for names a reader tells apart (case, other letters)', async () => {
    expect(await found(bars('country,exports,source\nChina,5,stats-2024\nchina,7,stats-2024\nChinas,1,stats-2024\n'))).toEqual([]);
  });
});
