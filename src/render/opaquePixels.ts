/**
 * Whether every pixel of 8-bit RGBA `pixels` (4 bytes a pixel, alpha last)
 * has alpha 255. Premultiplied and straight alpha are then the same bytes,
 * so renderPng can hand resvg's pixels to sharp as they are instead of
 * having libvips unpremultiply them (a float pass over the whole image:
 * ~2.6 of ~9.6 ms per chart in encoding the bench corpus's 2× PNGs, issue
 * 15). Charts drawn on the theme's opaque background all are.
 *
 * One AND over the pixels read as 32-bit words, then its alpha byte: the
 * AND of every alpha is 255 only when each one is. The word's bytes are
 * the pixel's bytes in memory order, so the answer holds on either
 * endianness. A buffer not on a 4-byte boundary is read byte by byte.
 */
export function isOpaque(pixels: Uint8Array): boolean {
  if (pixels.byteLength % 4 !== 0) return false;
  if (pixels.byteOffset % 4 !== 0) {
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 255) return false;
    return true;
  }
  // Signed words: their AND stays a small integer for V8 (unsigned ones over 2³¹ became doubles, 4x slower).
  const words = new Int32Array(pixels.buffer, pixels.byteOffset, pixels.byteLength / 4);
  let all = -1;
  for (let i = 0; i < words.length; i++) all &= words[i]!;
  return new Uint8Array(Int32Array.of(all).buffer)[3] === 255;
}
