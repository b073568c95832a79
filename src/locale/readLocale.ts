import { createRequire } from 'node:module';
import { formatLocale, type FormatLocaleDefinition, type FormatLocaleObject } from 'd3-format';
import { utcFormat as englishUtcFormat, type TimeLocaleDefinition } from 'd3-time-format';
import { format as englishFormat } from 'd3-format';
import { readerList } from './readerList.js';
import { CATALOGUES, type Catalogue, type PluralWord } from './catalogues.js';
import { contextFormatting, type DateFormatting } from './monthNames.js';

const require = createRequire(import.meta.url);

/**
 * A language citechart writes in: its words (catalogues/LANG.json), its
 * number and date formats (the locale files d3-format and d3-time-format
 * publish, never a table of our own), and the same formats in the shape
 * Vega's `config.locale` takes, so axes and labels agree with the footer.
 */
export interface Locale {
  /** The canonical BCP 47 tag asked for (`fr-FR`), or '' for the default (today's English output, no `lang`). */
  tag: string;
  /** Primary language subtag: the catalogue's name (`fr`). */
  language: string;
  direction: 'ltr' | 'rtl';
  words: Catalogue;
  /** d3-format's locale: `format(',.1f')` writes the decimal mark and group separator of the language. */
  numbers: FormatLocaleObject;
  /** What follows a percentage: "%" in English, "\u202F%" in French (d3-format's `percent`). */
  percentSign: string;
  /** The decimal mark and group separator numbers are written and read with. */
  decimal: string;
  thousands: string;
  /** Vega's `config.locale` (absent for the default: Vega's own en-US). */
  vega?: { number: FormatLocaleDefinition; time: TimeLocaleDefinition };
  /**
   * Dates in `vega.time`'s formats with CLDR's month names for each
   * specifier's context (monthNames.ts: "9 мая", "февраль"), for Vega's
   * view (absent for the default); `formatDate` writes with the same.
   */
  dates?: DateFormatting;
  /**
   * A figure exactly as stored (every digit, no rounding, no grouping) in the
   * language's decimal mark and numerals: 4312.5 → "4312,5" in German. The
   * default locale writes it as JavaScript does, as before locales.
   */
  writeNumber(value: number): string;
  /** A UTC date in a d3-time-format specifier, with this language's month names (CLDR's, by context: `dates`). */
  formatDate(specifier: string, date: Date): string;
  /** The catalogue's template `key` with its `{name}` slots filled. */
  say(key: TemplateKey, slots?: Record<string, string | number>): string;
  /** The plural word `key` for `count` things (Intl.PluralRules of the language). */
  plural(key: PluralKey, count: number): string;
  /** Items as a reader reads a list in the language: "A, B and C", "A, B et C" (readerList: CLDR's list patterns). */
  list(items: readonly string[]): string;
}

type TemplateKey = { [K in keyof Catalogue]: Catalogue[K] extends string ? K : never }[keyof Catalogue];
type PluralKey = { [K in keyof Catalogue]: Catalogue[K] extends PluralWord ? K : never }[keyof Catalogue];

// The region whose d3 files stand for a bare language tag (`fr` → fr-FR).
const DEFAULT_REGION = new Map([
  ['ar', 'ar-EG'], ['de', 'de-DE'], ['en', 'en-US'], ['es', 'es-ES'], ['fr', 'fr-FR'],
  ['it', 'it-IT'], ['pt', 'pt-PT'], ['ru', 'ru-RU'], ['zh', 'zh-CN'],
]);

/** The locale tags with a catalogue, for messages. */
export const LANGUAGES: readonly string[] = [...CATALOGUES.keys()];

export class LocaleError extends Error {}

const cache = new Map<string, Locale>();

/**
 * The locale for a BCP 47 tag (`fr`, `fr-CA`, `de-CH`); '' or undefined is
 * the default: English words with today's formats, output unchanged.
 * The d3 files of the exact tag are used when the packages publish them,
 * else those of the language's main region (DEFAULT_REGION; pt-BR's dates
 * for Portuguese, which has no pt-PT date file).
 * Throws LocaleError for a tag that is not BCP 47 or whose language has no catalogue.
 */
export function readLocale(tag?: string): Locale {
  const key = tag ?? '';
  let locale = cache.get(key);
  if (!locale) cache.set(key, (locale = key ? namedLocale(key) : defaultLocale()));
  return locale;
}

/** A tag citechart has words and formats for (readLocale throws for others). */
export function isKnownLocale(tag: string): boolean {
  try {
    readLocale(tag);
    return true;
  } catch {
    return false;
  }
}

