// `joinList(array)` in a spec's expressions: the items as a reader reads a
// list, in the chart's language ("Missiles, tanks and aircraft"; French
// edition "Missiles, chars et avions"), where Vega's `join(array, ', ')`
// can only write "Missiles, tanks, aircraft". The language reaches the
// function through a signal compileSpec adds to a localised chart's Vega
// spec (LANGUAGE_SIGNAL), read from the runtime context Vega gives every
// expression function as `this.context` (vega-runtime: `signals`, inherited
// by facets' sub-contexts); without it (the default English), readerList's.
import { readerList } from './readerList.js';

/** The Vega signal holding a localised chart's BCP 47 tag. */
export const LANGUAGE_SIGNAL = 'citechart_language';

interface ExpressionFunctions {
  expressionFunction(name: string, fn?: (...args: never[]) => unknown): unknown;
}

/** The chart's tag from an expression function's `this` ('' when the chart has no locale). */
function chartTag(self: unknown): string {
  const signals = (self as { context?: { signals?: Record<string, { value?: unknown } | undefined> } } | undefined)?.context?.signals;
  const value = signals?.[LANGUAGE_SIGNAL]?.value;
  return typeof value === 'string' ? value : '';
}

/**
 * Installs `joinList(array)` into a Vega build (call once, before specs are
 * parsed): an array's items (null, undefined and '' left out, others written as
 * strings) as one list in the chart's language; a value that is not an
 * array is written as a string, as `join` would fail on it.
 */
export function installListExpression(vega: ExpressionFunctions): void {
  vega.expressionFunction('joinList', function (this: unknown, items: unknown) {
    if (!Array.isArray(items)) return items === null || items === undefined ? '' : String(items);
    const written: string[] = [];
    for (const item of items) if (item !== null && item !== undefined && item !== '') written.push(String(item));
    return readerList(written, chartTag(this));
  } as never);
}

/**
 * Adds the LANGUAGE_SIGNAL holding `tag` to a compiled Vega spec (top
 * level, so every group sees it); nothing for the default locale ('').
 */
export function addLanguageSignal(vega: { signals?: unknown[] }, tag: string): void {
  if (!tag) return;
  (vega.signals ??= []).push({ name: LANGUAGE_SIGNAL, value: tag });
}
