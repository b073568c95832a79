// One chart through the pipeline. Each stage is a folder of src/:
//
//   specs/NAME.vl.json ─► load ─────► compile ─────► render ──────► provenance ──► (write)
//                         cited CSVs   Vega-Lite →    Vega → SVG     footer, alt,
//                         + sources    Vega + theme,  real metrics;  JSON-LD, ids;
//                                      data injected  SVG → PNG 2×   XMP in PNG
//
// Nothing is written here: the caller writes the SVG, PNG, artboards and HTML
// snippet (src/embed) together once all exist, so a failure leaves the previous files untouched.
import { atWidth, isFitNoise } from './compile/atWidth.js';
import { compileSpec } from './compile/compileSpec.js';
import { encodedFields } from './compile/encodedFields.js';
import { readSpec, type ChartSpec } from './compile/readSpec.js';
import { drawnTables } from './embed/drawnTables.js';
import { embedFile } from './embed/embedFile.js';
import type { EmbedFacts } from './embed/embedHtml.js';
import { hasErrors } from './errors.js';
import { recordReads, type ReadLedger } from './load/readLedger.js';
import type { CitedRow, Diagnostic } from './model.js';
import * as messages from './messages.js';
import type { Project } from './project.js';
import { chartTitle } from './provenance/chartTitle.js';
import { composeSvg } from './provenance/composeSvg.js';
import { draftAltText } from './provenance/draftAltText.js';
import { citedRows } from './provenance/citedRows.js';
import { dropLinks } from './provenance/dropLinks.js';
import { artboardPrefix } from './provenance/prefixIds.js';
import { footerParagraphs } from './provenance/footerParagraphs.js';
import { hashInputs } from './provenance/hashInputs.js';
import { jsonLd } from './provenance/jsonLd.js';
import { toolVersions } from './provenance/versions.js';
import { xmpPacket } from './provenance/xmpPacket.js';
import { citeSource } from './provenance/citeSource.js';
import { PNG_MAX_SIDE, PNG_PIXEL_LIMIT, pngSize, renderPng } from './render/renderPng.js';
import { renderSvg } from './render/renderSvg.js';
import type { ManifestEntry } from './write/manifest.js';

export interface RenderedChart {
  name: string;
  /** The spec's own layout: what NAME.svg holds. */
  svg: string;
  png?: Buffer;
  /** `usermeta.citechart.widths`: the chart re-laid-out at each width, ascending; each a standalone SVG. */
  artboards?: Array<{ width: number; svg: string }>;
  /** What the HTML snippet says besides the graphic; no snippet without it. */
  embed?: EmbedFacts;
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
  for (const artboard of chart.artboards ?? []) files.push({ suffix: `-${artboard.width}w.svg`, data: artboard.svg });
  if (chart.embed) files.push({ suffix: '.html', data: embedFile({ ...chart, embed: chart.embed }) });
  return files;
}

/**
 * One chart through every stage `build` runs short of writing files: `check`
 * calls it too, so both report the same problems. `drawn` is the rows the
 * chart draws (what its footer cites), for check's lint rules.
 */
