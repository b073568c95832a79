import type { JSONPath } from 'jsonc-parser';

/** A field as a spec encodes it: `{"field": "share", "type": "quantitative", "title": …}`. */
export interface EncodedField {
  /** The column name: Vega-Lite's `\.` and `\[` escapes undone. */
  field: string;
  /** The field exactly as written in the spec. */
  written: string;
  channel: string;
  type: string;
  title: string;
  jsonPath: JSONPath;
}

/**
 * Channels that show what a chart is about, in reading order for
 * descriptions: categories first (y before x, as a reader names a bar
 * chart's bars first). Others (tooltip, href, order, detail…) follow.
 */
export const DESCRIPTIVE_CHANNELS = ['y', 'x', 'row', 'column', 'color', 'text', 'size', 'theta'];
const FIRST = DESCRIPTIVE_CHANNELS;

/**
 * Every field a Vega-Lite spec encodes, through layers, concatenations and
 * facets, in reading order. `unique` keeps the first use of each field.
 */
export function encodedFields(spec: Record<string, unknown>, unique = true): EncodedField[] {
  const found: EncodedField[] = [];
  const visit = (node: Record<string, unknown>, at: JSONPath) => {
    const encoding = (node.encoding ?? {}) as Record<string, unknown>;
    const channels = [...FIRST.filter((c) => c in encoding), ...Object.keys(encoding).filter((c) => !FIRST.includes(c))];
    for (const channel of channels) {
      const defs = encoding[channel];
      // tooltip and detail may hold a list of field definitions.
      (Array.isArray(defs) ? defs : [defs]).forEach((def, i) => {
        if (!def || typeof def !== 'object') return;
        const { field, type, title, axis } = def as Record<string, unknown>;
        if (typeof field !== 'string' || (unique && found.some((f) => f.written === field))) return;
        const axisTitle = (axis as { title?: unknown } | undefined)?.title;
        found.push({
          field: unescapeField(field),
          written: field,
          channel,
          type: typeof type === 'string' ? type : '',
          title: String(title ?? axisTitle ?? ''),
          jsonPath: [...at, 'encoding', channel, ...(Array.isArray(defs) ? [i] : []), 'field'],
        });
      });
    }
    for (const key of ['layer', 'concat', 'hconcat', 'vconcat'])
      if (Array.isArray(node[key])) (node[key] as Record<string, unknown>[]).forEach((child, i) => visit(child, [...at, key, i]));
    if (node.spec) visit(node.spec as Record<string, unknown>, [...at, 'spec']);
  };
  visit(spec, []);
  return found;
}

/** `GDP (US$ bn\.)` → `GDP (US$ bn.)`: the column a Vega-Lite field names. */
export function unescapeField(field: string): string {
  return field.replace(/\\(.)/g, '$1');
}

/** An unescaped `.` or `[` is a nested path in Vega-Lite, never a flat CSV column. */
export function isNestedPath(field: string): boolean {
  return /(^|[^\\])[.[]/.test(field);
}

/** `pop.2020` → `pop\.2020`: how a spec names a flat column with `.` or `[` in it. */
export function escapeField(column: string): string {
  return column.replace(/([.[\]\\])/g, '\\$1');
}
