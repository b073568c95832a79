import type { JSONPath } from 'jsonc-parser';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { vega } from '../vegaBuilds.js';
import type { JsonFile } from './readJsonFile.js';
import { escapeField, unescapeField } from './encodedFields.js';

/** An expression string in a Vega-Lite spec and where it is. */
export interface SpecExpression {
  jsonPath: JSONPath;
  expression: string;
}

/** The properties whose string value Vega-Lite hands to Vega's expression language. */
const EXPRESSION_KEYS = new Set(['calculate', 'filter', 'expr', 'test']);

/** Every expression in the spec (transforms, predicates, `{"expr": …}` references, params), in document order. */
export function findExpressions(root: unknown): SpecExpression[] {
  const found: SpecExpression[] = [];
  const stack: Array<{ value: unknown; path: JSONPath }> = [{ value: root, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (!value || typeof value !== 'object') continue;
    const children: Array<{ value: unknown; path: JSONPath }> = [];
    if (Array.isArray(value)) value.forEach((item, i) => children.push({ value: item, path: [...path, i] }));
    else {
      for (const [key, child] of Object.entries(value)) {
        if (EXPRESSION_KEYS.has(key) && typeof child === 'string') found.push({ jsonPath: [...path, key], expression: child });
        else if (key !== 'usermeta') children.push({ value: child, path: [...path, key] });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return found;
}

/**
 * A thrown or logged Vega / Vega-Lite failure as a diagnostic at the spec
 * node that caused it, in words. Vega's errors name neither the spec node
 * nor (at run time) the expression: a TypeError from `datum.nope.deeper`
 * says only "Cannot read properties of undefined (reading 'deeper')". So:
 *
 * 1. an expression that does not parse, or that Vega refuses to compile
 *    (an unknown function, `this`), is the culprit of any failure;
 * 2. a run-time error is matched to the expression that mentions what it
 *    names (the property read, the function called, the regular expression);
 * 3. other messages point at the spec value they quote, else the spec's root,
 *    with raw JavaScript wording (TypeError…) replaced by a sentence.
 */
export function explainVegaError(
  error: unknown,
  json: JsonFile,
  /** The message for a failure in Vega's own words (step 3). */
  inOwnWords: (reason: string) => string = messages.spec.renderFailed,
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  const reason = reasonOf(error);
  const expressions = findExpressions(json.value);

  if (/Maximum call stack size exceeded|too much recursion/i.test(reason)) return json.diagnostic([], messages.spec.tooComplex(), severity);

  // 1. Expressions Vega cannot compile, whatever the error said.
  for (const e of expressions) {
    const why = compileProblem(e.expression);
    if (why) return json.diagnostic(e.jsonPath, messages.spec.expressionInvalid(e.expression, why), severity);
  }

  // 2. Run-time failures, by what they name.
  const mentions = (name: string) => expressions.find((e) => e.expression.includes(name));
  const read = /Cannot read propert(?:y|ies) of (undefined|null) \(reading '([^']*)'\)/.exec(reason);
  if (read) {
    const [, what, property] = read;
    const e = mentions(`.${property}`) ?? mentions(`'${property}'`) ?? mentions(`"${property}"`) ?? mentions(`[${property}]`);
    const why = what === 'null' ? messages.spec.readsNull(property!) : messages.spec.readsMissing(property!);
    if (e) return json.diagnostic(e.jsonPath, messages.spec.expressionFailed(e.expression, why), severity);
    // No expression reads it: a field does (a nested path, or what an argmax of a missing field returns).
    const field = locateQuoted(json, `"${property}"`);
    if (field.length) return json.diagnostic(field, messages.spec.fieldReadFailed(property!), severity);
  }
  const regexp = /Invalid regular expression: \/(.*)\/[a-z]*: (.*)$/.exec(reason);
  if (regexp) {
    const e = mentions(regexp[1]!) ?? expressions.find((x) => /\b(regexp|test|replace|match)\s*\(/.test(x.expression));
    if (e) return json.diagnostic(e.jsonPath, messages.spec.expressionFailed(e.expression, messages.spec.badRegExp(regexp[2]!)), severity);
  }
  const notFunction = /([\w$.]+) is not a function/.exec(reason);
  if (notFunction) {
    const name = notFunction[1]!.split('.').pop()!;
    const e = mentions(`${name}(`);
    if (e) return json.diagnostic(e.jsonPath, messages.spec.expressionFailed(e.expression, messages.spec.notAFunction(name)), severity);
  }

  // A field Vega-Lite parses as an access path and cannot (a column named
  // `val'ue`: a quote opens a quoted name): at the field, with its escape.
  const access = /^Access path missing (?:closing quote|closing bracket|open bracket): ([^]*)$/.exec(reason);
  if (access) {
    const field = locateStrings(json, new Set([access[1]!]));
    if (field.length) return json.diagnostic(field, messages.spec.unreadableFieldPath(access[1]!, escapeField(unescapeField(access[1]!))), severity);
  }

  // citechart's own expression functions (render/boundedExpressions.ts) throw
  // in words: a call over a limit names its function, a pattern RE2 cannot
  // run names its pattern; either is placed at the expression that makes it.
  const overLimit = /^([\w$]+)\(.*\) would make more than /.exec(reason);
  const linear = /^the regular expression "(.*)" cannot run in linear time/.exec(reason);
  if (overLimit || linear) {
    const e = overLimit
      ? mentions(`${overLimit[1]}(`)
      : (mentions(linear![1]!) ?? expressions.find((x) => /\b(regexp|test|replace|split|match)\s*\(/.test(x.expression)));
    if (e) return json.diagnostic(e.jsonPath, messages.spec.expressionFailed(e.expression, reason), severity);
  }

  // A name Vega cannot resolve (a param or signal misspelt in an expression).
  const unknownName = /Unrecognized (?:signal|scale|function|data set)(?: name)?:? "?([\w$]+)"?/.exec(reason);
  if (unknownName) {
    const e = expressions.find((x) => new RegExp(`(^|[^\\w$.])${unknownName[1]}([^\\w$]|$)`).test(x.expression));
    if (e) return json.diagnostic(e.jsonPath, messages.spec.expressionInvalid(e.expression, reason.replace(/\.$/, '')), severity);
  }

  // A function of Vega's expression language that threw names itself in the
  // stack, above the frame of the compiled expression ("eval at expression").
  const called = calledFunction(error);
  if (called) {
    const e = mentions(`${called}(`);
    const why = /Invalid array length|Array buffer allocation failed|out of memory/i.test(reason) ? messages.spec.callTooLarge(called) : messages.spec.callFailed(called);
    if (e) return json.diagnostic(e.jsonPath, messages.spec.expressionFailed(e.expression, why), severity);
  }

  // 3. Anything else: at the value it quotes, in its own words unless they are JavaScript's.
  const message = looksLikeJavaScript(reason) ? messages.spec.vegaFailedUnclear() : inOwnWords(reason);
  return json.diagnostic(locateQuoted(json, reason), message, severity);
}

/** The expression-language function (`sequence`) an error was thrown in, read from its stack, if it was one. */
function calledFunction(error: unknown): string | undefined {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const frames = stack.split('\n');
  const compiled = frames.findIndex((frame) => frame.includes('eval at '));
  if (compiled < 0) return undefined;
  for (let i = compiled - 1; i >= 0; i--) {
    const name = /\[as ([\w$]+)\]/.exec(frames[i]!)?.[1];
    if (name) return name;
  }
  return undefined;
}

/** The text of what Vega threw or logged: an Error's message (never its class name or stack), or the logged words. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (Array.isArray(error)) return error.map(reasonOf).join(' ');
  return String(error);
}

/** Wording only a JavaScript engine uses: a reader of a chart spec cannot act on it. */
export function looksLikeJavaScript(text: string): boolean {
  return /\b(TypeError|RangeError|ReferenceError|SyntaxError|EvalError|InternalError)\b|Cannot read propert|Cannot set propert|is not a function|is not iterable|is not defined|is not a constructor|Cannot convert|Maximum call stack|Invalid array length|\bat (Object\.|new |async )|\bat [\w$.<>]+ \(|\bundefined\b/.test(text);
}

/**
 * Why Vega would refuse this expression, or undefined when it compiles: it
 * is parsed, then compiled as a formula over a row (where `datum` exists),
 * as Vega compiles a `calculate`. Names Vega resolves against the chart
 * (signals, params, scales, data sets) are unknown in this small dataflow,
 * so their errors are not the expression's fault here.
 */
function compileProblem(expression: string): string | undefined {
  try {
    vega.parseExpression(expression);
  } catch (error) {
    return syntaxInWords(reasonOf(error));
  }
  try {
    vega.parse({ data: [{ name: 'probe', values: [], transform: [{ type: 'formula', expr: expression, as: 'probe' }] }] } as never);
  } catch (error) {
    const reason = reasonOf(error);
    if (/Unrecognized (signal|scale|data set)|Undefined (signal|data)/i.test(reason)) return undefined;
    return looksLikeJavaScript(reason) ? undefined : syntaxInWords(reason);
  }
  return undefined;
}

function syntaxInWords(reason: string): string {
  if (reason === 'Disabled.') return 'it uses something expressions may not (such as "this")';
  return reason.replace(/\.$/, '').replace(/^Unexpected end of input$/, 'it ends too early (an operand or closing bracket is missing)');
}

/**
 * Where a Vega or Vega-Lite message points in the spec: the first string
 * value (in document order) that it quotes, such as a field or selection
 * name, else the spec's root.
 */
export function locateQuoted(json: JsonFile, reason: string): JSONPath {
  return locateStrings(json, new Set([...reason.matchAll(/"([^"]{1,200})"/g)].map((m) => m[1]!)));
}

/** The first string value of the spec (by line, then column) that is one of `quoted`, or the root. */
function locateStrings(json: JsonFile, quoted: Set<string>): JSONPath {
  if (!quoted.size) return [];
  const stack: Array<{ value: unknown; path: JSONPath }> = [{ value: json.value, path: [] }];
  let best: { path: JSONPath; line: number; column: number } | undefined;
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string' && quoted.has(value)) {
      const at = json.locate(path);
      if (!best || at.line < best.line || (at.line === best.line && at.column < best.column)) best = { path, ...at };
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) stack.push({ value: child, path: [...path, Array.isArray(value) ? Number(key) : key] });
    }
  }
  return best?.path ?? [];
}
