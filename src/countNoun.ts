// A count and its noun in agreement ("1 cell", "2 cells", "1,200 rows") for
// citechart's own English messages and summaries (src/messages.ts). One
// helper, so no message writes "1 cells" because its author assumed more
// than one. The category comes from Intl.PluralRules (CLDR), the figure from
// d3-format's English (en-US) locale, both fixed to English: messages are
// English whatever the machine's LANG. Words a reader sees in a graphic are
// the locale's instead (src/locale/readLocale.ts, `plural`).
import { format } from 'd3-format';

// Made on first use, not at load: this module is in the Node startup
// snapshot (scripts/bundle.mjs), which cannot hold ICU objects.
let rules: Intl.PluralRules | undefined;
let numbers: Intl.NumberFormat | undefined;

// A whole count with d3-format's default locale (en-US: "," every three digits), the same text as
// Intl.NumberFormat('en-US') writes (tests/messages/plurals.test.ts compares them), made here in the
// snapshot: Intl.NumberFormat's first use in a process costs ≈12 ms of CPU (V8 builds the set of
// locales ICU has), and every build's summary ("1 chart built") writes a count (issue 15, item 3).
const wholeCount = format(',d');

/**
 * The noun for `count` things: `singular` when CLDR's English rule says
 * "one" (exactly 1), else `plural` (by default `singular` + "s"), so 0, 1.5
 * and 2 take the plural.
 */
export function noun(count: number, singular: string, plural = `${singular}s`): string {
  return (rules ??= new Intl.PluralRules('en-US')).select(count) === 'one' ? singular : plural;
}

/**
 * `count` written with English thousands separators, then its noun: "1 cell",
 * "1,200 rows", "0 charts". A count that is not a whole number from 0 to
 * Number.MAX_SAFE_INTEGER (a fraction, a negative or -0, a huge one) is written by
 * Intl.NumberFormat('en-US') with up to 20 decimals, as before.
 */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  // -0 is Intl's "-0": left to it too.
  const figure = Number.isSafeInteger(count) && count >= 0 && !Object.is(count, -0)
    ? wholeCount(count)
    : (numbers ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 })).format(count);
  return `${figure} ${noun(count, singular, plural)}`;
}
