import type { Node } from 'jsonc-parser';

/** A key written twice in one JSON object: where each is, by offset into the text. */
export interface DuplicateKey {
  key: string;
  /** Offset of the earlier key, whose value is dropped. */
  first: number;
  /** Offset of the later key, whose value is used. */
  later: number;
}

/**
 * Every key that one JSON object of `tree` holds twice (`"width": 300, …,
 * "width": 400`). JSON.parse, jsonc-parser and Vega-Lite keep the last value
 * without a word, so an editor who changes the first one sees nothing
 * change, or a pasted block silently replaces settings above it. Walks with
 * an explicit stack (the nesting depth is bounded by jsonDepth.ts already,
 * but a walk needs no recursion).
 */
export function duplicateKeys(tree: Node): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: Node[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'object') {
      // A Map: keys are the file's, `__proto__` included.
      const seen = new Map<string, number>();
      for (const property of node.children ?? []) {
        const keyNode = property.children?.[0];
        if (!keyNode || typeof keyNode.value !== 'string') continue;
        const first = seen.get(keyNode.value);
        if (first !== undefined) found.push({ key: keyNode.value, first, later: keyNode.offset });
        seen.set(keyNode.value, keyNode.offset);
      }
    }
    for (const child of node.children ?? []) stack.push(child);
  }
  return found.sort((a, b) => a.later - b.later);
}
