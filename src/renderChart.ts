// One chart through the pipeline. Each stage is a folder of src/:
//
//   specs/NAME.vl.json ─► load ─────► compile ─────► render ──────► provenance ──► (write)
//                         cited CSVs   Vega-Lite →    Vega → SVG     footer, alt,
//                         + sources    Vega + theme,  real metrics;  JSON-LD, ids;
//                                      data injected  SVG → PNG ×N,  XMP in PNG
//                         bigtable:    a table's view SVG → PDF      and PDF
//                         Parquet, big (src/table),   annotations'
//                         CSVs: polars annotations    notes placed
//                         runs leading (src/annotate) (src/annotate)
//                         transforms; Vega gets the rows they leave
//
// Nothing is written here: the caller writes the SVG, PNG, artboards, social
// cards (src/social) and HTML snippet (src/embed) together once all exist, so a failure leaves the previous files untouched.
import { locateDrawnText } from './compile/locateDrawnText.js';
import { atWidth, fitsOneWidth, isFitNoise } from './compile/atWidth.js';
import { themeArtboards } from './compile/themeArtboards.js';
import { compileSpec, type CompiledChart } from './compile/compileSpec.js';
import { encodedFields } from './compile/encodedFields.js';
import type { ChartSpec } from './compile/readSpec.js';
import { drawnChecks } from './checks/drawnChecks.js';
import { tickLabelErrors } from './checks/tickLabelErrors.js';
import { crowdedLabelErrors } from './checks/crowdedLabelErrors.js';
import { overlappingTextErrors } from './checks/overlappingTextErrors.js';
import { clippedTextErrors } from './checks/clippedTextErrors.js';
import { classLabelErrors } from './checks/classLabelErrors.js';
import { divergingMidpointErrors } from './checks/divergingMidpoint.js';
import { contrastErrors } from './checks/contrastErrors.js';
import { editionTables, readChartSpec } from './locale/readEdition.js';
import { readerColumns } from './embed/readerColumns.js';
import { drawnOrder } from './embed/drawnOrder.js';
import { drawnTables } from './embed/drawnTables.js';
import { embedFile } from './embed/embedFile.js';
import { tableFacts } from './embed/tableHtml.js';
import { tableAltText } from './table/tableAltText.js';
import type { EmbedFacts } from './embed/embedHtml.js';
import { capDiagnostics, hasErrors } from './errors.js';
import { recordReads, type ReadLedger } from './load/readLedger.js';
import { projectFileExists } from './load/memoryFolder.js';
import type { CitedRow, CitedTable, Diagnostic, Source } from './model.js';
import type { RowOrigin } from './compile/injectData.js';
import { drawnTextSizes, type DrawnTextSize } from './render/drawnTextSizes.js';
import * as messages from './messages.js';
import type { Project } from './project.js';
import { chartSubtitle, chartTitle } from './provenance/chartTitle.js';
import { composeSvg, MIN_FOOTER_WIDTH } from './provenance/composeSvg.js';
import { draftAltText } from './provenance/draftAltText.js';
import { drawnValues, isPercentColumn } from './provenance/drawnValues.js';
import { citedRows } from './provenance/citedRows.js';
import { citedSourceIds } from './provenance/citedSourceIds.js';
import { readFooterStyle } from './provenance/footerStyle.js';
import { readDarkBackground } from './provenance/darkMode.js';
import { dropLinks } from './provenance/dropLinks.js';
import { artboardPrefix, idPrefix } from './provenance/prefixIds.js';
import { placeMapLabels } from './geo/placeMapLabels.js';
import { footerParagraphs, sourceNames } from './provenance/footerParagraphs.js';
import { hashInputs } from './provenance/hashInputs.js';
import { jsonLd } from './provenance/jsonLd.js';
import { toolVersions } from './provenance/versions.js';
import { xmpPacket } from './provenance/xmpPacket.js';
import { citeSource } from './provenance/citeSource.js';
import { DEFAULT_SCALE, PNG_MAX_SIDE, PNG_PIXEL_LIMIT, pngSize, renderPng } from './render/renderPng.js';
import { themeScale } from './render/pngScale.js';
import { pdfDate } from './render/pdfDate.js';
import { printLayout } from './render/printWidth.js';
import { renderFitted } from './render/renderFitted.js';
import type { VegaRender } from './render/renderSvg.js';
import { truncatedLabels } from './render/truncatedLabels.js';
import { truncationWarnings } from './render/truncationWarnings.js';
import { complexScriptsIn } from './text/complexScripts.js';
import { drawnText, embedFonts } from './text/embedFonts.js';
import { prepareFallbackFonts } from './text/fallbackFonts.js';
import { needsFallbackFonts } from './text/fontChain.js';
import type { ManifestEntry } from './write/manifest.js';
import { pushAll } from './pushAll.js';
import { pushDownChart, type Pushdown } from './bigtable/pushDownChart.js';
import { tableSummaries } from './bigtable/tableSummaries.js';
import { pushedAggregateKey } from './bigtable/planPushdown.js';
import { boundaryInputs, boundarySources, readBoundaries } from './geo/readBoundaries.js';
import { noDataSentence } from './geo/noDataAltText.js';
import type { Boundary } from './geo/readBoundary.js';
import { chartTrail } from './trail/chartTrail.js';
import { filtersRows } from './trail/filtersRows.js';
import { drawnKeys } from './trail/drawnKeys.js';
import { chartCorrections, checkPublished } from './trail/checkPublished.js';
import { projectTrail } from './trail/projectTrail.js';
import { quoteClaims } from './trail/quoteClaims.js';
import { CORRECTIONS_FILE } from './trail/readCorrections.js';
import { PUBLISHED_FILE } from './trail/readPublished.js';
import { chartLocale } from './locale/chartLocale.js';
import { chosenCards } from './social/chosenCards.js';
import { drawSocialCard, type CardContext } from './social/drawSocialCard.js';
import { cardName, type SocialCard } from './social/socialPresets.js';
import { drawMarkers, type MarkerInputs } from './markers/drawMarkers.js';
import { noteNumbers } from './markers/noteNumbers.js';
import { noteSentences } from './markers/altNotes.js';
import { readMarkerSymbols } from './markers/markerStyle.js';
import { editionLinks } from './locale/editionLinks.js';
import { listSpecs } from './listSpecs.js';
import type { Locale } from './locale/readLocale.js';

