import { DEFAULT_FOOTER_STYLE, readFooterStyle } from '../../src/provenance/footerStyle.js';
import { describe, expect, it } from 'vitest';
import { citeSource, formatPublished } from '../../src/provenance/citeSource.js';
import { footerParagraphs } from '../../src/provenance/footerParagraphs.js';
import { wrapText } from '../../src/provenance/wrapText.js';
import { drawFooter } from '../../src/provenance/drawFooter.js';
import { measureText } from '../../src/text/textMetrics.js';
import type { CitedRow, Source } from '../../src/model.js';

const source = (id: string, extra: Partial<Source> = {}): Source => ({
  id, publisher: 'Reuters', authors: ['Steve Holland', 'Susan Heavey'], title: 'T', published: '2024', url: '',
  attribution: 'US officials speaking on condition of anonymity', language: '', translator: '', accessed: '', line: 2, ...extra,
});
const row = (index: number, sources: string[], extra: Partial<CitedRow> = {}): CitedRow => ({
  index, line: index + 2, values: {}, sources, quote: '', note: '', derived: '', ...extra,
});
const settings = { notes: [], credit: '', alt: '' };

describe('citeSource', () => {
  it('builds the reader-facing citation', () => {
    expect(citeSource(source('r'))).toBe(
      'Reuters (Steve Holland and Susan Heavey), 2024, citing US officials speaking on condition of anonymity',
    );
  });

  it('leaves out what is unknown', () => {
    expect(citeSource(source('r', { authors: [], attribution: '', published: '' }))).toBe('Reuters');
  });

  it.each([
    ['2024', '2024'],
    ['2024-04', 'April 2024'],
    ['2024-04-05', '5 April 2024'],
  ])('formats %s as %s: only the precision known', (published, text) => {
    expect(formatPublished(published)).toBe(text);
  });
});

describe('footerParagraphs', () => {
  const sources = new Map([['a', source('a')], ['b', source('b', { publisher: 'AP', authors: [] })]]);

  it('cites one source once, however many rows cite it', () => {
    const paragraphs = footerParagraphs([row(0, ['a']), row(1, ['a'])], sources, settings);
    expect(paragraphs).toEqual([{ lead: 'Source:', text: citeSource(source('a')), keep: ['Steve Holland', 'Susan Heavey'] }]);
  });

  it('numbers several sources in the order the rows cite them', () => {
    const paragraphs = footerParagraphs([row(0, ['b']), row(1, ['a', 'b'])], sources, settings);
    expect(paragraphs.map((p) => `${p.lead}|${p.text}`)).toEqual([
      'Sources:|1. AP, 2024, citing US officials speaking on condition of anonymity',
      `|2. ${citeSource(source('a'))}`,
    ]);
  });

  it('adds the spec\'s notes, then row notes and derived explanations, then the credit', () => {
    const rows = [row(0, ['a'], { note: 'Estimate.' }), row(1, ['a'], { derived: '100 minus China\'s share.', note: 'Estimate.' })];
    const paragraphs = footerParagraphs(rows, sources, { notes: ['Spec note.'], credit: 'Graphic: desk', alt: '' });
    expect(paragraphs.slice(1)).toEqual([
      { lead: 'Notes:', text: 'Spec note.' },
      { lead: '', text: '1. Estimate.', item: true },
      { lead: '', text: '2. 100 minus China\'s share.', item: true },
      { lead: 'Graphic:', text: 'desk' },
    ]);
  });

  // A Reuters/FT review, 2026: "Graphic:" was regular beside a bold "Source:" and "Map:".
  it('sets a credit\'s label bold as every other lead-in, in every language; a credit with no label is all text', () => {
    const drawn = (credit: string, credits: string[] = []) => drawFooter(footerParagraphs([row(0, ['a'])], sources, { notes: [], credit, alt: '' }, { credits }), 600).markup;
    expect(drawn('Graphic: Graphics desk')).toContain('<tspan font-weight="bold">Graphic:</tspan> Graphics desk');
    expect(drawn('Graphique : service infographie')).toContain('<tspan font-weight="bold">Graphique :</tspan> service infographie');
    expect(drawn('Graphic: desk', ['Translation: Zhifan Liu'])).toContain('<tspan font-weight="bold">Translation:</tspan> Zhifan Liu');
    expect(drawn('Graphics desk')).toContain('>Graphics desk</text>');
    expect(drawn('Graphics desk')).not.toContain('bold">Graphics');
  });

  it('leaves a chart-wide note unnumbered: no marker in the chart points at it', () => {
    const paragraphs = footerParagraphs([row(0, ['a'])], sources, { notes: ['Figures are estimates.', 'Rounded.'], credit: '', alt: '' });
    expect(paragraphs.slice(1)).toEqual([{ lead: 'Notes:', text: 'Figures are estimates.' }, { lead: '', text: 'Rounded.', item: true }]);
  });

  it('numbers a spec note that a drawn row carries as that row\'s note', () => {
    const paragraphs = footerParagraphs([row(0, ['a'], { note: 'Estimate.' })], sources, { notes: ['Estimate.', 'Rounded.'], credit: '', alt: '' });
    expect(paragraphs.slice(1)).toEqual([{ lead: 'Notes:', text: 'Rounded.' }, { lead: '', text: '1. Estimate.', item: true }]);
  });

  it('numbers no note when the theme draws no markers', () => {
    const paragraphs = footerParagraphs([row(0, ['a'], { note: 'Estimate.' })], sources, { notes: ['Rounded.'], credit: '', alt: '' }, { markers: 'none' });
    expect(paragraphs.slice(1)).toEqual([{ lead: 'Notes:', text: 'Rounded.' }, { lead: '', text: 'Estimate.', item: true }]);
  });
});

