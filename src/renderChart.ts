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
import type { ChartSpec } from './compile/readSpec.js';
import { editionTables, readChartSpec } from './locale/readEdition.js';
import { drawnTables } from './embed/drawnTables.js';
import { embedFile } from './embed/embedFile.js';
import type { EmbedFacts } from './embed/embedHtml.js';
import { capDiagnostics, hasErrors } from './errors.js';
import { recordReads, type ReadLedger } from './load/readLedger.js';
import type { CitedRow, Diagnostic } from './model.js';
import * as messages from './messages.js';
import type { Project } from './project.js';
import { chartTitle } from './provenance/chartTitle.js';
import { composeSvg, MIN_FOOTER_WIDTH } from './provenance/composeSvg.js';
import { draftAltText } from './provenance/draftAltText.js';
import { drawnValues, isPercentColumn } from './provenance/drawnValues.js';
import { citedRows } from './provenance/citedRows.js';
import { dropLinks } from './provenance/dropLinks.js';
import { artboardPrefix } from './provenance/prefixIds.js';
import { footerParagraphs } from './provenance/footerParagraphs.js';
import { hashInputs } from './provenance/hashInputs.js';
import { jsonLd } from './provenance/jsonLd.js';
import { toolVersions } from './provenance/versions.js';
import { xmpPacket } from './provenance/xmpPacket.js';
import { citeSource } from './provenance/citeSource.js';
import { renderPng } from './render/renderPng.js';
import { renderFitted } from './render/renderFitted.js';
import type { VegaRender } from './render/renderSvg.js';
import { truncatedLabels } from './render/truncatedLabels.js';
import { truncationWarnings } from './render/truncationWarnings.js';
import type { ManifestEntry } from './write/manifest.js';
import { pushAll } from './pushAll.js';
import { chartLocale } from './locale/chartLocale.js';

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

type RenderOptions = { png?: boolean; /** `dark` draws SVG and PNG in the dark palette (`--theme dark`). */ theme?: 'light' | 'dark' };

/**
 * One chart drawn, or the diagnostics that stop it (at most
 * MAX_PROBLEMS_PER_FILE per file, then "and N more").
 */
export async function renderChart(
  project: Project,
  name: string,
  options: RenderOptions = {},
): Promise<{ chart?: RenderedChart; diagnostics: Diagnostic[] }> {
  const { chart, diagnostics } = await drawChart(project, name, options);
  return chart ? { chart, diagnostics: capDiagnostics(diagnostics) } : { diagnostics: capDiagnostics(diagnostics) };
}

