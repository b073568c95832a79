// A person's name in a drawn footer never ends a line: the balanced French
// source line broke "Zhifan / Liu" (output/microelectronics-imports.fr.png).
import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/model.js';
import { citeSource } from '../../src/provenance/citeSource.js';
import { wrapText } from '../../src/provenance/wrapText.js';

const source: Source = {
  id: 'r', publisher: 'Reuters', authors: ['Steve Holland', 'Susan Heavey'], title: 'T', published: '2024', url: '',
  attribution: 'US officials', language: 'fr', translator: 'Zhifan Liu', accessed: '', line: 2,
};
const measure = (text: string) => text.length;

describe('citeSource for a drawn footer', () => {
  it('joins each name with no-break spaces, so wrapping never splits one', () => {
    const drawn = citeSource(source, undefined, true);
    expect(drawn).toContain('Steve\u00a0Holland');
    expect(drawn).toContain('Zhifan\u00a0Liu');
    for (let width = 12; width <= drawn.length; width++) {
      for (const line of wrapText(drawn, width, measure)) {
        expect(line.endsWith('Zhifan'), `width ${width}`).toBe(false);
        expect(line.endsWith('Steve'), `width ${width}`).toBe(false);
      }
    }
  });

  it('keeps plain spaces in the machine-readable citation', () => {
    expect(citeSource(source)).toContain('Zhifan Liu');
    expect(citeSource(source)).not.toContain('\u00a0');
  });
});
