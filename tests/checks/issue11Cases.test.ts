// Issue 11's cases 1, 2, 3 (the error), 4, 5 and 8: each drew a wrong or
// incomplete graphic with exit 0 and no located word. Now each is an error
// or a warning at the cell or spec node to fix, and a fixture that differs
// only in the fault passes clean.
import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { formatDiagnostic } from '../../src/errors.js';
import * as messages from '../../src/messages.js';
import { makeProject, where, type Files } from '../helpers/fixtureProject.js';
import { logZero, missingAsZero, normalizedStack, percentPoints, withTooltip, yearLabel } from './fixtures.js';

const lines = async (files: Files) => (await check({ cwd: makeProject(files) })).map(formatDiagnostic);
const text = (files: Files, file: string) => files[file] as string;

describe('issue 11 cases', () => {
  it('1. a log scale with a zero: an error at the zero cell, not a flat line pinned at the top', async () => {
    const files = logZero();
    expect(await lines(files)).toEqual([
      `${where('data/cases.csv', text(files, 'data/cases.csv'), ',0,')}`.replace(/:(\d+)$/, (_, c) => `:${Number(c) + 1}`) +
        `: error: ${messages.checks.logNotPositive(0, 'cases', 'y')}`,
    ]);
    expect(await lines(logZero(['12', '140', '1', '1900']))).toEqual([]);
  });

  it('2. missing values drawn as zero ("invalid": null or "show"): a warning at each empty cell', async () => {
    for (const invalid of [null, 'show']) {
      const files = missingAsZero(invalid);
      const csv = text(files, 'data/rate.csv');
      expect(await lines(files)).toEqual(
        [0, 1].map((n) => `${where('data/rate.csv', csv, ',,', n).replace(/:(\d+)$/, (_, c) => `:${Number(c) + 1}`)}: warning: ${messages.checks.missingDrawn('rate', 'y', JSON.stringify(invalid))}`),
      );
    }
    // Without "invalid" a gap stays a gap.
    expect(await lines(missingAsZero(undefined))).toEqual([]);
  });

  it('3. a normalised stack with negatives: an error at each negative amount', async () => {
    const files = normalizedStack();
    const csv = text(files, 'data/balance.csv');
    expect(await lines(files)).toEqual([
      `${where('data/balance.csv', csv, '-10')}: error: ${messages.checks.normalizeNegative(-10, 'amount')}`,
      `${where('data/balance.csv', csv, '-30')}: error: ${messages.checks.normalizeNegative(-30, 'amount')}`,
    ]);
    expect(await lines(normalizedStack(['10', '30']))).toEqual([]);
  });

  it('4. percent points with a ".0%" format (6100 %): an error at the format with the fix', async () => {
    const files = percentPoints('.0%');
    expect(await lines(files)).toEqual([`${where('specs/vote.vl.json', text(files, 'specs/vote.vl.json'), '"format"')}: error: ${messages.checks.percentTimes100('share', '.0%')}`]);
    expect(messages.checks.percentTimes100('share', '.0%')).toContain('"calculate": "datum.share / 100"');
    expect(await lines(percentPoints('.0f'))).toEqual([]);
    // Fractions written as 0.61 are what ".0%" is for.
    expect(await lines(percentPoints('.0%', ['0.61', '0.33', '0.06']))).toEqual([]);
  });

  it('5. whole years compared with 2024 in a filter: a warning at the filter with the fix, and one that the layer draws nothing', async () => {
    const files = yearLabel('datum.year == 2024');
    const spec = text(files, 'specs/sales.vl.json');
    // Vega's "Infinite extent for field year_year" is the empty layer again: said once, at the filter.
    expect(await lines(files)).toEqual([
      `${where('specs/sales.vl.json', spec, '"filter"')}: warning: ${messages.checks.yearAsDate('year', 'datum.year == 2024')}`,
      `${where('specs/sales.vl.json', spec, '"filter"')}: warning: ${messages.checks.filterKeepsNothing()}`,
    ]);
    // The fix the warning gives, and the predicate form with its timeUnit, draw the label.
    expect(await lines(yearLabel('year(datum.year) == 2024'))).toEqual([]);
    expect(await lines(yearLabel({ field: 'year', timeUnit: 'year', equal: 2024 }))).toEqual([]);
  });

  it('5. the predicate form without a timeUnit gets the same warning at its filter', async () => {
    const files = yearLabel({ field: 'year', equal: 2024 });
    const found = await lines(files);
    expect(found).toContain(`${where('specs/sales.vl.json', text(files, 'specs/sales.vl.json'), '"filter"')}: warning: ${messages.checks.yearAsDate('year', '{"field":"year","equal":2024}')}`);
  });

  it('8. a tooltip in a static graphic: a warning at the tooltip encoding', async () => {
    const files = withTooltip(true);
    expect(await lines(files)).toEqual([`${where('specs/exports.vl.json', text(files, 'specs/exports.vl.json'), '"tooltip"')}: warning: ${messages.checks.tooltip()}`]);
    expect(await lines(withTooltip(false))).toEqual([]);
  });
});
