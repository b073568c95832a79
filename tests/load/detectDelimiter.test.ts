import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../src/load/detectDelimiter.js';

const delimiter = (text: string) => {
  const found = detectDelimiter(text);
  return found === 'ambiguous' ? found : found.delimiter;
};

describe('detectDelimiter', () => {
  it('reads a `;` file whose header names hold a comma with `;` (the comma split the header too)', () => {
    // French Excel quotes nothing here: the comma is no separator of this file.
    expect(delimiter('pays;Montant, en euros;source\nFrance;1,5;a\nItalie;12;b\n')).toBe(';');
    expect(delimiter('pays;Montant, en euros;source\r\nFrance;1,5;a\r\n')).toBe(';');
  });

  it('keeps the comma when commas read the file as a table, whatever `;` would do', () => {
    expect(delimiter('a;b,c\n1;2,3\n')).toBe(',');
    expect(delimiter('name,note,source\nx,a;b,s\n')).toBe(',');
    expect(delimiter('country,exports,source\nNorway,120,a\n')).toBe(',');
  });

  it('is ambiguous when neither reads the file as a table and the header has no comma', () => {
    expect(delimiter('a;b;source\n1;2\n')).toBe('ambiguous');
    expect(delimiter('a;b;source\n1;2;s\n')).toBe(';');
  });
});
