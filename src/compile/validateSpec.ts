import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import type { JSONPath } from 'jsonc-parser';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { askMainThread } from '../pool/askMainThread.js';
import { describeSchemaError } from './describeSchemaError.js';
import { knownValid, rememberValid } from './validCache.js';
import type { JsonFile } from './readJsonFile.js';
import { isRecord } from '../isRecord.js';

/**
 * How many transforms a spec may hold, counting every view's `transform`
 * list. Vega-Lite chains them recursively: 10,000 overflow its call stack,
 * and a chart with more than a few dozen is a data pipeline, which belongs
 * in the CSV's preparation.
 */
export const MAX_TRANSFORMS = 200;

const require = createRequire(import.meta.url);
// Two folders up from src/compile/ and dist/compile/ alike.
const GENERATED = fileURLToPath(new URL('../../generated/vegaLiteValidator.cjs', import.meta.url));
let validators: { spec: ValidateFunction; config: ValidateFunction } | undefined;

/**
 * ajv's validators for Vega-Lite's JSON Schema (vega-lite/build/vega-lite-schema.json,
 * the version installed): a whole spec, and its Config (the theme).
 * Generated ahead of time by scripts/generateVegaLiteValidator.mjs
 * (`npm run build`): loading that code takes ≈0.2 s, compiling the schema
 * here ≈2.5 s, which happens only when the generated file is missing (a
 * tree compiled with bare `tsc`).
 */
function vegaLiteValidators(): { spec: ValidateFunction; config: ValidateFunction } {
  if (validators) return validators;
  if (existsSync(GENERATED)) return (validators = require(GENERATED) as typeof validators & object);
  const { Ajv } = require('ajv') as typeof import('ajv');
  const ajv = new Ajv({ strict: false, allErrors: true, verbose: true, validateFormats: false, logger: false });
  ajv.addSchema(require('vega-lite/vega-lite-schema.json') as object, 'vega-lite');
  return (validators = { spec: ajv.getSchema('vega-lite')!, config: ajv.getSchema('vega-lite#/definitions/Config')! });
}

/**
 * Checks a spec before any of citechart's own code walks it: first the
 * documented limits (MAX_TRANSFORMS; nesting depth was checked when the
 * JSON was read, see jsonDepth.ts), then Vega-Lite's JSON Schema, so a wrong
 * type anywhere (`"encoding": "x"`, a number for a layer's encoding, an
 * unknown aggregate op) is one error at its line and column, in words.
 *
 * Returns error diagnostics (empty when the spec is valid Vega-Lite).
 * Only the most specific schema error is reported: with anyOf branches, the
 * others are mostly echoes of the same mistake.
 */
export function validateSpec(json: JsonFile): Diagnostic[] {
  const transforms = transformLists(json.value);
  const count = transforms.reduce((sum, list) => sum + list.length, 0);
  if (count > MAX_TRANSFORMS) {
    // At the longest list: the one a reader must shorten.
    const at = transforms.reduce((a, b) => (b.length > a.length ? b : a));
    return [json.diagnostic(at.path, messages.spec.tooManyTransforms(count, MAX_TRANSFORMS))];
  }
  return schemaErrors('spec', json, messages.spec.schemaViolation, STYLES_AT.spec);
}

/**
 * Checks the house theme (`specs/theme.json`) against Vega-Lite's Config
 * schema, as validateSpec does a spec: a mistyped theme value is one error
 * at its line and column instead of a surprise in every chart.
 */
export function validateTheme(json: JsonFile): Diagnostic[] {
  return schemaErrors('config', themeChecked(json), messages.spec.themeSchemaViolation, ['style']);
}

/** The theme as the schema sees it: a `locale` tag ("fr") is citechart's (src/locale), checked where it is read; Vega's own locale object is left to the schema. */
function themeChecked(json: JsonFile): JsonFile {
  const value = json.value;
  const tagged = isRecord(value) && typeof value.locale === 'string';
  return tagged ? { ...json, value: Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'locale')) } : json;
}

