// The fields a spec reads by name besides its encodings' `field`s (transforms, a facet, a sort by a field), with their place.
import type { JSONPath } from 'jsonc-parser';
import { isRecord } from '../isRecord.js';

/** A field name a transform reads, as written, where it is written. */
export interface TransformField {
  /** The field exactly as written in the spec (Vega-Lite escapes kept). */
  written: string;
  /** What reads it, for the message: `the aggregate transform`, `the facet`, `the sort of y`. */
  by: string;
  jsonPath: JSONPath;
}

/** Properties holding one field name or a list of them, per transform kind (Vega-Lite's transform docs). */
const NAMES: ReadonlyArray<readonly [kind: string, properties: readonly string[]]> = [
  ['aggregate', ['groupby']],
  ['joinaggregate', ['groupby']],
  ['window', ['groupby']],
  ['fold', ['fold']],
  ['timeUnit', ['field']],
  ['bin', ['field']],
  ['stack', ['stack', 'groupby']],
  ['density', ['density', 'groupby']],
  ['quantile', ['quantile', 'groupby']],
  ['regression', ['regression', 'on', 'groupby']],
  ['loess', ['loess', 'on', 'groupby']],
  ['impute', ['impute', 'key', 'groupby']],
  ['pivot', ['pivot', 'value', 'groupby']],
  ['flatten', ['flatten']],
  ['extent', ['extent']],
  ['lookup', ['lookup']],
];

/** Lists of `{field}` objects: an aggregate's operations, a window's and a stack's sort. */
const OBJECT_LISTS = ['aggregate', 'joinaggregate', 'window', 'sort'];

/**
 * Every field name the transforms of `spec` read — `groupby`, an
 * operation's `field`, `fold`, a `filter` predicate's `field` (inside
 * `and`/`or`/`not` too)… — and a facet operator's and an encoding sort's
 * `field`, through layers, concatenations and facets. Expressions
 * (`datum.NAME`) are read by checkFields itself.
 */
export function transformFields(spec: Record<string, unknown>): TransformField[] {
  const found: TransformField[] = [];
  const add = (value: unknown, kind: string, at: JSONPath) => {
    const by = kind === 'facet' || kind.startsWith('the sort') ? (kind === 'facet' ? 'the facet' : kind) : `the ${kind} transform`;
    if (typeof value === 'string') found.push({ written: value, by, jsonPath: at });
    else if (Array.isArray(value)) value.forEach((name, i) => typeof name === 'string' && found.push({ written: name, by, jsonPath: [...at, i] }));
  };
  const predicate = (node: unknown, at: JSONPath) => {
    if (!isRecord(node)) return;
    if (typeof node.field === 'string') add(node.field, 'filter', [...at, 'field']);
    for (const key of ['and', 'or']) if (Array.isArray(node[key])) (node[key] as unknown[]).forEach((p, i) => predicate(p, [...at, key, i]));
    if (node.not !== undefined) predicate(node.not, [...at, 'not']);
  };
  const visit = (node: unknown, at: JSONPath) => {
    if (Array.isArray(node)) return node.forEach((child, i) => visit(child, [...at, i]));
    if (!isRecord(node)) return;
    if (Array.isArray(node.transform)) {
      node.transform.forEach((t, i) => {
        if (!isRecord(t)) return;
        const here = [...at, 'transform', i];
        const kind = NAMES.find(([name]) => name in t)?.[0] ?? (t.filter !== undefined ? 'filter' : undefined);
        if (!kind) return;
        if (kind === 'filter') return predicate(t.filter, [...here, 'filter']);
        for (const property of NAMES.find(([name]) => name === kind)![1]) add(t[property], kind, [...here, property]);
        for (const list of OBJECT_LISTS) {
          if (!Array.isArray(t[list])) continue;
          (t[list] as unknown[]).forEach((op, j) => isRecord(op) && add(op.field, kind, [...here, list, j, 'field']));
        }
      });
    }
    // A facet operator's field (`"facet": {"row": {"field": …}}`): a missing one draws one panel titled "undefined".
    if (isRecord(node.facet) && isRecord(node.spec)) {
      const facet = node.facet;
      add(facet.field, 'facet', [...at, 'facet', 'field']);
      for (const key of ['row', 'column']) if (isRecord(facet[key])) add((facet[key] as Record<string, unknown>).field, 'facet', [...at, 'facet', key, 'field']);
    }
    // A sort by a field (`"sort": {"field": …, "op": "sum"}`): a missing one leaves the order as it comes.
    if (isRecord(node.encoding)) {
      for (const [channel, defs] of Object.entries(node.encoding)) {
        (Array.isArray(defs) ? defs : [defs]).forEach((def, i) => {
          if (isRecord(def) && isRecord(def.sort)) add(def.sort.field, `the sort of ${channel}`, [...at, 'encoding', channel, ...(Array.isArray(defs) ? [i] : []), 'sort', 'field']);
        });
      }
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'transform' && key !== 'usermeta' && key !== 'config') visit(child, [...at, key]);
  };
  visit(spec, []);
  return found;
}

