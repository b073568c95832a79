// CLDR's list patterns ("{0}, {1}", "{0} and {1}") read from the Unicode
// Consortium's own JSON package (cldr-misc-full, with cldr-core's list of
// default-content locales), so writing a list costs a file read and not
// Intl.ListFormat's first use in a process: ≈11 ms of CPU while V8 builds the
// set of locales ICU has (issue 15, item 3: the one-chart build lists its
// source's authors). The package's CLDR version is the one Node's ICU is
// built from on the machines citechart runs on (CLDR 48, ICU 78), and
// tests/locale/listPatterns.test.ts writes every list this module answers for
// with Intl.ListFormat too: the two must agree, word for word.
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
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageFolder } from '../packageFolder.js';

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

/** Languages whose lists ICU writes with a rule beyond the patterns (listformatter.cpp): left to Intl.ListFormat. */
const CONTEXTUAL = new Set(['es', 'he', 'iw']);

/** A language, or a language and a region (ISO 3166 letters or UN M49 digits), as Intl.getCanonicalLocales writes them. */
const PLAIN_TAG = /^([a-z]{2,3})(?:-(?:[A-Z]{2}|\d{3}))?$/;

const known = new Map<string, ListPatterns | undefined>();
let defaultContent: ReadonlySet<string> | undefined;

/**
 * CLDR's "standard" list patterns (Intl.ListFormat's `type: 'conjunction',
 * style: 'long'`) for the canonical BCP 47 `tag` (`en-GB`, `fr`, `de-CH`,
 * `fr-FR`), or undefined when the tag is one to ask Intl.ListFormat for (see
 * above). A region with its own CLDR folder reads that folder (CLDR JSON
 * files are resolved: `en-IN` holds what it inherits from `en-001`); a
 * default-content region (`fr-FR`, `en-US`: cldr-core's defaultContent.json)
 * reads its language's. Reads one small JSON file per tag, once.
 * Source: CLDR 48 JSON (cldr-misc-full `main/LOCALE/listPatterns.json`,
 * `listPattern-type-standard`; cldr-core `defaultContent.json`).
 */
export function cldrListPatterns(tag: string): ListPatterns | undefined {
  if (known.has(tag)) return known.get(tag);
  const patterns = readPatterns(tag);
  known.set(tag, patterns);
  return patterns;
}

function readPatterns(tag: string): ListPatterns | undefined {
  const plain = PLAIN_TAG.exec(tag);
  if (!plain || CONTEXTUAL.has(plain[1]!)) return undefined;
  const language = plain[1]!;
  const own = folderPatterns(tag);
  if (own || tag === language) return own;
  defaultContent ??= new Set(readJson<{ defaultContent: string[] }>('cldr-core', 'defaultContent.json').defaultContent);
  return defaultContent.has(tag) ? folderPatterns(language) : undefined;
}

/**
 * The patterns of CLDR's folder `locale` (a PLAIN_TAG: no path can be formed
 * from it), or undefined when there is none, or when a pattern holds an
 * apostrophe, which ICU's SimpleFormatter reads as quoting (none of the
 * catalogues' languages has one): Intl.ListFormat writes those.
 */
function folderPatterns(locale: string): ListPatterns | undefined {
  let file: { main: Record<string, { listPatterns: Record<string, Record<string, string>> } | undefined> };
  try {
    file = readJson('cldr-misc-full', 'main', locale, 'listPatterns.json');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // CLDR has no folder of that name.
    throw error;
  }
  const standard = file.main[locale]?.listPatterns['listPattern-type-standard'];
  const patterns = { two: standard?.['2'], start: standard?.start, middle: standard?.middle, end: standard?.end };
  for (const pattern of Object.values(patterns)) if (typeof pattern !== 'string' || pattern.includes("'")) return undefined;
  return patterns as ListPatterns;
}

/** The JSON file at `parts` inside the installed package `pkg`. */
function readJson<T>(pkg: string, ...parts: string[]): T {
  return JSON.parse(readFileSync(path.join(packageFolder(pkg), ...parts), 'utf8')) as T;
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
