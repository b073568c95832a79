import { timeFormatLocale, type TimeLocaleDefinition } from 'd3-time-format';

/**
 * The company a month name keeps in a d3-time-format specifier, which
 * decides its form in CLDR:
 * - `day`: beside a day of the month (`%d`, `%e`, `%c`): CLDR's format
 *   forms, "9 мая", "9. Feb.", "9. März";
 * - `year`: beside a year but no day: the forms the language writes a month
 *   and year in, "май 2024 г." (Russian's standalone), "März 2024" (German's
 *   format);
 * - `alone`: a bare month: CLDR's standalone forms, "февраль", "gennaio".
 */
export type MonthContext = 'day' | 'year' | 'alone';

/** The context of the month names a d3-time-format `specifier` writes (a `%` directive's padding flag allowed). */
export function monthContext(specifier: string): MonthContext {
  if (/%[-_0]?[dec]/.test(specifier)) return 'day';
  return /%[-_0]?[Yy]/.test(specifier) ? 'year' : 'alone';
}

// The Intl options a context's month names are read with, beside the month's length.
const COMPANY: Record<MonthContext, Intl.DateTimeFormatOptions> = { day: { day: 'numeric' }, year: { year: 'numeric' }, alone: {} };

/**
 * The long (`%B`) and short (`%b`) month names, January first, that CLDR
 * gives the language of `tag` (a canonical BCP 47 tag) in `context`, read
 * from `Intl.DateTimeFormat(tag, …).formatToParts` (Node's ICU data), never
 * from a list of our own. Where d3's locale files differ from CLDR, CLDR's
 * are the ones a reader of the language expects: German "März", "Feb."
 * (d3 "Mrz", "Feb"), Italian and Portuguese lower-case "febbraio", "fev."
 * (d3 "Febbraio", "Fev"), Russian nominative "февраль" for a bare month
 * and genitive "февраля" beside a day (d3 has the genitive only).
 * Where the language writes the month in digits in `context`, the
 * standalone names stand in (zh "2月", pt-PT "fev."): dateSpecifier writes
 * such a month as `%-m`, so only an author's own format asks for a name there.
 * Throws RangeError for a tag Intl does not read.
 */
export function monthNames(tag: string, context: MonthContext): { months: string[]; shortMonths: string[] } {
  const key = `${tag}|${context}`;
  let names = made.get(key);
  if (!names) {
    const read = (month: 'long' | 'short') => {
      const format = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', month, ...COMPANY[context] });
      // The 8th of each month: a day whose number is not a month's.
      return Array.from({ length: 12 }, (_, m) => format.formatToParts(Date.UTC(2024, m, 8)).find((part) => part.type === 'month')!.value);
    };
    const alone = context === 'alone' ? undefined : monthNames(tag, 'alone');
    // Where the language writes the month in digits in this company (zh "2月8日", pt-PT "08/02"), a name there
    // would be a bare number: an author's "%-d %b" gets the standalone name ("2月", "fev.") instead.
    const named = (names: string[], standalone: string[] | undefined) => (standalone && names.some((name) => /^\p{Nd}+$/u.test(name)) ? standalone : names);
    names = { months: named(read('long'), alone?.months), shortMonths: named(read('short'), alone?.shortMonths) };
    made.set(key, names);
  }
  return names;
}
// Keyed by tag and context: three per language a chart is written in.
const made = new Map<string, { months: string[]; shortMonths: string[] }>();

/** A d3 time locale's formatting, as vega-format's locale objects hold it. */
export interface DateFormatting {
  format(specifier: string): (date: Date) => string;
  utcFormat(specifier: string): (date: Date) => string;
}

/**
 * d3-time-format's `format` and `utcFormat` for `definition` (a d3 locale
 * file) with each specifier's month names CLDR's for its context
 * (monthContext, monthNames): one d3 locale per context, chosen by the
 * specifier, as d3 has one set of month names per locale.
 */
export function contextFormatting(tag: string, definition: TimeLocaleDefinition): DateFormatting {
  const locales = new Map<MonthContext, ReturnType<typeof timeFormatLocale>>();
  const localeFor = (specifier: string) => {
    const context = monthContext(specifier);
    let locale = locales.get(context);
    if (!locale) locales.set(context, (locale = timeFormatLocale({ ...definition, ...monthNames(tag, context) } as TimeLocaleDefinition)));
    return locale;
  };
  return {
    format: (specifier) => localeFor(specifier).format(specifier),
    utcFormat: (specifier) => localeFor(specifier).utcFormat(specifier),
  };
}
