import type { JSONPath } from 'jsonc-parser';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { JsonFile } from './readJsonFile.js';

/**
 * `constructor`, `toString`, `__proto__`… : the names every JavaScript object
 * inherits. Vega and Vega-Lite keep fields in plain objects, so a field with
 * one of these names finds the inherited function instead of its own entry
 * and the render fails ("Operator not defined: undefined", or a TypeError in
 * an aggregate): vega/vega-lite issue #8125, open upstream.
 */
export const BUILTIN_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

// Keys whose string (or list of strings) values name fields, in encodings and transforms.
const FIELD_KEYS = new Set([
  'field', 'fields', 'groupby', 'as', 'key', 'fold', 'flatten', 'pivot', 'lookup', 'density', 'quantile',
  'regression', 'loess', 'impute', 'extent', 'on',
]);
// Keys whose values are expressions, which read fields as `datum.NAME` or `datum['NAME']`.
const EXPRESSION_KEYS = new Set(['filter', 'calculate', 'test', 'expr', 'signal', 'update']);
/** `datum.NAME` or `datum['NAME']` in an expression: the field in group 1, or 3. */
export const DATUM_FIELD = /datum\s*(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*(['"])(.*?)\2\s*\])/g;

/**
 * Every place a spec names a field that has a built-in name (BUILTIN_NAMES),
 * as an error at its line:col, so the author learns to rename the column
 * instead of reading Vega's "Operator not defined". A CSV may still have
 * such columns: rows carry them harmlessly as long as no spec names them.
 * `usermeta` (citechart's settings) and `config` (style) are not read.
 */
export function findBuiltinFieldNames(json: JsonFile): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (name: string, at: JSONPath) => diagnostics.push(json.diagnostic(at, messages.spec.builtinFieldName(name)));
  const checkName = (value: unknown, at: JSONPath) => {
    // A field written with Vega-Lite's escapes (`a\\.b`) names the column without them.
    if (typeof value === 'string' && BUILTIN_NAMES.has(value.replace(/\\(.)/g, '$1'))) report(value, at);
  };
  const checkExpression = (value: unknown, at: JSONPath) => {
    if (typeof value !== 'string') return;
    for (const match of value.matchAll(DATUM_FIELD)) {
      const name = match[1] ?? match[3]!;
      if (BUILTIN_NAMES.has(name)) report(name, at);
    }
  };
  const visit = (node: unknown, at: JSONPath) => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) visit(node[i], [...at, i]);
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'usermeta' || key === 'config') continue;
      const where = [...at, key];
      if (FIELD_KEYS.has(key)) {
        if (Array.isArray(child)) for (let i = 0; i < child.length; i++) checkName(child[i], [...where, i]);
        else checkName(child, where);
      }
      if (EXPRESSION_KEYS.has(key)) checkExpression(child, where);
      visit(child, where);
    }
  };
  visit(json.value, []);
  return diagnostics;
}
