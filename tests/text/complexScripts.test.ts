// The scripts whose shaping joins, splits or reorders characters (Indic,
// Sinhala, Thai, Lao, Khmer, Myanmar) and the other added ones (Georgian,
// Armenian, Ethiopic): which font draws them, how they are measured, and
// what their subsets keep. What Chromium and the PNG draw is checked in
// tests/browser/scriptsPng.test.ts and textWidths.test.ts.
import * as hb from 'harfbuzzjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listSpecs, openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { complexScriptsIn } from '../../src/text/complexScripts.js';
import { FALLBACK_CHAIN, prepareFallbackFonts } from '../../src/text/fallbackFonts.js';
import { fontRuns, missingChars, needsFallbackFonts } from '../../src/text/fontChain.js';
import { subsetFontFile, withDecompositions } from '../../src/text/subsetFont.js';
import { measureText } from '../../src/text/textMetrics.js';

beforeAll(() => prepareFallbackFonts(), 120_000);

const SAMPLES: Array<[script: string, text: string]> = [
  ['Devanagari', 'हिन्दी क्षेत्र कि'],
  ['Bengali', 'চট্টগ্রাম ক্ষেত্র'],
  ['Tamil', 'சென்னை கொள்கை'],
  ['Gujarati', 'અમદાવાદ'],
  ['Gurmukhi', 'ਅੰਮ੍ਰਿਤਸਰ ਪੰਜਾਬੀ'],
  ['Telugu', 'హైదరాబాద్'],
  ['Kannada', 'ಬೆಂಗಳೂರು ಕ್ಷೇತ್ರ'],
  ['Malayalam', 'തിരുവനന്തപുരം'],
  ['Sinhala', 'ශ්\u200dරී ලංකාවේ'],
  ['Thai', 'ที่นี่ น้ำ'],
  ['Lao', 'ວຽງຈັນ ນ້ຳ'],
  ['Khmer', 'ភ្នំពេញ'],
  ['Myanmar', 'ရန်ကုန် ကြည့်'],
  ['Georgian', 'თბილისი'],
  ['Armenian', 'Երևան'],
  ['Ethiopic', 'አዲስ አበባ'],
];

/** The runs of `text` not drawn by Source Sans 3 (its spaces), as `[font key, text]`. */
const scriptRuns = (text: string) => fontRuns(text, 'regular').filter((run) => run.source?.key.startsWith('noto-'));

/** HarfBuzz's glyph advances and offsets for `text` in a font file, instanced at weight 400 when variable. */
function shaped(bytes: Buffer, text: string): string {
  const font = new hb.Font(new hb.Face(new hb.Blob(bytes), 0));
  font.setVariations([new hb.Variation('wght', 400)]);
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  hb.shape(font, buffer);
  return buffer.getGlyphPositions().map((p) => `${p.xAdvance}/${p.xOffset},${p.yOffset}`).join(' ');
}

describe('the added scripts', () => {
  it.each(SAMPLES)('%s is drawn by its own Noto font, not counted as missing', (script, text) => {
    expect(missingChars(text)).toEqual([]);
    const runs = scriptRuns(text);
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) expect(run.source!.family).toBe(`Noto Sans ${script}`);
  });

  it('keeps a joiner (U+200D) with the Sinhala letters it joins, not with Noto Emoji, which also has it', () => {
    expect(scriptRuns('ශ්\u200dරී').map((run) => [run.source!.key, run.text])).toEqual([['noto-sans-sinhala-sinhala', 'ශ්\u200dරී']]);
  });

  it('takes only the script slice of the new packages: Latin, math and symbols stay where they were', () => {
    // Noto Sans Georgian's package also has a math slice (∀, ⊕…); the chain does not take it.
    expect(FALLBACK_CHAIN.filter((family) => family.only).length).toBe(16);
    for (const run of fontRuns('⊕ ∀', 'regular')) expect(run.source?.family ?? 'none').not.toMatch(/Georgian|Gujarati/);
  });

  it('still calls characters of scripts no font has missing (Tibetan, Cherokee)', () => {
    expect(missingChars('བོད ᏣᎳᎩ')).toEqual(['བ', 'ོ', 'ད', 'Ꮳ', 'Ꮃ', 'Ꭹ']);
  });

  it('never needs the fallback fonts for Latin, Greek and Cyrillic text', () => {
    expect(needsFallbackFonts('Zürich, Αθήνα, Москва – 90 %')).toBe(false);
    expect(needsFallbackFonts('हिन्दी')).toBe(true);
  });
});

describe('measuring the added scripts (HarfBuzz, as resvg, Pango and Chromium shape)', () => {
  it.each(SAMPLES)('%s: a finite width, bold wider than regular', (_, text) => {
    const regular = measureText(text, 12);
    expect(Number.isFinite(regular) && regular > 0).toBe(true);
    expect(measureText(text, 12, 'bold')).toBeGreaterThan(regular);
  });

  it('measures a Gurmukhi word, on which fontkit threw a TypeError (a mark anchor it could not find)', () => {
    expect(() => measureText('ਪੰਜਾਬੀ', 12)).not.toThrow();
  });

  it('measures a conjunct narrower than its letters side by side', () => {
    // क्ष is one glyph: narrower than क, ्, ष drawn unjoined (with a zero-width non-joiner between).
    expect(measureText('क्ष', 20)).toBeLessThan(measureText('क्\u200cष', 20) - 2);
  });
});

describe('the subsets of the added scripts shape as the whole font does', () => {
  it.each(SAMPLES)('%s', async (_, text) => {
    for (const run of scriptRuns(text)) {
      const subset = await subsetFontFile(run.source!, 400, run.text);
      // Before: the subset kept only the features of Latin and Arabic (Devanagari, Bengali, Tamil, Khmer lost their
      // conjuncts), and not the parts HarfBuzz splits a vowel sign into (Telugu ై was drawn as one unattached glyph).
      expect(shaped(readFileSync(subset), run.text), run.text).toBe(shaped(readFileSync(run.source!.file), run.text));
    }
  });

  it('adds the parts a character decomposes into', () => {
    expect(withDecompositions('హై')).toBe('హై\u0c46\u0c56');
    expect(withDecompositions('น้ำ')).toBe('น้ำ\u0e4d\u0e32');
    expect(withDecompositions('abc')).toBe('abc');
  });
});

describe('the PDF of a chart with text in a complex script', () => {
  it('is left out with a warning naming the scripts (PDFKit shapes with fontkit, which threw on Gurmukhi)', async () => {
    const gallery = path.join(import.meta.dirname, '../fixtures/gallery');
    expect(await listSpecs(gallery)).toContain('complex-scripts');
    const { chart, diagnostics } = await renderChart(await openProject(gallery), 'complex-scripts', { pdf: true });
    expect(chart?.pdf).toBeUndefined();
    expect(chart?.png).toBeDefined();
    expect(diagnostics.map((d) => `${d.file}: ${d.severity}: ${d.message}`)).toEqual([
      `specs/complex-scripts.vl.json: warning: no PDF made: its text in ${complexScriptsIn('हচதગਅతಕമශทລកမ').join(', ')} would be drawn with its letters unjoined or misplaced (the PDF writer does not shape these scripts yet); the SVG and PNG are drawn right: use them for print, or leave "pdf" out of --formats`,
    ]);
  });

  it('is still made for the other scripts', async () => {
    const gallery = path.join(import.meta.dirname, '../fixtures/gallery');
    const { chart, diagnostics } = await renderChart(await openProject(gallery), 'scripts', { pdf: true });
    expect(diagnostics).toEqual([]);
    expect(chart?.pdf?.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
