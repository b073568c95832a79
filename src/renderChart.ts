// One chart through the pipeline. Each stage is a folder of src/:
//
//   specs/NAME.vl.json ─► load ─────► compile ─────► render ──────► provenance ──► (write)
//                         cited CSVs   Vega-Lite →    Vega → SVG     footer, alt,
//                         + sources    Vega + theme,  real metrics;  JSON-LD, ids;
//                                      data injected  SVG → PNG 2×   XMP in PNG
//
// Nothing is written here: the caller writes the SVG and PNG together once
// both exist, so a failure leaves the previous files untouched.
import { compileSpec } from './compile/compileSpec.js';
import { readSpec } from './compile/readSpec.js';
import { hasErrors } from './errors.js';
import type { CitedRow, Diagnostic } from './model.js';
import * as messages from './messages.js';
import type { Project } from './project.js';
import { chartTitle } from './provenance/chartTitle.js';
import { composeSvg } from './provenance/composeSvg.js';
import { draftAltText } from './provenance/draftAltText.js';
import { drawnRows } from './provenance/drawnRows.js';
import { footerParagraphs } from './provenance/footerParagraphs.js';
import { hashInputs } from './provenance/hashInputs.js';
import { jsonLd } from './provenance/jsonLd.js';
import { toolVersions } from './provenance/versions.js';
import { xmpPacket } from './provenance/xmpPacket.js';
import { citeSource } from './provenance/citeSource.js';
import { renderPng } from './render/renderPng.js';
import { renderSvg } from './render/renderSvg.js';
import type { ManifestEntry } from './write/manifest.js';

export interface RenderedChart {
  name: string;
  svg: string;
  png?: Buffer;
  entry: Omit<ManifestEntry, 'files'>;
}

/** A file of one chart's output: `output/NAME` + suffix. */
export interface ChartFile {
  suffix: string;
  data: string | Buffer;
}

/** The files `build` writes for a chart, all or none. */
export function chartFiles(chart: RenderedChart): ChartFile[] {
  const files: ChartFile[] = [{ suffix: '.svg', data: chart.svg }];
  if (chart.png) files.push({ suffix: '.png', data: chart.png });
  return files;
}

export async function renderChart(
  project: Project,
  name: string,
  options: { png?: boolean } = {},
): Promise<{ chart?: RenderedChart; diagnostics: Diagnostic[] }> {
  const { cwd } = project;
  // 1. Read the spec and check its data references stay inside data/.
  const read = await readSpec(cwd, name);
  const diagnostics = [...read.diagnostics];
  const spec = read.spec;
  if (!spec || hasErrors(diagnostics)) return { diagnostics };

  // 2. Load the cited tables it uses (each once per project).
  const { tables, diagnostics: tableDiagnostics } = await project.tablesFor(spec);
  diagnostics.push(...tableDiagnostics);
  if (hasErrors(diagnostics) || hasErrors(project.diagnostics)) return { diagnostics };

  // 3. Compile with the theme, data injected; 4. render the chart to SVG.
  const compiled = compileSpec(spec, tables, project.theme?.value as Record<string, unknown> | undefined);
  diagnostics.push(...compiled.diagnostics);
  if (!compiled.chart) return { diagnostics };
  const rendered = await renderSvg(compiled.chart, cwd, spec.file);
  diagnostics.push(...rendered.diagnostics);
  if (!rendered.render) return { diagnostics };
  const render = rendered.render;

  // 5. Provenance: exactly the rows drawn, their sources, notes, alt text, hashes.
  // Drawn: rows a mark shows, rows that fed an aggregate or window after the
  // filters, and every row of a lookup table (a lookup copies fields without
  // row ids). An id-less mark with no traceable input cites every row:
  // citing too much is safer than citing too little.
  const marks = drawnRows(render.scenegraph);
  const traced = new Set([...marks.ids, ...render.foldedRowIds]);
  const untraceable = marks.folded && (!render.foldedRowIds.size || render.nestedFolds);
  const folded = marks.folded || render.foldedRowIds.size > 0;
  const lookups = new Set(spec.dataRefs.filter((ref) => ref.lookup).map((ref) => ref.file));
  const rows: CitedRow[] = compiled.chart.origins
    .filter((origin, id) => untraceable || traced.has(id) || lookups.has(origin.table.file))
    .map((origin) => origin.row);
  if (!rows.length) return { diagnostics: [...diagnostics, { file: spec.file, severity: 'error', message: messages.spec.drawsNothing() }] };
  const sourceIds = [...new Set(rows.flatMap((row) => row.sources))];
  const sources = sourceIds.map((id) => project.sources.get(id)!);
  const title = chartTitle(spec.vegaLite);
  const alt = spec.settings.alt || draftAltText(spec.vegaLite, title, folded ? [] : rows, sources);
  const inputs = await hashInputs(cwd, [
    ...tables.keys(),
    'data/sources.csv',
    spec.file,
    ...(project.theme ? [project.theme.file] : []),
  ]);
  const facts = { name, title, alt, credit: spec.settings.credit, sources, inputs, versions: toolVersions() };

  // 6. The published SVG (footer drawn in), then the PNG from that same SVG.
  const svg = composeSvg({
    name,
    vegaSvg: render.svg,
    width: render.width,
    height: render.height,
    padding: render.padding,
    background: render.background,
    title,
    alt,
    paragraphs: footerParagraphs(rows, project.sources, spec.settings),
    jsonLd: JSON.stringify(jsonLd(facts, 'image/svg+xml')),
  });
  let png: Buffer | undefined;
  if (options.png !== false) {
    const xmp = xmpPacket({
      title: title || name,
      description: alt,
      sources: sources.map(citeSource),
      jsonLd: JSON.stringify(jsonLd(facts, 'image/png')),
    });
    try {
      png = await renderPng(svg, xmp);
    } catch (error) {
      // sharp refuses e.g. images over its pixel limit: a spec's size slipped a zero.
      const reason = error instanceof Error ? error.message : String(error);
      diagnostics.push({ file: spec.file, severity: 'error', message: messages.build.pngFailed(reason, render.width, render.height) });
      return { diagnostics };
    }
  }
  return { chart: { name, svg, png, entry: { title, sources: sourceIds, inputs } }, diagnostics };
}
