// Draws a chart as build does, markers included, at its own width and at
// each artboard width, and hands back the drawn scenes: the footnote-marker
// tests check overlaps on Vega's own bounding boxes, not on pixels.
import { atWidth } from '../../src/compile/atWidth.js';
import { compileSpec } from '../../src/compile/compileSpec.js';
import { readChartSpec, editionTables } from '../../src/locale/readEdition.js';
import { chartLocale } from '../../src/locale/chartLocale.js';
import { drawMarkers } from '../../src/markers/drawMarkers.js';
import { readMarkerSymbols } from '../../src/markers/markerStyle.js';
import { noteNumbers } from '../../src/markers/noteNumbers.js';
import { citedRows } from '../../src/provenance/citedRows.js';
import { openProject } from '../../src/project.js';
import { artboardWidths } from '../../src/renderChart.js';
import { renderFitted } from '../../src/render/renderFitted.js';
import type { VegaRender } from '../../src/render/renderSvg.js';
import type { Diagnostic } from '../../src/model.js';

export interface MarkedScene {
  /** undefined: the spec's own width. */
  width?: number;
  render: VegaRender;
  diagnostics: Diagnostic[];
}

export async function markedScenes(cwd: string, name: string): Promise<MarkedScene[]> {
  const project = await openProject(cwd);
  const { spec } = await readChartSpec(cwd, name);
  if (!spec) throw new Error(`cannot read ${name}`);
  const { tables: originals } = await project.tablesFor(spec);
  const { tables } = editionTables(spec, originals, project.sources);
  const theme = project.theme?.value as Record<string, unknown> | undefined;
  const locale = chartLocale(spec.settings.locale, theme);
  const scenes: MarkedScene[] = [];
  for (const width of [undefined, ...artboardWidths(spec, theme)]) {
    const vegaLite = width === undefined ? spec.vegaLite : atWidth(spec.vegaLite, width, theme);
    const compiled = compileSpec({ ...spec, vegaLite }, tables, theme, undefined, locale);
    if (!compiled.chart) throw new Error(JSON.stringify(compiled.diagnostics));
    const fitted = await renderFitted(compiled.chart, cwd, spec.json);
    if (!fitted.render) throw new Error(JSON.stringify(fitted.diagnostics));
    const { origins: drawn } = citedRows(spec, compiled.chart, fitted.render);
    const rows = drawn.map((origin) => origin.row);
    const inputs = { drawn, notes: noteNumbers(rows, spec.settings.notes), symbols: readMarkerSymbols(theme, spec.vegaLite.config as Record<string, unknown> | undefined) };
    const marked = await drawMarkers(fitted.chart, fitted.render, inputs, cwd, spec.json);
    scenes.push({ ...(width !== undefined && { width }), render: marked.render, diagnostics: marked.diagnostics });
  }
  return scenes;
}
