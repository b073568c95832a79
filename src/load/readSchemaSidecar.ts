import type { Ajv, ErrorObject } from 'ajv';
import { readJsonFile, type JsonFile } from '../compile/readJsonFile.js';
import { describeSchemaError } from '../compile/describeSchemaError.js';
import { errorsByPlace } from '../compile/errorsByPlace.js';
import type { Diagnostic } from '../model.js';
import { linearUnsupported } from '../linearRegExp.js';
import * as messages from '../messages.js';
import { locateProjectFile } from './locateProjectFile.js';
import { isKnownEncoding } from './readText.js';
import { tableSchemaJsonSchema, type TableSchema } from './tableSchema.js';

/** `data/NAME.csv` → `data/NAME.schema.json`. */
export function sidecarPath(file: string): string {
  return file.replace(/\.csv$/i, '') + '.schema.json';
}

let validate: ReturnType<Ajv['compile']> | undefined;

/**
 * The Frictionless Table Schema sidecar of a table, if it has one, checked
 * against the subset citechart reads (tableSchema.ts); every problem points
 * at its line and column in the .schema.json. An invalid sidecar is an error,
 * and the table falls back to inference so the rest of it is still checked.
 */
export async function readSchemaSidecar(
  cwd: string,
  file: string,
): Promise<{ schema?: TableSchema; json?: JsonFile; diagnostics: Diagnostic[] }> {
  const schemaFile = sidecarPath(file);
  // No sidecar is the usual case; one that exists is read like any project
  // file (refused when it is a link out of the project).
  if ((await locateProjectFile(cwd, schemaFile)).place === 'missing') return { diagnostics: [] };
  const { json, diagnostics } = await readJsonFile(cwd, schemaFile);
  if (!json) return { diagnostics };

  // ajv is loaded only for a table that has a sidecar.
  validate ??= new (await import('ajv')).Ajv({ allErrors: true, allowUnionTypes: true }).compile(tableSchemaJsonSchema);
  if (!validate(json.value)) {
    // One error per mistake: a value no branch of an anyOf accepts was once three lines, one per branch and one for the anyOf.
    return { json, diagnostics: errorsByPlace(validate.errors ?? []).map((group) => (group.length === 1 ? explain(json, group[0]!) : explainBranches(json, group))) };
  }
  const schema = json.value as TableSchema;
  const problems: Diagnostic[] = [];
  if (schema.encoding !== undefined && !isKnownEncoding(schema.encoding)) {
    problems.push(json.diagnostic(['encoding'], messages.load.schemaUnknownEncoding(schema.encoding)));
  }
  const seen = new Set<string>();
  schema.fields.forEach((field, i) => {
    if (seen.has(field.name)) problems.push(json.diagnostic(['fields', i, 'name'], messages.load.schemaDuplicateField(field.name)));
    seen.add(field.name);
    if ((field.decimalChar ?? '.') === field.groupChar) {
      problems.push(json.diagnostic(['fields', i, 'groupChar'], messages.load.schemaSameChars()));
    }
    const pattern = field.constraints?.pattern;
    if (pattern !== undefined && !isRegExp(pattern)) {
      problems.push(json.diagnostic(['fields', i, 'constraints', 'pattern'], messages.load.schemaBadPattern(pattern)));
    } else if (pattern !== undefined) {
      // Valid, but RE2 (which runs it, in linear time) has no backreferences or lookaround.
      const unsupported = linearUnsupported(`^(?:${pattern})$`);
      if (unsupported) problems.push(json.diagnostic(['fields', i, 'constraints', 'pattern'], messages.load.schemaPatternUnsupported(pattern, unsupported)));
    }
  });
  return problems.length ? { json, diagnostics: problems } : { schema, json, diagnostics: [] };
}

/** An ajv error as `fields[1].type must be one of …` at the offending key. */
function explain(json: JsonFile, error: ErrorObject): Diagnostic {
  const jsonPath = error.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const where = jsonPath.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '') || 'the schema';
  const params = error.params as Record<string, unknown>;
  let reason = error.message ?? 'is invalid';
  if (error.keyword === 'additionalProperty' || error.keyword === 'additionalProperties') {
    const key = String(params.additionalProperty);
    return json.diagnostic([...jsonPath, key], messages.load.schemaInvalid(where, `has no setting ${JSON.stringify(key)} (citechart reads a subset of Frictionless Table Schema; see the README)`));
  }
  if (error.keyword === 'required') reason = `needs ${JSON.stringify(params.missingProperty)}`;
  if (error.keyword === 'enum') reason = `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return json.diagnostic(jsonPath, messages.load.schemaInvalid(where, reason));
}

/** The errors of an anyOf's branches at one place as one sentence: `primaryKey is the number 5, but must be a text ("…") or a list ([…])`. */
function explainBranches(json: JsonFile, errors: ErrorObject[]): Diagnostic {
  const problem = describeSchemaError(errors, json.value);
  return json.diagnostic(problem.jsonPath, messages.load.schemaInvalid(problem.jsonPath.length ? problem.where : 'the schema', problem.reason));
}

function isRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
