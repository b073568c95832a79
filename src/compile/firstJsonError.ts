import { printParseErrorCode, visit } from 'jsonc-parser';
import * as messages from '../messages.js';
import { findTooDeep, MAX_JSON_DEPTH } from './jsonDepth.js';

/**
 * Where a text that JSON.parse refused first breaks JSON, and why, in
 * citechart's words (`invalid JSON: a comma is expected here…`, as a spec's
 * error reads): 1-based line and column (UTF-16 units). For files parsed
 * with JSON.parse because a position tree would be too large (a boundary
 * file of millions of coordinates), whose errors ("Unexpected token } in
 * JSON at position 1234") are JavaScript's, with no line. Run only after
 * JSON.parse failed: a scan without building a tree, after the depth check
 * (jsonc-parser recurses per level). Undefined when it finds nothing wrong.
 */
export function firstJsonError(text: string): { line: number; column: number; message: string } | undefined {
  const at = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
  };
  const tooDeep = findTooDeep(text);
  if (tooDeep !== undefined) return { ...at(tooDeep), message: messages.spec.tooDeep(MAX_JSON_DEPTH) };
  let first: number | undefined;
  let code = '';
  visit(
    text,
    {
      onError: (error, offset) => {
        if (first !== undefined) return;
        first = offset;
        code = printParseErrorCode(error);
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return first === undefined ? undefined : { ...at(first), message: messages.spec.invalidJson(code) };
}
