// Vega expression functions replaced so that no spec can make a render run
// forever or fill the memory (issue 9, items 8 and 9):
//
// - regexp, test, replace, split run regular expressions on RE2
//   (src/linearRegExp.ts), in linear time, whether the pattern is a string,
//   a `regexp()` or a literal such as `/(a+)+$/`;
// - sequence, timeSequence, utcSequence and pad refuse to make more than
//   LIMITS.generatedRows items (LIMITS.generatedPerChart over all calls in
//   one chart) or LIMITS.padChars characters.
//
// Vega compiles `test`, `regexp` and `split` inline to the native RegExp and
// String methods; `vega.expressionFunction` replaces both the inline code and
// the function context entry (vega-functions, expressionFunction), so every
// expression parsed afterwards calls these instead.
import { LIMITS } from '../limits.js';
import { compileLinear, splitLinear } from '../linearRegExp.js';
import * as messages from '../messages.js';

interface ExpressionFunctions {
  expressionFunction(name: string, fn?: (...args: never[]) => unknown): unknown;
}
type Fn = (...args: unknown[]) => unknown;

const isRegExp = (value: unknown): value is RegExp => value instanceof RegExp;

/** The RE2 form of a pattern argument: a RegExp (literal or from `regexp()`) or a string. */
function toLinear(pattern: unknown, flags = '') {
  const source = isRegExp(pattern) ? pattern.source : String(pattern);
  try {
    return compileLinear(source, isRegExp(pattern) ? pattern.flags : flags);
  } catch (error) {
    throw new Error(messages.spec.regexUnsupported(source, (error as Error).message));
  }
}

/**
 * Items the generators have made so far in each chart, by its runtime
 * context (`this.context` of an expression function is the chart's Vega
 * runtime): a sequence per row of a large table adds up even when each one
 * is small.
 */
const generated = new WeakMap<object, number>();

/** Counts `count` more items for the chart that `self` (an expression function's `this`) runs in; throws over LIMITS.generatedPerChart. */
function spend(self: unknown, count: number, call: () => string): void {
  const context = (self as { context?: object } | undefined)?.context;
  if (!context) return;
  const total = (generated.get(context) ?? 0) + count;
  if (total > LIMITS.generatedPerChart) throw new Error(messages.spec.expressionOverLimit(`${call()} (with the calls before it in this chart)`, LIMITS.generatedPerChart, 'items'));
  generated.set(context, total);
}

/** The number of items `sequence(...args)` makes, as d3-array's range (which Vega's `sequence` is) counts them. */
function sequenceLength(args: unknown[]): number {
  const [start, stop, step] = args.length < 2 ? [0, args[0], 1] : [args[0], args[1], args.length < 3 ? 1 : args[2]];
  // No `| 0`: it wrapped 1e12 round to a negative count, which passed the limit.
  const count = Math.ceil((Number(stop) - Number(start)) / Number(step));
  return Number.isNaN(count) ? 0 : Math.max(0, count);
}

const HOUR = 3_600_000;
/** The shortest a time unit can be, in ms (a day across a clock change is 23 hours), so a count from it is never too low. */
const SHORTEST_MS = new Map<string, number>([
  ['milliseconds', 1], ['seconds', 1_000], ['minutes', 60_000], ['hours', HOUR],
  ['date', 23 * HOUR], ['day', 23 * HOUR], ['dayofyear', 23 * HOUR],
  ['week', 7 * 24 * HOUR - HOUR], ['isoweek', 7 * 24 * HOUR - HOUR],
  ['month', 28 * 24 * HOUR - HOUR], ['quarter', 89 * 24 * HOUR - HOUR], ['year', 365 * 24 * HOUR - HOUR],
]);

