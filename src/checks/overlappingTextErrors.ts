import type { JSONPath } from 'jsonc-parser';
import type { JsonFile } from '../compile/readJsonFile.js';
import { isRecord } from '../isRecord.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { viewOf } from './contrastErrors.js';
import { overlappingText } from './overlappingText.js';

/**
 * The `crowded-labels` error for each text layer of the drawn chart that
 * draws a label over another label, its own or another layer's, or over an
 * axis or legend label (overlappingText): neither can be read. At the
 * layer's `text` encoding (its own or an enclosing layer's), else its
 * `mark`. `width` names the artboard width it happens at, when not the
 * spec's own layout.
 */
export function overlappingTextErrors(json: JsonFile, vegaLite: Record<string, unknown>, scenegraph: unknown, width?: number): Diagnostic[] {
  return overlappingText(scenegraph).map((over) => {
    const message = messages.checks.overlappingText(over.text, over.other, over.otherKind, width);
    return { ...json.diagnostic(textPath(vegaLite, over.mark), message), rule: 'crowded-labels' };
  });
}

/** The `text` encoding of the view a Vega mark name points to, or of the innermost view enclosing it that has one; else the view's `mark`. */
export function textPath(root: Record<string, unknown>, markName: string): JSONPath {
  const { view, path, inherited } = viewOf(root, markName);
  for (const { view: v, path: p } of [{ view, path }, ...inherited]) {
    if (isRecord(v.encoding) && v.encoding.text !== undefined) return [...p, 'encoding', 'text'];
  }
  return view.mark === undefined ? path : [...path, 'mark'];
}
