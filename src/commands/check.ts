import { compileSpec } from '../compile/compileSpec.js';
import { readSpec } from '../compile/readSpec.js';
import { hasErrors, sortDiagnostics, formatDiagnostic } from '../errors.js';
import { listDataFiles } from '../load/index.js';
import type { CitedTable, Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { listSpecs, openProject } from '../project.js';
import { renderSvg } from '../render/renderSvg.js';

export interface CheckOptions {
  cwd: string;
}

/**
 * Validates every data file, sources.csv, the theme and every spec, and
 * returns all problems at once (sorted, each once). Writes nothing.
 */
export async function check(options: CheckOptions): Promise<Diagnostic[]> {
  const project = await openProject(options.cwd);
  const diagnostics: Diagnostic[] = [...project.diagnostics];
  const tables = new Map<string, CitedTable>();
  const dataFiles = await listDataFiles(project.cwd);
  for (const file of dataFiles) {
    const loaded = await project.table(file);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.table && !hasErrors(loaded.diagnostics)) tables.set(file, loaded.table);
  }
  for (const name of await listSpecs(project.cwd)) {
    const { spec, diagnostics: specDiagnostics } = await readSpec(project.cwd, name);
    diagnostics.push(...specDiagnostics);
    if (!spec || hasErrors(specDiagnostics)) continue;
    const missing = spec.dataRefs.filter((ref) => !tables.has(ref.file));
    // Tables with errors were reported above; only a file that does not exist is news here.
    for (const ref of missing.filter((ref) => !dataFiles.includes(ref.file))) {
      diagnostics.push(spec.json.diagnostic([...ref.jsonPath, 'url'], messages.spec.dataUrlUnknown(ref.file)));
    }
    if (missing.length) continue;
    const compiled = compileSpec(spec, tables, project.theme?.value as Record<string, unknown> | undefined);
    diagnostics.push(...compiled.diagnostics);
    // Run Vega's dataflow too (in memory, nothing written): expression and
    // scale errors only show up there.
    if (compiled.chart) diagnostics.push(...(await renderSvg(compiled.chart, project.cwd, spec.file)).diagnostics);
  }
  const seen = new Set<string>();
  return sortDiagnostics(diagnostics).filter((d) => {
    const key = formatDiagnostic(d);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
