// Regular expressions written by users (a sidecar's `pattern`, a Vega
// expression's `regexp()`, `test()`, `replace()`, `split()`) run on RE2JS, a
// port of Google's RE2: its matching time is linear in the input, whatever
// the pattern. JavaScript's own engine backtracks, and `(a+)+$` on a line
// of forty "a"s followed by a "b" never finishes (issue 9, item 9).
//
// RE2 has no backreferences (`\1`) and no lookahead or lookbehind; a pattern
// with them is refused with RE2's reason instead of being run.
import { RE2JS } from 're2js';

/** RE2JS flags for JavaScript's flag letters: i, m and s change matching; g, y, u, d do not here. */
function re2Flags(flags: string): number {
  let bits = 0;
  if (flags.includes('i')) bits |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) bits |= RE2JS.MULTILINE;
  if (flags.includes('s')) bits |= RE2JS.DOTALL;
  return bits;
}

const compiled = new Map<string, RE2JS>();
/** Compiled patterns kept for reuse (a filter runs its pattern once per row); cleared when full. */
const CACHE_SIZE = 256;

/**
 * Compiles a JavaScript pattern (`source` as in a RegExp literal, `flags`
 * such as `"i"`) for linear-time matching. Throws an Error whose message is
 * RE2's reason (e.g. `invalid escape sequence: \1`) when RE2 cannot run it.
 */
export function compileLinear(source: string, flags = ''): RE2JS {
  const key = `${flags}/${source}`;
  let re = compiled.get(key);
  if (!re) {
    try {
      re = RE2JS.compile(RE2JS.translateRegExp(source), re2Flags(flags));
    } catch (error) {
      throw new Error(reasonOf(error));
    }
    if (compiled.size >= CACHE_SIZE) compiled.clear();
    compiled.set(key, re);
  }
  return re;
}

/** Why RE2 cannot run `source`, or undefined when it can. */
export function linearUnsupported(source: string, flags = ''): string | undefined {
  try {
    compileLinear(source, flags);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** RE2's reason without the "error parsing regexp: " every one starts with. */
function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^error parsing regexp:\s*/, '');
}

/** Whether `pattern` matches the whole of `text` (as a Table Schema `pattern` constraint does). */
export function matchesWhole(pattern: string, text: string): boolean {
  return compileLinear(`^(?:${pattern})$`).test(text);
}

/**
 * `text.split(separator, limit)` with JavaScript's semantics (captured
 * groups are spliced in, an empty match splits between characters), run on RE2.
 */
export function splitLinear(text: string, separator: RegExp, limit?: number): string[] {
  const max = limit === undefined ? Infinity : limit >>> 0;
  const out: string[] = [];
  if (max === 0) return out;
  const re = compileLinear(separator.source, separator.flags);
  const matcher = re.matcher(text);
  if (text === '') return matcher.find(0) ? out : [text];
  let p = 0;
  let from = 0;
  while (from < text.length && matcher.find(from)) {
    const start = matcher.start();
    const end = matcher.end();
    if (start >= text.length) break;
    if (end === p) {
      from = start + 1;
      continue;
    }
    out.push(text.slice(p, start));
    if (out.length === max) return out;
    for (let group = 1; group <= matcher.groupCount(); group += 1) {
      out.push(matcher.group(group) ?? (undefined as unknown as string));
      if (out.length === max) return out;
    }
    p = end;
    from = end === start ? end + 1 : end;
  }
  out.push(text.slice(p));
  return out;
}
