/**
 * How deep JSON may nest objects and arrays. jsonc-parser, ajv's validator
 * and Vega-Lite all walk a document recursively: 20,000 nested `[` overflow
 * the call stack in jsonc-parser alone, and Vega-Lite gives up far sooner on
 * nested views. Real specs, themes and sidecars stay under 15 levels.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * The offset (0-based, in UTF-16 code units) of the first `{` or `[` that
 * opens a level deeper than `max`, or undefined when the text stays within it.
 * A linear scan that skips strings, run before any recursive parser sees the text.
 */
export function findTooDeep(text: string, max = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Skip the string, escapes included; an unclosed one is the parser's to report.
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c /* \ */) i++;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return i;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    }
  }
  return undefined;
}
