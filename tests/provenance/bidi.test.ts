// Right-to-left fields in the footer, alt text and snippet. The case:
// `Source: <Arabic publisher>, 2024, citing …` was shown by every renderer as
// `Source: 2024 ,<publisher>` because the fields were not isolated.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/model.js';
import { citeSource } from '../../src/provenance/citeSource.js';
import { drawFooter } from '../../src/provenance/drawFooter.js';
import { encodedFields } from '../../src/compile/encodedFields.js';
import { draftAltText } from '../../src/provenance/draftAltText.js';
import { footerParagraphs } from '../../src/provenance/footerParagraphs.js';
import { balanceIsolates, FSI, isolate, PDI } from '../../src/provenance/isolateBidi.js';
import { renderPng } from '../../src/render/renderPng.js';
import { embedHtml } from '../../src/embed/embedHtml.js';

const ARABIC = 'الجهاز المركزي للإحصاء';
const HEBREW = 'אבג דה';
const source = (extra: Partial<Source> = {}): Source => ({
  id: 's', publisher: ARABIC, authors: [], title: 'T', published: '2024', url: 'https://example.org', attribution: 'officials',
  language: '', translator: '', accessed: '', line: 2, ...extra,
});

describe('isolating right-to-left fields', () => {
  it('isolates each right-to-left field of a citation, and only those', () => {
    expect(citeSource(source({ authors: ['Sara Cohen', HEBREW] }))).toBe(
      `${FSI}${ARABIC}${PDI} (Sara Cohen and ${FSI}${HEBREW}${PDI}), 2024, citing officials`,
    );
    expect(citeSource(source({ publisher: 'Reuters' }))).toBe('Reuters, 2024, citing officials');
  });

  it('isolates right-to-left notes and credit', () => {
    const paragraphs = footerParagraphs([], new Map(), { notes: [HEBREW], credit: 'رسم: فلان', alt: '' });
    expect(paragraphs).toEqual([
      { lead: 'Note:', text: isolate(HEBREW) },
      { lead: '', text: `${FSI}رسم: فلان${PDI}` },
    ]);
  });

  it('closes an isolate at the end of a wrapped line and opens it again on the next', () => {
    expect(balanceIsolates([`Source: ${FSI}אבג`, `דה${PDI}, 2024`])).toEqual([`Source: ${FSI}אבג${PDI}`, `${FSI}דה${PDI}, 2024`]);
    const footer = drawFooter([{ lead: 'Source:', text: citeSource(source({ publisher: `${HEBREW} ${'אבגדה '.repeat(12)}` })) }], 200);
    for (const line of footer.markup.split('</text>').filter(Boolean)) {
      expect(line.split(FSI).length).toBe(line.split(PDI).length);
    }
  });

  it('isolates row labels, titles and publishers in the drafted alt text', () => {
    const vegaLite = { mark: 'bar', encoding: { x: { field: 'city', type: 'nominal' }, y: { field: 'n', type: 'quantitative', title: 'Count' } } };
    const rows = [{ index: 0, line: 2, values: { city: 'مصر', n: 5 }, sources: ['s'], quote: '', note: '', derived: '' }];
    const fields = encodedFields(vegaLite);
    const drawn = { measure: fields.find((f) => f.type === 'quantitative')!, labels: fields.filter((f) => f.type !== 'quantitative'), items: [{ labels: ['مصر'], value: 5, shown: '5' }], annotations: [], percent: false };
    expect(draftAltText(vegaLite, 'Cities', rows, [source()], drawn)).toBe(
      `Bar chart: Cities. Measure: Count, by city. ${FSI}مصر${PDI}: 5. Source: ${FSI}${ARABIC}${PDI}.`,
    );
  });

  it('turns isolates into <bdi> in the snippet', () => {
    const html = embedHtml(
      { name: 'c', title: 'T', alt: 'a', footer: [{ lead: 'Source:', text: citeSource(source()) }], sources: [source()], tables: [], jsonLd: {} },
      [{ width: 0, svg: '<svg></svg>' }],
      undefined,
    );
    expect(html).toContain(`<bdi>${ARABIC}</bdi>, 2024, citing officials</a>`);
    expect(html).not.toContain(FSI);
  });
});

describe('the PNG draws an isolated right-to-left publisher in reading order', () => {
  // Without a Hebrew font librsvg draws each letter as a box holding its code
  // point, which still shows the order. The reference spells out the visual
  // order explicitly (left-to-right override, letters reversed).
  const svg = (text: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="24" viewBox="0 0 360 24"><rect width="360" height="24" fill="#fff"/>` +
    `<text x="4" y="17" font-size="14" font-family="Source Sans 3">${text}</text></svg>`;
  const pixels = async (text: string) => sharp(await renderPng(svg(text), '<x:xmpmeta xmlns:x="adobe:ns:meta/"/>')).raw().toBuffer();
  const differing = (a: Buffer, b: Buffer) => a.reduce((n, byte, i) => n + (byte === b[i] ? 0 : 1), 0);

  // The reference is drawn by sharp directly: each Hebrew word in its font and
  // the spaces in Source Sans 3 (as pinFallbackFonts gives the PNG), the words
  // written in visual order by hand; Pango orders each word's letters.
  const explicit = async (text: string) => {
    await renderPng(svg(''), '<x:xmpmeta xmlns:x="adobe:ns:meta/"/>'); // fontconfig on the bundled fonts first
    return sharp(Buffer.from(svg(text)), { density: 144 }).raw().toBuffer();
  };
  const hebrewWord = (word: string) => `<tspan font-family="Noto Sans Hebrew">${word}</tspan>`;

  it('matches the explicit visual order', async () => {
    const visual = HEBREW.split(' ').reverse().map(hebrewWord).join(' ');
    const reference = await explicit(`Source: ${visual}, 2024, citing officials`);
    const footerLine = `Source: ${citeSource(source({ publisher: HEBREW }))}`;
    expect(differing(await pixels(footerLine), reference)).toBe(0);
    // The unisolated line is not compared here: pinFallbackFonts orders only the
    // right-to-left words for librsvg, so the PNG never showed "Source: 2024 ,<publisher>";
    // browsers did, which tests/browser/bidi.test.ts checks.
  });
});
