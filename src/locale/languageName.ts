import type { Locale } from './readLocale.js';

/**
 * The name of language `tag` in the locale's language ("fr" → "French" in
 * English, "français" in French), from Intl.DisplayNames: ICU's data, the
 * one text here that may differ between Node builds (README, Locales).
 * An unknown or malformed tag is written as given.
 */
export function languageName(tag: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale.language], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

// French adjectives of nationality agree with "version" (feminine): the
// regular endings (Grevisse, Le Bon Usage §§ 536–540); a name that ends
// otherwise is written "en NAME" ("version en kanuri").
const FRENCH_FEMININE: ReadonlyArray<[RegExp, string]> = [
  [/(ais|ois)$/u, '$1e'], // français → française, chinois → chinoise
  [/ien$/u, 'ienne'], // italien → italienne
  [/(and|ol|ain|in)$/u, '$1e'], // allemand → allemande, espagnol → espagnole, américain → américaine
  [/e$/u, 'e'], // russe, arabe: the same
];

/**
 * The `{language}` slot of the catalogue's `translatedBy` ("French version by
 * X"): the language's name (languageName), except in French, where it is an
 * adjective agreeing with "version" — "version française de X", not
 * "version en français de X" (a Reuters/FT review) — or "en NAME" for a name
 * with no regular feminine. Single-word names only; others "en NAME".
 */
export function translatedLanguage(tag: string, locale: Locale): string {
  const name = languageName(tag, locale);
  if (locale.language !== 'fr') return name;
  if (/^\p{L}+$/u.test(name)) for (const [ending, feminine] of FRENCH_FEMININE) if (ending.test(name)) return name.replace(ending, feminine);
  return `en ${name}`;
}
