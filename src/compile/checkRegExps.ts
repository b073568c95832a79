// Regular expressions written into a spec's Vega expressions, checked when
// the spec is read: every one runs on RE2 (src/render/boundedExpressions.ts),
// which has no backreferences or lookaround, so a pattern RE2 cannot run is
// an error at the expression (`file:line:col`) rather than a render failure
// that names no place.
import type { JSONPath } from 'jsonc-parser';
import { linearUnsupported } from '../linearRegExp.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { ChartSpec } from './readSpec.js';

interface AstNode {
  type?: string;
  callee?: { name?: string };
  arguments?: AstNode[];
  value?: unknown;
  regex?: { pattern: string; flags: string };
}

/** Functions that compile a string first argument as a pattern (replace and split take a string as plain text). */
const COMPILING = new Set(['regexp', 'test']);
const SKIP = new Set(['usermeta', 'config']);
// Only strings that can hold a pattern are parsed: most strings in a spec are names and titles.
const MAY_HOLD_PATTERN = /\/|regexp\s*\(|test\s*\(/;

/** Patterns in one expression: regex literals, and string literals passed as a pattern to regexp/test/replace/split. */
function patternsIn(node: unknown, found: { pattern: string; flags: string }[]): void {
  if (Array.isArray(node)) return node.forEach((child) => patternsIn(child, found));
  if (!node || typeof node !== 'object') return;
  const ast = node as AstNode;
  if (ast.type === 'Literal' && ast.regex) found.push({ pattern: ast.regex.pattern, flags: ast.regex.flags });
  if (ast.type === 'CallExpression') {
    const argument = COMPILING.has(ast.callee?.name ?? '') ? ast.arguments?.[0] : undefined;
    if (argument?.type === 'Literal' && typeof argument.value === 'string') found.push({ pattern: argument.value, flags: '' });
  }
  for (const [key, child] of Object.entries(ast)) if (key !== 'regex') patternsIn(child, found);
}

/**
 * Errors for the regular expressions in a spec's expression strings (filter,
 * calculate, `expr`, signals…) that RE2 cannot run, each at its string.
 * Strings that do not parse as expressions (titles, field names) are left alone.
 */
export async function checkRegExps(spec: ChartSpec): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const expressions: { text: string; at: JSONPath }[] = [];
  const visit = (node: unknown, at: JSONPath) => {
    if (typeof node === 'string') {
      if (MAY_HOLD_PATTERN.test(node)) expressions.push({ text: node, at });
      return;
    }
    if (Array.isArray(node)) return node.forEach((child, i) => visit(child, [...at, i]));
    if (!node || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) if (!SKIP.has(key)) visit(child, [...at, key]);
  };
  visit(spec.vegaLite, []);
  if (!expressions.length) return diagnostics;
  // Vega only when some string may hold a pattern: most specs need no parser here.
  const { vega } = await import('../vegaBuilds.js');
  for (const { text, at } of expressions) {
    let ast: unknown;
    try {
      ast = vega.parseExpression(text);
    } catch {
      continue; // not an expression
    }
    const found: { pattern: string; flags: string }[] = [];
    patternsIn(ast, found);
    for (const { pattern, flags } of found) {
      // A pattern no engine reads is a mistake, not a matter of speed: say so.
      const invalid = invalidPattern(pattern, flags);
      if (invalid) {
        diagnostics.push(spec.json.diagnostic(at, messages.spec.expressionFailed(text, messages.spec.badRegExp(invalid))));
        continue;
      }
      const reason = linearUnsupported(pattern, flags);
      if (reason) diagnostics.push(spec.json.diagnostic(at, messages.spec.regexUnsupported(pattern, reason)));
    }
  }
  return diagnostics;
}

/** Why JavaScript's own engine refuses `pattern` ("Unterminated group"), if it does. */
function invalidPattern(pattern: string, flags: string): string | undefined {
  try {
    new RegExp(pattern, flags.replace(/[^dgimsuvy]/g, ''));
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '');
  }
}
