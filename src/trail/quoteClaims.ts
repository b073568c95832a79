import type { RowOrigin } from '../compile/injectData.js';
import type { Source } from '../model.js';
import type { DrawnValues } from '../provenance/drawnValues.js';
import { evidenceLink } from './evidenceLink.js';
import { rowKeys } from './rowKeys.js';

/**
 * One schema.org `Claim` per drawn row that has a quote, for the JSON-LD
 * `mentions` of a graphic: the quote (`text`), where it appears (each cited
 * source, with the text-fragment link when there is one: evidenceLink.ts),
 * and what the graphic draws of it (`about`: a PropertyValue per value
 * column, `identifier` the row as `data/NAME.csv#KEY`, and the value as
 * drawn when the chart draws a measure of the row). Rows in draw order.
 */
export function quoteClaims(drawn: RowOrigin[], sources: Map<string, Source>, drawnAs?: DrawnValues): Record<string, unknown>[] {
  const keys = new Map<string, string[]>();
  const shown = new Map(drawnAs?.items.filter((item) => item.row).map((item) => [item.row!, item.shown]) ?? []);
  const claims: Record<string, unknown>[] = [];
  for (const { table, row } of drawn) {
    if (!row.quote.trim()) continue;
    let tableKeys = keys.get(table.file);
    if (!tableKeys) keys.set(table.file, (tableKeys = rowKeys(table)));
    const identifier = `${table.file}#${tableKeys[row.index]}`;
    const measure = drawnAs?.measure;
    claims.push({
      '@type': 'Claim',
      text: row.quote.trim(),
      appearance: row.sources.map((id) => {
        const source = sources.get(id)!;
        const url = evidenceLink(source, row.quote);
        return { '@type': 'CreativeWork', identifier: id, ...(url ? { url } : {}) };
      }),
      about: {
        '@type': 'PropertyValue',
        identifier,
        ...(measure && shown.has(row) ? { name: measure.title || measure.field, value: shown.get(row) } : {}),
        additionalProperty: table.columns.map((column) => ({ '@type': 'PropertyValue', name: column, value: row.values[column] ?? null })),
      },
    });
  }
  return claims;
}
