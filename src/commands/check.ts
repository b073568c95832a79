import { compileSpec } from '../compile/compileSpec.js';
import { editionTables, readChartSpec } from '../locale/readEdition.js';
import { chartLocale } from '../locale/chartLocale.js';
import { capDiagnostics, hasErrors, sortDiagnostics, formatDiagnostic } from '../errors.js';
import type { LintChart } from '../lint/context.js';
import { runLint } from '../lint/runLint.js';
import { listDataFiles } from '../load/index.js';
import * as messages from '../messages.js';
import type { CitedTable, Diagnostic } from '../model.js';
import { listSpecs, openProject } from '../project.js';
import { pushAll } from '../pushAll.js';
import { citedRows } from '../provenance/citedRows.js';
import { renderSvg } from '../render/renderSvg.js';

export interface CheckOptions {
  cwd: string;
}

/**
 * Validates every data file, sources.csv, the theme and every spec, then runs
 * the editorial rules (src/lint), and returns all problems at once (sorted,
 * each once, at most MAX_PROBLEMS_PER_FILE per file and then a count). Writes nothing.
 */
export async function check(options: CheckOptions): Promise<Diagnostic[]> {
  const project = await openProject(options.cwd);
  const diagnostics: Diagnostic[] = project.diagnostics.slice();
  // Every table, including those no spec uses yet.
  const tables = new Map<string, CitedTable>();
  for (const file of await listDataFiles(project.cwd)) {
    const loaded = await project.table(file);
    pushAll(diagnostics, loaded.diagnostics);
    if (loaded.table) tables.set(file, loaded.table);
  }
  const charts: LintChart[] = [];
  let unreadSpecs = false;
  for (const name of await listSpecs(project.cwd)) {
    const { spec, diagnostics: specDiagnostics } = await readChartSpec(project.cwd, name);
    pushAll(diagnostics, specDiagnostics);
    if (!spec || hasErrors(specDiagnostics)) {
      unreadSpecs = true;
      continue;
    }
    // Their problems were reported above; printing dedupes them.
    const originals = await project.tablesFor(spec);
    // A translated edition: its labels and notes translated, each one left in English an error (src/locale).
    const translated = editionTables(spec, originals.tables, project.sources);
    const specTables = { tables: translated.tables, diagnostics: originals.diagnostics.concat(translated.diagnostics) };
    pushAll(diagnostics, specTables.diagnostics);
    const chart: LintChart = { spec, tables: specTables.tables };
    // The editorial rules read the original: an edition is the same figures in other words.
    if (!spec.edition) charts.push(chart);
    if (hasErrors(specTables.diagnostics)) continue;
    const theme = project.theme?.value as Record<string, unknown> | undefined;
    const compiled = compileSpec(spec, specTables.tables, theme, chartLocale(spec.settings.locale, theme));
    pushAll(diagnostics, compiled.diagnostics);
    if (!compiled.chart) continue;
    // Run Vega's dataflow too (in memory, nothing written): expression and
    // scale errors only show up there, and the scene says which rows are drawn.
    const rendered = await renderSvg(compiled.chart, project.cwd, spec.file);
    pushAll(diagnostics, rendered.diagnostics);
    if (!rendered.render) continue;
    const drawn = citedRows(spec, compiled.chart, rendered.render).origins.map((origin) => origin.row);
    // Build refuses a chart that draws nothing (a filter comparing a number to '2023'),
    // so check does too; as a failed chart, it then warns of none of its rows.
    if (drawn.length) chart.drawn = drawn;
    else diagnostics.push({ file: spec.file, severity: 'error', message: messages.spec.drawsNothing() });
  }
  // Editorial warnings first, so where one repeats a loader's warning word
  // for word (a source's missing url), the copy kept is the one with a rule id.
  const warnings = await runLint({ cwd: project.cwd, sources: project.sources, tables, charts, unreadSpecs });
  const seen = new Set<string>();
  const unique = sortDiagnostics(warnings.concat(diagnostics)).filter((d) => {
    const key = formatDiagnostic(d);
    return seen.has(key) ? false : (seen.add(key), true);
  });
  // Sorted again: each file's "and N more" goes after the problems it follows.
  return sortDiagnostics(capDiagnostics(unique));
}

/** One diagnostic as `check --format json` prints it. */
export interface DiagnosticJson {
  file: string;
  line: number | null;
  column: number | null;
  severity: Diagnostic['severity'];
  /** An editorial rule's id, or the kind of file a structural problem is in: `data`, `sources`, `spec`, `theme`. */
  rule: string;
  message: string;
}

export function diagnosticJson(d: Diagnostic): DiagnosticJson {
  const kind = d.file === 'data/sources.csv' ? 'sources' : d.file === 'specs/theme.json' ? 'theme' : d.file.startsWith('specs/') ? 'spec' : 'data';
  return { file: d.file, line: d.line ?? null, column: d.line !== undefined ? (d.column ?? null) : null, severity: d.severity, rule: d.rule ?? kind, message: d.message };
}
