import type { Locale } from '../locale/readLocale.js';

/** How many "no data" regions an alt text names before "…": enough to read, not a list of 150 countries. */
const MAX_NAMED = 10;

/**
 * The alt text's sentence on a map's "no data" regions, in the chart's
 * language (catalogue keys `altNoData`, `region` with its plural forms from
 * Intl.PluralRules): "No data: 3 regions (Chad, Niger, Mali).", "Sans
 * données : 3 régions (Tchad, Niger, Mali).", so a reader who cannot see the
 * grey shapes knows they are not zeros. `noData` are the names of the shapes
 * drawn with no figure (joinBoundaries, already in the chart's language), in
 * file order; the first ten are named, then "…". Empty when there are none.
 */
export function noDataSentence(noData: string[], locale: Locale): string {
  if (!noData.length) return '';
  const comma = locale.words.listSeparator;
  // All named: a list ("Chad, Niger and Mali"); cut short, the names then "…", since no "and" ends them.
  const names = noData.length > MAX_NAMED ? `${noData.slice(0, MAX_NAMED).join(comma)}${comma}…` : locale.list(noData);
  return locale.say('altNoData', { n: locale.writeNumber(noData.length), regions: locale.plural('region', noData.length), names });
}
