import { describe, expect, test } from 'vitest';
import { figureReader, isUnsafeInteger, looksLikeFormula, parseFigure } from '../../src/load/parseFigure.js';

describe('parseFigure without a declaration (inferred columns)', () => {
  test.each([
    ['90', 90, false],
    ['-5', -5, false],
    ['+5', 5, false],
    ['\u22125', -5, false],
    ['(5)', -5, false],
    ['( 1,234.5 )', -1234.5, false],
    ['90%', 90, true],
    ['90 %', 90, true],
    ['90\u00a0%', 90, true],
    ['\u22122.5\u202f%', -2.5, true],
    ['1\u00a0234', 1234, false],
    ['1\u202f234\u202f567,5', 1234567.5, false],
    ['1,234,567', 1234567, false],
    ['1,234.5', 1234.5, false],
    ['1.234.567', 1234567, false],
    ['1.234,5', 1234.5, false],
    ['12,75', 12.75, false],
    ['0,125', 0.125, false],
    ['1e3', 1000, false],
  ])('%j → %d (percent: %s)', (text, value, percent) => {
    expect(parseFigure(text)).toMatchObject({ value, percent });
  });

  test.each(['1,234', '2,500', '-1,234'])('%j is ambiguous: both readings are given', (text) => {
    const sign = text.startsWith('-') ? -1 : 1;
    const digits = text.replace('-', '');
    expect(parseFigure(text)).toEqual({
      ambiguous: true,
      asThousands: sign * Number(digits.replace(',', '')),
      asDecimal: sign * Number(digits.replace(',', '.')),
      percent: false,
    });
  });

  test('the decimal mark a cell shows is reported, so the column can settle "1,234"', () => {
    expect(parseFigure('1.5')).toMatchObject({ decimalMark: '.' });
    expect(parseFigure('1,5')).toMatchObject({ decimalMark: ',' });
    expect(parseFigure('1,234,567')).toMatchObject({ decimalMark: '.' });
    expect(parseFigure('12')).not.toHaveProperty('decimalMark');
  });

  test.each(['', 'x', '(-5)', '--5', '1,23,4', '12,34,567', '1 23', '0x10', '5%%', '€5', '1e400', '1.2.3,4,5'])('%j is no figure', (text) => {
    expect(parseFigure(text)).toBeUndefined();
  });
});

describe('parseFigure with a declared format (Frictionless rules)', () => {
  test('groupChar and decimalChar are the only separators', () => {
    expect(parseFigure('1,234', { groupChar: ',' })).toEqual({ value: 1234, percent: false });
    expect(parseFigure('1,234', { decimalChar: ',' })).toEqual({ value: 1.234, percent: false });
    expect(parseFigure('1.234,5', { decimalChar: ',', groupChar: '.' })).toEqual({ value: 1234.5, percent: false });
    expect(parseFigure('1\u202f234,5', { decimalChar: ',', groupChar: ' ' })).toEqual({ value: 1234.5, percent: false });
    expect(parseFigure('1,234', {})).toBeUndefined();
    expect(parseFigure('1.5', { decimalChar: ',' })).toBeUndefined();
  });

  test('bareNumber: true (the default) refuses "90%"; false strips text around the number', () => {
    expect(parseFigure('90%', {})).toBeUndefined();
    expect(parseFigure('90 %', { bareNumber: false })).toEqual({ value: 90, percent: true });
    expect(parseFigure('€5', { bareNumber: false })).toEqual({ value: 5, percent: false });
    expect(parseFigure('EUR -5.5', { bareNumber: false })).toEqual({ value: -5.5, percent: false });
    // The parentheses are read as a negative before stripping, never dropped.
    expect(parseFigure('(5)', { bareNumber: false })).toEqual({ value: -5, percent: false });
  });
});

test('isUnsafeInteger: digits beyond 2^53 only', () => {
  expect(isUnsafeInteger('9007199254740991')).toBe(false);
  expect(isUnsafeInteger('9007199254740993')).toBe(true);
  expect(isUnsafeInteger('\u22129007199254740993')).toBe(true);
  expect(isUnsafeInteger('1e300')).toBe(false);
});

test('looksLikeFormula: =, + and @ at the start', () => {
  expect(['=A1', ' +A1', '@x', '+5'].map(looksLikeFormula)).toEqual([true, true, true, true]);
  expect(['-5', 'a=b', ''].map(looksLikeFormula)).toEqual([false, false, false]);
});

describe('figureReader', () => {
  test('reads as parseFigure does, once per distinct text (the same figure for equal texts)', () => {
    const read = figureReader();
    for (const text of ['1,234', '2,5', '90 %', '(5)', 'abc', '', '1.5', '1,234']) expect(read(text)).toEqual(parseFigure(text));
    expect(read('1.5')).toBe(read('1.5'));
    expect(read('abc')).toBeUndefined();
    expect(read('abc')).toBeUndefined();
  });
});
