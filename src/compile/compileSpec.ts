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
import { explainSpecError } from './explainSpecError.js';
import { hasMisshapenNode } from './misshapenNode.js';
import { judgeMessages, type RawMessage } from './judgeMessages.js';
import { injectData, type RowOrigin } from './injectData.js';
import { breakTextMarks, lineBreakStyles } from './lineBreaks.js';
import type { ChartSpec } from './readSpec.js';

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
}

/**
 * Vega-Lite → Vega with the theme merged under the spec (the spec's own
 * `config` wins) and the cited rows injected as inline values.
 * Throws nothing for a user mistake: returns diagnostics instead (one for a
 * chart over LIMITS.rowsPerChart rows, or an `impute` that would make more
 * than LIMITS.generatedRows, before any row is copied).
 */
export function compileSpec(
  spec: ChartSpec,
  tables: Map<string, CitedTable>,
  theme: Record<string, unknown> | undefined,
): { chart?: CompiledChart; diagnostics: Diagnostic[] } {
  // 0. A node of the wrong type that Vega-Lite would silently drop is an error where it is written.
  if (hasMisshapenNode(spec.vegaLite)) {
    const explained = explainSpecError(spec);
    if (explained) return { diagnostics: [explained] };
  }
  // 1. Limits, then data against spec, before anything is drawn: a finding
  // that is an error stops the chart here (Vega would only draw the wrong graphic).
  const tooManyRows = checkChartRows(spec, tables);
  if (tooManyRows) return { diagnostics: [tooManyRows] };
  const imputeOver = checkImputeRows(spec, tables);
  if (imputeOver.length) return { diagnostics: imputeOver };
  const checked = checkBeforeDrawing(spec, tables, theme);
  if (hasErrors(checked)) return { diagnostics: checked };
  // 2. Vega-Lite → Vega, its messages located and judged.
  const { spec: injected, origins } = injectData(spec.vegaLite, spec.dataRefs, tables, timeFields(spec.vegaLite));
  const raw: RawMessage[] = [];
  const warn = (...args: unknown[]) => raw.push({ source: 'Vega-Lite', severity: 'warning', reason: args.map(String).join(' ') });
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
      // or legend entry there (lineBreaks.ts).
      config: { font: FONT_STACK, ...theme, style: lineBreakStyles(theme?.style) } as VegaLite.Config,
      logger: logger as unknown as Options['logger'],
    });
    breakTextMarks(vega);
    const judged = judgeMessages(spec, raw);
    const warnings = [...checked, ...judged];
    if (hasErrors(judged)) return { diagnostics: warnings };
    const judge = (drawn: RawMessage[], markItems?: Map<string, number>) => [
      ...judgeMessages(spec, drawn, markItems),
      ...(markItems ? checkEmptyFilterLayers(spec, markItems) : []),
    ];
    return { chart: { vega, origins, warnings, judge }, diagnostics: warnings };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const explained = explainSpecError(spec);
    return {
      diagnostics: [explained ?? { file: spec.file, severity: 'error', message: messages.spec.compileFailed(reason) }],
    };
  }
}
