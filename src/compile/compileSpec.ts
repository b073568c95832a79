import { addLanguageSignal } from '../locale/listExpression.js';
import type * as VegaLite from 'vega-lite';
import { vl } from '../vegaBuilds.js';
import type { Spec as VegaSpec } from 'vega';
import type { CitedTable, Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { FONT_STACK } from '../text/fonts.js';
import { timeFields } from './encodedFields.js';
import { checkBeforeDrawing } from '../checks/checkBeforeDrawing.js';
import { checkEmptyFilterLayers } from '../checks/emptyFilterLayers.js';
import { hasErrors } from '../errors.js';
import { checkChartRows, checkImputeRows } from './checkLimits.js';
import { explainVegaError, looksLikeJavaScript, reasonOf } from './explainVegaError.js';
import { isFitNoise } from './atWidth.js';
import { judgeMessages, type RawMessage } from './judgeMessages.js';
import { injectData, type RowOrigin } from './injectData.js';
import { breakTextMarks, lineBreakStyles } from './lineBreaks.js';
import { formatThresholdLegends } from './thresholdLegends.js';
import { labelClassEnds } from './classEndLabels.js';
import { judgeUnionedSorts } from './unionedSorts.js';
import { labelDates } from './dateLabels.js';
import { DEFAULT_DATE_TAG, rawTimeFormat } from '../locale/dateLabels.js';
import type { DateFormatting } from '../locale/monthNames.js';
import { withLabelSeparation } from './labelSeparation.js';
import type { ChartSpec } from './readSpec.js';
import { joinBoundaries } from '../geo/joinBoundaries.js';
import { fillBoundaries } from '../geo/fillBoundaries.js';
import { nameRegions } from '../geo/regionNames.js';
import { fitWithMargin } from '../geo/fitMargin.js';
import { fitOnce } from '../geo/fitOnce.js';
import { fitRegions } from '../geo/fitRegions.js';
import type { Boundary } from '../geo/readBoundary.js';
import { countryLanguage } from '../geo/countryList.js';
import type { Locale } from '../locale/readLocale.js';
import { readAnnotations } from '../annotate/readAnnotations.js';
import { readAnnotationStyle } from '../annotate/annotationStyle.js';
import { readTable, type TableSpec } from '../table/readTable.js';
import { readTableStyle, tableRoom, tableView } from '../table/tableView.js';
import type { Source } from '../model.js';
import { addAnnotations, bandsUnderneath, keepNoteRows, restoreMarkNames, type NoteMark } from '../annotate/annotationLayers.js';

export interface CompiledChart {
  vega: VegaSpec;
  origins: RowOrigin[];
  warnings: Diagnostic[];
  /**
   * Locates and judges what Vega logged while drawing (judgeMessages) and,
   * given the drawn scene's item count per mark name, adds the checks made
   * after drawing (a filtered layer that drew nothing). Absent in charts
   * built by hand in tests: Vega's messages are then passed on as warnings.
   */
  judge?: (raw: RawMessage[], markItems?: Map<string, number>) => Diagnostic[];
  /** Map shapes drawn with no figure ("no data"), named, for the alt text. */
  noData: string[];
  /** Annotation notes (src/annotate) whose place renderFitted chooses from the drawn scene. */
  notes?: NoteMark[];
  /** The newsroom table it draws (src/table), for the snippet's `<table>` and the alt text. */
  table?: TableSpec;
  /** Vega's date formatting with CLDR's month names by context (the locale's `dates`), unless the spec gives its own `config.locale`. */
  dates?: DateFormatting;
}

/**
 * Vega-Lite → Vega with the theme merged under the spec (the spec's own
 * `config` wins) and the cited rows injected as inline values.
 * `locale` (src/locale) becomes Vega's `config.locale`: d3's published
 * number and date formats of the language, so axes, labels and legends
 * write its decimal mark and month names. The theme's `locale` tag is
 * citechart's, never handed to Vega as is. A spec's own `config.locale`
 * still wins, as any config of the spec does. A map's country names are read
 * and written in the locale's language when i18n-iso-countries has it
 * (src/geo/regionNames.ts), else in English.
 * Throws nothing for a user mistake: returns diagnostics instead, each at
 * the spec node it is about (judgeMessages for warnings, explainVegaError
 * for errors): one for a chart over LIMITS.rowsPerChart rows, or an `impute`
 * that would make more than LIMITS.generatedRows, before any row is copied.
 * A newsroom table (`usermeta.citechart.table`, src/table) replaces the
 * spec's mark with its own view, and annotations (src/annotate) are added as
 * layers, after the rows are injected; an error in either is returned at
 * its place in the spec. `sources` names a table's publishers.
 * Expects a spec that passed validateSpec (readSpec does that).
 */
export function compileSpec(
  spec: ChartSpec,
  tables: Map<string, CitedTable>,
  theme: Record<string, unknown> | undefined,
  boundaries: Map<string, Boundary> = new Map(),
  locale?: Locale,
  /** sources.csv's sources: a table's `source` column names each row's publishers. */
  sources?: Map<string, Source>,
): { chart?: CompiledChart; diagnostics: Diagnostic[] } {
  // 1. Limits, then data against spec, before anything is drawn: a finding
  // that is an error stops the chart here (Vega would only draw the wrong graphic).
  const tooManyRows = checkChartRows(spec, tables);
  if (tooManyRows) return { diagnostics: [tooManyRows] };
  const imputeOver = checkImputeRows(spec, tables);
  if (imputeOver.length) return { diagnostics: imputeOver };
  const checked = checkBeforeDrawing(spec, tables, theme);
  if (hasErrors(checked)) return { diagnostics: checked };
  // 2. Vega-Lite → Vega, its messages located and judged.
  const { spec: rows, origins } = injectData(spec.vegaLite, spec.dataRefs, tables, timeFields(spec.vegaLite));
  // A newsroom table (src/table) draws its own view in place of the spec's mark.
  const tabled = readTable(spec, tables);
  if (tabled.diagnostics.length) return { diagnostics: checked.concat(tabled.diagnostics) };
  const config = spec.vegaLite.config as Record<string, unknown> | undefined;
  const drawnTable = tabled.table && tableView(rows, tabled.table, tables.get(tabled.table.file)!, sources, readTableStyle(theme, config), tableRoom(spec.vegaLite, theme), locale);
  const injected = drawnTable?.view ?? rows;
  if (drawnTable?.overflow) checked.push(spec.json.diagnostic(['usermeta', 'citechart', 'table'], messages.table.tooWide(drawnTable.overflow, tableRoom(spec.vegaLite, theme)!), 'warning'));
  // Annotations (src/annotate): checked against the rows, then drawn as layers of their own.
  const annotations = readAnnotations(spec, tables, (_table, row) => origins.findIndex((origin) => origin.row === row));
  if (hasErrors(annotations.diagnostics)) return { diagnostics: checked.concat(annotations.diagnostics) };
  // Warnings (a note left out) go with the chart's others.
  for (const warning of annotations.diagnostics) checked.push(warning);
  const annotated = addAnnotations(injected, annotations.annotations, readAnnotationStyle(theme, config));
  // Maps: boundaries injected too, lookups joined by region code (src/geo).
  // World countries are named in the chart's language (labels, alt text) before they are joined and drawn.
  const language = countryLanguage(locale?.tag ?? spec.settings.locale);
  const named = nameRegions(boundaries, language);
  const joined = joinBoundaries(injected, spec, named, origins, language);
  if (joined.diagnostics.length) return { diagnostics: joined.diagnostics };
  const raw: RawMessage[] = [];
  // Vega-Lite says it drops "fit-y" for a step height even when only "fit-x" was asked for: untrue then (isFitNoise).
  const onlyFitX = autosizeType(spec.vegaLite.autosize) === 'fit-x';
  const warn = (...args: unknown[]) => {
    const reason = args.map(reasonOf).join(' ');
    if (onlyFitX && isFitNoise(reason)) return;
    // Vega-Lite's warnings are in words; one in JavaScript's would tell an author nothing.
    if (!looksLikeJavaScript(reason)) raw.push({ source: 'Vega-Lite', severity: 'warning', reason });
  };
  const logger = {
    level: () => logger,
    error: (...args: unknown[]) => warn(...args),
    warn: (...args: unknown[]) => warn(...args),
    info: () => logger,
    debug: () => logger,
  };
  try {
    type Options = NonNullable<Parameters<typeof vl.compile>[1]>;
    const { spec: vega } = vl.compile(injected as unknown as VegaLite.TopLevelSpec, {
      // The bundled font is the default: it is what text is measured with
      // and what the PNG draws, so a theme without a font still lays out right.
      // style: a line break in a cell or spec string breaks the label, title
      // or legend entry there (lineBreaks.ts). An edition's dates without a
      // format or timeUnit in its language (rawTimeFormat); a theme's or the
      // spec's own `timeFormat` wins. Axis labels kept apart (labelSeparation.ts).
      config: { font: FONT_STACK, ...(locale?.tag && { timeFormat: rawTimeFormat(locale.tag) }), ...withLabelSeparation(withoutTag(theme)), ...(locale?.vega && { locale: locale.vega }), style: lineBreakStyles(theme?.style) } as VegaLite.Config,
      logger: logger as unknown as Options['logger'],
    });
    breakTextMarks(vega);
    addLanguageSignal(vega as { signals?: unknown[] }, locale?.tag ?? '');
    formatThresholdLegends(vega);
    // A quantize or quantile legend says where its first class starts and its last one ends.
    labelClassEnds(vega);
    // Dates without an author's format in the language's order and forms ("9 févr.", "15 h"), English too ("Feb 9", not "Tue 09"): dateLabels.ts.
    labelDates(vega, locale?.tag || DEFAULT_DATE_TAG);
    // Only a map has boundaries to put in: other charts' specs (rows and all) are not walked.
    if (named.size) fillBoundaries(vega, named);
    // A regional default projection (Europe, Russia) is fitted to the regions named, not the world drawn behind them.
    if (joined.fit) {
      const ids = new Set(joined.fit.ids);
      fitRegions(vega, named.get(joined.fit.url)!.features.filter((feature) => ids.has(String(feature.id))));
    }
    // Fitted inside a margin, so no coast is drawn against the frame as if sliced by it.
    if (named.size) fitWithMargin(vega);
    // Each shape fitted once, not once per layer that draws it (a choropleth's coloured layer is its world layer filtered).
    if (named.size) fitOnce(vega);
    if (annotated.madeLayered) restoreMarkNames(vega as unknown as Record<string, unknown>);
    keepNoteRows(vega as unknown as Record<string, unknown>, annotated.notes);
    bandsUnderneath(vega as unknown as Record<string, unknown>);
    // Layers' conflicting sorts: dropped when Vega-Lite kept one, an error at the sort when it drew the axis alphabetically.
    const sorts = judgeUnionedSorts(spec, vega, raw);
    const judged = [...sorts.diagnostics, ...judgeMessages(spec, sorts.raw)];
    const warnings = [...checked, ...judged];
    if (hasErrors(judged)) return { diagnostics: warnings };
    const judge = (drawn: RawMessage[], markItems?: Map<string, number>) => [
      ...judgeMessages(spec, drawn, markItems),
      ...(markItems ? checkEmptyFilterLayers(spec, markItems) : []),
    ];
    const notes = annotated.notes.length ? { notes: annotated.notes } : {};
    // The spec's own config.locale names its months; citechart's gets CLDR's (locale/monthNames.ts).
    const dates = locale?.dates && !(config && Object.hasOwn(config, 'locale')) ? { dates: locale.dates } : {};
    return { chart: { vega, origins, warnings, judge, noData: joined.noData, ...notes, ...(tabled.table && { table: tabled.table }), ...dates }, diagnostics: warnings };
  } catch (error) {
    // The spec passed Vega-Lite's schema (readSpec): what is left is mostly
    // an expression Vega cannot parse, or a name that refers to nothing.
    return { diagnostics: [explainVegaError(error, spec.json, messages.spec.compileFailed)] };
  }
}

/** The theme without its `locale` tag (a string Vega would not read; compileSpec gives the object). */
function withoutTag(theme: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!theme || typeof theme.locale !== 'string') return theme;
  const { locale: _tag, ...rest } = theme;
  return rest;
}

/** A spec's `autosize` type: the string itself, or the object's `type` (Vega-Lite's two forms). */
function autosizeType(autosize: unknown): unknown {
  return typeof autosize === 'object' && autosize !== null ? (autosize as { type?: unknown }).type : autosize;
}
