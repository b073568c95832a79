import { compileSpec } from '../compile/compileSpec.js';
import { readSpec } from '../compile/readSpec.js';
import { hasErrors, sortDiagnostics, formatDiagnostic } from '../errors.js';
import { listDataFiles } from '../load/index.js';
import type { Diagnostic } from '../model.js';
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
  // Every table, including those no spec uses yet.
  for (const file of await listDataFiles(project.cwd)) diagnostics.push(...(await project.table(file)).diagnostics);
  for (const name of await listSpecs(project.cwd)) {
    const { spec, diagnostics: specDiagnostics } = await readSpec(project.cwd, name);
    diagnostics.push(...specDiagnostics);
    if (!spec || hasErrors(specDiagnostics)) continue;
    // Their problems were reported above; printing dedupes them.
    const specTables = await project.tablesFor(spec);
    diagnostics.push(...specTables.diagnostics);
    if (hasErrors(specTables.diagnostics)) continue;
    const compiled = compileSpec(spec, specTables.tables, project.theme?.value as Record<string, unknown> | undefined);
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