/** At most how many dates `timeSequence(unit, start, stop, step)` makes (d3-time's interval.range). */
function timeSequenceLength(unit: unknown, start: unknown, stop: unknown, step: unknown = 1): number {
  const shortest = SHORTEST_MS.get(String(unit));
  if (shortest === undefined) return 0; // Vega returns undefined for an unknown unit
  const every = Math.floor(Number(step));
  const span = Number(new Date(stop as number)) - Number(new Date(start as number));
  if (!(every > 0) || !(span > 0)) return 0;
  return Math.ceil(span / (shortest * every)) + 1;
}

/**
 * Vega's `pad(text, length, character, align)` (vega-util: `align` "left"
 * puts the padding on the left), refused over LIMITS.padChars characters.
 * Written here with String.prototype.repeat: vega-util builds the padding by
 * appending one character at a time, a chain of that many string pieces,
 * so 8,000 rows padded to 10,000 took 2 GB.
 */
function pad(text: unknown, length: unknown, character?: unknown, align?: unknown): string {
  const fill = String(character || ' ');
  const value = String(text);
  const missing = Number(length) - value.length;
  if (!(missing > 0)) return value;
  if (missing * fill.length > LIMITS.padChars) {
    throw new Error(messages.spec.expressionOverLimit(`pad(…, ${String(length)})`, LIMITS.padChars, 'characters'));
  }
  if (align === 'left') return fill.repeat(missing) + value;
  if (align === 'center') return fill.repeat(Math.floor(missing / 2)) + value + fill.repeat(Math.ceil(missing / 2));
  return value + fill.repeat(missing);
}

/**
 * Installs the bounded functions into a Vega build (`vega` from
 * src/vegaBuilds.ts). Call once, before any spec is parsed. Errors thrown by
 * them reach the user as "Vega cannot render this spec: …".
 */
export function installBoundedExpressions(vega: ExpressionFunctions): void {
  // Built by the engine (cheap), checked by RE2 so a pattern it cannot run fails here, by name.
  vega.expressionFunction('regexp', ((pattern: unknown, flags?: string) => {
    toLinear(pattern, flags ?? '');
    return new RegExp(String(pattern), flags);
  }) as never);
  vega.expressionFunction('test', ((pattern: unknown, text: unknown) => toLinear(pattern).test(String(text))) as never);
  vega.expressionFunction('replace', ((text: unknown, pattern: unknown, replacement: unknown) => {
    if (typeof replacement === 'function') throw new Error('Function argument passed to replace.');
    if (!isRegExp(pattern)) return String(text).replace(String(pattern), String(replacement));
    const matcher = toLinear(pattern).matcher(String(text));
    return pattern.global ? matcher.replaceAll(String(replacement)) : matcher.replaceFirst(String(replacement));
  }) as never);
  vega.expressionFunction('split', ((text: unknown, separator: unknown, limit?: number) =>
    isRegExp(separator) ? splitLinear(String(text), separator, limit) : String(text).split(String(separator), limit)) as never);
  // Vega's own, in its function context; called once the size is known to be bounded.
  const sequence = vega.expressionFunction('sequence') as Fn;
  vega.expressionFunction('sequence', function (this: unknown, ...args: unknown[]) {
    const count = sequenceLength(args);
    const call = () => `sequence(${args.join(', ')})`;
    if (count > LIMITS.generatedRows) throw new Error(messages.spec.expressionOverLimit(call(), LIMITS.generatedRows, 'items'));
    spend(this, count, call);
    return sequence(...args);
  } as never);
  vega.expressionFunction('pad', pad as never);
  for (const name of ['timeSequence', 'utcSequence']) {
    const original = vega.expressionFunction(name) as Fn;
    vega.expressionFunction(name, function (this: unknown, ...args: unknown[]) {
      const count = timeSequenceLength(args[0], args[1], args[2], args[3]);
      const call = () => `${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`;
      if (!(count <= LIMITS.generatedRows)) throw new Error(messages.spec.expressionOverLimit(call(), LIMITS.generatedRows, 'dates'));
      spend(this, count, call);
      return original(...args);
    } as never);
  }
}
