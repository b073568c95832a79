import { encodedFields } from '../compile/encodedFields.js';

type Json = Record<string, unknown>;

/**
 * The title a reader knows each encoded column by, for the snippet's data
 * table headers: from the spec as drawn (an edition's, so in its language),
 * the first title the field is given in reading order (encodedFields), its
 * encoding's `title`, else its axis's, legend's or header's `title`. A
 * title hidden from the graphic (`"axis": {"title": null}`) still names the
 * column. A title of an aggregate (`"aggregate": "sum"`) names the sum, not
 * the column, so is not used. Columns with no title are absent: the table then shows the
 * column's name from the CSV, as Vega-Lite would on an axis.
 * @returns column name → title (a Map: the names are the user's).
 */
export function columnTitles(vegaLite: Json): Map<string, string> {
  const titles = new Map<string, string>();
  for (const encoded of encodedFields(vegaLite, false)) {
    // An aggregate's title names the sum or mean, not the rows' own cells.
    if (encoded.aggregate || titles.has(encoded.field)) continue;
    const def = defAt(vegaLite, encoded.jsonPath.slice(0, -1));
    const title = [def?.title, ...['axis', 'legend', 'header'].map((guide) => (isObject(def?.[guide]) ? (def![guide] as Json).title : undefined))]
      .map(titleText)
      .find((text) => text !== '');
    if (title) titles.set(encoded.field, title);
  }
  return titles;
}

/** A Vega-Lite title as one line: a string, or the lines of an array joined by spaces; '' for none. */
function titleText(title: unknown): string {
  if (typeof title === 'string') return title.trim();
  if (Array.isArray(title)) return title.filter((line): line is string => typeof line === 'string').join(' ').trim();
  return '';
}

function defAt(spec: Json, path: Array<string | number>): Json | undefined {
  let node: unknown = spec;
  for (const key of path) node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  return isObject(node) ? node : undefined;
}

const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
