import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/provenance/wrapText.js';

// One px per character: the breaks are easy to read.
const measure = (s: string) => s.length;

describe('wrapText', () => {
  it('never breaks at a no-break space, and keeps it (French "90 %", "Source :")', () => {
    const text = 'la Chine a fourni 90\u202f% des importations';
    const lines = wrapText(text, 20, measure);
    expect(lines).toEqual(['la Chine a fourni', '90\u202f% des', 'importations']);
    expect(lines.join(' ')).toBe(text);
    expect(wrapText('Source\u00a0: Reuters', 8, measure)).toEqual(['Source\u00a0:', 'Reuters']);
  });

  it('breaks at ordinary white space', () => {
    expect(wrapText('aaa bbb\tccc', 7, measure)).toEqual(['aaa bbb', 'ccc']);
  });
});
