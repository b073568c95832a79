import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { prepareFallbackFonts } from './fallbackFonts.js';
import { missingChars, needsFallbackFonts } from './fontChain.js';

/** A string as it stands in a user's file: a CSV cell or header, a spec string. */
export interface PlacedText {
  text: string;
  /** Where it starts, as a diagnostic reports it (file, line, column). */
  at: Omit<Diagnostic, 'severity' | 'message'>;
}

/**
 * A warning at each string that holds a character no bundled font (Source
 * Sans 3 or a fallback of fontChain) draws, naming the characters: such a
 * character would be an empty box in the PNG and in the SVG. Latin text is
 * passed over without opening a font; the fallback fonts are made ready
 * (once per machine) only when a string needs them.
 */
export async function missingGlyphWarnings(texts: PlacedText[]): Promise<Diagnostic[]> {
  const beyond = texts.filter((placed) => needsFallbackFonts(placed.text));
  if (!beyond.length) return [];
  await prepareFallbackFonts();
  const diagnostics: Diagnostic[] = [];
  for (const placed of beyond) {
    const missing = missingChars(placed.text);
    if (missing.length) diagnostics.push({ ...placed.at, severity: 'warning', message: messages.text.missingGlyph(missing) });
  }
  return diagnostics;
}
