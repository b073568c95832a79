import type { CompiledChart } from '../compile/compileSpec.js';
import type { JsonFile } from '../compile/readJsonFile.js';
import type { Diagnostic } from '../model.js';
import { fitToWidth } from './fitToWidth.js';
import { renderSvg, type VegaRender } from './renderSvg.js';

/** At most this many re-layouts: one to cut text marks and wrap axis titles, one to fit legends and the title to what is left (fitToWidth), one spare. */
const MAX_PASSES = 3;

/**
 * renderSvg, then again with the title wrapped, legend entries in rows and
 * long text marks limited (fitToWidth) until nothing sticks out past the
 * chart; most charts fit at once and are drawn once. `minWidth` (px) is
 * room the graphic has anyway (the footer's narrowest column). The
 * diagnostics are the last render's.
 */
export async function renderFitted(
  chart: CompiledChart,
  cwd: string,
  /** The spec the chart was compiled from (renderSvg reports Vega's errors at its nodes). */
  json: JsonFile,
  minWidth = 0,
): Promise<{ render?: VegaRender; diagnostics: Diagnostic[]; chart: CompiledChart }> {
  let result = await renderSvg(chart, cwd, json);
  for (let pass = 0; pass < MAX_PASSES && result.render; pass++) {
    const vega = fitToWidth(chart.vega, result.render.scenegraph, minWidth);
    if (!vega) break;
    chart = { ...chart, vega };
    result = await renderSvg(chart, cwd, json);
  }
  return { ...result, chart };
}
