import type { CompiledChart } from '../compile/compileSpec.js';
import type { JsonFile } from '../compile/readJsonFile.js';
import type { Diagnostic } from '../model.js';
import { fitToWidth } from './fitToWidth.js';
import { renderSvg, type VegaRender } from './renderSvg.js';
import { checkNotes, placeNotes } from '../annotate/placeNotes.js';
import { annotationPath } from '../annotate/readAnnotations.js';
import * as messages from '../messages.js';

/** At most this many re-layouts: one to cut text marks and wrap axis titles, one to fit legends and the title to what is left (fitToWidth), one spare. */
const MAX_PASSES = 3;

/**
 * renderSvg, then again with the title wrapped, legend entries in rows and
 * long text marks limited (fitToWidth) until nothing sticks out past the
 * chart; most charts fit at once and are drawn once. `minWidth` (px) is
 * room the graphic has anyway (the footer's narrowest column). A chart with
 * annotation notes (src/annotate) is then drawn once more with each note
 * where it covers nothing (placeNotes), and each note that still covers a
 * mark or text in that final drawing, or is not drawn at all, is a warning
 * at its annotation. The diagnostics are the last render's.
 */
export async function renderFitted(
  chart: CompiledChart,
  cwd: string,
  /** The spec the chart was compiled from (renderSvg reports Vega's errors at its nodes). */
  json: JsonFile,
  minWidth = 0,
): Promise<{ render?: VegaRender; diagnostics: Diagnostic[]; chart: CompiledChart }> {
  let fitted = await fit(chart, cwd, json, minWidth);
  const notes = chart.notes;
  if (!notes?.length || !fitted.result.render) return { ...fitted.result, chart: fitted.chart };
  const { vega } = placeNotes(fitted.chart.vega as unknown as Record<string, unknown>, fitted.result.render.scenegraph, notes);
  fitted = await fit({ ...fitted.chart, vega: vega as unknown as CompiledChart['vega'] }, cwd, json, minWidth);
  const render = fitted.result.render;
  if (!render) return { ...fitted.result, chart: fitted.chart };
  const warnings = checkNotes(render.scenegraph, notes)
    .filter((note) => note.missing || note.covered > 0)
    .map((note) => json.diagnostic(annotationPath(note.note.index), messages.annotate.cannotPlace(note.note.text, render.width, !!note.missing), 'warning'));
  return { ...fitted.result, diagnostics: fitted.result.diagnostics.concat(warnings), chart: fitted.chart };
}

async function fit(chart: CompiledChart, cwd: string, json: JsonFile, minWidth: number): Promise<{ result: Awaited<ReturnType<typeof renderSvg>>; chart: CompiledChart }> {
  let result = await renderSvg(chart, cwd, json);
  for (let pass = 0; pass < MAX_PASSES && result.render; pass++) {
    const vega = fitToWidth(chart.vega, result.render.scenegraph, minWidth);
    if (!vega) break;
    chart = { ...chart, vega };
    result = await renderSvg(chart, cwd, json);
  }
  return { result, chart };
}
