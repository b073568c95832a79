// Writes a throwaway citechart project into a temp dir, so each test states
// its files next to its assertions.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { formatDiagnostic } from '../../src/errors.js';
import type { Diagnostic } from '../../src/model.js';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

export async function project(files: Record<string, string | Uint8Array>): Promise<string> {
  const cwd = await mkdtemp(path.join(tmpdir(), 'citechart-test-'));
  made.push(cwd);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(cwd, name)), { recursive: true });
    await writeFile(path.join(cwd, name), content);
  }
  return cwd;
}

export const format = (diagnostics: Diagnostic[]) => diagnostics.map(formatDiagnostic);

/** A sources.csv with the given ids, every field valid. */
export function sourcesCsv(...ids: string[]): string {
  const header = 'id,publisher,authors,title,published,url,attribution\n';
  return header + ids.map((id) => `${id},Reuters,A; B,Title,2024-04-12,https://example.org/${id},officials\n`).join('');
}
