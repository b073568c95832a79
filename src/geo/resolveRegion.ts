import { distance } from 'fastest-levenshtein';
import type { Feature } from 'geojson';
import * as messages from '../messages.js';
import type { CellValue } from '../model.js';
import { countryList } from './countryList.js';
import type { Boundary } from './readBoundary.js';

/** How a table's key cells are matched to a boundary file's features, built once per (boundary, language). */
export interface RegionIndex {
  /** A cell → the id of the feature it names, or a message for the user (unknown name with a did-you-mean; a region not on this map). */
  resolve(cell: CellValue): { id: string } | { problem: string };
}

/**
 * Indexes a boundary file for joining (README, "Maps", "Joining figures to
 * shapes"). What a key cell may be, by the file's ids:
 * - world countries (ISO 3166-1 numeric ids): an ISO numeric code (`156`,
 *   `4` read as `004`), an alpha-2 (`CN`) or alpha-3 (`CHN`) code, or a name
 *   in the chart's language from i18n-iso-countries' list with its aliases
 *   ("Russia", "Russian Federation"); a chart in another language also takes
 *   English names. Natural Earth names not in ISO 3166 (Kosovo, N. Cyprus) match too.
 * - US states: a FIPS code (`6` read as `06`) or the state's name;
 *   US counties: a five-digit FIPS code (`1001` read as `01001`).
 * - a project's own file: a feature's `id` or `properties.name`.
 * Names are matched without regard to case. An unknown name gets the
 * nearest known name (Levenshtein) as a suggestion; a known country that
 * the file does not draw (too small at 1:110m) is its own message.
 */
export function indexRegions(boundary: Boundary, lang: string): RegionIndex {
  const ids = new Set<string>();
  const byName = new Map<string, string>();
  const drawnNames: string[] = [];
  for (const feature of boundary.features) {
    if (feature.id === undefined) continue;
    ids.add(String(feature.id));
    // A world map in another language (regionNames) keeps Natural Earth's English name as `name_en`: both are read.
    for (const name of new Set([nameOf(feature, 'name'), nameOf(feature, 'name_en')])) {
      if (!name) continue;
      byName.set(name.toLowerCase(), String(feature.id));
      drawnNames.push(name);
    }
  }
  const world = boundary.idKind === 'iso-numeric';
  const languages = lang === 'en' ? ['en'] : [lang, 'en'];
  const known = (): string[] => {
    const names = drawnNames.slice();
    if (world) for (const language of languages) for (const list of Object.values(countryList().getNames(language, { select: 'all' }))) for (const name of list) names.push(name);
    return names;
  };
  const onMap = (id: string, cell: string) => (ids.has(id) ? { id } : { problem: messages.geo.notOnMap(cell, boundary.url) });
  return {
    resolve(value) {
      if (value === null) return { problem: messages.geo.emptyKey() };
      const cell = String(value).trim();
      if (world) {
        if (/^\d{1,3}$/.test(cell)) {
          const id = cell.padStart(3, '0');
          return countryList().numericToAlpha3(id) ? onMap(id, cell) : { problem: messages.geo.unknownCode(cell, 'ISO 3166-1 numeric') };
        }
        const code = /^[A-Za-z]{2}$/.test(cell)
          ? countryList().alpha2ToNumeric(cell.toUpperCase())
          : /^[A-Za-z]{3}$/.test(cell)
            ? countryList().alpha3ToNumeric(cell.toUpperCase())
            : undefined;
        if (code) return onMap(code, cell);
        // The map's own names first: Natural Earth draws Kosovo without an ISO code.
        const drawn = byName.get(cell.toLowerCase());
        if (drawn) return { id: drawn };
        for (const language of languages) {
          const alpha2 = countryList().getAlpha2Code(cell, language);
          if (alpha2) return onMap(countryList().alpha2ToNumeric(alpha2)!, cell);
        }
      } else if (boundary.idKind === 'us-fips-state' && /^\d{1,2}$/.test(cell)) {
        return onMap(cell.padStart(2, '0'), cell);
      } else if (boundary.idKind === 'us-fips-county' && /^\d{4,5}$/.test(cell)) {
        return onMap(cell.padStart(5, '0'), cell);
      }
      if (ids.has(cell)) return { id: cell };
      const named = byName.get(cell.toLowerCase());
      if (named) return { id: named };
      return { problem: messages.geo.unknownRegion(cell, boundary.url, suggest(cell, known())) };
    },
  };
}

function nameOf(feature: Feature, key: 'name' | 'name_en'): string | undefined {
  const name = (feature.properties as Record<string, unknown> | null)?.[key];
  return typeof name === 'string' ? name : undefined;
}

/** The nearest known name, if near enough to be a typo or another language's spelling ("Chine" → "China"). */
function suggest(cell: string, names: string[]): string | undefined {
  const lower = cell.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  let bestPrefix = 0;
  for (const name of names) {
    const candidate = name.toLowerCase();
    const d = distance(lower, candidate);
    // Ties ("Chine": China and Chile, one letter each) go to the longer common start.
    const prefix = commonPrefix(lower, candidate);
    if (d < bestDistance || (d === bestDistance && prefix > bestPrefix)) [best, bestDistance, bestPrefix] = [name, d, prefix];
  }
  if (best !== undefined && bestDistance <= Math.max(2, Math.floor(cell.length / 3))) return best;
  // A short form of a long official name ("États-Unis" for "États-Unis d'Amérique").
  return lower.length >= 4 ? names.find((name) => name.toLowerCase().startsWith(lower)) : undefined;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
