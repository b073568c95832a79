// Spreadsheet number forms citechart does not read: the message names the
// form and gives the plain number, written with the file's decimal mark.
import { describe, expect, it } from 'vitest';
import { readCitedTable } from '../../src/load/index.js';
import * as messages from '../../src/messages.js';
import { unreadNumberForm, writeWithMark } from '../../src/load/unreadNumberForm.js';
import { makeProject } from '../helpers/fixtureProject.js';
import { ONE_SOURCE_CSV } from '../checks/fixtures.js';

describe('unreadNumberForm', () => {
  it('names scientific notation with a decimal comma, and what it stands for', () => {
    expect(unreadNumberForm('2,5E+03')).toEqual({ form: 'in scientific notation with a decimal comma', value: 2500 });
    expect(unreadNumberForm('1,5E-01')?.value).toBe(0.15);
  });
  it('names apostrophe, Indian and underscore grouping', () => {
    expect(unreadNumberForm("1'234'567")).toEqual({ form: 'with apostrophes between thousands (Swiss style)', value: 1234567 });
    expect(unreadNumberForm('1\u2019234.5')?.value).toBe(1234.5);
    expect(unreadNumberForm('12,34,567')).toEqual({ form: 'in Indian digit grouping (lakh, crore)', value: 1234567 });
    expect(unreadNumberForm('1_234')?.value).toBe(1234);
  });
  it('knows nothing of words or of forms citechart reads', () => {
    for (const text of ['ninety', '1,234,567', '2,5', '1.5E+03', "1'2"]) expect(unreadNumberForm(text)).toBeUndefined();
  });
  it('writes a number with the decimal mark given', () => {
    expect(writeWithMark(1234.5, ',')).toBe('1234,5');
    expect(writeWithMark(1234.5, '.')).toBe('1234.5');
    expect(writeWithMark(1234.5, undefined)).toBe('1234.5');
  });
});

describe('number messages follow the file', () => {
  const read = async (csv: string) => {
    const cwd = makeProject({ 'data/sources.csv': ONE_SOURCE_CSV, 'data/t.csv': csv });
    const { readSources } = await import('../../src/load/index.js');
    const { sources } = await readSources(cwd);
    return (await readCitedTable(cwd, 'data/t.csv', sources)).diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`);
  };

  it('a word in a file of decimal commas gets its example with a comma', async () => {
    expect(await read('country;amount;source\nA;1,5;stats-2024\nB;ninety;stats-2024\nC;3,5;stats-2024\n')).toEqual([`3:3: ${messages.load.notANumber('ninety', 'amount', ',')}`]);
    expect(messages.load.notANumber('ninety', 'amount', ',')).toContain('1234,5');
  });

  it('a "no value" marker (N/A, —, ..) is told how to leave the cell empty, not to retype a figure', async () => {
    const problems = await read('country,amount,source\nA,1.5,stats-2024\nB,N/A,stats-2024\nC,3.5,stats-2024\nD,\u2014,stats-2024\nE,..,stats-2024\nF,4,stats-2024\nG,5,stats-2024\n');
    expect(problems).toHaveLength(3);
    for (const [i, marker] of ['N/A', '\u2014', '..'].entries()) {
      expect(problems[i]).toContain(`leave it empty, or declare the marker in the table's sidecar data/NAME.schema.json: {"missingValues": ["", ${JSON.stringify(marker)}], "fields": []}`);
      expect(problems[i]).not.toContain('1234.5');
    }
    // As the message says: the sidecar makes them empty cells.
    const cwd = makeProject({ 'data/sources.csv': ONE_SOURCE_CSV, 'data/t.csv': 'country,amount,source\nA,1.5,stats-2024\nB,N/A,stats-2024\nC,3.5,stats-2024\n', 'data/t.schema.json': '{"missingValues": ["", "N/A"], "fields": []}' });
    const { readSources } = await import('../../src/load/index.js');
    expect((await readCitedTable(cwd, 'data/t.csv', (await readSources(cwd)).sources)).diagnostics).toEqual([]);
  });

  it('a figure with a currency sign is told to drop the sign into the title, not to retype it as 90', async () => {
    const problems = await read('country,amount,source\nA,1.5,stats-2024\nB,$1200,stats-2024\nC,3.5,stats-2024\nD,1 200 \u20ac,stats-2024\nE,4,stats-2024\n');
    expect(problems).toEqual([
      `3:3: ${messages.load.notANumber('$1200', 'amount')}`,
      `5:3: ${messages.load.notANumber('1 200 \u20ac', 'amount')}`,
    ]);
    expect(problems[0]).toContain('write the figure alone ("1200") and put the currency in the axis title (e.g. "Price ($)")');
    expect(problems[1]).toContain('write the figure alone ("1 200") and put the currency in the axis title (e.g. "Price (\u20ac)")');
    expect(messages.load.notANumber('ninety', 'amount')).not.toContain('currency');
  });

  it('a file of decimal points keeps "1234.5"', async () => {
    expect(await read('country,amount,source\nA,1.5,stats-2024\nB,ninety,stats-2024\nC,3.5,stats-2024\n')).toEqual([`3:3: ${messages.load.notANumber('ninety', 'amount', '.')}`]);
  });

  it('scientific notation with a decimal comma is named, with the plain number in the file\'s mark', async () => {
    expect(await read('country;amount;source\nA;1,5;stats-2024\nB;1,25E-01;stats-2024\nC;3,5;stats-2024\n')).toEqual([
      `3:3: ${messages.load.unreadForm('1,25E-01', 'amount', 'in scientific notation with a decimal comma', '0,125', ',')}`,
    ]);
  });
});