async function drawChart(project: Project, name: string, options: RenderOptions): Promise<{ chart?: RenderedChart; diagnostics: Diagnostic[] }> {
  const { cwd } = project;
  // 1. Read the spec and check its data references stay inside data/.
  const specRead: ReadLedger = new Map();
  // An edition (NAME.fr) reads its original's spec and its translation file (src/locale).
  const read = await recordReads(specRead, () => readChartSpec(cwd, name));
  const diagnostics = read.diagnostics.slice();
  const spec = read.spec;
  if (!spec || hasErrors(diagnostics)) return { diagnostics };

  // 2. Load the cited tables it uses (each once per project).
  const { tables: originals, diagnostics: tableDiagnostics } = await project.tablesFor(spec);
  pushAll(diagnostics, tableDiagnostics);
  const { tables, sources: projectSources, diagnostics: translationDiagnostics } = editionTables(spec, originals, project.sources);
  pushAll(diagnostics, translationDiagnostics);
  if (hasErrors(diagnostics) || hasErrors(project.diagnostics)) return { diagnostics };

  // 3. Check data against spec (src/checks), compile with the theme, data
  // injected, Vega-Lite's messages judged; 4. render the chart to SVG, Vega's judged.
  const theme = project.theme?.value as Record<string, unknown> | undefined;
  const locale = chartLocale(spec.settings.locale, theme);
  const compiled = compileSpec(spec, tables, theme, locale);
  pushAll(diagnostics, compiled.diagnostics);
  if (!compiled.chart) return { diagnostics };
  const rendered = await renderFitted(compiled.chart, cwd, spec.file, MIN_FOOTER_WIDTH);
  pushAll(diagnostics, rendered.diagnostics);
  if (!rendered.render) return { diagnostics };
  const render = rendered.render;
  pushAll(diagnostics, linkWarnings(spec, render.svg));
  pushAll(diagnostics, truncationWarnings(truncatedLabels(render.scenegraph), compiled.chart.origins, spec.file));
  pushAll(diagnostics, paletteWarnings(spec, render.repeatedPalettes));

  // 5. Provenance: exactly the rows drawn (citedRows says how), their
  // sources, notes, alt text, hashes.
  const { origins: drawn, folded } = citedRows(spec, compiled.chart, render);
  const rows: CitedRow[] = drawn.map((origin) => origin.row);
  if (!rows.length) return { diagnostics: diagnostics.concat([{ file: spec.file, severity: 'error', message: messages.spec.drawsNothing() }]) };
  const sourceIds = Array.from(new Set(rows.flatMap((row) => row.sources)));
  const sources = sourceIds.map((id) => projectSources.get(id)!);
  const title = chartTitle(spec.vegaLite);
  const origins = compiled.chart.origins;
  const drawnAs = drawnValues(spec.vegaLite, render.scenegraph, (id) => origins[id]?.row, (field) => isPercentColumn(tables, field), locale);
  const alt = spec.settings.alt || draftAltText(spec.vegaLite, title, folded ? [] : rows, sources, drawnAs, locale);
  const inputs = await hashInputs(cwd, [
    ...tables.keys(),
    ...[...tables.values()].flatMap((table) => (table.sidecar ? [table.sidecar] : [])),
    'data/sources.csv',
    spec.file,
    ...(spec.edition ? [spec.edition.translation.file] : []),
    ...(project.theme ? [project.theme.file] : []),
  ], new Map([...project.readHashes, ...specRead]));
  const facts = { name, title, alt, credit: spec.settings.credit, sources, inputs, versions: toolVersions(), locale };

  // 6. The published SVG (footer drawn in), then the PNG from that same SVG.
  const translator = spec.edition?.translation.translator;
  const paragraphs = footerParagraphs(rows, projectSources, spec.settings, locale, translator ? [locale.say('translationCredit', { translator })] : []);
  // `lang` only when a locale is set: without one the output stays as it was.
  const language = locale.tag ? { lang: locale.tag, dir: locale.direction } : {};
  const embed: EmbedFacts = {
    name,
    title,
    alt,
    footer: paragraphs,
    sources,
    tables: drawnTables(drawn, projectSources, drawnAs, locale),
    jsonLd: jsonLd(facts, 'text/html'),
    ...language,
  };
  const common = {
    name,
    title,
    alt,
    paragraphs,
    jsonLd: JSON.stringify(jsonLd(facts, 'image/svg+xml')),
    scheme: options.theme,
    darkMode: spec.settings.darkMode,
    ...(locale.tag && { lang: locale.tag, direction: locale.direction }),
  };
  const layout = (r: typeof render) => ({ vegaSvg: dropLinks(r.svg).svg, width: r.width, height: r.height, padding: r.padding, background: r.background });
  const svg = composeSvg({ ...common, ...layout(render) });

  // 7. Artboards: the same chart and footer re-laid-out by Vega at each width.
  const artboards: NonNullable<RenderedChart['artboards']> = [];
  for (const width of spec.settings.widths ?? []) {
    const at = compileSpec({ ...spec, vegaLite: atWidth(spec.vegaLite, width, theme) }, tables, theme, locale);
    const rerendered = at.chart && (await renderFitted(at.chart, cwd, spec.file));
    const seen = new Set(diagnostics.map((d) => d.message));
    pushAll(diagnostics, at.diagnostics.concat(rerendered?.diagnostics ?? []).filter((d) => !seen.has(d.message) && !isFitNoise(d.message)));
    if (!rerendered?.render) return { diagnostics };
    artboards.push({ width, svg: composeSvg({ ...common, ...layout(rerendered.render), prefix: artboardPrefix(name, width), exactWidth: true }) });
  }

  let png: Buffer | undefined;
  if (options.png !== false) {
    const xmp = xmpPacket({
      title: title || name,
      description: alt,
      sources: sources.map((source) => citeSource(source, locale)),
      jsonLd: JSON.stringify(jsonLd(facts, 'image/png')),
    });
    try {
      // The PNG follows the spec's own layout (NAME.svg), not an artboard.
      png = await renderPng(svg, xmp);
    } catch (error) {
      // sharp refuses e.g. images over its pixel limit: a spec's size slipped a zero.
      const reason = error instanceof Error ? error.message : String(error);
      diagnostics.push({ file: spec.file, severity: 'error', message: messages.build.pngFailed(reason, render.width, render.height) });
      return { diagnostics };
    }
  }
  const chart: RenderedChart = { name, svg, png, embed, entry: { title, sources: sourceIds, inputs, ...(locale.tag && { language: locale.tag }) } };
  if (artboards.length) chart.artboards = artboards;
  return { chart, diagnostics };
}

/** A colour scale with more categories than palette colours: at its encoding (Vega-Lite names the scale after the channel). */
function paletteWarnings(spec: ChartSpec, repeated: VegaRender['repeatedPalettes']): Diagnostic[] {
  return repeated.map(({ scale, categories, colours }) => {
    const encoded = encodedFields(spec.vegaLite, false).find((f) => f.channel === scale);
    const message = messages.spec.paletteRepeats(encoded?.field ?? '', categories, colours);
    return encoded ? spec.json.diagnostic(encoded.jsonPath, message, 'warning') : { file: spec.file, severity: 'warning', message };
  });
}

/** Links from an `href` encoding are left out of the published graphic (dropLinks): tell the author, at the encoding. */
function linkWarnings(spec: ChartSpec, vegaSvg: string): Diagnostic[] {
  if (!dropLinks(vegaSvg).dropped) return [];
  const href = encodedFields(spec.vegaLite).find((f) => f.channel === 'href');
  const message = messages.spec.linksDropped();
  return [href ? spec.json.diagnostic(href.jsonPath, message, 'warning') : { file: spec.file, severity: 'warning', message }];
}
