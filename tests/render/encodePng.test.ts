// The PNG written without sharp (issue 15, item 3): the pixels, density and
// XMP that sharp wrote from the same premultiplied RGBA, so the bytes of a
// chart's PNG changed only in their compression.
import sharp from 'sharp';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { canEncodePng, encodePng, straightenAlpha } from '../../src/render/encodePng.js';
import { readProvenance } from '../../src/verify/readProvenance.js';

const SNAPSHOTS = path.join(import.meta.dirname, '..', 'snapshots', '__snapshots__');

/** Every premultiplied (colour, alpha) pair, colour above alpha too: 256 × 256 px. */
function everyPair(): Buffer {
  const bytes = Buffer.alloc(256 * 256 * 4);
  for (let a = 0; a < 256; a++) {
    for (let c = 0; c < 256; c++) bytes.set([c, Math.min(c, a), 255 - c, a], (a * 256 + c) * 4);
  }
  return bytes;
}

const sharpPng = (pixels: Buffer, width: number, height: number, xmp: string) =>
  sharp(pixels, { raw: { width, height, channels: 4, premultiplied: true } }).withDensity(144).png({ compressionLevel: 6 }).withXmp(xmp).toBuffer();

function chunkTypes(png: Buffer): string[] {
  const types: string[] = [];
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) types.push(png.toString('latin1', at + 4, at + 8));
  return types;
}

describe('encodePng', () => {
  const XMP = '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">Zürich 東京</x:xmpmeta><?xpacket end="w"?>';

  it('runs on this Node (zlib.crc32)', () => {
    expect(canEncodePng).toBe(true);
  });

  it('straightens alpha exactly as sharp does, for every (colour, alpha) pair', async () => {
    const pixels = everyPair();
    const expected = await sharp(await sharpPng(pixels, 256, 256, XMP)).raw().toBuffer();
    const straight = Buffer.from(pixels);
    straightenAlpha(straight);
    expect(straight.equals(expected)).toBe(true);
  });

  it('writes the pixels, density and XMP sharp wrote, in a valid PNG', async () => {
    const pixels = everyPair();
    const png = await encodePng(pixels, 256, 256, 144, XMP);
    const [mine, theirs] = await Promise.all([png, await sharpPng(pixels, 256, 256, XMP)].map((bytes) => sharp(bytes).raw().toBuffer()));
    expect(mine!.equals(theirs!)).toBe(true);
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height, meta.channels, meta.density]).toEqual([256, 256, 4, 144]);
    expect(meta.xmp?.toString('utf8')).toBe(XMP);
    expect(chunkTypes(png)).toEqual(['IHDR', 'pHYs', 'zTXt', 'IDAT', 'IEND']);
    // Every chunk's CRC is right: zlib.crc32 of type and data.
    for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) {
      const length = png.readUInt32BE(at);
      expect(png.readUInt32BE(at + 8 + length)).toBe(zlib.crc32(png.subarray(at + 4, at + 8 + length)));
    }
    expect(pixels.equals(everyPair())).toBe(true); // the caller's pixels are left as they were
  });

  it('leaves the XMP out when there is none (the floor), and refuses pixels of the wrong size', async () => {
    expect(chunkTypes(await encodePng(Buffer.alloc(16), 2, 2, 72))).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    await expect(encodePng(Buffer.alloc(15), 2, 2, 72)).rejects.toThrow(RangeError);
  });

  it('keeps the provenance `citechart verify` reads from a PNG sharp wrote', async () => {
    // A chart's PNG as sharp wrote it (before encodePng), its pixels written again with its XMP.
    const before = readFileSync(path.join(SNAPSHOTS, 'line.png'));
    const { data, info } = await sharp(before).raw().toBuffer({ resolveWithObject: true });
    const xmp = (await sharp(before).metadata()).xmp!.toString('utf8');
    const after = await encodePng(data, info.width, info.height, 144, xmp);
    const provenance = await readProvenance('line.png', after);
    expect(provenance).toBeDefined();
    expect(provenance).toEqual(await readProvenance('line.png', before));
  });
});