export interface RenderedChart {
  name: string;
  /** The spec's own layout: what NAME.svg holds. */
  svg: string;
  png?: Buffer;
  /** The spec's own layout (or its print width) as a vector PDF (`--formats pdf`). */
  pdf?: Buffer;
  /** `usermeta.citechart.widths`: the chart re-laid-out at each width, ascending; each a standalone SVG. */
  artboards?: Array<{ width: number; svg: string }>;
  /** Social cards (src/social): the chart re-laid-out at each card's size; `png` is what build writes as NAME-social-WxH.png. */
  socialCards?: Array<SocialCard & { svg: string; png: Buffer }>;
  /** What the HTML snippet says besides the graphic; no snippet without it. */
  embed?: EmbedFacts;
  /** The snippet's text (embedFile), when it was written while the PNG was drawn; chartFiles writes it then, else writes it itself. */
  html?: string;
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
  if (chart.pdf) files.push({ suffix: '.pdf', data: chart.pdf });
  for (const artboard of chart.artboards ?? []) files.push({ suffix: `-${artboard.width}w.svg`, data: artboard.svg });
  if (chart.embed) files.push({ suffix: '.html', data: chart.html ?? embedFile({ ...chart, embed: chart.embed }) });
  for (const card of chart.socialCards ?? []) files.push({ suffix: `-social-${cardName(card)}.png`, data: card.png });
  return files;
}

type RenderOptions = {
  png?: boolean;
  /** Draw the PDF too (`--formats pdf`); off by default. */
  pdf?: boolean;
  /** PNG px per CSS px (`--scale`); else the theme's, else DEFAULT_SCALE. */
  scale?: number;
  /** `dark` draws SVG and PNG in the dark palette (`--theme dark`). */
  theme?: 'light' | 'dark';
  /** The spec's own layout re-laid-out at this width (px), as an artboard is (the typed API's `width`). */
  width?: number;
  /** A BCP 47 tag in place of the spec's `locale` (the typed API's `locale`). */
  locale?: string;
  /** Count the rows in and out of each step polars runs (`build --explain`: one more query per step). */
  explain?: boolean;
};

/** What a caller of renderChart is told while the chart is drawn (not options: nothing here changes a file). */
export interface RenderProgress {
  /**
   * The chart's SVG (RenderedChart.svg), once its PNG is drawn and being
   * encoded off this thread, when no error is known yet (the chart may still
   * fail after it: a refused PNG, a social card). Not called without a PNG.
   * `build` in its own thread stages the SVG then, while this thread would
   * otherwise wait for the PNG's bytes.
   */
  onSvg?: (svg: string) => void;
}

/**
 * One chart through every stage `build` runs short of writing files: `check`
 * calls it too, so both report the same problems. `drawn` is the rows the
 * chart draws (what its footer cites), for check's lint rules. Diagnostics
 * are capped at MAX_PROBLEMS_PER_FILE per file, then "and N more".
 */
export async function renderChart(
  project: Project,
  name: string,
  options: RenderOptions = {},
  progress: RenderProgress = {},
): Promise<{ chart?: RenderedChart; diagnostics: Diagnostic[]; drawn?: CitedRow[]; layout?: ChartLayout; pushdowns?: Pushdown[] }> {
  const { chart, diagnostics, drawn, layout, pushdowns } = await drawChart(project, name, options, progress);
  return { ...(chart && { chart }), ...(drawn && { drawn }), ...(layout && { layout }), ...(pushdowns?.length && { pushdowns }), diagnostics: capDiagnostics(diagnostics) };
}

