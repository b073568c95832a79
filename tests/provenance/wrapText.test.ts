import { describe, expect, it } from 'vitest';
import { wrapBalanced, wrapText } from '../../src/provenance/wrapText.js';
import { atWidth } from '../../src/compile/atWidth.js';
import { measureText } from '../../src/text/textMetrics.js';

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

describe('wrapBalanced (headline widows)', () => {
  const isWidow = (lines: string[]) => lines.length > 1 && !/ /.test(lines.at(-1)!);

  it('brings a word down to a title\'s last line when it would be one word, the first line kept full', () => {
    const title = 'Output in the North hit a high in April';
    expect(wrapText(title, 34, measure)).toEqual(['Output in the North hit a high in', 'April']);
    const lines = wrapBalanced(title, 34, measure);
    expect(lines).toEqual(['Output in the North hit a high', 'in April']);
    expect(lines.join(' ')).toBe(title);
  });

  // A Reuters/FT review, 2026: balanced, the card's note broke after "officials", half a line early.
  it('keeps the first line of a footer note full, bringing down only the words the last line needs', () => {
    const note = 'Some of the information the officials shared is based on declassified intelligence.';
    expect(wrapText(note, 78, measure)).toEqual(['Some of the information the officials shared is based on declassified', 'intelligence.']);
    const lines = wrapBalanced(note, 78, measure, { minLastWords: 3 });
    expect(lines).toEqual(['Some of the information the officials shared is based', 'on declassified intelligence.']);
  });

  it('brings down words only from the line above the last, the lines before as they were', () => {
    const text = 'aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii';
    expect(wrapText(text, 20, measure)).toEqual(['aaaa bbbb cccc dddd', 'eeee ffff gggg hhhh', 'iiii']);
    expect(wrapBalanced(text, 20, measure)).toEqual(['aaaa bbbb cccc dddd', 'eeee ffff gggg', 'hhhh iiii']);
  });

  it('keeps a no-break space inside its word in French: "90\u202f%" is one word, never a line break', () => {
    const title = 'Selon Washington, la Chine a fourni 90\u202f% des importations russes en 2023';
    const lines = wrapBalanced(title, 30, measure);
    expect(isWidow(lines)).toBe(false);
    expect(lines.join(' ')).toBe(title);
    expect(lines.some((line) => line.includes('90\u202f%'))).toBe(true);
    expect(lines.length).toBe(wrapText(title, 30, measure).length);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
  });

  it('evens out a run of CJK text broken between characters, instead of leaving one character alone', () => {
    const title = '俄罗斯微电子产品进口来源';
    expect(wrapText(title, 11, measure)).toEqual(['俄罗斯微电子产品进口来', '源']);
    expect(wrapBalanced(title, 11, measure)).toEqual(['俄罗斯微电子', '产品进口来源']);
  });

  it('breaks no word it did not break before, and leaves a title with no widow as it is', () => {
    const url = 'see https://example.org/a-long-path end';
    expect(wrapBalanced(url, 30, measure)).toEqual(wrapText(url, 30, measure));
    expect(wrapBalanced('aaa bbb ccc ddd', 8, measure)).toEqual(['aaa bbb', 'ccc ddd']);
    expect(wrapBalanced('one line', 30, measure)).toEqual(['one line']);
  });

  it('lays out an artboard\'s title and subtitle without widows (atWidth), in every language', () => {
    for (const text of ['US says China supplied 90% of Russia\'s microelectronics imports in 2023', 'Selon Washington, la Chine a fourni 90\u202f% des importations russes de microélectronique en 2023']) {
      const laid = atWidth({ title: { text, subtitle: text } }, 320, { padding: 16, title: { fontSize: 19, subtitleFontSize: 14 } });
      const title = laid.title as { text: string[]; subtitle: string[] };
      expect(isWidow(title.text), title.text.join(' / ')).toBe(false);
      expect(isWidow(title.subtitle), title.subtitle.join(' / ')).toBe(false);
      expect(title.text.join(' ')).toBe(text);
    }
  });

  it('balances a dek (minLastWords 3) whose last line would be two words, as "…officials say"', () => {
    const dek = 'The companies named by US officials supply optical components, officials say';
    const greedy = wrapText(dek, 64, measure);
    expect(greedy.at(-1)).toBe('officials say');
    expect(wrapBalanced(dek, 64, measure)).toEqual(greedy);
    const lines = wrapBalanced(dek, 64, measure, { minLastWords: 3 });
    expect(lines).toHaveLength(2);
    expect(lines.at(-1)!.split(' ').length).toBeGreaterThanOrEqual(3);
    expect(lines.join(' ')).toBe(dek);
  });

  // A Reuters/FT review, 2026: subtitles brought three words down to cure a widow, which read as an early wrap. A widow
  // is a single last word; one word comes down, and a last line of two words is left as it is.
  it('cures an artboard\'s subtitle (atWidth) of a one-word last line by bringing down one word, and leaves two words be', () => {
    const subtitle = 'Russia used them to produce missiles, tanks and aircraft, according to the officials who spoke to them for';
    const measure14 = (s: string) => measureText(s, 14, 'regular');
    let cured = 0;
    let leftBe = 0;
    for (let width = 280; width <= 700; width += 4) {
      const laid = atWidth({ title: { text: 'T', subtitle } }, width, { padding: 16, title: { fontSize: 19, subtitleFontSize: 14 } });
      const lines = (laid.title as { subtitle: string[] }).subtitle;
      const greedy = wrapText(subtitle, width - 32, measure14);
      const words = (line: string) => line.split(' ').length;
      if (greedy.length > 1 && words(greedy.at(-1)!) === 1) {
        cured++;
        expect(lines.at(-1)!.split(' ').length, lines.join(' / ')).toBe(2);
        expect(lines.slice(0, -2), lines.join(' / ')).toEqual(greedy.slice(0, -2));
      } else {
        leftBe++;
        expect(lines, `${width} px`).toEqual(greedy);
      }
    }
    expect(cured).toBeGreaterThan(0);
    expect(leftBe).toBeGreaterThan(0);
  });
});
