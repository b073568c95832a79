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