/** The spec's own layout as drawn: its width (px) and every text's size, for check's small-text rule. */
export interface ChartLayout {
  width: number;
  textSizes: DrawnTextSize[];
}

async function drawChart(project: Project, name: string, options: RenderOptions, progress: RenderProgress): Promise<{ chart?: RenderedChart; diagnostics: Diagnostic[]; drawn?: CitedRow[]; layout?: ChartLayout; pushdowns?: Pushdown[] }> {
  const { cwd } = project;
  // 1. Read the spec and check its data references stay inside data/.
  const specRead: ReadLedger = new Map();
  // An edition (NAME.fr) reads its original's spec and its translation file (src/locale).
  const read = await recordReads(specRead, () => readChartSpec(cwd, name));
  const diagnostics = read.diagnostics.slice();
  if (!read.spec || hasErrors(diagnostics)) return { diagnostics };
  const laidOut = options.width === undefined ? read.spec : atChosenWidth(read.spec, options.width, project, diagnostics);
  if (!laidOut) return { diagnostics };

  // 2. Load the cited tables it uses (each once per project). A big table
  // (src/bigtable) is scanned by polars, which runs the spec's leading
  // transforms: Vega gets the rows they leave and the spec without them.
  const big = await pushDownChart(project, laidOut, { explain: options.explain });
  pushAll(diagnostics, big.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics };
  const spec = big.spec;
  const { tables: originals, diagnostics: tableDiagnostics } = await project.tablesFor(spec, big.tables);
  pushAll(diagnostics, tableDiagnostics);
  const { tables, sources: projectSources, diagnostics: translationDiagnostics } = editionTables(spec, originals, project.sources);
  pushAll(diagnostics, translationDiagnostics);
  if (hasErrors(diagnostics) || hasErrors(project.diagnostics)) return { diagnostics };

  // Maps: the boundary files it draws (src/geo), cited apart from the figures.
  const geo = await readBoundaries(cwd, spec, project.sources);
  pushAll(diagnostics, geo.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics };

  // 3. Check data against spec (src/checks), compile with the theme, data
  // injected, Vega-Lite's messages judged; 4. render the chart to SVG, Vega's judged.
  const theme = project.theme?.value as Record<string, unknown> | undefined;
  const locale = chartLocale(options.locale ?? spec.settings.locale, theme);
  const compiled = compileSpec(spec, tables, theme, geo.boundaries, locale, projectSources);
  // At a chosen width, Vega-Lite's note on citechart's own fit-x setting is noise, as for an artboard.
  pushAll(diagnostics, options.width === undefined ? compiled.diagnostics : compiled.diagnostics.filter((d) => !isFitNoise(d.message)));
  if (!compiled.chart) return { diagnostics };
  const rendered = await renderFitted(compiled.chart, cwd, spec.json, MIN_FOOTER_WIDTH);
  pushAll(diagnostics, rendered.diagnostics);
  if (!rendered.render) return { diagnostics };
  const render = rendered.render;
  pushAll(diagnostics, drawnWarnings(spec, compiled.chart, render));
  if (hasErrors(diagnostics)) return { diagnostics };

  // 5. Provenance: exactly the rows drawn (citedRows says how), their
  // sources, notes, alt text, hashes.
  const { origins: drawn, folded } = citedRows(spec, compiled.chart, render);
  const rows: CitedRow[] = drawn.map((origin) => origin.row);
  if (!rows.length) return { diagnostics: diagnostics.concat([drawsNothing(spec)]) };
  // Footnote markers (src/markers): each noted row's marker beside its label, numbered as the footer's notes.
  const markers: MarkerInputs = { drawn, notes: noteNumbers(rows, spec.settings.notes), symbols: readMarkerSymbols(theme, spec.vegaLite.config as Record<string, unknown> | undefined) };
  const marked = await drawMarkers(rendered.chart, render, markers, cwd, spec.json, MIN_FOOTER_WIDTH);
  pushAll(diagnostics, marked.diagnostics);
  const sourceIds = citedSourceIds(rows);
  const mapSources = boundarySources(geo.boundaries);
  const sources = sourceIds.map((id) => projectSources.get(id)!);
  const cited = sources.concat(mapSources.filter((source) => !sourceIds.includes(source.id)));
  const title = chartTitle(spec.vegaLite);
  const subtitle = chartSubtitle(spec.vegaLite);
  const origins = compiled.chart.origins;
  // Read against the spec as written (a pushed count is a sum in the spec Vega drew: src/bigtable).
  const encodingPushed = big.pushdowns.some((p) => p.plan.steps.some((step) => step.label.startsWith('encoding:')));
  const drawnAs = drawnValues(laidOut.vegaLite, render.scenegraph, (id) => origins[id]?.row, (field) => isPercentColumn(tables, field), locale, encodingPushed ? pushedAggregateKey : undefined);
  // A newsroom table (src/table) reads out its own rows, in its order.
  const table = compiled.chart.table && tableFacts(compiled.chart.table, title, subtitle, rows, projectSources, locale);
  // Drafted from the spec as written: a pushed-down count is a sum in the spec Vega got (src/bigtable).
  const written =
    spec.settings.alt ||
    (table ? tableAltText(table, sources, locale) : draftAltText(laidOut.vegaLite, title, folded ? [] : rows, sources, drawnAs, locale, [noDataSentence(compiled.chart.noData, locale)], subtitle));
  // Each marked row's note goes with the row in the alt text, as its marker does in the graphic.
  const altNotes = { notes: markers.notes, symbols: markers.symbols };
  const alt = [written, ...noteSentences(rows, altNotes, locale, written)].join(' ');
  // The trail (src/trail): the rows drawn, checked against the published
  // figures; a change no correction covers stops the chart.
  // A translated edition records the figures as the CSVs and sources.csv hold them, as its original does.
  const trail = chartTrail(spec.edition ? inOriginalWords(drawn, originals) : drawn, sourceIds.map((id) => project.sources.get(id)!), (file) => filtersRows(spec.vegaLite, file));
  const log = await projectTrail(project);
  pushAll(diagnostics, log.diagnostics);
  const publication = checkPublished(name, log.published, trail, log.corrections, originals);
  pushAll(diagnostics, publication.diagnostics);
  if (hasErrors(log.diagnostics) || hasErrors(publication.diagnostics)) return { diagnostics };
  const drawnByTable = drawnKeys(drawn);
  const corrections = chartCorrections(name, log.corrections, drawnByTable, publication.changes);
  const inputs = await hashInputs(cwd, [
    ...tables.keys(),
    ...[...tables.values()].flatMap((table) => (table.sidecar ? [table.sidecar] : [])),
    'data/sources.csv',
    spec.file,
    ...(spec.edition ? [spec.edition.translation.file] : []),
    ...(project.theme ? [project.theme.file] : []),
    ...geo.boundaries.keys(),
    // Read by every chart when present: inputs of the build cache, not of the graphic's record.
    ...[CORRECTIONS_FILE, PUBLISHED_FILE].filter((file) => projectFileExists(cwd, file)),
  ], new Map([...project.readHashes, ...specRead, ...boundaryInputs(geo.boundaries).map((input) => [input.file, input.sha256] as const)]));
  // The graphic records the rows it draws, not whole tables (nor the correction log): an unrelated row changes none of its bytes.
  // A big table is recorded whole too (its hash, streamed): its drawn rows are aggregates, not its rows.
  const bigFiles = new Set(big.pushdowns.map((p) => p.file));
  const wholeFiles = inputs.filter((input) => (!/\.csv$/i.test(input.file) || bigFiles.has(input.file)) && input.file !== PUBLISHED_FILE);
  // Big tables: per source, the rows read, kept by the filters and drawn (absent for other tables, whose outputs stay as they were).
  const summaries = tableSummaries(drawn);
  const facts = { name, title, alt, credit: spec.settings.credit, sources: cited, inputs: wholeFiles, trail, corrections, claims: quoteClaims(drawn, projectSources, drawnAs), versions: toolVersions(), locale, ...(summaries.length && { tableSummaries: summaries }) };

  // 6. The published SVG (footer drawn in), then the PNG from that same SVG.
  const translator = spec.edition?.translation.translator;
  const footerExtras = {
    locale,
    maps: mapSources.map((source) => citeSource(source, locale)),
    corrections,
    credits: translator ? [locale.say('translationCredit', { translator })] : [],
    markers: markers.symbols,
    names: sourceNames(mapSources).concat(translator ? [translator] : []),
  };
  const paragraphs = footerParagraphs(rows, projectSources, spec.settings, footerExtras);
  // The footer is measured synchronously: fonts for the scripts its sources are written in must be on disk.
  if (needsFallbackFonts(JSON.stringify(paragraphs))) await prepareFallbackFonts();
  // `lang` only when a locale is set: without one the output stays as it was.
  const language = locale.tag ? { lang: locale.tag, dir: locale.direction } : {};
  // The JSON-LD built once (its citations and row trails are most of it); each file's copy differs only in
  // `encodingFormat`, which a spread replaces in place, so every copy's bytes are as if built for its format.
  const provenance = jsonLd(facts, 'text/html');
  const provenanceAs = (encodingFormat: string) => ({ ...provenance, encodingFormat });
  const embed: EmbedFacts = {
    name,
    title,
    ...(subtitle && { subtitle }),
    alt,
    footer: paragraphs,
    sources: cited,
    tables: drawnTables(drawn, projectSources, drawnAs, locale, altNotes, readerColumns(laidOut.vegaLite, spec.edition?.translation.strings), rowPositions(render.scenegraph, laidOut.vegaLite, locale.direction === 'rtl', compiled.chart.origins)),
    jsonLd: provenance,
    ...language,
    ...(table && { table }),
  };
  // The snippets of one chart's language editions link to each other (the list of specs/ is part of the build's cache key).
  const links = editionLinks(name, await projectSpecs(project), chartLocale(spec.edition ? spec.edition.originalTag : spec.settings.locale, theme).tag);
  if (links.length) embed.editions = { lead: `${locale.say('otherEditions')}${locale.words.colon}`, separator: locale.words.listSeparator, links };
  const common = {
    name,
    title,
    alt,
    paragraphs,
    jsonLd: JSON.stringify(provenanceAs('image/svg+xml')),
    scheme: options.theme,
    darkMode: spec.settings.darkMode,
    darkBackground: readDarkBackground(theme, spec.vegaLite.config as Record<string, unknown> | undefined),
    footerStyle: readFooterStyle(theme, spec.vegaLite.config as Record<string, unknown> | undefined),
    ...(locale.tag && { lang: locale.tag, direction: locale.direction }),
  };
  // A map's region labels placed inside their regions or beside them with a leader (src/geo), in every layout: article, artboards, cards, print.
  // A label with no honest place is left out, and said, naming the chart, the layout and the label (once per layout).
  const layout = (r: typeof render, where = messages.geo.labelPlace('own', Math.round(r.width))) => {
    const labelled = placeMapLabels(r);
    for (const label of labelled.placed) {
      if (!label.omitted) continue;
      // At the label's own place (its CSV cell, else the spec's text mark), not only the spec's name.
      const at = locateDrawnText([label.text], origins, spec.json).get(label.text.trim())!;
      const warning: Diagnostic = { ...at, severity: 'warning', message: messages.geo.labelLeftOut(name, where, label.text) };
      if (!diagnostics.some((d) => d.message === warning.message)) diagnostics.push(warning);
    }
    return { vegaSvg: dropLinks(labelled.render.svg).svg, width: r.width, height: r.height, padding: r.padding, background: r.background };
  };
  // The font goes in last, once the text it draws is final (ids, dark palette), unless the site serves it.
  const withFonts = (composed: string) => (spec.settings.embedFonts === false ? composed : embedFonts(composed));
  const svg = await withFonts(composeSvg({ ...common, ...layout(marked.render), ...(options.width !== undefined && { exactWidth: true }) }));

  // 7. Artboards: the same chart and footer re-laid-out by Vega at each width.
  const artboards: NonNullable<RenderedChart['artboards']> = [];
  // The spec's own widths, else the theme's (phone-first by default), where Vega-Lite can fit one width.
  for (const width of artboardWidths(spec, theme)) {
    const rerendered = await renderArtboard(spec, tables, theme, width, cwd, diagnostics, geo.boundaries, locale, markers, projectSources);
    if (!rerendered.render) return { diagnostics };
    artboards.push({ width, svg: await withFonts(composeSvg({ ...common, ...layout(rerendered.render, messages.geo.labelPlace('artboard', width)), prefix: artboardPrefix(name, width), exactWidth: true })) });
  }

  // 8. Social cards: which of the theme's sizes (the spec may choose or refuse them), checked even when no PNG is drawn.
  const chosen = chosenCards(spec, theme);
  pushAll(diagnostics, chosen.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics };

  let png: Buffer | undefined;
  let html: string | undefined;
  const socialCards: NonNullable<RenderedChart['socialCards']> = [];
  const xmpFields = (format: string) => ({
    title: title || name,
    description: alt,
    sources: cited.map((source) => citeSource(source, locale)),
    jsonLd: JSON.stringify(provenanceAs(format)),
  });
  if (options.png !== false) {
    // sharp's pixel limit, checked from the SVG's size rather than by
    // rasterising a gigantic image only to be refused.
    const scale = options.scale ?? themeScale(theme) ?? DEFAULT_SCALE;
    const size = pngSize(svg, scale);
    if (size && (size.width * size.height > PNG_PIXEL_LIMIT || Math.max(size.width, size.height) > PNG_MAX_SIDE)) {
      const at = ['width', 'height'].filter((key) => key in spec.vegaLite);
      diagnostics.push(spec.json.diagnostic(at.slice(0, 1), messages.spec.pngTooLarge(size.width / scale, size.height / scale, PNG_MAX_SIDE, PNG_PIXEL_LIMIT, scale)));
      return { diagnostics };
    }
    const xmp = xmpPacket(xmpFields('image/png'));
    try {
      // The PNG follows the spec's own layout (NAME.svg), not an artboard.
      // Its encoding runs off this thread: build stages the SVG meanwhile (RenderProgress.onSvg).
      const drawing = renderPng(svg, xmp, scale, () => {
        if (!hasErrors(diagnostics)) progress.onSvg?.(svg);
      });
      // Meanwhile, the snippet: it needs to know only that there is a PNG, not its bytes. The first PNG of a process
      // is drawn and encoded off this thread, which waited idle for it (issue 15, cold start: embedFile ≈4.6 ms of a
      // one-chart build). Should the snippet throw, the drawing's outcome is still awaited, never left unhandled.
      try {
        html = embedFile({ name, svg, png: drawing, embed, ...(artboards.length && { artboards }) });
      } finally {
        png = await drawing;
      }
    } catch (error) {
      // sharp refuses e.g. images over its pixel limit: a spec's size slipped a zero.
      const reason = error instanceof Error ? error.message : String(error);
      const at = ['width', 'height'].filter((key) => key in spec.vegaLite);
      diagnostics.push(spec.json.diagnostic(at.slice(0, 1), messages.build.pngFailed(reason, render.width, render.height)));
      return { diagnostics };
    }
    // Each card re-laid-out by Vega at its size (src/social), its PNG carrying the same XMP as NAME.png.
    const context: CardContext = {
      spec, tables, theme, boundaries: geo.boundaries, locale, cwd, markers, sources: projectSources,
      footers: [paragraphs, ...(['short', 'publishers'] as const).map((brevity) => footerParagraphs(rows, projectSources, spec.settings, { ...footerExtras, brevity }))],
      footerStyle: common.footerStyle,
      direction: locale.direction === 'rtl' ? 'rtl' : 'ltr',
      compose: async (r, width, height, card, view, footer) =>
        composeSvg({ ...common, ...layout(r, messages.geo.labelPlace('card', card.width, card.height)), paragraphs: footer.paragraphs, footerStyle: footer.style, width, prefix: `${idPrefix(name)}.s${cardName(card)}`, exactWidth: true, exactHeight: height, viewSize: view }),
    };
    for (const card of chosen.cards) {
      const drawn = await drawSocialCard(context, card, diagnostics);
      if (hasErrors(diagnostics)) return { diagnostics };
      if (drawn.svg) socialCards.push({ ...card, svg: drawn.svg, png: await renderPng(drawn.svg, xmp) });
    }
  }
  let pdf: Buffer | undefined;
  if (options.pdf) {
    // At a print width (mm) the chart is laid out again, as an artboard, so its text keeps its size in print.
    const print = printLayout(spec, theme);
    let printSvg = svg;
    if (print.layoutWidth !== undefined) {
      const rerendered = await renderArtboard(spec, tables, theme, print.layoutWidth, cwd, diagnostics, geo.boundaries, locale, markers, projectSources);
      if (!rerendered.render) return { diagnostics };
      printSvg = await withFonts(composeSvg({ ...common, ...layout(rerendered.render, messages.geo.labelPlace('artboard', print.layoutWidth)), prefix: artboardPrefix(name, print.layoutWidth), exactWidth: true }));
    }
    // Fonts go in even when the spec leaves them out of its SVG: a PDF must carry its own.
    if (spec.settings.embedFonts === false) printSvg = await embedFonts(printSvg);
    // PDFKit shapes with fontkit, which threw on Gurmukhi and measured Khmer 7.6 px off HarfBuzz: no PDF rather than a wrong one.
    const unshaped = complexScriptsIn([...drawnText(printSvg).values()].join(''));
    if (unshaped.length) diagnostics.push({ file: spec.file, severity: 'warning', message: messages.text.pdfComplexScript(unshaped) });
    else {
      // Loaded only for a PDF: PDFKit, svg-to-pdfkit and bidi-js stay out of every other build.
      const { renderPdf } = await import('./render/renderPdf.js');
      pdf = await renderPdf(printSvg, { xmp: xmpFields('application/pdf'), created: pdfDate(cited), ...(locale.tag && { lang: locale.tag }), ...(print.widthPt && { pageWidthPt: print.widthPt }) });
    }
  }
  const chart: RenderedChart = { name, svg, png, ...(pdf && { pdf }), embed, ...(html !== undefined && { html }), entry: { title, sources: sourceIds, inputs, drawn: drawnByTable, ...(locale.tag && { language: locale.tag }) } };
  if (artboards.length) chart.artboards = artboards;
  if (socialCards.length) chart.socialCards = socialCards;
  return { chart, diagnostics, drawn: rows, layout: { width: render.width, textSizes: drawnTextSizes(render.scenegraph) }, pushdowns: big.pushdowns };
}

