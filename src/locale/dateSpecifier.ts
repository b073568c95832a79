/** The parts of a date a label can write, in Vega's time-unit names, coarsest first. */
export type DateField = 'year' | 'month' | 'date' | 'hours' | 'minutes';

// How each field is asked of Intl: the short forms an axis label has room for.
const OPTIONS: Record<DateField, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  month: { month: 'short' },
  date: { day: 'numeric' },
  hours: { hour: 'numeric' },
  minutes: { minute: '2-digit' },
};

/**
 * A date whose parts cannot be mistaken for each other (8 January 2024,
 * 15:30 UTC: day ≠ month, and a 24-hour clock writes 15 where a 12-hour one
 * writes 3); only the order of its parts and the words between are read.
 */
const SAMPLE = Date.UTC(2024, 0, 8, 15, 30);

/**
 * The d3-time-format specifier of a label writing `fields` of a date in the
 * order, words and clock that CLDR gives the language (`tag`, a canonical
 * BCP 47 tag), read from `Intl.DateTimeFormat(tag, options).formatToParts`
 * (Node's ICU data), never from a list of our own:
 *
 *   ['month', 'date']          fr "%-d %b" ("8 janv."), de "%-d. %b", pt "%-d de %b", en "%b %-d", zh "%-m月%-d日"
 *   ['year', 'month', 'date']  fr "%-d %b %Y", en "%b %-d, %Y", ru "%-d %b %Y г."
 *   ['hours']                  fr "%-H h" ("15 h"), de "%-H Uhr", en "%-I %p" ("3 PM"), es "%-H:%M" ("15:00", see below)
 *
 * A month Intl writes as a name is d3's `%b` (the chart's other dates take
 * their names from d3's locale file too); one it writes in digits (zh "1月")
 * is `%-m`. Numbers are written as Intl's `numeric` asks, unpadded ("8 h",
 * not CLDR's "08 h" of the pattern `HH 'h'`); minutes keep two digits.
 * The hour is `%-H` on a 24-hour clock, `%-I` with `%p` on a 12-hour one.
 * An hour CLDR writes as a bare number ("15" in es, it, ru, en-GB) would
 * read as a day on an axis, so it is written with its minutes ("15:00").
 * Throws RangeError for a tag Intl does not read; `fields` must not be empty.
 */
export function dateSpecifier(tag: string, fields: readonly DateField[]): string {
  const key = `${tag}|${fields.join('-')}`;
  let specifier = made.get(key);
  if (specifier === undefined) {
    const withMinutes = fields.includes('hours') && !fields.includes('minutes') && isBareHour(tag);
    specifier = writeSpecifier(tag, withMinutes ? [...fields, 'minutes'] : fields);
    made.set(key, specifier);
  }
  return specifier;
}

// Keyed by tag and fields: a chart asks a handful, from readLocale's nine languages and their regions.
const made = new Map<string, string>();

/** Whether the language writes an hour alone as a number and nothing else ("15"). */
function isBareHour(tag: string): boolean {
  return /^%-[HI]$/.test(writeSpecifier(tag, ['hours']));
}

function writeSpecifier(tag: string, fields: readonly DateField[]): string {
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC' };
  for (const field of fields) Object.assign(options, OPTIONS[field]);
  const format = new Intl.DateTimeFormat(tag, options);
  const twelveHour = /^h1[12]$/.test(format.resolvedOptions().hourCycle ?? '');
  let specifier = '';
  for (const part of format.formatToParts(SAMPLE)) {
    if (part.type === 'year') specifier += '%Y';
    else if (part.type === 'month') specifier += /^\p{Nd}+$/u.test(part.value) ? '%-m' : '%b';
    else if (part.type === 'day') specifier += '%-d';
    else if (part.type === 'hour') specifier += twelveHour ? '%-I' : '%-H';
    else if (part.type === 'minute') specifier += '%M';
    else if (part.type === 'dayPeriod') specifier += '%p';
    // A literal (the options ask for no other part: no era, no weekday) is
    // written as it is: "%" is d3's one special character.
    else specifier += part.value.replaceAll('%', '%%');
  }
  return specifier;
}