function namedLocale(asked: string): Locale {
  let tag: string;
  try {
    // Canonical form ("FR-fr" → "fr-FR"); a malformed tag throws RangeError.
    tag = Intl.getCanonicalLocales(asked)[0]!;
  } catch {
    throw new LocaleError(asked);
  }
  const language = tag.split('-')[0]!;
  const words = CATALOGUES.get(language);
  if (!words) throw new LocaleError(asked);
  const region = DEFAULT_REGION.get(language)!;
  const number = d3File<FormatLocaleDefinition>('d3-format', [tag, region]);
  const time = d3File<TimeLocaleDefinition>('d3-time-format', [tag, region, 'pt-BR']);
  const dates = contextFormatting(tag, time);
  return { ...build(tag, language, words, formatLocale(number), (specifier, date) => dates.utcFormat(specifier)(date), { number, time }), dates };
}

function defaultLocale(): Locale {
  const en = CATALOGUES.get('en')!;
  const numbers = { format: englishFormat } as unknown as FormatLocaleObject;
  return build('', 'en', en, numbers, (specifier, date) => englishUtcFormat(specifier)(date));
}

function build(
  tag: string,
  language: string,
  words: Catalogue,
  numbers: FormatLocaleObject,
  formatDate: Locale['formatDate'],
  vega?: Locale['vega'],
): Locale {
  const rules = new Intl.PluralRules(language);
  const number = vega?.number;
  return {
    percentSign: number?.percent ?? '%',
    decimal: number?.decimal ?? '.',
    thousands: number?.thousands ?? ',',
    tag,
    language,
    direction: words.direction === 'rtl' ? 'rtl' : 'ltr',
    words,
    numbers: rememberFormats(numbers),
    ...(vega && { vega }),
    formatDate,
    writeNumber: (value) => {
      const written = String(value).replace('.', number?.decimal ?? '.');
      const numerals = number?.numerals;
      return numerals ? written.replace(/[0-9]/g, (digit) => numerals[Number(digit)]!) : written;
    },
    say: (key, slots = {}) => fill(words[key] as string, slots),
    plural: (key, count) => {
      const forms = words[key] as PluralWord;
      return forms[rules.select(count)] ?? forms.other;
    },
    list: (items) => readerList(items, tag),
  };
}

/** Formats kept per locale at most: a chart uses a handful of specifiers. */
const MAX_REMEMBERED_FORMATS = 256;

/**
 * `numbers` whose `format(specifier)` gives the same function for the same
 * specifier: the alt text and data tables write every drawn value with
 * `format(specifier)(value)`, and d3-format parsed the specifier and built a
 * formatter for each (issue 15). Keyed by the specifier text (a spec's own),
 * in a Map; an invalid specifier throws as before and is not kept.
 */
function rememberFormats(numbers: FormatLocaleObject): FormatLocaleObject {
  const made = new Map<string, (value: number | { valueOf(): number }) => string>();
  const format = (specifier: string) => {
    let formatter = made.get(specifier);
    if (!formatter) {
      formatter = numbers.format(specifier);
      if (made.size >= MAX_REMEMBERED_FORMATS) made.clear();
      made.set(specifier, formatter);
    }
    return formatter;
  };
  return { format, formatPrefix: numbers.formatPrefix } as FormatLocaleObject;
}

/** `{name}` slots replaced; a slot the call does not fill stays as written. */
function fill(template: string, slots: Record<string, string | number>): string {
  const parts = templateParts(template);
  let text = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    text += (Object.hasOwn(slots, name) ? String(slots[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return text;
}

/**
 * A catalogue sentence cut at its `{name}` slots, once: text, slot name,
 * text… (always an odd count). The alt text says one sentence per drawn
 * value, and reading the template again for each was ~1 % of a build (issue 15).
 * Templates are the catalogues' own: a bounded set.
 */
function templateParts(template: string): string[] {
  let parts = templates.get(template);
  if (!parts) {
    parts = [];
    let at = 0;
    for (const match of template.matchAll(/\{(\w+)\}/g)) {
      parts.push(template.slice(at, match.index), match[1]!);
      at = match.index + match[0].length;
    }
    parts.push(template.slice(at));
    templates.set(template, parts);
  }
  return parts;
}
const templates = new Map<string, string[]>();

/** The first of `tags` the package publishes a locale file for (tags are canonical: no path can be formed). */
function d3File<T>(pkg: string, tags: string[]): T {
  for (const tag of tags) {
    if (!/^[a-z]{2,3}-[A-Z0-9]{2,3}$/.test(tag)) continue;
    try {
      return require(`${pkg}/locale/${tag}`) as T;
    } catch {
      // Not published for this tag: try the next.
    }
  }
  throw new Error(`${pkg} publishes no locale file for ${tags.join(', ')}`);
}
