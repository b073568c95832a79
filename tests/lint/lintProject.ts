// Runs `check` in-process on a throwaway project and keeps what one rule found,
// formatted as the CLI prints it.
import { check } from '../../src/commands/check.js';
import { formatDiagnostic } from '../../src/errors.js';
import { makeProject, minimalProject, type Files } from '../helpers/fixtureProject.js';

export async function findings(rule: string, files: Files): Promise<string[]> {
  const diagnostics = await check({ cwd: makeProject({ ...minimalProject, ...files }) });
  return diagnostics.filter((d) => d.rule === rule).map(formatDiagnostic);
}

/** A spec as an editor saves it (pretty-printed), so positions are real lines. */
export const specText = (spec: Record<string, unknown>) => JSON.stringify(spec, null, 2) + '\n';
