// temporal-cells: a date-time with a time-zone offset is drawn in UTC. Summed
// by year, "2024-01-01T00:30:00+05:00" counted in 2023, with exit code 0.
import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { formatDiagnostic } from '../../src/errors.js';
import * as messages from '../../src/messages.js';
import { utcShift } from '../../src/checks/temporalCells.js';
import { makeProject, type Files } from '../helpers/fixtureProject.js';
import { oneChart } from './fixtures.js';

const found = async (files: Files) => (await check({ cwd: makeProject(files) })).filter((d) => d.rule === 'temporal-cells').map(formatDiagnostic);

const byYear = (dates: string[]) =>
  oneChart('sales', 'date,sales,source\n' + dates.map((d, i) => `${d},${10 + i},stats-2024\n`).join(''), {
    title: 'Sales',
    mark: 'bar',
    encoding: {
      x: { field: 'date', timeUnit: 'year', type: 'ordinal', title: 'Year' },
      y: { field: 'sales', aggregate: 'sum', type: 'quantitative', title: 'Sales (units)' },
    },
  });

describe('temporal-cells: time-zone offsets', () => {
  it('reads the written date and the UTC one', () => {
    expect(utcShift('2024-01-01T00:30:00+05:00')).toEqual({ written: '2024-01-01', utcDate: '2023-12-31', utcTime: '19:30' });
    expect(utcShift('2024-03-31T03:30+02:00')).toEqual({ written: '2024-03-31', utcDate: '2024-03-31', utcTime: '01:30' });
    for (const text of ['2024-01-01', '2024-01-01T00:30:00Z', '2024-01-01T00:30:00+00:00', 'Mar 2024']) expect(utcShift(text)).toBeUndefined();
  });

  it('a date-time that falls on another day in UTC is an error, also behind an aggregate on another channel', async () => {
    expect(await found(byYear(['2024-01-01T00:30:00+05:00', '2024-06-01']))).toEqual([
      `data/sales.csv:2:1: error: ${messages.checks.offsetDate('2024-01-01T00:30:00+05:00', 'date', '2024-01-01', '2023-12-31', '19:30')}`,
    ]);
  });

  it('one that stays on its day is a warning (the time drawn is UTC\'s); dates alone and UTC times pass', async () => {
    expect(await found(byYear(['2024-03-31T03:30:00+02:00', '2024-06-01']))).toEqual([
      `data/sales.csv:2:1: warning: ${messages.checks.offsetDate('2024-03-31T03:30:00+02:00', 'date', '2024-03-31', '2024-03-31', '01:30')}`,
    ]);
    expect(await found(byYear(['2024-01-01T00:30:00Z', '2024-06-01', '2023-12-31T23:00:00+00:00']))).toEqual([]);
  });

  it('a cell that is no date is found behind an aggregate too (it was drawn nowhere)', async () => {
    expect(await found(byYear(['Q1 2024', '2024-06-01']))).toEqual([`data/sales.csv:2:1: error: ${messages.checks.notADate('Q1 2024', 'date')}`]);
  });
});

describe('temporal-cells: spreadsheet date serial numbers', () => {
  const serials = (cells: string[]) =>
    oneChart('sales', 'day,sales,source\n' + cells.map((d, i) => `${d},${10 + i},stats-2024\n`).join(''), {
      title: 'Sales',
      mark: 'line',
      encoding: { x: { field: 'day', type: 'temporal', title: 'Day' }, y: { field: 'sales', type: 'quantitative', title: 'Sales (units)' } },
    });

  it('a column of Excel serials (45292 = 2024-01-01) is told to save the column as dates', async () => {
    const problems = await found(serials(['45292', '45293', '45294']));
    expect(problems).toEqual([`data/sales.csv:2:1: error: ${messages.checks.numberOnTimeAxis(45292, 'day')}`]);
    expect(problems[0]).toContain("it looks like a spreadsheet's date serial number (45292 is 2024-01-01)");
  });

  it('other numbers keep the general advice', () => {
    expect(messages.checks.numberOnTimeAxis(12.5, 'day')).toContain('write dates as YYYY-MM-DD');
    expect(messages.checks.numberOnTimeAxis(12.5, 'day')).not.toContain('serial');
  });
});
