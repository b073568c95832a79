// The PNG of resvg's pixels, written without sharp (issue 15, item 3: cold
// start). Loading sharp (its JavaScript, semver, detect-libc and libvips'
// 15 MB of shared libraries) cost a one-chart build ≈45 ms of its ≈500 ms of
// CPU, for an encoder node:zlib already holds. The file is the one sharp
// wrote, byte for byte in its pixels: the same straight-alpha RGBA, no row
// filter (sharp's default, `adaptiveFiltering: false`), zlib level 6, the
// same pHYs density and the same zTXt 'XML:com.adobe.xmp' chunk; only the
// eXIf chunk libvips added (orientation, resolution, size: nothing pHYs and
// IHDR do not say) is left out. PNG's layout: https://www.w3.org/TR/png-3/.
import zlib from 'node:zlib';
import { promisify } from 'node:util';

const deflate = promisify(zlib.deflate);

/** Whether this Node can write the PNG (zlib.crc32 came in Node 20.15); renderPng keeps sharp otherwise. */
export const canEncodePng = typeof (zlib as { crc32?: unknown }).crc32 === 'function';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One chunk: length, type, data, and the CRC-32 of type and data (PNG 3, 5.3). */
function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * Turns premultiplied RGBA into straight RGBA in place, in `bytes` from
 * `start` to `end` (whole pixels), rounded as sharp (libvips' unpremultiply,
 * then its cast to 8 bits) rounds it: c × (255 / a) in single precision,
 * truncated, at most 255; a transparent pixel becomes black (0, 0, 0, 0).
 * Opaque pixels, nearly all of a chart, are left as they are. Checked
 * against sharp for every (c, a) pair (tests/render/encodePng.test.ts).
 */
export function straightenAlpha(bytes: Uint8Array, start = 0, end = bytes.length): void {
  for (let i = start + 3; i < end; i += 4) {
    const a = bytes[i]!;
    if (a === 255) continue;
    // libvips works in single precision: 7 × (255 / 7) is 254.99998, so 254.
    const factor = Math.fround(255 / a);
    for (let c = i - 3; c < i; c++) bytes[c] = a === 0 ? 0 : Math.min(255, Math.trunc(Math.fround(bytes[c]! * factor)));
  }
}

/**
 * Encodes premultiplied 8-bit RGBA pixels (`width` × `height` px, rows top
 * down, as resvg's RenderedImage.pixels gives them) as a PNG: colour type 6,
 * no interlace, `density` dpi in pHYs (px per metre, rounded), and, when
 * `xmp` is given, the XMP packet in a zTXt chunk keyed 'XML:com.adobe.xmp'
 * (where sharp wrote it and `citechart verify` and ExifTool read it). The
 * image data is deflated on libuv's pool, off the calling thread.
 * @throws RangeError when `pixels` is not width × height × 4 bytes.
 */
export async function encodePng(pixels: Uint8Array, width: number, height: number, density: number, xmp?: string): Promise<Buffer> {
  const row = width * 4;
  if (pixels.length !== row * height) throw new RangeError(`encodePng: ${pixels.length} bytes for ${width}×${height} RGBA`);
  // Each row starts with its filter type, 0 (none), then its pixels, straightened where they are copied to.
  const rows = Buffer.allocUnsafe((row + 1) * height);
  for (let y = 0; y < height; y++) {
    const at = y * (row + 1);
    rows[at] = 0;
    rows.set(pixels.subarray(y * row, (y + 1) * row), at + 1);
    straightenAlpha(rows, at + 1, at + 1 + row);
  }
  const idat = await deflate(rows, { level: 6 });

  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, adaptive filtering method 0, no interlace
  const perMetre = Math.round(density / 0.0254);
  const phys = Buffer.alloc(9);
  phys.writeUInt32BE(perMetre, 0);
  phys.writeUInt32BE(perMetre, 4);
  phys[8] = 1; // unit: metre
  const chunks = [SIGNATURE, chunk('IHDR', header), chunk('pHYs', phys)];
  if (xmp !== undefined) {
    // zTXt: keyword, NUL, compression method 0 (deflate), the deflated text.
    chunks.push(chunk('zTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0', 'latin1'), zlib.deflateSync(Buffer.from(xmp, 'utf8'))])));
  }
  chunks.push(chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(chunks);
}
