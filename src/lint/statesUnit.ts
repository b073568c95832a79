// What counts as "saying the unit" in a title, label or format. A heuristic
// an editor would recognise, documented in the README: a percent or currency
// sign, a parenthesised or bracketed qualifier ("Exports (thousand units)"),
// a "per …" rate, or a word from the vocabularies below ("Exports in tonnes").
const SIGNS = /[%$€£¥₹₽°‰]/;
const QUALIFIER = /\([^)]*\S[^)]*\)|\[[^\]]*\S[^\]]*\]|\bper\s+\S/i;
const WORDS = new RegExp(
  '\\b(' +
    [
      // proportions
      'percent', 'per cent', 'percentage', 'pct', 'pp', 'points?', 'basis points', 'ratio', 'index',
      // magnitudes
      'thousands?', 'millions?', 'billions?', 'trillions?', 'bn', 'mn', 'mln', 'k',
      // money
      'dollars?', 'euros?', 'pounds?', 'yuan', 'renminbi', 'roubles?', 'rubles?', 'yen', 'rupees?', 'usd', 'eur', 'gbp', 'cny', 'rub',
      // measures
      'tonnes?', 'tons?', 'kg', 'km', 'miles?', 'hectares?', 'ha', 'litres?', 'liters?', 'barrels?', 'mw', 'gw', 'twh', 'kwh', 'degrees?',
      // counts and time
      'people', 'persons?', 'units?', 'deaths?', 'cases?', 'votes?', 'seats?', 'jobs?', 'workers?', 'vehicles?', 'count', 'number of', 'times',
      'years?', 'months?', 'weeks?', 'days?', 'hours?', 'minutes?', 'seconds?',
    ].join('|') +
    ')\\b',
  'i',
);

/** True when a title or label names a unit. `_` and `-` count as spaces, so a column `share_pct` names one. */
export function statesUnit(text: string): boolean {
  const spaced = text.replace(/[_-]+/g, ' ');
  return SIGNS.test(spaced) || QUALIFIER.test(spaced) || WORDS.test(spaced);
}

/** True when a d3 format string shows a unit: percent (`.0%`) or currency (`$,.0f`). */
export function formatStatesUnit(format: string): boolean {
  return /[%$]/.test(format);
}
