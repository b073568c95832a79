// Checks of a chart's data against its spec, before Vega draws it: the
// faults that Vega and Vega-Lite draw without a word, or with an unlocated
// warning, and that leave a wrong graphic. Each check is one module; each
// finding points at the CSV cell or the spec node to fix.
//
//   log-scale      values ≤ 0 on a log scale                    error at the cell
//   scale-domain   values outside an explicit scale domain       error at the cell
//   temporal-cells time cells that do not read as dates          error at the first cell
//   stack-signs    normalised stack with negatives               error at the cell
//                  stacked areas of mixed signs                  warning at the first negative
//   missing-drawn  empty cells drawn as zero (`invalid`)         warning at the cell
//   percent-format percent points printed with a ×100 format     error at the format
//                  (or a format(datum.col, '%') expression)      error at the expression
//   si-format      SI prefixes (G, M, m) in a number format      warning at the format
//   year-filter    a year column (a date here) compared to 2024  warning at the filter
//   year-axis      whole years on a quantitative axis, no format error at the type
//                  ("2,019.5")
//   tooltip        tooltips in a static graphic                  warning at the tooltip
//   quantize-nice  `nice` on a quantize scale: classes over a    error at `nice`
//                  range no figure has
//   duplicate-marks two rows drawn as one mark (bars stacked      error at the second row
//                  into their sum, a line doubling back)
import type { ChartSpec } from '../compile/readSpec.js';
import { formatDiagnostic } from '../errors.js';
import type { CitedTable, Diagnostic } from '../model.js';
import { checkLogScale } from './logScale.js';
import { checkMissingDrawn } from './missingDrawn.js';
import { checkDuplicateMarks } from './duplicateMarks.js';
import { checkPercentExpressions } from './percentExpressions.js';
import { checkPercentFormat } from './percentFormat.js';
import { plottedChannels } from './plottedChannels.js';
import { checkDateFilter } from './dateFilter.js';
import { checkEmptyCategory } from './emptyCategory.js';
import { checkScaleDomain } from './scaleDomain.js';
import { checkQuantizeNice } from './quantizeNice.js';
import { checkSiFormat } from './siFormat.js';
import { checkStackGaps } from './stackGaps.js';
import { checkStackSigns } from './stackSigns.js';
import { checkTemporalCells } from './temporalCells.js';
import { checkTooltips } from './tooltips.js';
import { checkUnstackedLabels } from './unstackedLabels.js';
import { checkYearFilter } from './yearFilter.js';
import { checkYearAxis } from './yearAxis.js';

/**
 * Every finding of the checks above for one chart, each once (a layer's
 * shared encoding is seen by each of its marks). `theme` is the house
 * `config`; the spec's own `config` wins over it, as in Vega-Lite.
 * Build and check both call this (through compileSpec), so they agree.
 */
export function checkBeforeDrawing(spec: ChartSpec, tables: Map<string, CitedTable>, theme: Record<string, unknown> | undefined): Diagnostic[] {
  const { json, vegaLite } = spec;
  const channels = plottedChannels(vegaLite, tables);
  const own = vegaLite.config && typeof vegaLite.config === 'object' ? (vegaLite.config as Record<string, unknown>) : {};
  const config = mergeConfig(theme ?? {}, own);
  const ownConfig = mergeConfig({}, own);
  const all = [
    ...checkLogScale(channels),
    ...checkScaleDomain(channels),
    ...checkTemporalCells(channels),
    ...checkStackSigns(channels),
    ...checkStackGaps(channels),
    ...checkUnstackedLabels(json, channels),
    ...checkDuplicateMarks(channels),
    ...checkMissingDrawn(channels, config),
    ...checkEmptyCategory(channels),
    // Formats from the spec's own config only: a finding must point into the spec.
    ...checkPercentFormat(json, channels, ownConfig),
    ...checkPercentExpressions(json, vegaLite, tables),
    ...checkSiFormat(json, channels),
    ...checkYearFilter(json, vegaLite, tables),
    ...checkDateFilter(json, vegaLite, tables),
    // The theme's formats count here: any format is the author's choice.
    ...checkYearAxis(json, channels, config),
    ...checkTooltips(json, vegaLite),
    ...checkQuantizeNice(json, channels),
  ];
  const seen = new Set<string>();
  return all.filter((d) => {
    const key = formatDiagnostic(d);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** The spec's config over the theme's, one level deep (`config.line` replaces per property). */
function mergeConfig(theme: Record<string, unknown>, own: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = Object.create(null);
  for (const source of [theme, own]) {
    for (const [key, value] of Object.entries(source)) {
      const before = merged[key];
      merged[key] =
        before && typeof before === 'object' && value && typeof value === 'object' && !Array.isArray(value)
          ? { ...(before as object), ...(value as object) }
          : value;
    }
  }
  return merged;
}