/**
 * One artboard (`usermeta.citechart.widths`): the chart compiled and drawn
 * again at `width` px. Adds to `diagnostics` what is new at this width (not
 * already said, not citechart's own fit-y noise), and an error when the
 * plot gets no room at all (labels wider than the artboard: Vega then draws
 * the plot at width 0, off the artboard's right edge, without a word).
 * `build` and `check` both call this.
 */
export async function renderArtboard(
  spec: ChartSpec,
  tables: Map<string, CitedTable>,
  theme: Record<string, unknown> | undefined,
  width: number,
  cwd: string,
  diagnostics: Diagnostic[],
  boundaries?: Map<string, Boundary>,
  locale?: Locale,
  /** The noted rows' markers, as the spec's own layout draws them (drawMarkers); none when absent. */
  markers?: MarkerInputs,
  /** The project's sources, for a table's citation column (src/table). */
  sources?: Map<string, Source>,
): Promise<{ render?: VegaRender }> {
  const compiled = compileSpec({ ...spec, vegaLite: atWidth(spec.vegaLite, width, theme) }, tables, theme, boundaries, locale, sources);
  const rerendered = compiled.chart && (await renderFitted(compiled.chart, cwd, spec.json));
  const seen = new Set(diagnostics.map((d) => d.message));
  pushAll(diagnostics, compiled.diagnostics.concat(rerendered?.diagnostics ?? []).filter((d) => !seen.has(d.message) && !isFitNoise(d.message)));
  if (!rerendered?.render) return {};
  const plot = plotWidth(rerendered.render.scenegraph);
  if (plot !== undefined && plot < MIN_PLOT_WIDTH) {
    // At the spec's widths entry, or (a theme artboard) at the spec's top.
    const index = spec.settings.widths?.indexOf(width) ?? -1;
    const at = index >= 0 ? ['usermeta', 'citechart', 'widths', index] : [];
    diagnostics.push(spec.json.diagnostic(at, messages.spec.artboardNoRoom(width, plot)));
    return {};
  }
  // A label cut only at this width (a phone's artboard) is as wrong there as in the spec's own layout: said, naming the width.
  const cut = truncationWarnings(truncatedLabels(rerendered.render.scenegraph), rerendered.chart.origins, spec.json, width);
  pushAll(diagnostics, cut.filter((d) => !seen.has(d.message)));
  // More ticks fit a wider artboard: two of them may read alike only there (tick-labels), which is as wrong as in the spec's own layout.
  pushAll(diagnostics, tickLabelErrors(spec.json, spec.vegaLite, rerendered.render.scenegraph, width).filter((d) => !seen.has(d.message)));
  // A narrower artboard has less room between its labels: two may crowd only there.
  pushAll(diagnostics, crowdedLabelErrors(spec.json, spec.vegaLite, rerendered.render.scenegraph, width).filter((d) => !seen.has(d.message)));
  pushAll(diagnostics, overlappingTextErrors(spec.json, spec.vegaLite, rerendered.render.scenegraph, width).filter((d) => !seen.has(d.message)));
  pushAll(diagnostics, clippedTextErrors(spec.json, spec.vegaLite, rerendered.render, width).filter((d) => !seen.has(d.message)));
  if (!markers) return { render: rerendered.render };
  const marked = await drawMarkers(rerendered.chart, rerendered.render, markers, cwd, spec.json);
  pushAll(diagnostics, marked.diagnostics.filter((d) => !seen.has(d.message)));
  return { render: marked.render };
}

