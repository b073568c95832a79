// CLDR's list patterns ("{0}, {1}", "{0} and {1}") from the Unicode
// Consortium's own JSON data (cldr-misc-full, with cldr-core's list of
// default-content locales), so writing a list costs a lookup and not
// Intl.ListFormat's first use in a process: ≈11 ms of CPU while V8 builds the
// set of locales ICU has (issue 15, item 3: the one-chart build lists its
// source's authors). `npm run build` extracts the patterns from the two
// packages (devDependencies: cldr-misc-full is 29 MB) into
// listPatternData.generated.ts (scripts/generateListPatterns.mjs, which also
// decides which tags are answered for, and why). The packages' CLDR version
// is the one Node's ICU is built from on the machines citechart runs on
// (CLDR 48, ICU 78), and tests/locale/listPatterns.test.ts writes every list
// this module answers for with Intl.ListFormat too: the two must agree, word
// for word.
//
// A tag this module does not answer for (undefined) is written with
// Intl.ListFormat as before (readerList.ts):
// - a language whose list ICU changes by the next item, which no data file
//   holds (ICU's listformatter.cpp, createPatternHandler): Spanish "y" before
//   "i"/"hi" is "e" ("Pedro e Ignacio"), Hebrew "ו" before a non-Hebrew item;
// - a tag with a script, variant or extension, which ICU may resolve to
//   another locale than CLDR's folder of that name (ICU has no en-Dsrt, no
//   zh-Latn), and a region of the language that CLDR gives no data of its own
//   and that is not its default content (zh-HK is ICU's zh-Hant-HK).
import { LIST_PATTERN_TAGS, LIST_PATTERNS } from './listPatternData.generated.js';

/** The four patterns of one list type (UTS #35, part 2, "List Patterns"), each with `{0}` and `{1}`. */
export interface ListPatterns {
  /** Two items: "{0} and {1}". */
  two: string;
  /** The first two of three or more: "{0}, {1}". */
  start: string;
  /** Each next one but the last: "{0}, {1}". */
  middle: string;
  /** The last one: "{0} and {1}". */
  end: string;
}

let byTag: ReadonlyMap<string, ListPatterns> | undefined;

/**
 * CLDR's "standard" list patterns (Intl.ListFormat's `type: 'conjunction',
 * style: 'long'`) for the canonical BCP 47 `tag` (`en-GB`, `fr`, `de-CH`,
 * `fr-FR`), or undefined when the tag is one to ask Intl.ListFormat for (see
 * above). A region with its own CLDR folder has that folder's patterns (CLDR
 * JSON files are resolved: `en-IN` holds what it inherits from `en-001`); a
 * default-content region (`fr-FR`, `en-US`: cldr-core's defaultContent.json)
 * has its language's. The table (≈900 tags) is made on the first call.
 * Source: CLDR 48 JSON (cldr-misc-full `main/LOCALE/listPatterns.json`,
 * `listPattern-type-standard`; cldr-core `defaultContent.json`).
 */
export function cldrListPatterns(tag: string): ListPatterns | undefined {
  if (!byTag) {
    const sets = LIST_PATTERNS.map(([two, start, middle, end]): ListPatterns => ({ two, start, middle, end }));
    byTag = new Map(LIST_PATTERN_TAGS.map(([known, index]) => [known, sets[index]!]));
  }
  return byTag.get(tag);
}

/**
 * `items` (two or more) joined with `patterns` as ICU's ListFormatter does:
 * the first two with `start` (`two` when there are only two), then each next
 * item onto the text so far with `middle`, the last with `end`. Items are
 * written as given: a `{1}` or `$&` in an item stays text.
 */
export function joinWithPatterns(items: readonly string[], patterns: ListPatterns): string {
  const last = items.length - 1;
  let text = fillPattern(last === 1 ? patterns.two : patterns.start, items[0]!, items[1]!);
  for (let i = 2; i <= last; i++) text = fillPattern(i === last ? patterns.end : patterns.middle, text, items[i]!);
  return text;
}

/** `pattern` with `{0}` replaced by `first` and `{1}` by `second` (in either order in the pattern). */
function fillPattern(pattern: string, first: string, second: string): string {
  return pattern.split(/(\{[01]\})/).map((part) => (part === '{0}' ? first : part === '{1}' ? second : part)).join('');
}