describe('wrapText', () => {
  const measure = (s: string) => s.length * 10;

  it('breaks between words so no line is wider than the width', () => {
    expect(wrapText('aaa bbb ccc ddd', 75, measure)).toEqual(['aaa bbb', 'ccc ddd']);
  });

  it('leaves room for a lead-in on the first line only', () => {
    expect(wrapText('aaa bbb ccc ddd', 75, measure, 40)).toEqual(['aaa', 'bbb ccc', 'ddd']);
  });

  it('breaks a word longer than the width between characters', () => {
    expect(wrapText('a verylongword b', 50, measure)).toEqual(['a', 'veryl', 'ongwo', 'rd b']);
  });

  it('leaves room for a hanging indent on lines after the first', () => {
    expect(wrapText('1. aaa bbb ccc', 75, measure, 0, 30)).toEqual(['1. aaa', 'bbb', 'ccc']);
  });

  it('keeps short words whole', () => {
    expect(wrapText('one two three', 50, measure)).toEqual(['one', 'two', 'three']);
  });
});

describe('drawFooter', () => {
  it('wraps a long source line to the chart width with real metrics', () => {
    const text = citeSource(source('a'));
    const width = 300;
    const { markup, height } = drawFooter([{ lead: 'Source:', text }], width);
    const lines = [...markup.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(lines.length).toBeGreaterThan(1);
    expect(height).toBe(lines.length * 15);
    for (const line of lines) expect(measureText(line, 11, 'regular')).toBeLessThanOrEqual(width + 5);
    expect(lines.join(' ')).toBe(`Source: ${text}`);
  });

  it('wraps a paragraph that opens no list to the margin, a number and all', () => {
    const { markup } = drawFooter([{ lead: '', text: `2. ${'word '.repeat(40)}` }], 200);
    const xs = [...markup.matchAll(/<text x="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(xs.length).toBeGreaterThan(2);
    expect(xs.every((x) => x === 0)).toBe(true);
  });

  it('leaves no widow of one or two words at the end of a paragraph (balanced)', () => {
    const text = 'Some of the information the officials shared is based on declassified intelligence, the officials say';
    const lead = measureText('Notes:', 11, 'bold') + measureText(' ', 11, 'regular');
    const greedyAt = (width: number) => wrapText(text, width, (s) => measureText(s, 11, 'regular'), lead);
    // A width at which greedy wrapping leaves one or two words on the last line.
    const width = [...Array(300).keys()].map((i) => 150 + i).find((w) => greedyAt(w).length > 1 && greedyAt(w).at(-1)!.split(' ').length < 3)!;
    expect(width).toBeDefined();
    const greedy = greedyAt(width);
    const { markup } = drawFooter([{ lead: 'Notes:', text }], width);
    const lines = [...markup.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(lines).toHaveLength(greedy.length);
    expect(lines.at(-1)!.split(' ').length).toBeGreaterThanOrEqual(3);
  });

  it('escapes markup in source text', () => {
    const { markup } = drawFooter([{ lead: 'Note:', text: '</text><script>alert(1)</script> & co' }], 600);
    expect(markup).toContain('&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(markup).not.toContain('<script');
  });
});

describe('a numbered list in the footer (issue 13)', () => {
  const xs = (markup: string) => [...markup.matchAll(/<text x="([\d.]+)"/g)].map((m) => Number(m[1]));

  it('starts "2." where "1." starts, after the lead-in', () => {
    const { markup } = drawFooter([{ lead: 'Notes:', text: '1. First note.' }, { lead: '', text: '2. Second note.' }, { lead: '', text: 'Graphic: desk' }], 600);
    const lead = measureText('Notes:', 11, 'bold') + measureText(' ', 11, 'regular');
    const [first, second, credit] = xs(markup);
    expect(first).toBe(0);
    expect(second).toBeCloseTo(lead, 1);
    expect(credit).toBe(0);
  });

  it('sets a chart-wide note, then the numbered notes, under the lead-in\'s text; the credit at the margin', () => {
    const paragraphs = [
      { lead: 'Notes:', text: 'Rounded.' },
      { lead: '', text: 'word '.repeat(30), item: true as const },
      { lead: '', text: '1. Estimate.', item: true as const },
      { lead: '', text: 'Graphic: desk' },
    ];
    const { markup } = drawFooter(paragraphs, 200);
    const lead = measureText('Notes:', 11, 'bold') + measureText(' ', 11, 'regular');
    const positions = xs(markup);
    expect(positions[0]).toBe(0);
    // "word word …" and its continuation lines, then "1. Estimate.", all under "Rounded."
    for (const x of positions.slice(1, -1)) expect(x).toBeCloseTo(lead, 1);
    expect(positions.at(-1)).toBe(0);
  });

  it('hangs every line of every note under the lead-in\'s text: one indent, numbered or not (Reuters/FT review)', () => {
    const paragraphs = [
      { lead: 'Notes:', text: `Une partie ${'mot '.repeat(30)}` },
      { lead: '', text: `1. ${'word '.repeat(30)}`, item: true as const },
    ];
    const { markup } = drawFooter(paragraphs, 200);
    const lead = measureText('Notes:', 11, 'bold') + measureText(' ', 11, 'regular');
    const positions = xs(markup);
    expect(positions[0]).toBe(0);
    expect(positions.length).toBeGreaterThan(4);
    // The unnumbered note's own continuation lines too: not back at the margin.
    for (const x of positions.slice(1)) expect(x).toBeCloseTo(lead, 1);
  });
});

describe('the footer style comes from the theme (issue 13)', () => {
  it('reads config.style["citechart-footer"], the spec over the theme', () => {
    const theme = { style: { 'citechart-footer': { fontSize: 13, color: '#333333' } } };
    expect(readFooterStyle(theme, undefined)).toEqual({ fontSize: 13, lineHeight: 18, gap: 10, color: '#333333' });
    expect(readFooterStyle(theme, { style: { 'citechart-footer': { fill: '#222222', lineHeight: 20 } } })).toEqual({ fontSize: 13, lineHeight: 20, gap: 10, color: '#222222' });
    expect(readFooterStyle(undefined, undefined)).toEqual(DEFAULT_FOOTER_STYLE);
  });

  it('sets the footer lines in the theme\'s size and line height', () => {
    const style = { fontSize: 14, lineHeight: 20, gap: 10, color: '#333333' };
    const { markup, height } = drawFooter([{ lead: 'Source:', text: 'Desk' }, { lead: '', text: 'Graphic: desk' }], 600, style);
    expect(height).toBe(40);
    expect([...markup.matchAll(/ y="([\d.]+)"/g)].map((m) => Number(m[1]))).toEqual([14, 34]);
  });
});
