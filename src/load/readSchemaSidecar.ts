import type { ColumnType, Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { locateProjectFile } from './locateProjectFile.js';
import { readText } from './readText.js';

/** `data/NAME.csv` → `data/NAME.schema.json`. */
export function sidecarPath(file: string): string {
  return file.replace(/\.csv$/i, '') + '.schema.json';
}

/**
 * The column types a Frictionless Table Schema sidecar declares, if there is
 * one. Only field names and types are read for now (full Frictionless support
 * comes later): number and integer mean 'number', any other type 'string'.
 * An invalid sidecar is an error, and the table falls back to inference so
 * the rest of it is still checked.
 */
export async function readSchemaSidecar(
  cwd: string,
  file: string,
): Promise<{ declared?: Map<string, ColumnType>; diagnostics: Diagnostic[] }> {
  const schemaFile = sidecarPath(file);
  const fail = (reason: string) => ({
    diagnostics: [{ file: schemaFile, severity: 'error' as const, message: messages.load.badSchema(reason) }],
  });
  // No sidecar is the usual case; one that exists is read like any project
  // file (refused when it is a link out of the project).
  if ((await locateProjectFile(cwd, schemaFile)) === 'missing') return { diagnostics: [] };
  const read = await readText(cwd, schemaFile);
  if (read.text === undefined) return { diagnostics: read.diagnostics };
  const text = read.text;
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (err) {
    return fail((err as Error).message);
  }
  const fields = (schema as { fields?: unknown } | null)?.fields;
  if (!Array.isArray(fields)) return fail(`expected an object with a "fields" array`);
  const declared = new Map<string, ColumnType>();
  for (const [i, field] of fields.entries()) {
    const { name, type } = (field ?? {}) as { name?: unknown; type?: unknown };
    if (typeof name !== 'string') return fail(`fields[${i}] has no "name"`);
    declared.set(name, type === 'number' || type === 'integer' ? 'number' : 'string');
  }
  return { declared, diagnostics: [] };
}