/**
 * The artboard widths (px) a chart is laid out at: the spec's own `widths`,
 * else the theme's `citechart-artboard-*` styles (phone-first by default),
 * where Vega-Lite can fit one width (not concat or facet).
 */
export function artboardWidths(spec: ChartSpec, theme: Record<string, unknown> | undefined): number[] {
  return spec.settings.widths ?? (fitsOneWidth(spec.vegaLite) ? themeArtboards(theme) : []);
}

/**
 * The spec re-laid-out at `width` px (the typed API's `width` option), as
 * an artboard is (atWidth); undefined, with an error at the spec's top,
 * when Vega-Lite cannot fit it to one width (concat, facet).
 */
function atChosenWidth<S extends ChartSpec>(spec: S, width: number, project: Project, diagnostics: Diagnostic[]): S | undefined {
  if (fitsOneWidth(spec.vegaLite)) return { ...spec, vegaLite: atWidth(spec.vegaLite, width, project.theme?.value as Record<string, unknown> | undefined) };
  diagnostics.push(spec.json.diagnostic([], messages.api.widthNotFitted(width)));
  return undefined;
}

/** Each drawn origin with its table and row as the CSV holds them (before an edition's translation), matched by row index. */
function inOriginalWords(drawn: RowOrigin[], originals: Map<string, CitedTable>): RowOrigin[] {
  // Rows are looked up by index through a Map made once per table (a search of every row per drawn row grew with the
  // square of the rows: a review's sweep, 2026-12-01); a table's rows are usually stored at their index, tried first.
  const byIndex = new Map<CitedTable, Map<number, CitedRow>>();
  const rowAt = (table: CitedTable, index: number): CitedRow | undefined => {
    const direct = table.rows[index];
    if (direct?.index === index) return direct;
    let rows = byIndex.get(table);
    if (!rows) byIndex.set(table, (rows = new Map(table.rows.map((row) => [row.index, row]))));
    return rows.get(index);
  };
  return drawn.map((origin) => {
    const table = originals.get(origin.table.file);
    const row = table && rowAt(table, origin.row.index);
    return table && row ? { ...origin, table, row } : origin;
  });
}

