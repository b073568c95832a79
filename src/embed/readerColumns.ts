import { encodedFields } from '../compile/encodedFields.js';
import { columnTitles } from './columnTitles.js';

type Json = Record<string, unknown>;

/** How the snippet's data tables head and choose their value columns (see readerColumns). */
export interface ReaderColumns {
  /** A column's header in the chart's language; undefined when an edition has none for it (the CSV's English name would show). */
  header(column: string): string | undefined;
  /** Columns left out of a reader's table: lookup keys the graphic does not draw (a map's ISO code). */
  hidden: Set<string>;
  /** Whether the column's header is its title as drawn (columnTitles), not a translation of its name nor the name. */
  titled(column: string): boolean;
}

/**
 * The headers of the snippet's data tables for a chart, and the columns
 * they leave out. A column's header is its title as drawn (columnTitles,
 * from an edition's translated spec, so in its language); in an edition, a
 * column with no title is looked up in the translation's `strings` (README
 * "Translated editions"), else it has none (readEdition reports it); in an
 * original, the CSV's name is the header, as Vega-Lite names an axis.
 *
 * A column whose only role is to join rows to other data (a `lookup`
 * transform's `lookup` field or its `from.key`, e.g. the map's `iso` code
 * linking rows to country shapes) and that no encoding draws is left out:
 * a reader never sees it, so a reader's table has no place for it. Every
 * other column is kept, even one the graphic only reads through an
 * expression (a `calculate`), since which columns an expression shows
 * cannot be known in general: the table may say more than the graphic,
 * never less.
 * @param vegaLite the spec as drawn (an edition's: translated).
 * @param strings an edition's `strings` (English → translation); absent for an original.
 */
export function readerColumns(vegaLite: Json, strings?: Map<string, string>): ReaderColumns {
  const titles = columnTitles(vegaLite);
  const encoded = new Set(encodedFields(vegaLite).map((field) => field.field));
  const hidden = new Set([...lookupKeys(vegaLite)].filter((key) => !encoded.has(key)));
  return {
    header: (column) => titles.get(column) ?? (strings ? strings.get(column) : column),
    hidden,
    titled: (column) => titles.has(column),
  };
}

/** Every field a `lookup` transform joins on, both sides (`lookup` and `from.key`), anywhere in the spec (layers, concatenations). */
function lookupKeys(spec: Json): Set<string> {
  const keys = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) for (const item of node) visit(item);
    else if (node && typeof node === 'object') {
      const object = node as Json;
      if (typeof object.lookup === 'string' && object.from && typeof object.from === 'object') {
        keys.add(object.lookup);
        const key = (object.from as Json).key;
        if (typeof key === 'string') keys.add(key);
      }
      for (const value of Object.values(object)) visit(value);
    }
  };
  visit(spec);
  return keys;
}
