/** A date whose day (8) and month (1) cannot be mistaken for each other; only the order of its parts is read. */
const SAMPLE = Date.UTC(2024, 0, 8);

/**
 * The d3-time-format specifier of a day-and-month label ("%-d %b" for
 * French, "%-d. %b" for German, "%-d de %b" for Portuguese) in the order
 * and with the words between that CLDR gives the language, read from
 * `Intl.DateTimeFormat(tag, {day: 'numeric', month: 'short'}).formatToParts`
 * (Node's ICU data), never from a list of our own. The month stays `%b`, so
 * its name is d3's locale file's like every other date of the chart.
 * Undefined when the language writes the month first (`en` "Jan 8", `zh`
 * "1月8日"): Vega's own `%b %d` is then right as it is.
 * `tag` is a canonical BCP 47 tag (readLocale); throws nothing for one.
 */
export function dayMonthSpecifier(tag: string): string | undefined {
  const parts = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: 'UTC' }).formatToParts(SAMPLE);
  const day = parts.findIndex((part) => part.type === 'day');
  const month = parts.findIndex((part) => part.type === 'month');
  if (day < 0 || month < day) return undefined;
  let specifier = '';
  for (const part of parts) {
    if (part.type === 'day') specifier += '%-d';
    else if (part.type === 'month') specifier += '%b';
    // A literal is written as it is: "%" is d3's one special character.
    else if (part.type === 'literal') specifier += part.value.replaceAll('%', '%%');
    else return undefined;
  }
  return specifier;
}
