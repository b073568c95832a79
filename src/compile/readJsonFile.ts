import {
  getNodeValue,
  parseTree,
  printParseErrorCode,
  type JSONPath,
  type Node,
  type ParseError,
} from 'jsonc-parser';
import { readText } from '../load/readText.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { findTooDeep, MAX_JSON_DEPTH } from './jsonDepth.js';
import { duplicateKeys } from './duplicateKeys.js';

/** A JSON file with the means to point at any value in it by line and column. */
export interface JsonFile {
  file: string;
  text: string;
  value: unknown;
  /**
   * Position of the value at `jsonPath` (or of its nearest existing parent):
   * of its key when it is an object's property, unless `on` is 'value'.
   */
  locate(jsonPath: JSONPath, on?: 'key' | 'value'): { line: number; column: number };
  /**
   * File, line and column a diagnostic about the value at `jsonPath` names:
   * this file's `locate`, except where the value came from another file (a
   * translated edition's text: src/locale/editionJson.ts).
   */
  place(jsonPath: JSONPath): { file: string; line: number; column: number };
  /** A diagnostic pointing at the value at `jsonPath` (at its `place`). */
  diagnostic(jsonPath: JSONPath, message: string, severity?: Diagnostic['severity']): Diagnostic;
}

/**
 * Reads a JSON file with jsonc-parser rather than JSON.parse because
 * JSON.parse knows no positions, and every spec error must name its
 * line and column.
 */
export async function readJsonFile(
  cwd: string,
  file: string,
): Promise<{ json?: JsonFile; diagnostics: Diagnostic[] }> {
  const { text, diagnostics } = await readText(cwd, file);
  return text === undefined ? { diagnostics } : parseJsonText(file, text);
}

export function parseJsonText(file: string, text: string): { json?: JsonFile; diagnostics: Diagnostic[] } {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  // Binary search: a file of 100,000 bad entries is 100,000 lookups (a walk back from the end took minutes).
  const position = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };

  // Checked before parsing: the parser recurses once per level, so a
  // document nested thousands deep would overflow the stack, not be reported.
  const tooDeep = findTooDeep(text);
  if (tooDeep !== undefined) {
    return { diagnostics: [{ file, ...position(tooDeep), severity: 'error', message: messages.spec.tooDeep(MAX_JSON_DEPTH) }] };
  }

  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length || !tree) {
    // One error per place: a stray comma is "property name expected" and "value expected" at once.
    const places = new Set<number>();
    const diagnostics: Diagnostic[] = errors
      .filter((e) => (places.has(e.offset) ? false : (places.add(e.offset), true)))
      .map((e) => ({ file, ...position(e.offset), severity: 'error', message: messages.spec.invalidJson(printParseErrorCode(e.error)) }));
    if (!diagnostics.length) diagnostics.push({ file, line: 1, column: 1, severity: 'error', message: messages.spec.invalidJson('empty file') });
    return { diagnostics };
  }

  const find = nodeFinder(tree);
  const locate = (jsonPath: JSONPath, on: 'key' | 'value' = 'key') => {
    let node: Node | undefined;
    for (let n = jsonPath.length; n >= 0 && !node; n--) node = find(jsonPath.slice(0, n));
    // Point at the key of a property rather than its value: that is where an editor's eye goes.
    const target = on === 'key' && node?.parent?.type === 'property' ? node.parent : node;
    return position(target?.offset ?? 0);
  };
  const json: JsonFile = {
    file,
    text,
    value: getNodeValue(tree),
    locate,
    place: (jsonPath) => ({ file, ...locate(jsonPath) }),
    diagnostic: (jsonPath, message, severity = 'error') => ({ file, ...locate(jsonPath), severity, message }),
  };
  const duplicates = duplicateKeys(tree).map(({ key, first, later }): Diagnostic => ({
    file,
    ...position(first),
    severity: 'warning',
    message: messages.spec.duplicateKey(key, position(later)),
  }));
  return { json, diagnostics: duplicates };
}

/**
 * `findNodeAtLocation(tree, path)` of jsonc-parser (the node at a JSON path,
 * the first of duplicate keys, undefined when absent), with each object's
 * keys indexed on first use: jsonc-parser reads an object's properties one
 * by one per lookup, so placing an error at each of 100,000 entries of one
 * object took minutes (a translation's `values`, each not a string).
 */
function nodeFinder(tree: Node): (jsonPath: JSONPath) => Node | undefined {
  const keys = new WeakMap<Node, Map<string, Node>>();
  const propertiesOf = (node: Node) => {
    let found = keys.get(node);
    if (!found) {
      found = new Map();
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value && typeof key.value === 'string' && !found.has(key.value)) found.set(key.value, value);
      }
      keys.set(node, found);
    }
    return found;
  };
  return (jsonPath) => {
    let node: Node | undefined = tree;
    for (const segment of jsonPath) {
      if (!node) return undefined;
      if (typeof segment === 'string') node = node.type === 'object' ? propertiesOf(node).get(segment) : undefined;
      else node = node.type === 'array' ? node.children?.[segment] : undefined;
    }
    return node;
  };
}
