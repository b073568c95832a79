import type { JSONPath } from 'jsonc-parser';

/**
 * The value at `jsonPath` in a parsed JSON document (a spec, a theme), or
 * undefined when a step is missing or not an own key (`__proto__` in a path
 * names nothing).
 */
export function valueAt(document: unknown, jsonPath: JSONPath): unknown {
  let value = document;
  for (const part of jsonPath) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}
