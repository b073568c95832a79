// Throwaway projects for in-process tests: each test states its files next to
// its assertions. The folders come from the same helper as the end-to-end tests.
import { formatDiagnostic } from '../../src/errors.js';
import type { Diagnostic } from '../../src/model.js';
import { makeProject, type Files } from './fixtureProject.js';

export async function project(files: Files): Promise<string> {
  return makeProject(files);
}

export const format = (diagnostics: Diagnostic[]) => diagnostics.map(formatDiagnostic);

/** A sources.csv with the given ids, every field valid. */
export function sourcesCsv(...ids: string[]): string {
  const header = 'id,publisher,authors,title,published,url,attribution\n';
  return header + ids.map((id) => `${id},Reuters,A; B,Title,2024-04-12,https://example.org/${id},officials\n`).join('');
}