/** What a render worker asks the main thread to check (askMainThread.ts): the value as schemaErrors would validate it. */
export interface ValidationRequest {
  valid: { kind: 'spec' | 'config'; text: string; value: unknown };
}

/**
 * In a render worker, has the main thread run the schema check of a spec
 * (`kind` 'spec') or theme ('config') first, so the 9 MB generated validator
 * is loaded once per build instead of once per worker (≈50 MB of memory and
 * ≈1.5 s of CPU each on a first build, issue 15). A valid answer is
 * remembered (validCache.ts) and validateSpec/validateTheme then skip the
 * schema; an invalid one changes nothing, and the worker's own check finds
 * and words the error. Does nothing outside a pool worker or for a text
 * already known valid.
 */
export async function validateOnMainThread(kind: 'spec' | 'config', json: JsonFile): Promise<void> {
  if (knownValid(kind, json.text)) return;
  const value = withoutOwnStyles((kind === 'config' ? themeChecked(json) : json).value, STYLES_AT[kind]);
  const asked = askMainThread({ valid: { kind, text: json.text, value } } satisfies ValidationRequest);
  if (asked && (await asked) === true) rememberValid(kind, json.text);
}

/** Answers a worker's ValidationRequest on the main thread: true when the value is valid (and remembered), else false. */
export function serveValidation({ valid }: ValidationRequest): boolean {
  // Every worker asks for the theme: checked once.
  if (knownValid(valid.kind, valid.text)) return true;
  if (!vegaLiteValidators()[valid.kind](valid.value)) return false;
  rememberValid(valid.kind, valid.text);
  return true;
}

/**
 * `stylesAt`: where the config's named styles are. Styles named
 * `citechart-…` (the footer, artboards, dark mode) are citechart's, not
 * Vega's: they are left out here and checked by the code that reads them
 * (footerStyle, themeArtboards), so the theme stays valid Vega-Lite either way.
 */
function schemaErrors(kind: 'spec' | 'config', json: JsonFile, message: (where: string, reason: string) => string, stylesAt: readonly string[]): Diagnostic[] {
  // The text decides (the theme's `locale` is left out of the value, deterministically): a text found valid before is not checked again (validCache.ts).
  if (knownValid(kind, json.text)) return [];
  const validate = vegaLiteValidators()[kind];
  const value = withoutOwnStyles(json.value, stylesAt);
  if (validate(value)) {
    rememberValid(kind, json.text);
    return [];
  }
  const problem = describeSchemaError(validate.errors ?? [], value);
  return [json.diagnostic(problem.jsonPath, message(problem.where, problem.reason))];
}

/** Where each kind's named styles are (withoutOwnStyles). */
const STYLES_AT = { spec: ['config', 'style'], config: ['style'] } as const satisfies Record<string, readonly string[]>;


/** A shallow copy of `root` along `path` with the `citechart-…` keys of the object there left out; `root` itself when there are none. */
function withoutOwnStyles(root: unknown, path: readonly string[]): unknown {
  if (!isRecord(root)) return root;
  const [key, ...rest] = path;
  if (key === undefined) {
    const kept = Object.entries(root).filter(([name]) => !name.startsWith('citechart-'));
    return kept.length === Object.keys(root).length ? root : Object.fromEntries(kept);
  }
  if (!Object.hasOwn(root, key)) return root;
  const inner = withoutOwnStyles(root[key], rest);
  return inner === root[key] ? root : { ...root, [key]: inner };
}

/** Every `transform` array in the spec (any view, any depth), with its JSON path. */
function transformLists(root: unknown): Array<{ path: JSONPath; length: number }> {
  const lists: Array<{ path: JSONPath; length: number }> = [];
  // An explicit stack, not recursion: the depth limit holds, but this walk needs none.
  const stack: Array<{ value: unknown; path: JSONPath }> = [{ value: root, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (!value || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      if (key === 'transform' && Array.isArray(child)) lists.push({ path: [...path, key], length: child.length });
      // usermeta is citechart's and the author's, never read as a view.
      if (key !== 'usermeta') stack.push({ value: child, path: [...path, key] });
    }
  }
  return lists;
}