/**
 * The project's chart names (listSpecs), read once per opened project
 * rather than once per chart: a project is opened per build, check or API
 * call (and once per build worker), as its tables are read once.
 */
const specLists = new WeakMap<Project, Promise<string[]>>();
function projectSpecs(project: Project): Promise<string[]> {
  let list = specLists.get(project);
  if (!list) specLists.set(project, (list = listSpecs(project.cwd)));
  return list;
}

/** Narrower than this (px), a plot shows nothing readable. */
const MIN_PLOT_WIDTH = 20;

/** The width (px) of the plot of a single or layered view: the root group's first item, as Vega lays it out. */
function plotWidth(scenegraph: unknown): number | undefined {
  const item = (scenegraph as { items?: Array<{ width?: unknown }> } | undefined)?.items?.[0];
  return typeof item?.width === 'number' ? item.width : undefined;
}

/**
 * What the drawn chart tells, short of writing: links left out, labels cut
 * at their limit, repeated palette colours (warnings); marks drawn off the
 * plot, repeated tick labels, axis labels crowded into one, legend classes labelled alike, a diverging
 * scheme whose middle is not at 0, labels too faint on their fill (errors). `build` and `check`
 * both call this on the fitted render, so they report the same. (The PNG's
 * size is checked from the published SVG, footer included, in renderChart.)
 */
