import { utcParse } from 'd3-time-format';
import type { Source } from '../model.js';
import { translatedLanguage } from '../locale/languageName.js';
import { readLocale, type Locale } from '../locale/readLocale.js';
import { isolate } from './isolateBidi.js';

// Each precision's written form is the catalogue's (`dateDay`, `dateMonth`): "12 April 2024", "12 avril 2024", "12. April 2024".
// Each parser made once (d3 compiles a specifier into a parser): every row's citation reads a date.
const PRECISIONS: [RegExp, (locale: Locale) => string, (text: string) => Date | null][] = [
  [/^\d{4}-\d{2}-\d{2}$/, (locale) => locale.words.dateDay, utcParse('%Y-%m-%d')],
  [/^\d{4}-\d{2}$/, (locale) => locale.words.dateMonth, utcParse('%Y-%m')],
  [/^\d{4}$/, () => '%Y', utcParse('%Y')],
];

/** `2024` → "2024", `2024-04` → "April 2024", `2024-04-12` → "12 April 2024": only the precision known, in the locale's words. */
export function formatPublished(published: string, locale: Locale = readLocale()): string {
  for (const [pattern, written, parse] of PRECISIONS) {
    const date = pattern.test(published) ? parse(published) : null;
    if (date) return locale.formatDate(written(locale), date);
  }
  return published;
}

/**
 * How a reader is told where a figure comes from, in the locale's words:
 * "Reuters (Steve Holland and Susan Heavey), 2024, citing US officials speaking on condition of anonymity" (authors as a list in the locale's language, readerList);
 * a source with a `language` and a `translator` is the translation they made:
 * "…, 2024, French version by Zhifan Liu, citing …".
 */
export function citeSource(source: Source, locale: Locale = readLocale()): string {
  // Each field is isolated (isolateBidi.ts): an Arabic publisher must not pull ", 2024" into its run.
  let text = isolate(source.publisher);
  const authors = source.authors.filter(Boolean);
  const comma = locale.words.listSeparator;
  if (authors.length) text += ` (${locale.list(authors.map(isolate))})`;
  if (source.published) text += `${comma}${isolate(formatPublished(source.published, locale))}`;
  // The document cited is a translation: say whose (its `language` says which edition was read).
  if (source.language && source.translator) {
    text += `${comma}${locale.say('translatedBy', { language: translatedLanguage(source.language, locale), translator: isolate(source.translator) })}`;
  }
  if (source.attribution) text += `${comma}${locale.say('citing', { who: isolate(source.attribution) })}`;
  return text;
}

/**
 * A source cited by its publisher, year and attribution only, for a social
 * card whose full footer does not fit (src/social): "Reuters, 2024, citing
 * US officials speaking on condition of anonymity" (authors, the rest of the
 * date and the translator dropped). A card travels without its article, so
 * who published it, when, and whose claim it is are never dropped (a
 * Reuters/FT review, 2026: "Reuters, citing US officials…" had no year).
 */
export function citeBriefly(source: Source, locale: Locale = readLocale()): string {
  const comma = locale.words.listSeparator;
  let text = isolate(source.publisher);
  // Only the year of a date at any precision ("2024-04-12" → "2024"), in the locale's digits.
  const year = /^\d{4}/.exec(source.published)?.[0];
  if (year) text += `${comma}${isolate(formatPublished(year, locale))}`;
  return source.attribution ? `${text}${comma}${locale.say('citing', { who: isolate(source.attribution) })}` : text;
}
