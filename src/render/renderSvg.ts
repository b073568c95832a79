import type { LoggerInterface } from 'vega';
import { vega } from '../vegaBuilds.js';
import type { CompiledChart } from '../compile/compileSpec.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { ROW_ID_FIELD } from '../compile/injectData.js';
import type { RawMessage } from '../compile/judgeMessages.js';
import { LIMITS } from '../limits.js';
import { explainVegaError, reasonOf } from '../compile/explainVegaError.js';
import type { JsonFile } from '../compile/readJsonFile.js';
import { confinedLoader } from './confinedLoader.js';
import { countMarkItems } from './countMarkItems.js';
import { countMarks } from './countMarks.js';
import { markBound } from './markBound.js';
import { splitAtFolds } from './splitAtFolds.js';
import { formatDatesByContext } from './monthsByContext.js';
import { installTextMetrics } from '../text/textMetrics.js';
import { needsFallbackFontsIn } from '../text/fontChain.js';
import { prepareFallbackFonts } from '../text/fallbackFonts.js';
import { repeatedPalettes, type PaletteSize } from './paletteSizes.js';
import { exposeInvalidFilters, nonFiniteValues, type NonFinite } from './nonFiniteValues.js';

const HEADLESS_NOISE = /^Can not resolve event source: window$/;

/** Vega's own SVG of a chart plus the scenegraph it was drawn from. */
export interface VegaRender {
  svg: string;
  width: number;
  height: number;
  background: string;
  /** Vega's padding around the chart, in px: the footer aligns with it. */
  padding: { top: number; left: number; right: number; bottom: number };
  /** Where the scene's (0, 0) is drawn in the SVG, px from its top-left: the padding, plus the room Vega's autosize makes for axes and labels. */
  origin?: [number, number];
  scenegraph: unknown;
  /** Row ids of the rows that feed an aggregate or window, after the spec's filters. */
  foldedRowIds: Set<number>;
  /** Some aggregate sits inside a facet, where its input rows cannot be read back. */
  nestedFolds: boolean;
  /** Colour scales with more categories than palette colours. */
  repeatedPalettes: PaletteSize[];
  /** Infinite values and scales of infinite span, whose marks Vega drops or draws 0 px long (renderChart makes them errors). */
  nonFinite: NonFinite[];
}

/**
 * Runs the Vega dataflow headless and serialises the scene to SVG. Time is
 * pinned to UTC so the same data gives the same ticks and labels in any
 * time zone (dates in CSVs are calendar dates, not instants on a reader's clock).
 */
export async function renderSvg(
  chart: CompiledChart,
  cwd: string,
  /** The spec the chart was compiled from: Vega's errors are reported at its nodes. */
  json: JsonFile,
): Promise<{ render?: VegaRender; diagnostics: Diagnostic[] }> {
  // Set only when it differs: each assignment to TZ makes V8 drop its date cache and ICU find the host's
  // time zone again (Node's env setter), ≈0.25 ms of CPU per chart when done for every chart (issue 15).
  if (process.env.TZ !== 'UTC') process.env.TZ = 'UTC';
  installTextMetrics();
  // Vega measures synchronously: fonts for scripts Source Sans 3 lacks must be on disk first.
  if (needsFallbackFontsIn(chart.vega)) await prepareFallbackFonts();
  const file = json.file;
  // Every message, errors included (a TypeError in an expression run over a
  // row, which Vega logs rather than throws), is located at the spec node
  // that caused it and judged by compileSpec's judge (judgeMessages), in
  // words, never the JavaScript text.
  const raw: RawMessage[] = [];
  const note = (severity: Diagnostic['severity']) => (...args: unknown[]) => {
    const reason = args.map(reasonOf).join(' ');
    // Interactive selections listen to the browser window, which a headless render has not.
    if (HEADLESS_NOISE.test(reason)) return;
    raw.push({ source: 'Vega', severity, reason, ...(severity === 'error' && { error: args.length === 1 ? args[0] : reason }) });
  };
  // Each message located in the spec and judged (compileSpec's judge); a
  // chart built by hand in a test passes them on as they are.
  const judge = (markItems?: Map<string, number>): Diagnostic[] =>
    chart.judge
      ? chart.judge(raw, markItems)
      : raw.map(({ severity, reason, error }) =>
          severity === 'error' ? explainVegaError(error ?? reason, json) : { file, severity, message: messages.spec.vegaWarning(reason) });
  const logger = {
    level: () => logger,
    error: note('error'),
    warn: note('warning'),
    info: () => logger,
    debug: () => logger,
  };
  try {
    const { spec, feeding, nestedFolds } = splitAtFolds(chart.vega);
    const unfiltered = exposeInvalidFilters(spec);
    // Counted from the data alone, before layout: 100,000 marks take minutes and gigabytes to lay out.
    // Counting runs the dataflow once more: skipped when the inline rows alone cannot reach the limit.
    const bound = markBound(spec);
    const marks = bound !== undefined && bound <= LIMITS.marksPerChart ? undefined : await countMarks(spec);
    if (marks !== undefined && marks > LIMITS.marksPerChart) {
      return { diagnostics: judge().concat([json.diagnostic([], messages.spec.tooManyMarks(marks, LIMITS.marksPerChart))]) };
    }
    const view = new vega.View(vega.parse(spec), {
      renderer: 'none',
      loader: confinedLoader(),
      logger: logger as unknown as LoggerInterface,
    });
    // An edition's month names by context, CLDR's ("9 мая", "февраль"): monthsByContext.ts.
    if (chart.dates) formatDatesByContext(view, chart.dates);
    await view.runAsync();
    const svg = await view.toSVG();
    const palettes = repeatedPalettes(view, spec);
    const nonFinite = nonFiniteValues(view, spec, unfiltered);
    const foldedRowIds = new Set<number>();
    for (const name of feeding) {
      for (const row of (view.data(name) ?? []) as Record<string, unknown>[]) {
        if (typeof row[ROW_ID_FIELD] === 'number') foldedRowIds.add(row[ROW_ID_FIELD]);
      }
    }
    const scenegraph = (view.scenegraph() as unknown as { root: unknown }).root;
    const diagnostics = judge(countMarkItems(scenegraph));
    view.finalize();
    if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
    const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
    return {
      render: {
        svg,
        width: Number(size?.[1] ?? view.width()),
        height: Number(size?.[2] ?? view.height()),
        // No background (null) means transparent, as in Vega itself.
        background: String(view.background() ?? 'none'),
        padding: { top: 0, left: 0, right: 0, bottom: 0, ...(view.padding() as object) },
        origin: view.origin().slice(0, 2) as [number, number],
        scenegraph,
        foldedRowIds,
        nestedFolds,
        repeatedPalettes: palettes,
        nonFinite,
      },
      diagnostics,
    };
  } catch (error) {
    raw.push({ source: 'Vega', severity: 'error', reason: reasonOf(error), error });
    return { diagnostics: judge() };
  }
}
