import type * as VegaLite from 'vega-lite';
import { vl } from '../vegaBuilds.js';
import type { Spec as VegaSpec } from 'vega';
import type { CitedTable, Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { FONT_STACK } from '../render/fonts.js';
import { timeFields } from './encodedFields.js';
import { checkBeforeDrawing } from '../checks/checkBeforeDrawing.js';
import { checkEmptyFilterLayers } from '../checks/emptyFilterLayers.js';
import { hasErrors } from '../errors.js';
import { explainSpecError } from './explainSpecError.js';
import { judgeMessages, type RawMessage } from './judgeMessages.js';
import { injectData, type RowOrigin } from './injectData.js';
import { breakTextMarks, lineBreakStyles } from './lineBreaks.js';
import type { ChartSpec } from './readSpec.js';
import type { Locale } from '../locale/readLocale.js';

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
 * `locale` (src/locale) becomes Vega's `config.locale`: d3's published
 * number and date formats of the language, so axes, labels and legends
 * write its decimal mark and month names. The theme's `locale` tag is
 * citechart's, never handed to Vega as is. A spec's own `config.locale`
 * still wins, as any config of the spec does.
 * Throws nothing for a user mistake: returns diagnostics instead.
 */
export function compileSpec(
  spec: ChartSpec,
  tables: Map<string, CitedTable>,
  theme: Record<string, unknown> | undefined,
  locale?: Locale,
): { chart?: CompiledChart; diagnostics: Diagnostic[] } {
  // 1. Data against spec, before anything is drawn: a finding that is an
  // error stops the chart here (Vega would only draw the wrong graphic).
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
      config: { font: FONT_STACK, ...withoutTag(theme), ...(locale?.vega && { locale: locale.vega }), style: lineBreakStyles(theme?.style) } as VegaLite.Config,
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

/** The theme without its `locale` tag (a string Vega would not read; compileSpec gives the object). */
function withoutTag(theme: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!theme || typeof theme.locale !== 'string') return theme;
  const { locale: _tag, ...rest } = theme;
  return rest;
}
