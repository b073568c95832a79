import type { JSONPath } from 'jsonc-parser';
import { isRecord } from '../isRecord.js';

/** A field as a spec encodes it: `{"field": "share", "type": "quantitative", "title": …}`. */
export interface EncodedField {
  /** The column name: Vega-Lite's `\.` and `\[` escapes undone. */
  field: string;
  /** The field exactly as written in the spec. */
  written: string;
  channel: string;
  type: string;
  title: string;
  /** `sum`, `count`…, when the encoding aggregates the field. */
  aggregate: string;
  /** The table the field is drawn from (the nearest `data.url` above it), if the spec names one. */
  dataFile?: string;
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
  const visit = (node: Record<string, unknown>, at: JSONPath, inherited?: string) => {
    const url = isRecord(node.data) ? node.data.url : undefined;
    const dataFile = typeof url === 'string' ? url.replace(/^\.\//, '') : inherited;
    // Runs before Vega-Lite has seen the spec, so any node may be of the wrong type
    // (`"encoding": "x"`, a layer that is a number): skip it and let Vega-Lite name it.
    const encoding = isRecord(node.encoding) ? node.encoding : {};
    const channels = [...FIRST.filter((c) => c in encoding), ...Object.keys(encoding).filter((c) => !FIRST.includes(c))];
    for (const channel of channels) {
      const defs = encoding[channel];
      // tooltip and detail may hold a list of field definitions.
      (Array.isArray(defs) ? defs : [defs]).forEach((def, i) => {
        if (!def || typeof def !== 'object') return;
        const { field, type, title, axis, aggregate } = def as Record<string, unknown>;
        if (typeof field !== 'string' || (unique && found.some((f) => f.written === field))) return;
        const axisTitle = isRecord(axis) ? axis.title : undefined;
        found.push({
          field: unescapeField(field),
          written: field,
          channel,
          type: typeof type === 'string' ? type : '',
          title: String(title ?? axisTitle ?? ''),
          aggregate: typeof aggregate === 'string' ? aggregate : '',
          dataFile,
          jsonPath: [...at, 'encoding', channel, ...(Array.isArray(defs) ? [i] : []), 'field'],
        });
      });
    }
    for (const key of ['layer', 'concat', 'hconcat', 'vconcat'])
      if (Array.isArray(node[key])) (node[key] as unknown[]).forEach((child, i) => isRecord(child) && visit(child, [...at, key, i], dataFile));
    if (isRecord(node.spec)) visit(node.spec, [...at, 'spec'], dataFile);
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

/**
 * `pop.2020` → `pop\.2020`: how a spec names a flat column with `.`, `[`,
 * `]`, a quote or a backslash in it. Vega's access-path parser
 * (vega-util `field`) reads `'` and `"` as the start of a quoted name.
 */
export function escapeField(column: string): string {
  return column.replace(/([.[\]\\'"])/g, '\\$1');
}

/**
 * Fields used as time anywhere in a spec: encoded as temporal, or given a
 * `timeUnit` (in an encoding, a filter or a timeUnit transform).
 */
export function timeFields(spec: unknown): Set<string> {
  const found = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const object = node as Record<string, unknown>;
    if (typeof object.field === 'string' && (object.timeUnit !== undefined || object.type === 'temporal')) {
      found.add(unescapeField(object.field));
    }
    for (const [key, child] of Object.entries(object)) if (key !== 'usermeta') visit(child);
  };
  visit(spec);
  return found;
}
