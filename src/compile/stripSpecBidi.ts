import { findBidiControls, nameBidiControl, removeBidiControls } from '../load/bidiControls.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { JsonFile } from './readJsonFile.js';

/**
 * Removes directional overrides and isolates (load/bidiControls.ts) from
 * every string value of a spec or theme, in place, and returns a warning at
 * each one's line and column in the file (a literal character or a `\u202E`
 * escape). Object keys are left alone: they are Vega-Lite's property names
 * or field names that must match a CSV header, itself cleaned when read.
 */
export function stripSpecBidi(json: JsonFile): Diagnostic[] {
  const found = findBidiControls(json.text, true);
  if (!found.length) return [];
  json.value = clean(json.value);
  return found.map(({ char, line, column }) => ({
    file: json.file,
    line,
    column,
    severity: 'warning' as const,
    message: messages.load.bidiControlRemoved(nameBidiControl(char)),
  }));
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return removeBidiControls(value);
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === 'object') {
    // defineProperty, not assignment: a key named "__proto__" stays a plain key.
    for (const [key, child] of Object.entries(value)) {
      Object.defineProperty(value, key, { value: clean(child), writable: true, enumerable: true, configurable: true });
    }
  }
  return value;
}
