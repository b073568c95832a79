// The small parts of the PDF stage: the SVG's @font-face rules read back,
// text runs pinned to the face that draws them, the date, the scale.
import { describe, expect, it } from 'vitest';
import { parseUnicodeRange, type PdfFace } from '../../src/render/pdfFaces.js';
import { isRtlRun, pinPdfFaces, restoreSpaces } from '../../src/render/pdfText.js';
import { pdfDate } from '../../src/render/pdfDate.js';
import { parseScale } from '../../src/render/pngScale.js';
import { unicodeRange } from '../../src/text/embedFonts.js';

const face = (name: string, weight: number, ranges: Array<[number, number]>): PdfFace => ({ name, weight, italic: false, ranges, sfnt: Buffer.alloc(0) });

describe('parseUnicodeRange', () => {
  it('reads back what embedFonts writes', () => {
    const chars = ['A', 'B', 'C', 'H', ' ', '\u202f'];
    expect(parseUnicodeRange(unicodeRange(chars))).toEqual([[0x20, 0x20], [0x41, 0x43], [0x48, 0x48], [0x202f, 0x202f]]);
  });
});

describe('pinPdfFaces', () => {
  const faces = [face('cc-pdf-0', 700, [[0x20, 0x7e], [0x202f, 0x202f]]), face('cc-pdf-1', 400, [[0x20, 0x7e], [0x202f, 0x202f]])];

  it('names the face of each run, its weight inherited from the elements around it', () => {
    const svg = '<svg><g font-weight="bold"><text x="0">Bold</text></g><text><tspan font-weight="bold">Source:</tspan> Reuters &amp; co</text></svg>';
    expect(pinPdfFaces(svg, faces)).toBe(
      '<svg><g font-weight="bold"><text x="0"><tspan font-family="cc-pdf-0">Bold</tspan></text></g>' +
        '<text><tspan font-family="cc-pdf-0">Source:</tspan><tspan font-family="cc-pdf-1"> Reuters &amp; co</tspan></text></svg>',
    );
  });

  const withArabic = [...faces, face('cc-pdf-2', 400, [[0x600, 0x6ff]])];
  const runsOf = (svg: string) => [...pinPdfFaces(svg, withArabic).matchAll(/<tspan font-family="([^"]+)">([^<]*)<\/tspan>/g)].map((m) => `${m[1]}:${isRtlRun(m[2]!) ? 'rtl:' : ''}${restoreSpaces(m[2]!)}`);

  it('orders runs by the bidi algorithm: right-to-left words of a left-to-right line in the order the line shows them', () => {
    // Logical: Cairo (القاهرة) then Egypt (مصر); a left-to-right line shows Egypt first from the left.
    expect(runsOf('<svg><text>Cities: القاهرة مصر</text></svg>')).toEqual(['cc-pdf-1:Cities: ', 'cc-pdf-2:rtl:مصر', 'cc-pdf-1:rtl: ', 'cc-pdf-2:rtl:القاهرة']);
  });

  it('lays out an rtl line (direction inherited) with its left-to-right parts in their order, brackets mirrored in rtl runs', () => {
    expect(runsOf('<svg><g direction="rtl"><text>المصدر: Statistics Office (2024)</text></g></svg>')).toEqual([
      'cc-pdf-1:Statistics Office (2024)',
      // Logical order: fontkit lays a marked run out right to left.
      'cc-pdf-1:rtl:: ',
      'cc-pdf-2:rtl:المصدر',
    ]);
    // "(مصر)" in an rtl line: the last logical bracket is leftmost, drawn as its mirror.
    expect(runsOf('<svg><g direction="rtl"><text>(مصر)</text></g></svg>')).toEqual(['cc-pdf-1:rtl:(', 'cc-pdf-2:rtl:مصر', 'cc-pdf-1:rtl:)']);
  });

  it('keeps Arabic-Indic digits left to right, and drops the bidi isolates citechart writes', () => {
    expect(runsOf('<svg><text>١٢٠</text></svg>')).toEqual(['cc-pdf-2:١٢٠']);
    expect(runsOf('<svg><text>1. \u2068مصر\u2069</text></svg>')).toEqual(['cc-pdf-1:1. ', 'cc-pdf-2:rtl:مصر']);
  });

  it('passes typographic spaces through svg-to-pdfkit as stand-ins, which the encoder turns back', () => {
    const pinned = pinPdfFaces('<svg><text>90\u202f%</text></svg>', faces);
    expect(pinned).not.toContain('\u202f');
    expect(restoreSpaces(/<tspan[^>]*>([^<]*)<\/tspan>/.exec(pinned)![1]!)).toBe('90\u202f%');
  });

  it('leaves text outside <text> (title, metadata) alone', () => {
    const svg = '<svg><title>A &amp; B</title><metadata>{"a":1}</metadata></svg>';
    expect(pinPdfFaces(svg, faces)).toBe(svg);
  });
});

describe('pdfDate', () => {
  it('is the newest published or accessed date of the sources, at midnight UTC, whatever the clock', () => {
    expect(pdfDate([{ published: '2024', accessed: '' }, { published: '2023-05-02', accessed: '2024-04' }]).toISOString()).toBe('2024-04-01T00:00:00.000Z');
    expect(pdfDate([{ published: '', accessed: '' }]).toISOString()).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('parseScale', () => {
  it.each([['2', 2], ['1.5', 1.5], ['8', 8], ['0.5', 0.5]])('accepts %j', (text, scale) => expect(parseScale(text)).toBe(scale));
  it.each(['0', '-1', 'x', '8.5', '0.4', '1e1', '', '2x', 'Infinity'])('refuses %j', (text) => expect(parseScale(text)).toBeUndefined());
});
