import type { JSONPath } from 'jsonc-parser';
import type { JsonFile } from '../compile/readJsonFile.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { lowContrastText, MIN_TEXT_CONTRAST } from './lowContrastText.js';
import { isRecord } from '../isRecord.js';

// Vega-Lite names a view's marks by the path to it: `layer_1_marks`, `concat_0_layer_2_marks`, `child_layer_1_marks` (in a facet's `spec`).
const STEP = /^(?:(layer|concat|hconcat|vconcat)_(\d+)|child)_/;

/**
 * The `text-contrast` error (rule of that name) for each text mark of the
 * drawn chart whose labels lie on filled marks at a contrast under 3:1
 * (lowContrastText), at the text layer's colour in the spec: its `color` or
 * `fill` encoding (own or inherited from an enclosing layer), else the
 * mark's `color`/`fill`, else the `mark`. An error, not a warning: such a
 * label is drawn but cannot be read, so the graphic says less than it seems
 * to, and nothing should be published with exit code 0 (see MIN_TEXT_CONTRAST).
 */
export function contrastErrors(json: JsonFile, vegaLite: Record<string, unknown>, scenegraph: unknown): Diagnostic[] {
  return lowContrastText(scenegraph).map((low) => {
    const { at, field } = textLayer(vegaLite, low.mark);
    const message = messages.checks.lowContrastText(low.text, low.foreground, low.background, low.ratio, low.count, MIN_TEXT_CONTRAST, field);
    return { ...json.diagnostic(at, message), rule: 'text-contrast' };
  });
}

/**
 * Where the spec sets the colour of the view a Vega mark name points to (see
 * STEP), the root when the name cannot be followed; and the field its `text`
 * encoding writes, for the fix's example.
 */
function textLayer(root: Record<string, unknown>, markName: string): { at: JSONPath; field: string | undefined } {
  const { view, path, inherited } = viewOf(root, markName);
  const text = isRecord(view.encoding) && isRecord(view.encoding.text) ? view.encoding.text.field : undefined;
  return { at: colourPath(view, path, inherited), field: typeof text === 'string' ? text : undefined };
}

interface View {
  view: Record<string, unknown>;
  path: JSONPath;
}

/** The view (a unit or layer spec) a Vega mark name points to, and the views enclosing it, innermost first. */
export function viewOf(root: Record<string, unknown>, markName: string): View & { inherited: View[] } {
  const views: Array<{ view: Record<string, unknown>; path: JSONPath }> = [{ view: root, path: [] }];
  let rest = markName;
  for (let step = STEP.exec(rest); step; step = STEP.exec(rest)) {
    const { view, path } = views[views.length - 1]!;
    const key = step[1];
    // `child`: a facet's (or repeat's) one `spec`.
    const child = key === undefined ? view.spec : Array.isArray(view[key]) ? (view[key] as unknown[])[Number(step[2])] : undefined;
    if (!isRecord(child)) break;
    views.push({ view: child, path: key === undefined ? [...path, 'spec'] : [...path, key, Number(step[2])] });
    rest = rest.slice(step[0].length);
  }
  const own = views.pop()!;
  return { ...own, inherited: views.reverse() };
}

/** The view's `color`/`fill` encoding, else the innermost enclosing view's, else its mark's `color`/`fill`, else its `mark`. */
function colourPath(view: Record<string, unknown>, path: JSONPath, inherited: View[]): JSONPath {
  for (const { view: v, path: p } of [{ view, path }, ...inherited]) {
    const encoding = v.encoding;
    if (!isRecord(encoding)) continue;
    for (const channel of ['fill', 'color']) if (encoding[channel] !== undefined) return [...p, 'encoding', channel];
  }
  const mark = view.mark;
  if (isRecord(mark)) {
    for (const key of ['fill', 'color']) if (mark[key] !== undefined) return [...path, 'mark', key];
  }
  return mark === undefined ? path : [...path, 'mark'];
}

