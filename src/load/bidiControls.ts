// Unicode's explicit directional formatting characters (UAX #9, section 2):
// embeddings and overrides U+202A–U+202E and isolates U+2066–U+2069. One of
// them pasted into a cell reorders the text around it wherever the cell is
// shown — `Acme` followed by U+202E draws the rest of the footer line
// backwards — so they are removed from every cell and spec string. citechart
// isolates the fields it assembles itself (provenance/isolateBidi.ts).
// LRM/RLM (U+200E/U+200F) only act as a strong letter and are kept.
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;

const NAMES = new Map<string, string>([
  ['\u202A', 'left-to-right embedding'],
  ['\u202B', 'right-to-left embedding'],
  ['\u202C', 'pop directional formatting'],
  ['\u202D', 'left-to-right override'],
  ['\u202E', 'right-to-left override'],
  ['\u2066', 'left-to-right isolate'],
  ['\u2067', 'right-to-left isolate'],
  ['\u2068', 'first strong isolate'],
  ['\u2069', 'pop directional isolate'],
]);

/** "right-to-left override (U+202E)": how a message names one of these characters. */
export function nameBidiControl(char: string): string {
  const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `${NAMES.get(char) ?? 'directional formatting character'} (U+${code})`;
}

export const removeBidiControls = (text: string) => text.replace(BIDI_CONTROL, '');

/** A directional control found in a file's text: the character and its 1-based line and column (UTF-16 units, as editors count). */
export interface BidiControlAt {
  char: string;
  line: number;
  column: number;
}

/**
 * Every directional control in `text` (a whole file as read) with its line
 * and column, in order. With `jsonEscapes`, `\u202E`-style escapes in JSON
 * strings count too, at their backslash (JSON.parse turns them into the
 * character itself).
 */
export function findBidiControls(text: string, jsonEscapes = false): BidiControlAt[] {
  const found: BidiControlAt[] = [];
  const pattern = jsonEscapes ? /[\u202A-\u202E\u2066-\u2069]|(\\+)u(20(?:2[a-eA-E]|6[6-9]))/g : BIDI_CONTROL;
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index;
    // An escaped backslash (`\\u202e`) is the text "\u202e", not the character.
    const slashes = match[1]?.length ?? 0;
    if (match[1] !== undefined && slashes % 2 === 0) continue;
    for (; scanned < at; scanned++) {
      if (text[scanned] === '\n') {
        line++;
        lineStart = scanned + 1;
      }
    }
    const char = match[2] ? String.fromCharCode(parseInt(match[2], 16)) : match[0];
    // An escape is reported at the backslash that starts it.
    const offset = match[1] === undefined ? at : at + slashes - 1;
    found.push({ char, line, column: offset - lineStart + 1 });
  }
  return found;
}
