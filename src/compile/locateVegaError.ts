import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { ChartSpec } from './readSpec.js';
import { specStrings } from './readSpec.js';

const READ_OF_NOTHING = /Cannot read propert(?:y|ies) of (?:undefined|null)(?: \(reading '([^']*)'\))?/;
const BAD_FORMAT = /invalid format: (.*)$/;
const OPERATOR_UNDEFINED = /Operator not defined: undefined/;
const BUILT_IN_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A Vega error thrown while an expression or format runs, placed at the spec
 * string that caused it, in words a chart author reads, instead of raw
 * JavaScript text at the spec's top:
 * - "Cannot read properties of undefined (reading 'deeper')" — an expression
 *   such as `datum.nope.deeper` reads past a value that does not exist: at the
 *   first expression (a string mentioning `datum`) that reads `.deeper`;
 * - "invalid format: %%%zz" — d3-format cannot read a `format`: at that string;
 * - "Operator not defined: undefined" — a title or text that is exactly a
 *   built-in name (`constructor`, `toString`…), which Vega takes for a signal.
 * Undefined when no spec string matches (the caller keeps Vega's words).
 */
export function locateVegaError(spec: ChartSpec, reason: string): Diagnostic | undefined {
  const strings = specStrings(spec.vegaLite);
  const read = READ_OF_NOTHING.exec(reason);
  if (read?.[1] !== undefined) {
    const property = read[1];
    const reads = new RegExp(`(?:\\.\\s*${escape(property)}\\b|\\[\\s*(['"])${escape(property)}\\1\\s*\\])`);
    const hit = strings.find((s) => s.text.includes('datum') && reads.test(s.text));
    if (hit) return spec.json.diagnostic(hit.path, messages.spec.expressionReadsNothing(hit.text, property));
  }
  // Vega looks a text up among its signals in a plain object first, so a
  // title, label or text that is exactly "constructor" or "toString" is taken
  // for a signal that does not exist ("Operator not defined: undefined").
  if (OPERATOR_UNDEFINED.test(reason)) {
    const hit = strings.find((s) => BUILT_IN_NAMES.has(s.text.trim()) && s.path[s.path.length - 1] !== 'field');
    if (hit) return spec.json.diagnostic(hit.path, messages.spec.builtInNameAsText(hit.text.trim()));
  }
  const format = BAD_FORMAT.exec(reason);
  if (format) {
    const hit = strings.find((s) => s.text === format[1] && s.path[s.path.length - 1] === 'format');
    if (hit) return spec.json.diagnostic(hit.path, messages.spec.badFormat(hit.text));
  }
  return undefined;
}
