import { describe, expect, it } from 'vitest';
import { matchesNumber, numbersInText } from '../../src/lint/numbersInText.js';

const values = (text: string) => numbersInText(text).map((n) => n.value);
const matches = (text: string, cell: number) => numbersInText(text).some((n) => matchesNumber(n, cell));

describe('numbersInText', () => {
  it('reads digits with thousands groups and decimals, not words', () => {
    expect(values('In 2023, 90% of imports')).toEqual([2023, 90]);
    expect(values('1,234 and 1\u00a0234 and 12.5')).toEqual([1234, 1234, 12.5]);
    expect(values('nine in ten')).toEqual([]);
  });
  it('matches a cell to the precision written, with scale words and percent as a fraction', () => {
    expect(matches('90%', 90)).toBe(true);
    expect(matches('90%', 89.6)).toBe(true);
    expect(matches('90%', 80)).toBe(false);
    expect(matches('90%', 0.9)).toBe(true);
    expect(matches('12.5 tonnes', 12.54)).toBe(true);
    expect(matches('12.5 tonnes', 12.6)).toBe(false);
    expect(matches('1.2 million', 1_234_000)).toBe(true);
    expect(matches('1.2 million', 1_300_000)).toBe(false);
    expect(matches('$3bn', 3e9)).toBe(true);
    // The same figure in a column of thousands or millions.
    expect(matches('$1.2 billion', 1200)).toBe(true);
    expect(matches('$1.2 billion', 1_200_000)).toBe(true);
    expect(matches('$1.2 billion', 1234)).toBe(true);
    expect(matches('$1.2 billion', 1300)).toBe(false);
    expect(matches('3 million', 3000)).toBe(true);
    expect(matches('3 million', 30)).toBe(false);
    expect(matches('1.2k widgets', 1200)).toBe(true);
    expect(matches('5 km', 5000)).toBe(false);
  });
  it('marks bare four-digit years, not figures that look like them', () => {
    const years = (text: string) => numbersInText(text).map((n) => [n.text, n.year]);
    expect(years('In 2023, 90% and 2,023 and 2023.5 and 2023 million and 1500')).toEqual([
      ['2023', true], ['90%', false], ['2,023', false], ['2023.5', false], ['2023 million', false], ['1500', false],
    ]);
  });
});