export async function renderChart(
  project: Project,
  name: string,
  options: { png?: boolean; /** `dark` draws SVG and PNG in the dark palette (`--theme dark`). */ theme?: 'light' | 'dark' } = {},
): Promise<{ chart?: RenderedChart; diagnostics: Diagnostic[]; drawn?: CitedRow[] }> {
  const { cwd } = project;
  // 1. Read the spec and check its data references stay inside data/.
  const specRead: ReadLedger = new Map();
  const read = await recordReads(specRead, () => readSpec(cwd, name));
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
  const rendered = await renderSvg(compiled.chart, cwd, spec.json);
  diagnostics.push(...rendered.diagnostics);
  if (!rendered.render) return { diagnostics };
  const render = rendered.render;
  diagnostics.push(...linkWarnings(spec, render.svg));

  // 5. Provenance: exactly the rows drawn (citedRows says how), their
  // sources, notes, alt text, hashes.
  const { origins: drawn, folded } = citedRows(spec, compiled.chart, render);
  const rows: CitedRow[] = drawn.map((origin) => origin.row);
  if (!rows.length) return { diagnostics: [...diagnostics, drawsNothing(spec)] };
  const sourceIds = [...new Set(rows.flatMap((row) => row.sources))];
  const sources = sourceIds.map((id) => project.sources.get(id)!);
  const title = chartTitle(spec.vegaLite);
  const alt = spec.settings.alt || draftAltText(spec.vegaLite, title, folded ? [] : rows, sources);
  const inputs = await hashInputs(cwd, [
    ...tables.keys(),
    ...[...tables.values()].flatMap((table) => (table.sidecar ? [table.sidecar] : [])),
    'data/sources.csv',
    spec.file,
    ...(project.theme ? [project.theme.file] : []),
  ], new Map([...project.readHashes, ...specRead]));
  const facts = { name, title, alt, credit: spec.settings.credit, sources, inputs, versions: toolVersions() };

  // 6. The published SVG (footer drawn in), then the PNG from that same SVG.
  const paragraphs = footerParagraphs(rows, project.sources, spec.settings);
  const embed: EmbedFacts = {
    name,
    title,
    alt,
    footer: paragraphs,
    sources,
    tables: drawnTables(drawn, project.sources),
    jsonLd: jsonLd(facts, 'text/html'),
  };
  const common = {
    name,
    title,
    alt,
    paragraphs,
    jsonLd: JSON.stringify(jsonLd(facts, 'image/svg+xml')),
    scheme: options.theme,
    darkMode: spec.settings.darkMode,
  };
  const layout = (r: typeof render) => ({ vegaSvg: dropLinks(r.svg).svg, width: r.width, height: r.height, padding: r.padding, background: r.background });
  const svg = composeSvg({ ...common, ...layout(render) });

  // 7. Artboards: the same chart and footer re-laid-out by Vega at each width.
  const artboards: NonNullable<RenderedChart['artboards']> = [];
  for (const width of spec.settings.widths ?? []) {
    const theme = project.theme?.value as Record<string, unknown> | undefined;
    const at = compileSpec({ ...spec, vegaLite: atWidth(spec.vegaLite, width, theme) }, tables, theme);
    const rerendered = at.chart && (await renderSvg(at.chart, cwd, spec.json));
    const seen = new Set(diagnostics.map((d) => d.message));
    diagnostics.push(...[...at.diagnostics, ...(rerendered?.diagnostics ?? [])].filter((d) => !seen.has(d.message) && !isFitNoise(d.message)));
    if (!rerendered?.render) return { diagnostics };
    artboards.push({ width, svg: composeSvg({ ...common, ...layout(rerendered.render), prefix: artboardPrefix(name, width), exactWidth: true }) });
  }

  let png: Buffer | undefined;
  if (options.png !== false) {
    // sharp's pixel limit, checked from the SVG's size rather than by
    // rasterising a gigantic image only to be refused.
    const size = pngSize(svg);
    if (size && (size.width * size.height > PNG_PIXEL_LIMIT || Math.max(size.width, size.height) > PNG_MAX_SIDE)) {
      const at = ['width', 'height'].filter((key) => key in spec.vegaLite);
      diagnostics.push(spec.json.diagnostic(at.slice(0, 1), messages.spec.pngTooLarge(size.width / 2, size.height / 2, PNG_MAX_SIDE, PNG_PIXEL_LIMIT)));
      return { diagnostics };
    }
    const xmp = xmpPacket({
      title: title || name,
      description: alt,
      sources: sources.map(citeSource),
      jsonLd: JSON.stringify(jsonLd(facts, 'image/png')),
    });
    try {
      // The PNG follows the spec's own layout (NAME.svg), not an artboard.
      png = await renderPng(svg, xmp);
    } catch (error) {
      // sharp refuses e.g. images over its pixel limit: a spec's size slipped a zero.
      const reason = error instanceof Error ? error.message : String(error);
      const at = ['width', 'height'].filter((key) => key in spec.vegaLite);
      diagnostics.push(spec.json.diagnostic(at.slice(0, 1), messages.build.pngFailed(reason, render.width, render.height)));
      return { diagnostics };
    }
  }
  const chart: RenderedChart = { name, svg, png, embed, entry: { title, sources: sourceIds, inputs } };
  if (artboards.length) chart.artboards = artboards;
  return { chart, diagnostics, drawn: rows };
}

/** Links from an `href` encoding are left out of the published graphic (dropLinks): tell the author, at the encoding. */
function linkWarnings(spec: ChartSpec, vegaSvg: string): Diagnostic[] {
  if (!dropLinks(vegaSvg).dropped) return [];
  const href = encodedFields(spec.vegaLite).find((f) => f.channel === 'href');
  const message = messages.spec.linksDropped();
  return [spec.json.diagnostic(href?.jsonPath ?? [], message, 'warning')];
}

/** A chart that draws no row fails; the filters (else the data reference) are where to look. */
export function drawsNothing(spec: ChartSpec): Diagnostic {
  return spec.json.diagnostic('transform' in spec.vegaLite ? ['transform'] : ['data'], messages.spec.drawsNothing());
}
