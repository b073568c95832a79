// Which rasteriser draws the PNG (issue 15): resvg, but librsvg for text with
// right-to-left letters, which resvg 0.35 left out of a mixed line.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { rasteriserFor, renderPng } from '../../src/render/renderPng.js';

const svg = (text: string, metadata = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 300 40"><metadata>${metadata}</metadata>` +
  `<rect width="300" height="40" fill="#ffffff"/><text x="4" y="26" font-size="16" font-family="Source Sans 3">${text}</text></svg>`;

describe('rasteriserFor', () => {
  it('is resvg for Latin, CJK and emoji text, librsvg for Hebrew or Arabic text', () => {
    expect(rasteriserFor(svg('Source: Reuters, 2024'))).toBe('resvg');
    expect(rasteriserFor(svg('東京 ☀ Москва'))).toBe('resvg');
    expect(rasteriserFor(svg('Source: אבג, 2024'))).toBe('librsvg');
    expect(rasteriserFor(svg('مصر'))).toBe('librsvg');
  });

  it('is librsvg for text in a script shaped other than a glyph a letter, resvg for Georgian, Armenian, Ethiopic', () => {
    // resvg (usvg 0.35) drew nothing of `हिन्दी क्षेत्र`: the Devanagari font gave fewer glyphs than the line had characters.
    for (const text of ['हिन्दी क्षेत्र', 'Source: ঢাকা, 2024', 'ที่นี่', 'ភ្នំពេញ', 'ශ්\u200dරී']) expect(rasteriserFor(svg(text)), text).toBe('librsvg');
    for (const text of ['თბილისი 2024', 'Երևան', 'አዲስ አበባ']) expect(rasteriserFor(svg(text)), text).toBe('resvg');
  });

  it('looks at the drawn text only, not at the metadata', () => {
    expect(rasteriserFor(svg('Source: CBS', '{"publisher":"הלשכה המרכזית לסטטיסטיקה"}'))).toBe('resvg');
  });
});

describe('renderPng with resvg', () => {
  const XMP = '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta><?xpacket end="w"?>';

  it('writes straight (not premultiplied) alpha, the XMP packet and 144 dpi', async () => {
    const png = await renderPng('<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 10 10"><rect width="10" height="10" fill="#ff8000" fill-opacity="0.5"/></svg>', XMP);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([20, 20, 4]);
    expect([...data.subarray(0, 4)]).toEqual([255, 127, 0, 128]);
    const meta = await sharp(png).metadata();
    expect(meta.density).toBe(144);
    expect(meta.xmp?.toString()).toContain('x:xmpmeta');
  });

  it('keeps a bold tspan bold inside a regular line (the bold subset holds the whole line)', async () => {
    const ink = async (text: string) => (await sharp(await renderPng(svg(text), XMP)).greyscale().raw().toBuffer()).reduce((sum, v) => sum + (255 - v), 0);
    // Bold "Source:" has more ink than regular "Source:"; the rest of the line is the same.
    expect(await ink('<tspan font-weight="bold">Source:</tspan> Reuters')).toBeGreaterThan((await ink('Source: Reuters')) * 1.05);
  });
});
