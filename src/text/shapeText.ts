import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// Widths of the scripts fontkit does not shape as the renderers do. The PNG's
// renderers shape with HarfBuzz (librsvg through Pango) or its port
// (rustybuzz, in resvg), browsers with HarfBuzz itself; fontkit has shapers
// of its own, which agree on most scripts but threw on Gurmukhi (`ਪੰਜਾਬੀ`: a
// mark anchor it could not find, TypeError inside Vega's layout), measured
// Khmer's `ភ្នំពេញ` 7.6 px and Kannada's `ಬೆಂಗಳೂರು ಕ್ಷೇತ್ರ` 0.65 px off what
// Chromium draws at 12 px (tests/browser/textWidths.test.ts,
// tests/text/complexScripts.test.ts). Text in those fonts (FallbackFamily
// `harfbuzz`) is measured here, by HarfBuzz, with the script, direction and
// features it guesses from the text, as the renderers do.
//
// HarfBuzz is harfbuzzjs's WebAssembly (installed for subset-font), called
// through its C API: harfbuzzjs's own JavaScript module loads only
// asynchronously (top-level await), which neither Vega's synchronous layout
// nor a run from the startup snapshot (no import() there: scripts/bundle.mjs)
// can wait for; the WebAssembly compiles synchronously (≈10 ms, once per
// thread, only when such text is measured).

const require = createRequire(import.meta.url);

interface HarfBuzzExports {
  memory: WebAssembly.Memory;
  __wasm_call_ctors(): void;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_face_create(blob: number, index: number): number;
  hb_face_get_upem(face: number): number;
  hb_font_create(face: number): number;
  hb_font_set_variations(font: number, variations: number, count: number): void;
  hb_buffer_create(): number;
  hb_buffer_destroy(buffer: number): void;
  hb_buffer_add_utf16(buffer: number, text: number, length: number, offset: number, itemLength: number): void;
  hb_buffer_guess_segment_properties(buffer: number): void;
  hb_shape(font: number, buffer: number, features: number, count: number): void;
  hb_buffer_get_glyph_positions(buffer: number, length: number): number;
}

let hb: HarfBuzzExports | undefined;

/** HarfBuzz's exports, the WebAssembly compiled and started on first use in this thread. */
function harfbuzz(): HarfBuzzExports {
  if (hb) return hb;
  const module = new WebAssembly.Module(readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz.wasm')));
  let exports: HarfBuzzExports | undefined;
  const fail = () => {
    throw new Error('HarfBuzz stopped (abort)');
  };
  const instance = new WebAssembly.Instance(module, {
    // What its Emscripten runtime asks of JavaScript (harfbuzzjs's harfbuzz.js): the heap grows on request.
    env: {
      _abort_js: fail,
      _emscripten_runtime_keepalive_clear: () => undefined,
      _setitimer_js: () => 0,
      emscripten_resize_heap: (requested: number) => {
        const memory = exports!.memory;
        const pages = Math.ceil((requested - memory.buffer.byteLength) / 65536);
        try {
          if (pages > 0) memory.grow(pages);
          return 1;
        } catch {
          return 0;
        }
      },
    },
    wasi_snapshot_preview1: { proc_exit: fail },
  });
  exports = instance.exports as unknown as HarfBuzzExports;
  exports.__wasm_call_ctors();
  return (hb = exports);
}

/** Has this thread loaded HarfBuzz (text of a HarfBuzz-measured script was measured)? */
export const shaperLoaded = (): boolean => hb !== undefined;

// One HarfBuzz font per file and weight for the thread's life, as fontkit's fonts are kept (fontChain.openFont).
const fonts = new Map<string, { font: number; upem: number }>();

/** HB_MEMORY_MODE_DUPLICATE: HarfBuzz copies the font's bytes, ours are freed at once. */
const DUPLICATE = 0;
const tag = (name: string) => ((name.charCodeAt(0) << 24) | (name.charCodeAt(1) << 16) | (name.charCodeAt(2) << 8) | name.charCodeAt(3)) >>> 0;

function fontOf(file: string, weight: number): { font: number; upem: number } {
  const key = `${file}\u0000${weight}`;
  let font = fonts.get(key);
  if (!font) {
    const h = harfbuzz();
    const bytes = readFileSync(file);
    const data = h.malloc(bytes.length);
    new Uint8Array(h.memory.buffer, data, bytes.length).set(bytes);
    const blob = h.hb_blob_create(data, bytes.length, DUPLICATE, 0, 0);
    h.free(data);
    const face = h.hb_face_create(blob, 0);
    h.hb_blob_destroy(blob);
    const handle = h.hb_font_create(face);
    // hb_variation_t: the axis tag (uint32) and its value (float).
    const variation = h.malloc(8);
    new DataView(h.memory.buffer).setUint32(variation, tag('wght'), true);
    new DataView(h.memory.buffer).setFloat32(variation + 4, weight, true);
    h.hb_font_set_variations(handle, variation, 1);
    h.free(variation);
    font = { font: handle, upem: h.hb_face_get_upem(face) };
    fonts.set(key, font);
  }
  return font;
}

/**
 * Advance width of `text` shaped by HarfBuzz in the variable font `file` at
 * `weight` (CSS weight, 100–900), in em (units of font size): the sum of the
 * shaped glyphs' advances over the font's units per em.
 * @throws what reading the font file throws (a fallback folder removed while running).
 */
export function shapedAdvance(file: string, weight: number, text: string): number {
  const { font, upem } = fontOf(file, weight);
  const h = harfbuzz();
  const units = h.malloc(text.length * 2 || 2);
  const view = new Uint16Array(h.memory.buffer, units, text.length);
  for (let i = 0; i < text.length; i++) view[i] = text.charCodeAt(i);
  const buffer = h.hb_buffer_create();
  h.hb_buffer_add_utf16(buffer, units, text.length, 0, -1);
  h.free(units);
  h.hb_buffer_guess_segment_properties(buffer);
  h.hb_shape(font, buffer, 0, 0);
  const count = h.malloc(4);
  const positions = h.hb_buffer_get_glyph_positions(buffer, count);
  const memory = new DataView(h.memory.buffer);
  let advance = 0;
  // hb_glyph_position_t: x_advance, y_advance, x_offset, y_offset (int32), and a reserved word: 20 bytes.
  for (let i = 0, n = memory.getUint32(count, true); i < n; i++) advance += memory.getInt32(positions + i * 20, true);
  h.free(count);
  h.hb_buffer_destroy(buffer);
  return advance / upem;
}