export function drawnWarnings(spec: ChartSpec, chart: CompiledChart, render: VegaRender): Diagnostic[] {
  return [
    ...linkWarnings(spec, render.svg),
    ...truncationWarnings(truncatedLabels(render.scenegraph), chart.origins, spec.json),
    ...paletteWarnings(spec, render.repeatedPalettes),
    ...nonFiniteErrors(spec, render.nonFinite),
    // An infinite value or scale span (above) puts marks nowhere too: one error says why.
    ...(render.nonFinite.length ? [] : drawnChecks(spec.json, spec.vegaLite, render.scenegraph)),
    ...tickLabelErrors(spec.json, spec.vegaLite, render.scenegraph),
    ...crowdedLabelErrors(spec.json, spec.vegaLite, render.scenegraph),
    ...overlappingTextErrors(spec.json, spec.vegaLite, render.scenegraph),
    ...clippedTextErrors(spec.json, spec.vegaLite, render),
    ...classLabelErrors(spec.json, spec.vegaLite, chart.vega, render.scenegraph),
    ...divergingMidpointErrors(spec.json, spec.vegaLite, chart.vega, render.scenegraph),
    ...contrastErrors(spec.json, spec.vegaLite, render.scenegraph),
  ];
}

/** A value or scale span past ±1.8e308 (renderSvg's nonFinite): an error at the encoding of its field (Vega-Lite names an aggregate OP_FIELD), never a mark silently missing. */
function nonFiniteErrors(spec: ChartSpec, found: VegaRender['nonFinite']): Diagnostic[] {
  const fields = encodedFields(spec.vegaLite, false);
  return found.map((item) => {
    if (item.kind === 'scale') {
      const encoded = fields.find((f) => f.channel === item.scale);
      const message = messages.spec.nonFiniteScale(item.scale, item.domain[0], item.domain[1]);
      return encoded ? spec.json.diagnostic(encoded.jsonPath, message) : spec.json.diagnostic([], message);
    }
    const encoded = fields.find((f) => f.field === item.field || (f.aggregate && `${f.aggregate}_${f.field}` === item.field));
    const message = messages.spec.nonFiniteValue(encoded?.field ?? item.field, encoded?.aggregate || undefined, item.value, item.group.map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(', '));
    return encoded ? spec.json.diagnostic(encoded.jsonPath, message) : spec.json.diagnostic([], message);
  });
}

/** A colour scale with more categories than palette colours: at its encoding (Vega-Lite names the scale after the channel). */
function paletteWarnings(spec: ChartSpec, repeated: VegaRender['repeatedPalettes']): Diagnostic[] {
  return repeated.map(({ scale, categories, colours }) => {
    const encoded = encodedFields(spec.vegaLite, false).find((f) => f.channel === scale);
    const message = messages.spec.paletteRepeats(encoded?.field ?? '', categories, colours);
    return encoded ? spec.json.diagnostic(encoded.jsonPath, message, 'warning') : spec.json.diagnostic([], message, 'warning');
  });
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

/** Each drawn row's place along the graphic's category axis (drawnOrder), for the snippet's tables: by row, not row id. */
function rowPositions(scenegraph: unknown, vegaLite: Record<string, unknown>, rtl: boolean, origins: RowOrigin[]): Map<CitedRow, number> {
  const positions = new Map<CitedRow, number>();
  for (const [id, at] of drawnOrder(scenegraph, vegaLite, rtl)) {
    const origin = origins[id];
    if (origin) positions.set(origin.row, at);
  }
  return positions;
}
