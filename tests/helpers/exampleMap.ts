// The example locator map's named countries (data/countries-named.csv), in
// the order its coloured layer draws them: world-atlas's order of shapes,
// which the lookup keeps. The published SVG carries no inner aria-labels
// (markDecorative), so tests name its shapes from here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { countryList } from '../../src/geo/countryList.js';

/** The names, in the edition's language ("Chine" in a French file: the edition's `values`), in draw order. */
export function namedInDrawOrder(root: string, french: boolean): string[] {
  const atlas = JSON.parse(readFileSync(path.join(root, 'node_modules/world-atlas/countries-110m.json'), 'utf8')) as { objects: { countries: { geometries: Array<{ id: string }> } } };
  const rows = readFileSync(path.join(root, 'data/countries-named.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
  const numeric = new Map(rows.map(([country, iso]) => [countryList().alpha2ToNumeric(iso!)!, country!]));
  const order = atlas.objects.countries.geometries.map((g) => numeric.get(g.id)).filter((name): name is string => !!name);
  if (!french) return order;
  const values = (JSON.parse(readFileSync(path.join(root, 'specs/countries-named.fr.json'), 'utf8')) as { values: Record<string, string> }).values;
  return order.map((name) => values[name] ?? name);
}

/** The `d` and fill of each path of the coloured layer (the spec's second, `layer_1_marks`), in draw order. */
export function colouredPaths(svg: string): Array<{ d: string; fill: string }> {
  const group = /<g class="mark-shape role-mark layer_1_marks"[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? '';
  return [...group.matchAll(/<path([^>]*)>/g)].map((m) => ({ d: /\sd="([^"]*)"/.exec(m[1]!)?.[1] ?? '', fill: /\sfill="([^"]*)"/.exec(m[1]!)?.[1] ?? '' }));
}
