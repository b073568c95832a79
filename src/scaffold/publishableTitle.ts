// Titles a reporter could publish, from file and column names: sentence
// case, acronyms in capitals ("ev-imports" → "EV imports") and units spelt
// as a reader writes them ("imports_eur_m" → "Imports (€ million)").
// Style: Reuters and FT style guides (sentence case headings; currency
// symbol before the scale word, "€ million", "$ billion").

/** Words that are acronyms when they stand alone in a name. */
const ACRONYMS = new Set(['ev', 'evs', 'us', 'usa', 'uk', 'eu', 'un', 'gdp', 'gni', 'co2', 'nato', 'imf', 'oecd', 'opec', 'ai', 'uae', 'lng', 'vat', 'cpi', 'fdi', 'r&d', 'it']);
/** Acronyms that are also ordinary words: capitalised only when the name has no other word. */
const AMBIGUOUS = new Set(['it', 'us']);
const CURRENCIES = new Map([['eur', '€'], ['usd', '$'], ['gbp', '£'], ['jpy', '¥'], ['cny', 'yuan'], ['rmb', 'yuan'], ['rub', 'roubles'], ['chf', 'Swiss francs']]);
// The plural too (`jobs_thousands`): a unit in brackets is singular, "Jobs (thousand)".
const SCALES = new Map([['k', 'thousand'], ['th', 'thousand'], ['thousand', 'thousand'], ['thousands', 'thousand'], ['m', 'million'], ['mn', 'million'], ['mln', 'million'], ['million', 'million'], ['millions', 'million'], ['bn', 'billion'], ['b', 'billion'], ['billion', 'billion'], ['billions', 'billion'], ['tn', 'trillion'], ['trillion', 'trillion'], ['trillions', 'trillion']]);
const PERCENT = new Set(['pct', 'percent', 'perc']);

/**
 * A column or file name as a title: `ev-imports` → `EV imports`,
 * `imports_eur_m` → `Imports (€ million)`, `eur_m` → `€ million`,
 * `share_pct` → `Share (%)`. Unit words are read only at the end of the
 * name (a currency code, then a scale word; or `pct`).
 */
export function publishableTitle(name: string): string {
  const words = name.split(/[_\-\s.]+/).filter(Boolean);
  const lower = words.map((w) => w.toLowerCase());
  let end = lower.length;
  let unit = '';
  if (end && PERCENT.has(lower[end - 1]!)) {
    unit = '%';
    end--;
  } else {
    const scale = end ? SCALES.get(lower[end - 1]!) : undefined;
    // A lone "m" or "b" is a scale only after a currency ("eur_m"), never "size_m".
    const currencyBefore = end > 1 ? CURRENCIES.get(lower[end - 2]!) : undefined;
    if (scale && (currencyBefore || lower[end - 1]!.length > 1)) {
      unit = currencyBefore ? `${currencyBefore} ${scale}` : scale;
      end -= currencyBefore ? 2 : 1;
    } else if (end && CURRENCIES.has(lower[end - 1]!)) {
      unit = CURRENCIES.get(lower[end - 1]!)!;
      end--;
    }
  }
  const text = sentence(words.slice(0, end), end > 1);
  if (!text) return unit;
  return unit ? `${text} (${unit})` : text;
}

function sentence(words: string[], several: boolean): string {
  return words
    .map((word, i) => {
      const lower = word.toLowerCase();
      if (ACRONYMS.has(lower) && !(several && AMBIGUOUS.has(lower) && i > 0)) return lower === 'evs' ? 'EVs' : lower.toUpperCase();
      // A word written in capitals or mixed case in the name (iPhone, China) keeps it: only the author knows a proper noun.
      if (word !== lower) return word;
      return i === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
    })
    .join(' ');
}
