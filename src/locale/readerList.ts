// Lists a reader reads ("missiles, tanks and aircraft", "A, B et C"), in the
// chart's language, from CLDR's list patterns, instead of a join with ", "
// that drops the "and" a sentence needs.
import { cldrListPatterns, joinWithPatterns } from './listPatterns.js';

/**
 * The tag the list is written for: the chart's own, except that bare
 * English (no tag, or `en`) lists as British English, "A, B and C", the
 * newsroom style of the desks citechart serves (Reuters, FT: no serial
 * comma) and of its example content; `en-US` keeps CLDR's "A, B, and C".
 */
export function listTag(tag: string): string {
  return tag === '' || tag.toLowerCase() === 'en' ? 'en-GB' : tag;
}

const formats = new Map<string, Intl.ListFormat>();

/**
 * `items` as one list in the language of `tag` (BCP 47; '' is citechart's
 * default English): "A", "A and B", "A, B and C"; French "A, B et C",
 * German "A, B und C", Chinese "A、B和C". Items are written as given (no
 * case change). Source of the rule: CLDR list patterns (conjunction, long),
 * read from CLDR's JSON package (listPatterns.ts), the same words as
 * Intl.ListFormat's (a test compares them); tags that package does not
 * answer for (Spanish, whose "y" becomes "e" before "i"; a script or
 * extension subtag) through Intl.ListFormat, so those words can change
 * with Node's ICU data.
 */
export function readerList(items: readonly string[], tag = ''): string {
  // A list of none or one is the same in every language.
  if (items.length < 2) return items[0] ?? '';
  const key = listTag(tag);
  // CLDR's data before Intl.ListFormat, whose first use in a process costs ≈11 ms of CPU (V8 builds the
  // set of locales ICU has; `node -e` timing on the bench machine): the bench's one-chart build
  // (issue 15, item 3) lists its source's two authors.
  const patterns = cldrListPatterns(key);
  if (patterns) return joinWithPatterns(items, patterns);
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.ListFormat(key, { style: 'long', type: 'conjunction' })));
  return format.format(items);
}
