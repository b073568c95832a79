// A count and its noun in agreement ("1 cell", "2 cells", "1,200 rows") for
// citechart's own English messages and summaries (src/messages.ts). One
// helper, so no message writes "1 cells" because its author assumed more
// than one. The category comes from Intl.PluralRules (CLDR), the figure from
// Intl.NumberFormat, both fixed to English: messages are English whatever the
// machine's LANG. Words a reader sees in a graphic are the locale's instead
// (src/locale/readLocale.ts, `plural`).

// Made on first use, not at load: this module is in the Node startup
// snapshot (scripts/bundle.mjs), which cannot hold ICU objects.
let rules: Intl.PluralRules | undefined;
let numbers: Intl.NumberFormat | undefined;

/**
 * The noun for `count` things: `singular` when CLDR's English rule says
 * "one" (exactly 1), else `plural` (by default `singular` + "s"), so 0, 1.5
 * and 2 take the plural.
 */
export function noun(count: number, singular: string, plural = `${singular}s`): string {
  return (rules ??= new Intl.PluralRules('en-US')).select(count) === 'one' ? singular : plural;
}

/** `count` written with English thousands separators, then its noun: "1 cell", "1,200 rows", "0 charts". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${(numbers ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 })).format(count)} ${noun(count, singular, plural)}`;
}
