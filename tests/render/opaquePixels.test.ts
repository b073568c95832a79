// renderPng hands sharp resvg's premultiplied pixels as straight alpha when
// every pixel is opaque (issue 15: libvips' unpremultiplying was ~a quarter
// of encoding a chart's PNG); the PNG's bytes must stay the same.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isOpaque } from '../../src/render/opaquePixels.js';

/** `count` RGBA pixels of varied colours, alpha 255 unless `alpha` says otherwise for a pixel. */
function pixels(count: number, alpha: (i: number) => number = () => 255): Uint8Array {
  const bytes = new Uint8Array(count * 4);
  for (let i = 0; i < count; i++) {
    const a = alpha(i);
    // Premultiplied: no channel above its alpha.
    bytes.set([(i * 37) % (a + 1), (i * 101) % (a + 1), (i * 7) % (a + 1), a], i * 4);
  }
  return bytes;
}

describe('isOpaque', () => {
  it('is true only when every alpha is 255', () => {
    expect(isOpaque(pixels(1000))).toBe(true);
    expect(isOpaque(pixels(1000, (i) => (i === 0 ? 254 : 255)))).toBe(false);
    expect(isOpaque(pixels(1000, (i) => (i === 999 ? 0 : 255)))).toBe(false);
    expect(isOpaque(pixels(1000, () => 128))).toBe(false);
  });

  it('reads colour bytes of 255 as colour, not alpha', () => {
    const bytes = pixels(4, () => 254);
    bytes.fill(255, 0, 3);
    expect(isOpaque(bytes)).toBe(false);
  });

  it('reads a buffer that starts off a 4-byte boundary', () => {
    const opaque = new Uint8Array(4001);
    opaque.set(pixels(1000), 1);
    expect(isOpaque(opaque.subarray(1))).toBe(true);
    const holed = new Uint8Array(4001);
    holed.set(pixels(1000, (i) => (i === 500 ? 3 : 255)), 1);
    expect(isOpaque(holed.subarray(1))).toBe(false);
  });
});

describe('straight alpha for opaque pixels', () => {
  const encode = (raw: Uint8Array, premultiplied: boolean) =>
    sharp(raw, { raw: { width: 50, height: 20, channels: 4, premultiplied } }).withDensity(144).png({ compressionLevel: 6 }).toBuffer();

  it('gives the PNG bytes sharp writes from the same pixels read as premultiplied', async () => {
    const opaque = pixels(1000);
    expect((await encode(opaque, false)).equals(await encode(opaque, true))).toBe(true);
  });

  it('would not for translucent pixels (why renderPng asks isOpaque first)', async () => {
    const translucent = pixels(1000, (i) => 40 + (i % 200));
    expect((await encode(translucent, false)).equals(await encode(translucent, true))).toBe(false);
  });
});

describe('renderPng: the alpha channel of an opaque picture', () => {
  const svg = (background: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 40 20">${background}<rect x="5" y="5" width="20" height="10" fill="#1f77b4" fill-opacity="0.5"/></svg>`;

  it('is left out when every pixel is opaque (RGB: same pixels, fewer bytes)', async () => {
    const { renderPng } = await import('../../src/render/renderPng.js');
    const png = await renderPng(svg('<rect width="40" height="20" fill="#ffffff"/>'));
    const meta = await sharp(png).metadata();
    expect([meta.channels, meta.hasAlpha, meta.width, meta.height]).toEqual([3, false, 80, 40]);
    // The half-transparent bar over white is drawn as on white: its colour blended, nothing see-through.
    const { data } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => [...data.subarray((y * 80 + x) * 3, (y * 80 + x) * 3 + 3)];
    expect(at(0, 0)).toEqual([255, 255, 255]);
    expect(at(20, 20)).toEqual([143, 187, 217]);
  });

  it('is kept when some pixel is not opaque', async () => {
    const { renderPng } = await import('../../src/render/renderPng.js');
    const meta = await sharp(await renderPng(svg(''))).metadata();
    expect([meta.channels, meta.hasAlpha]).toEqual([4, true]);
  });
});
