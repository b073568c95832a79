import { describe, expect, it, test } from 'vitest';
import { parseNumber } from '../../src/load/index.js';
import { hasLeadingZero, isOutOfRange } from '../../src/load/parseNumber.js';

test.each([
  ['90', 90],
  [' 12.5 ', 12.5],
  ['-3', -3],
  ['+0.5', 0.5],
  ['.5', 0.5],
  ['5.', 5],
  ['1e3', 1000],
  ['2.5E-1', 0.25],
])('parses %j as %j', (text, value) => {
  expect(parseNumber(text)).toBe(value);
});

test.each(['', ' ', '90%', '1,234', '1 234', '0x10', 'Infinity', 'NaN', '1e', 'e3', '.', '--1', 'ten'])(
  'refuses %j',
  (text) => {
    expect(parseNumber(text)).toBeUndefined();
  },
);
