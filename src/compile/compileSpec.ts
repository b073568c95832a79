import type * as VegaLite from 'vega-lite';
import { vl } from '../vegaBuilds.js';
import type { Spec as VegaSpec } from 'vega';
import type { CitedTable, Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { FONT_STACK } from '../render/fonts.js';
import { timeFields } from './encodedFields.js';
import { explainVegaError, locateQuoted, looksLikeJavaScript, reasonOf } from './explainVegaError.js';
import { injectData, type RowOrigin } from './injectData.js';
import type { ChartSpec } from './readSpec.js';

export interface CompiledChart {
  vega: VegaSpec;
  origins: RowOrigin[];
  warnings: Diagnostic[];
}

/**
 * Vega-Lite → Vega with the theme merged under the spec (the spec's own
 * `config` wins) and the cited rows injected as inline values.
 * Throws nothing for a user mistake: returns diagnostics instead, each at
 * the spec node it is about (explainVegaError). Expects a spec that passed
 * validateSpec (readSpec does that).
 */
export function compileSpec(
  spec: ChartSpec,
  tables: Map<string, CitedTable>,
  theme: Record<string, unknown> | undefined,
): { chart?: CompiledChart; diagnostics: Diagnostic[] } {
  const { spec: injected, origins } = injectData(spec.vegaLite, spec.dataRefs, tables, timeFields(spec.vegaLite));
  const warnings: Diagnostic[] = [];
  const warn = (...args: unknown[]) => {
    const reason = args.map(reasonOf).join(' ');
    // Vega-Lite's warnings are in words; one in JavaScript's would tell an author nothing.
    if (looksLikeJavaScript(reason)) return;
    warnings.push(spec.json.diagnostic(locateQuoted(spec.json, reason), messages.spec.vegaLiteWarning(reason), 'warning'));
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
      config: { font: FONT_STACK, ...theme } as VegaLite.Config,
      logger: logger as unknown as Options['logger'],
    });
    return { chart: { vega, origins, warnings }, diagnostics: warnings };
  } catch (error) {
    // The spec passed Vega-Lite's schema (readSpec): what is left is mostly
    // an expression Vega cannot parse, or a name that refers to nothing.
    return { diagnostics: [explainVegaError(error, spec.json, messages.spec.compileFailed)] };
  }
}
