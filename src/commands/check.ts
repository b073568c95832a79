import { compileSpec } from '../compile/compileSpec.js';
import { readBoundaries } from '../geo/readBoundaries.js';
import { specFile } from '../compile/readSpec.js';
import { editionTables, readChartSpec } from '../locale/readEdition.js';
import { CATALOGUE_LANGUAGES, unreadTranslations } from '../locale/editionName.js';
import { chartLocale } from '../locale/chartLocale.js';
import { capDiagnostics, hasErrors, sortDiagnostics, formatDiagnostic } from '../errors.js';
import { drawnTextSizes } from '../render/drawnTextSizes.js';
import type { LintChart } from '../lint/context.js';
import { runLint } from '../lint/runLint.js';
import { listDataFiles } from '../load/index.js';
import * as messages from '../messages.js';
import type { CitedRow, CitedTable, Diagnostic } from '../model.js';
import { internalError } from '../pool/internalError.js';
import { caseClashes, specFiles } from '../listSpecs.js';
import { listSpecs, openProject, type Project } from '../project.js';
import { pushAll } from '../pushAll.js';
import { chartFiles, drawsNothing, renderChart, type ChartLayout } from '../renderChart.js';
import { citedRows } from '../provenance/citedRows.js';
import { renderFitted } from '../render/renderFitted.js';
import { MIN_FOOTER_WIDTH } from '../provenance/composeSvg.js';
import { artboardWidths, drawnWarnings, renderArtboard } from '../renderChart.js';
import { renderSvg } from '../render/renderSvg.js';
import { projectTrail } from '../trail/projectTrail.js';
import { correctionTargets } from '../trail/correctionTargets.js';

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
  // The correction log and publication record (src/trail), checked as build reads them.
  const trail = await projectTrail(project);
  pushAll(diagnostics, trail.diagnostics);
  pushAll(diagnostics, correctionTargets(trail.corrections, await listSpecs(project.cwd), await listDataFiles(project.cwd)));
  // Every table, including those no spec uses yet.
  const tables = new Map<string, CitedTable>();
  for (const file of await listDataFiles(project.cwd)) {
    const loaded = await project.table(file);
    pushAll(diagnostics, loaded.diagnostics);
    if (loaded.table) tables.set(file, loaded.table);
  }
  // A translation whose language tag citechart does not know builds no edition: said, not ignored.
  for (const file of unreadTranslations(await specFiles(project.cwd))) {
    const tag = file.slice(0, -'.json'.length).split('.').pop()!;
    diagnostics.push({ file: `specs/${file}`, line: 1, column: 1, severity: 'warning', message: messages.locale.unreadTranslation(file, tag, CATALOGUE_LANGUAGES) });
  }
  const charts: LintChart[] = [];
  let unreadSpecs = false;
  const names = await listSpecs(project.cwd);
  const clashes = caseClashes(names);
  for (const name of names) {
    const clash = clashes.get(name);
    // As build refuses them: on macOS and Windows their outputs would be one file.
    if (clash !== undefined) diagnostics.push({ file: specFile(name), line: 1, column: 1, severity: 'error', message: messages.build.caseClash(name, clash) });
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
    if (!hasErrors(project.diagnostics)) {
      // The very steps build runs (artboards, PNG and its limits, the HTML
      // snippet), short of writing: what check passes, build draws.
      const rendered = await renderChartAsBuildDoes(project, name);
      pushAll(diagnostics, rendered.diagnostics);
      if (rendered.drawn?.length) chart.drawn = rendered.drawn;
      if (rendered.layout) chart.layout = rendered.layout;
      continue;
    }
    // sources.csv is broken, so build draws nothing; check still runs the
    // chart through Vega to report its own problems and lint it.
    const geo = await readBoundaries(project.cwd, spec, project.sources);
    pushAll(diagnostics, geo.diagnostics);
    if (hasErrors(geo.diagnostics)) continue;
    const theme = project.theme?.value as Record<string, unknown> | undefined;
    const compiled = compileSpec(spec, specTables.tables, theme, geo.boundaries, chartLocale(spec.settings.locale, theme), project.sources);
    pushAll(diagnostics, compiled.diagnostics);
    if (!compiled.chart) continue;
    // Run Vega's dataflow too (in memory, nothing written): expression and
    // scale errors only show up there, and the scene says which rows are drawn.
    // Fitted and judged as build draws it (labels cut, legends folded, PNG size), so both report the same.
    const rendered = await renderFitted(compiled.chart, project.cwd, spec.json, MIN_FOOTER_WIDTH);
    pushAll(diagnostics, rendered.diagnostics);
    if (!rendered.render) continue;
    pushAll(diagnostics, drawnWarnings(spec, rendered.chart, rendered.render));
    // Each artboard as build draws it: a width can fail where the spec's own layout does not.
    for (const width of artboardWidths(spec, theme)) {
      const artboard = await renderArtboard(spec, specTables.tables, theme, width, project.cwd, diagnostics, geo.boundaries, undefined, undefined, project.sources);
      if (!artboard.render) break;
    }
    const drawn = citedRows(spec, compiled.chart, rendered.render).origins.map((origin) => origin.row);
    // Build refuses a chart that draws nothing (a filter comparing a number to '2023'),
    // so check does too; as a failed chart, it then warns of none of its rows.
    chart.layout = { width: rendered.render.width, textSizes: drawnTextSizes(rendered.render.scenegraph) };
    if (drawn.length) chart.drawn = drawn;
    else diagnostics.push(drawsNothing(spec));
  }
  // Editorial warnings first, so where one repeats a loader's warning word
  // for word (a source's missing url), the copy kept is the one with a rule id.
  const warnings = await runLint({ cwd: project.cwd, sources: project.sources, tables, charts, unreadSpecs, ...(project.theme && { theme: project.theme }) });
  const seen = new Set<string>();
  const unique = sortDiagnostics(warnings.concat(diagnostics)).filter((d) => {
    const key = formatDiagnostic(d);
    return seen.has(key) ? false : (seen.add(key), true);
  });
  // Sorted again: each file's "and N more" goes after the problems it follows.
  return sortDiagnostics(capDiagnostics(unique));
}

/** renderChart and chartFiles as build's renderTask calls them, with every output format; a throw is an internal error, as in build. */
async function renderChartAsBuildDoes(project: Project, name: string): Promise<{ diagnostics: Diagnostic[]; drawn?: CitedRow[]; layout?: ChartLayout }> {
  try {
    const { chart, diagnostics, drawn, layout } = await renderChart(project, name, { png: true });
    if (chart && !hasErrors(diagnostics)) chartFiles(chart);
    return { diagnostics, drawn, layout };
  } catch (error) {
    return { diagnostics: [internalError(name, error)] };
  }
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
