import { nameBidiControl } from './load/bidiControls.js';

/**
 * Characters that are not shown as themselves: C0 and C1 controls (a
 * newline, an escape sequence that recolours a terminal), Unicode's
 * directional controls (UAX #9: LRM, RLM and ALM, embeddings, overrides and
 * isolates) and the invisible zero-width ones (zero-width space, word
 * joiner, invisible operators, the byte-order mark), and line and paragraph
 * separators. Printed as they are, one of them reorders or hides the text
 * around it: `ab` U+202E `gpj.svg` shows as `abjpg.svg` in a terminal, an
 * editor or a file browser. Zero-width (non-)joiners are left alone: Persian
 * and Indic words and emoji sequences need them.
 */
const INVISIBLE = /[\p{Cc}\u061C\u200B\u200E\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

/** `ab\u202Egpj`: the text with each invisible character above written as a `\uXXXX` escape, so a message shows it. */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (char) => `\\u${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

/** Each distinct invisible character of `text`, in words: `right-to-left override (U+202E)`, `control character (U+0007)`. */
export function invisibleCharacters(text: string): string[] {
  const found = new Set<string>();
  for (const [char] of text.matchAll(INVISIBLE)) found.add(char);
  return [...found].map((char) => (/[\u202A-\u202E\u2066-\u2069]/.test(char) ? nameBidiControl(char) : describe(char)));
}

const NAMES = new Map([
  ['\u200E', 'left-to-right mark'],
  ['\u200F', 'right-to-left mark'],
  ['\u061C', 'Arabic letter mark'],
  ['\u200B', 'zero-width space'],
  ['\uFEFF', 'byte-order mark'],
  ['\u2060', 'word joiner'],
  ['\u2028', 'line separator'],
  ['\u2029', 'paragraph separator'],
]);

function describe(char: string): string {
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return `${NAMES.get(char) ?? (/\p{Cc}/u.test(char) ? 'control character' : 'invisible character')} (${code})`;
}
