import type * as VegaLite from 'vega-lite';
import { vl } from '../vegaBuilds.js';
import type { Spec as VegaSpec } from 'vega';
import type { CitedTable, Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { FONT_STACK } from '../render/fonts.js';
import { timeFields } from './encodedFields.js';
import { explainSpecError } from './explainSpecError.js';
import { injectData, type RowOrigin } from './injectData.js';
import type { ChartSpec } from './readSpec.js';
import { joinBoundaries } from '../geo/joinBoundaries.js';
import { fillBoundaries } from '../geo/fillBoundaries.js';
import type { Boundary } from '../geo/readBoundary.js';

export interface CompiledChart {
  vega: VegaSpec;
  origins: RowOrigin[];
  warnings: Diagnostic[];
  /** Map shapes drawn with no figure ("no data"), named, for the alt text. */
  noData: string[];
}

/**
 * Vega-Lite → Vega with the theme merged under the spec (the spec's own
 * `config` wins) and the cited rows injected as inline values.
 * Throws nothing for a user mistake: returns diagnostics instead.
 */
export function compileSpec(
  spec: ChartSpec,
  tables: Map<string, CitedTable>,
  theme: Record<string, unknown> | undefined,
  boundaries: Map<string, Boundary> = new Map(),
): { chart?: CompiledChart; diagnostics: Diagnostic[] } {
  const { spec: injected, origins } = injectData(spec.vegaLite, spec.dataRefs, tables, timeFields(spec.vegaLite));
  // Maps: boundaries injected too, lookups joined by region code (src/geo).
  const joined = joinBoundaries(injected, spec, boundaries, origins, spec.settings.locale);
  if (joined.diagnostics.length) return { diagnostics: joined.diagnostics };
  const warnings: Diagnostic[] = [];
  const warn = (...args: unknown[]) =>
    warnings.push({ file: spec.file, severity: 'warning', message: messages.spec.vegaLiteWarning(args.join(' ')) });
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
    fillBoundaries(vega, boundaries);
    return { chart: { vega, origins, warnings, noData: joined.noData }, diagnostics: warnings };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const explained = explainSpecError(spec);
    return {
      diagnostics: [explained ?? { file: spec.file, severity: 'error', message: messages.spec.compileFailed(reason) }],
    };
  }
}
