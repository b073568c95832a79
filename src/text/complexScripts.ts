// The scripts of the fallback chain whose shaping joins, splits or reorders
// characters (conjuncts, vowel signs drawn before their consonant, Thai and
// Lao sara am), so a glyph is not a character: what renderPng gives librsvg
// (Pango shapes each font's run with HarfBuzz) and the PDF cannot draw yet.

/** Unicode script names (as `\p{Script=…}` spells them). */
export const COMPLEX_SCRIPTS = ['Devanagari', 'Bengali', 'Tamil', 'Gujarati', 'Gurmukhi', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Khmer', 'Myanmar'] as const;

const ANY = new RegExp(`[${COMPLEX_SCRIPTS.map((name) => `\\p{Script=${name}}`).join('')}]`, 'u');
const EACH = COMPLEX_SCRIPTS.map((name) => [name, new RegExp(`\\p{Script=${name}}`, 'u')] as const);

/** Does `text` hold a letter or sign of a complex script? */
export const hasComplexScript = (text: string): boolean => ANY.test(text);

/** The complex scripts `text` holds letters of, in COMPLEX_SCRIPTS' order. */
export function complexScriptsIn(text: string): string[] {
  if (!ANY.test(text)) return [];
  return EACH.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}
