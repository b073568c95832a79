import type { LoggerInterface } from 'vega';
import { vega } from '../vegaBuilds.js';
import type { CompiledChart } from '../compile/compileSpec.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { ROW_ID_FIELD } from '../compile/injectData.js';
import { explainVegaError, reasonOf } from '../compile/explainVegaError.js';
import type { JsonFile } from '../compile/readJsonFile.js';
import { confinedLoader } from './confinedLoader.js';
import { splitAtFolds } from './splitAtFolds.js';
import { installTextMetrics } from './textMetrics.js';

const HEADLESS_NOISE = /^Can not resolve event source: window$/;

/** Vega's own SVG of a chart plus the scenegraph it was drawn from. */
export interface VegaRender {
  svg: string;
  width: number;
  height: number;
  background: string;
  /** Vega's padding around the chart, in px: the footer aligns with it. */
  padding: { top: number; left: number; right: number; bottom: number };
  scenegraph: unknown;
  /** Row ids of the rows that feed an aggregate or window, after the spec's filters. */
  foldedRowIds: Set<number>;
  /** Some aggregate sits inside a facet, where its input rows cannot be read back. */
  nestedFolds: boolean;
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
  process.env.TZ = 'UTC';
  installTextMetrics();
  const diagnostics: Diagnostic[] = [];
  // Vega logs dataflow failures (a TypeError in an expression run over a
  // row) rather than throwing them: each becomes a diagnostic at the spec
  // node that caused it, in words, never the JavaScript text.
  const note = (severity: Diagnostic['severity']) => (...args: unknown[]) => {
    const reason = args.map(reasonOf).join(' ');
    // Interactive selections listen to the browser window, which a headless render has not.
    if (HEADLESS_NOISE.test(reason)) return;
    const inOwnWords = severity === 'error' ? messages.spec.renderFailed : messages.spec.vegaWarning;
    diagnostics.push(explainVegaError(args.length === 1 ? args[0] : reason, json, inOwnWords, severity));
  };
  const logger = {
    level: () => logger,
    error: note('error'),
    warn: note('warning'),
    info: () => logger,
    debug: () => logger,
  };
  try {
    const { spec, feeding, nestedFolds } = splitAtFolds(chart.vega);
    const view = new vega.View(vega.parse(spec), {
      renderer: 'none',
      loader: confinedLoader(cwd),
      logger: logger as unknown as LoggerInterface,
    });
    await view.runAsync();
    const svg = await view.toSVG();
    const foldedRowIds = new Set<number>();
    for (const name of feeding) {
      for (const row of (view.data(name) ?? []) as Record<string, unknown>[]) {
        if (typeof row[ROW_ID_FIELD] === 'number') foldedRowIds.add(row[ROW_ID_FIELD]);
      }
    }
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
        scenegraph: (view.scenegraph() as unknown as { root: unknown }).root,
        foldedRowIds,
        nestedFolds,
      },
      diagnostics,
    };
  } catch (error) {
    return { diagnostics: [...diagnostics, explainVegaError(error, json)] };
  }
}
