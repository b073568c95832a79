// A drawn footer never breaks a person's or an organisation's name across
// lines ("Zhifan / Liu" in the French edition's source line, a Reuters/FT
// review, 2026), while its text keeps plain spaces (the snippet and every
// extracted text compare it).
import { describe, expect, it } from 'vitest';
import { drawFooter } from '../../src/provenance/drawFooter.js';
import { footerParagraphs } from '../../src/provenance/footerParagraphs.js';
import { keptUnits, wrapBalanced, wrapText } from '../../src/provenance/wrapText.js';
import { readLocale } from '../../src/locale/readLocale.js';
import type { CitedRow, Source } from '../../src/model.js';

const measure = (s: string) => s.length;

/** Whether `name` is split between two consecutive lines. */
function splits(lines: string[], name: string): boolean {
  const words = name.split(' ');
  return lines.some((line, i) => {
    const next = lines[i + 1];
    if (next === undefined) return false;
    for (let k = 1; k < words.length; k++) {
      if (line.endsWith(words.slice(0, k).join(' ')) && next.replace(/^[\u2068]*/, '').startsWith(words.slice(k).join(' '))) return true;
    }
    return false;
  });
}

describe('keep-together spans in wrapText and wrapBalanced', () => {
  it('moves a kept name whole to the next line instead of splitting it', () => {
    expect(wrapText('version by Zhifan Liu, citing', 18, measure)).toEqual(['version by Zhifan', 'Liu, citing']);
    expect(wrapText('version by Zhifan Liu, citing', 18, measure, 0, 0, ['Zhifan Liu'])).toEqual(['version by', 'Zhifan Liu, citing']);
  });

  it('keeps the text plain: the lines joined give the text back, with ordinary spaces', () => {
    const text = 'Reuters (Steve Holland, Susan Heavey), 2024';
    const lines = wrapBalanced(text, 20, measure, { keep: ['Steve Holland', 'Susan Heavey'], minLastWords: 3 });
    expect(lines.join(' ')).toBe(text);
    expect(lines.join('')).not.toMatch(/[\u00a0\u202f]/);
    expect(splits(lines, 'Steve Holland')).toBe(false);
    expect(splits(lines, 'Susan Heavey')).toBe(false);
  });

  it('breaks a name longer than a whole line between its words, never between its letters', () => {
    expect(wrapText('by Center for Strategic Studies', 12, measure, 0, 0, ['Center for Strategic Studies'])).toEqual(['by Center', 'for', 'Strategic', 'Studies']);
  });

  it('matches whole words only, with punctuation or bidi isolates at the name\'s edges', () => {
    expect(keptUnits('(Steve Holland, Susan Heavey)', ['Steve Holland', 'Susan Heavey'])).toEqual([['(Steve', 'Holland,'], ['Susan', 'Heavey)']]);
    expect(keptUnits('Stevens Hollander', ['Steve Holland'])).toEqual([['Stevens'], ['Hollander']]);
    expect(keptUnits('par \u2068Zhifan Liu\u2069,', ['Zhifan Liu'])).toEqual([['par'], ['\u2068Zhifan', 'Liu\u2069,']]);
  });
});

describe('every drawn footer keeps the names of its sources whole', () => {
  const source: Source = {
    id: 'r', publisher: 'Reuters', authors: ['Steve Holland', 'Susan Heavey'], title: 'T', published: '2024', url: '',
    attribution: 'US officials speaking on condition of anonymity', language: 'fr', translator: 'Zhifan Liu', accessed: '', line: 2,
  };
  const row: CitedRow = { index: 0, line: 2, values: {}, sources: ['r'], quote: '', note: 'Figures by Steve Holland.', derived: '' };
  const sources = new Map([['r', source]]);

  it.each(['en', 'fr', 'de'])('in %s, at every width from 200 to 700 px: source line, notes and credits', (tag) => {
    const locale = readLocale(tag);
    const paragraphs = footerParagraphs([row], sources, { notes: [], credit: 'Graphic: Graphics desk', alt: '' }, {
      locale,
      maps: ['Natural Earth'],
      credits: [locale.say('translationCredit', { translator: 'Zhifan Liu' })],
      names: ['Natural Earth', 'Zhifan Liu'],
    });
    let splitSomewhere = false;
    for (let width = 200; width <= 700; width++) {
      const markup = drawFooter(paragraphs, width).markup;
      const lines = [...markup.matchAll(/<text [^>]*>(.*?)<\/text>/g)].map((m) => m[1]!.replace(/<tspan[^>]*>.*?<\/tspan> /, ''));
      for (const name of ['Steve Holland', 'Susan Heavey', 'Zhifan Liu']) {
        expect(splits(lines, name), `${name} at ${width} px: ${lines.join(' / ')}`).toBe(false);
      }
      expect(markup).not.toContain('\u00a0');
      // Without names to keep, some width does split one: the test can fail.
      const plain = drawFooter(paragraphs.map(({ keep: _keep, ...p }) => p), width).markup;
      const plainLines = [...plain.matchAll(/<text [^>]*>(.*?)<\/text>/g)].map((m) => m[1]!.replace(/<tspan[^>]*>.*?<\/tspan> /, ''));
      splitSomewhere ||= ['Steve Holland', 'Susan Heavey', 'Zhifan Liu'].some((name) => splits(plainLines, name));
    }
    expect(splitSomewhere).toBe(true);
  });
});
