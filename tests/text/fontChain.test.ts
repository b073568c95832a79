import { beforeAll, describe, expect, it } from 'vitest';
import { prepareFallbackFonts } from '../../src/text/fallbackFonts.js';
import { fontRuns, missingChars, needsFallbackFonts, needsFallbackFontsIn } from '../../src/text/fontChain.js';
import { measureText } from '../../src/text/textMetrics.js';

beforeAll(() => prepareFallbackFonts(), 120_000);

/** `[text, font]` runs, the numbered files one package splits a font into counted as one font. */
function fonts(text: string): Array<[string, string | null]> {
  const runs: Array<[string, string | null]> = [];
  for (const run of fontRuns(text, 'regular')) {
    const font = run.source?.key.replace(/-\d+$/, '') ?? null;
    if (runs.length && runs[runs.length - 1]![1] === font) runs[runs.length - 1]![0] += run.text;
    else runs.push([run.text, font]);
  }
  return runs;
}

describe('the fallback chain, glyph by glyph', () => {
  it('keeps Latin, Greek and Cyrillic in Source Sans 3 without opening a fallback', () => {
    expect(needsFallbackFonts('Москва, Αθήνα, Zürich – 90%')).toBe(false);
    expect(fonts('Москва Αθήνα')).toEqual([['Москва Αθήνα', 'source-sans-regular']]);
  });

  it('draws each script in its own Noto font, spaces and digits in Source Sans 3', () => {
    expect(fonts('上海 서울 مصر ירושלים')).toEqual([
      ['上海', 'noto-sans-sc'],
      [' ', 'source-sans-regular'],
      ['서울', 'noto-sans-kr'],
      [' ', 'source-sans-regular'],
      ['مصر', 'noto-sans-arabic-arabic'],
      [' ', 'source-sans-regular'],
      ['ירושלים', 'noto-sans-hebrew-hebrew'],
    ]);
  });

  it('gives kana to the Japanese font and keeps an emoji\'s variation selector with it', () => {
    expect(fonts('ひらがな')).toEqual([['ひらがな', expect.stringMatching(/^noto-sans-(sc|tc|jp)$/)]]);
    expect(fonts('☀️ Solar')).toEqual([['☀️', 'noto-emoji'], [' Solar', 'source-sans-regular']]);
  });

  it('measures CJK as the font draws it (1 em each), not as the missing-glyph box', () => {
    // Before the fallbacks, 東京 measured as two Source Sans .notdef boxes: 2 × 0.64 em.
    expect(measureText('東京', 10)).toBeCloseTo(20, 5);
    expect(measureText('مصر', 12)).toBeGreaterThan(10);
  });

  it('names the characters no bundled font has', () => {
    expect(missingChars('བོད Delhi')).toEqual(['བ', 'ོ', 'ད']);
    expect(missingChars('東京 ☀️\u200d')).toEqual([]);
  });
});

// Issue 15: renderSvg reads a Vega spec's own strings for fallback fonts instead of its JSON text; both must agree.
describe('needsFallbackFontsIn', () => {
  it.each([
    ['Latin only', { a: 'Tōkyō', rows: [{ x: 1, y: 'é' }], n: null }],
    ['a CJK value', { data: [{ values: [{ city: '東京', v: 2 }] }] }],
    ['a CJK key', { data: [{ values: [{ 東京: 1 }] }] }],
    ['a lone surrogate (JSON writes it as an ASCII escape)', { title: 'a\ud800b' }],
    ['a key whose value JSON leaves out', { 東京: undefined, f: () => 1 }],
    ['control characters', { t: 'a\u0001\u0007b' }],
    // Each key is tested once per walk: a CJK key that only a later row has still counts.
    ['a CJK key only in a later row', { values: [{ a: 1, b: 'x' }, { a: 2, b: 'y', 東京: 3 }] }],
    ['a CJK string deep among numbers', { coordinates: [[1, 2], [3, [4, '東']]] }],
    ['an inherited key JSON leaves out', Object.create({ 東京: 1 }) as object],
  ])('agrees with needsFallbackFonts of the JSON text: %s', async (_, value) => {
    await prepareFallbackFonts();
    expect(needsFallbackFontsIn(value)).toBe(needsFallbackFonts(JSON.stringify(value)));
  });
});
