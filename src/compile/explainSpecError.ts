import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { ChartSpec } from './readSpec.js';

const require = createRequire(import.meta.url);
let validate: ValidateFunction | undefined;

/**
 * When Vega-Lite throws (often a bare TypeError such as "Cannot read
 * properties of undefined"), validate the spec against Vega-Lite's own JSON
 * Schema to say where the mistake is. Compiling that schema takes seconds,
 * so it happens only on this error path, never in a good build.
 */
export function explainSpecError(spec: ChartSpec): Diagnostic | undefined {
  // ajv is loaded here, not at the top: a good build never needs it.
  const { Ajv } = require('ajv') as typeof import('ajv');
  validate ??= new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false }).compile(
    require('vega-lite/vega-lite-schema.json') as object,
  );
  if (validate(spec.vegaLite) || !validate.errors?.length) return undefined;
  const error = mostSpecific(validate.errors);
  const jsonPath = error.instancePath.split('/').slice(1).map(decodePointer);
  const where = jsonPath.length ? jsonPath.join('.') : 'the spec';
  const allowed = validate.errors
    .filter((e) => e.instancePath === error.instancePath && (e.keyword === 'enum' || e.keyword === 'const'))
    .flatMap((e) => (e.keyword === 'enum' ? (e.params as { allowedValues: unknown[] }).allowedValues : [(e.params as { allowedValue: unknown }).allowedValue]));
  const reason = allowed.length
    ? `must be one of ${[...new Set(allowed)].map((v) => JSON.stringify(v)).join(', ')}`
    : error.keyword === 'additionalProperties'
      ? `has no property ${JSON.stringify((error.params as { additionalProperty: string }).additionalProperty)}`
      : (error.message ?? 'is invalid');
  return spec.json.diagnostic(jsonPath, messages.spec.schemaViolation(where, reason));
}

/** The error deepest in the spec is the one closest to the author's mistake. */
function mostSpecific(errors: ErrorObject[]): ErrorObject {
  const depth = (e: ErrorObject) => e.instancePath.split('/').length;
  const rank = (e: ErrorObject) => (e.keyword === 'anyOf' || e.keyword === 'oneOf' ? 0 : 1);
  return [...errors].sort((a, b) => depth(b) - depth(a) || rank(b) - rank(a))[0]!;
}

const decodePointer = (part: string) =>
  /^\d+$/.test(part) ? Number(part) : part.replaceAll('~1', '/').replaceAll('~0', '~');
