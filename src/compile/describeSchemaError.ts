import type { ErrorObject } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import type { JSONPath } from 'jsonc-parser';
import { valueAt } from './valueAt.js';

/** One schema mistake in words: where (a JSON path into the spec) and what is wrong there. */
export interface SchemaProblem {
  /** Where the editor should look: the bad value, or the unknown property's key. */
  jsonPath: JSONPath;
  /** `layer[0].encoding`, or `the spec` for the root. */
  where: string;
  /** `is a string ("x"), but must be an object`. */
  reason: string;
}

const SUMMARY = new Set(['anyOf', 'oneOf', 'allOf', 'if', 'not']);
/** Enough allowed values to list every aggregate op (25), not whole colour-scheme lists. */
const MAX_LISTED = 30;

/**
 * Picks, among ajv's errors for one document (compiled with allErrors, so
 * every failing branch of every anyOf is there), the one closest to the
 * author's mistake, and says it in words.
 *
 * The rule: the deepest path with an error wins, since a branch that got
 * further into the document before failing is the branch the author meant
 * (`layer[0].encoding` being a number beats "layer[0] has no `layer`").
 * At that path, errors from branches of the value's own JSON type
 * (an unknown property of an object, a number below a minimum) are more
 * specific than "must be a string" from branches of other types; without
 * them, the types and values every branch accepts are listed together.
 */
export function describeSchemaError(errors: ErrorObject[], document: unknown): SchemaProblem {
  const specific = errors.filter((e) => !SUMMARY.has(e.keyword));
  const pool = specific.length ? specific : errors;
  const depth = (e: ErrorObject) => (e.instancePath ? e.instancePath.split('/').length - 1 : 0);
  let deepest = pool[0]!;
  for (const e of pool) if (depth(e) > depth(deepest)) deepest = e;
  const here = pool.filter((e) => e.instancePath === deepest.instancePath);
  const jsonPath = pointerToPath(deepest.instancePath);
  const value = valueAt(document, jsonPath);

  // Almost any Vega-Lite value may also be {"expr": "…"}: an object without
  // "expr" was not meant as one, so that branch's complaints are noise.
  const exprRef = here.filter((e) => isExprRefSchema(e.parentSchema));
  const notExpr = isObject(value) && !Object.hasOwn(value, 'expr');
  const relevant = notExpr ? here.filter((e) => !exprRef.includes(e) || e.keyword === 'type') : here;
  const shapeErrors = relevant.filter((e) => e.keyword === 'type' || e.keyword === 'enum' || e.keyword === 'const');
  const other = relevant.filter((e) => !shapeErrors.includes(e));
  // An unknown property: point at its key, and suggest the closest known one when the schema says it.
  const unknown = other.find((e) => e.keyword === 'additionalProperties');
  if (unknown) {
    const property = (unknown.params as { additionalProperty: string }).additionalProperty;
    const known = allowedProperties(unknown);
    const best = known.length ? closest(property, known) : undefined;
    const hint = best !== undefined && distance(property, best) <= Math.max(2, property.length / 3) ? `; did you mean ${JSON.stringify(best)}?` : '';
    // The same object schema may also lack a required property: say both.
    const needs = other.find((e) => e.keyword === 'required' && e.parentSchema === unknown.parentSchema);
    const also = needs ? `; ${formatPath(jsonPath)} needs the property ${JSON.stringify((needs.params as { missingProperty: string }).missingProperty)}` : '';
    return { jsonPath: [...jsonPath, property], where: formatPath([...jsonPath, property]), reason: `is not a property Vega-Lite knows here${hint}${also}` };
  }
  const required = other.find((e) => e.keyword === 'required');
  const first = other.find((e) => e.keyword !== 'required') ?? required;
  if (first) {
    const reason =
      first.keyword === 'required'
        ? `needs the property ${JSON.stringify((first.params as { missingProperty: string }).missingProperty)}`
        : `is ${describeValue(value)}, but ${first.message ?? 'is not allowed here'}`;
    return { jsonPath, where: formatPath(jsonPath), reason };
  }

  const expected: string[] = [];
  const allowed: unknown[] = [];
  for (const e of shapeErrors) {
    if (e.keyword === 'type' && exprRef.includes(e)) expected.push('an expression reference ({"expr": "…"})');
    else if (e.keyword === 'type') {
      const types = (e.params as { type: string | string[] }).type;
      for (const type of Array.isArray(types) ? types : String(types).split(',')) expected.push(typeInWords(type));
    } else if (e.keyword === 'enum') {
      for (const v of (e.params as { allowedValues: unknown[] }).allowedValues) allowed.push(v);
    } else {
      allowed.push((e.params as { allowedValue: unknown }).allowedValue);
    }
  }
  if (notExpr && exprRef.length) expected.push('an expression reference ({"expr": "…"})');
  // Where any text will do (a colour: a name, a hex code or any CSS colour), the list of names says nothing more.
  const anyText = expected.includes(typeInWords('string'));
  const values = [...new Set(allowed.filter((v) => !(anyText && typeof v === 'string')).map((v) => JSON.stringify(v)))];
  const listed = values.length > MAX_LISTED ? [...values.slice(0, MAX_LISTED), '…'] : values;
  const choices = [...(listed.length ? [listed.length === 1 ? listed[0]! : `one of ${listed.join(', ')}`] : []), ...new Set(expected)];
  const best = typeof value === 'string' && values.length ? closest(JSON.stringify(value), values) : undefined;
  const hint = best !== undefined && distance(JSON.stringify(value), best) <= 3 ? `; did you mean ${best}?` : '';
  return { jsonPath, where: formatPath(jsonPath), reason: `is ${describeValue(value)}, but must be ${choices.join(' or ') || 'something else'}${hint}` };
}

const isObject = (value: unknown): value is object => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Vega-Lite's ExprRef: an object whose only property is `expr`. */
function isExprRefSchema(schema: unknown): boolean {
  const properties = isObject(schema) ? (schema as { properties?: unknown }).properties : undefined;
  return isObject(properties) && Object.keys(properties).length === 1 && Object.hasOwn(properties, 'expr');
}

/** The property names an `additionalProperties: false` object schema allows, when ajv's error carries its schema. */
function allowedProperties(error: ErrorObject): string[] {
  const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties ? Object.keys(properties) : [];
}

function typeInWords(type: string): string {
  switch (type.trim()) {
    case 'object': return 'an object';
    case 'array': return 'a list ([…])';
    case 'string': return 'a text ("…")';
    case 'number': return 'a number';
    case 'integer': return 'a whole number';
    case 'boolean': return 'true or false';
    case 'null': return 'null';
    default: return type;
  }
}

/** `a string ("x")`, `the number 5`, `an object`: the value as the author wrote it, briefly. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string': return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number': return `the number ${value}`;
    case 'boolean': return String(value);
    case 'object': return 'an object';
    default: return 'missing';
  }
}

/** `layer[0].encoding`: how a reader of the spec would name the place. */
export function formatPath(jsonPath: JSONPath): string {
  if (!jsonPath.length) return 'the spec';
  return jsonPath
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? (i ? `.${part}` : part) : `[${JSON.stringify(part)}]`))
    .join('');
}

function pointerToPath(pointer: string): JSONPath {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part.replaceAll('~1', '/').replaceAll('~0', '~')));
}

