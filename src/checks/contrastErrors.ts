import type { JSONPath } from 'jsonc-parser';
import type { JsonFile } from '../compile/readJsonFile.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { lowContrastText, MIN_TEXT_CONTRAST } from './lowContrastText.js';

// Vega-Lite names a view's marks by the path to it: `layer_1_marks`, `concat_0_layer_2_marks`, `child__row_a_marks` (a facet's).
const STEP = /^(layer|concat|hconcat|vconcat)_(\d+)_/;

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
    const at = colourPath(vegaLite, low.mark);
    const message = messages.checks.lowContrastText(low.text, low.foreground, low.background, low.ratio, low.count, MIN_TEXT_CONTRAST);
    return { ...json.diagnostic(at, message), rule: 'text-contrast' };
  });
}

/** Where the spec sets the colour of the view a Vega mark name points to (see STEP); the root when the name cannot be followed. */
function colourPath(root: Record<string, unknown>, markName: string): JSONPath {
  const views: Array<{ view: Record<string, unknown>; path: JSONPath }> = [{ view: root, path: [] }];
  let rest = markName;
  for (let step = STEP.exec(rest); step; step = STEP.exec(rest)) {
    const { view, path } = views[views.length - 1]!;
    // A facet's views are one `spec`; its steps are named from there.
    const inner = !Array.isArray(view[step[1]!]) && isObject(view.spec) ? { view: view.spec, path: [...path, 'spec'] } : { view, path };
    const list = inner.view[step[1]!];
    const child = Array.isArray(list) ? list[Number(step[2])] : undefined;
    if (!isObject(child)) break;
    views.push({ view: child, path: [...inner.path, step[1]!, Number(step[2])] });
    rest = rest.slice(step[0].length);
  }
  const own = views[views.length - 1]!;
  const body = isObject(own.view.spec) && !own.view.mark ? { view: own.view.spec, path: [...own.path, 'spec'] } : own;
  // The innermost encoding that sets a colour: the layer's own, else one it inherits.
  for (const { view, path } of [body, ...views.slice(0, -1).reverse()]) {
    const encoding = view.encoding;
    if (!isObject(encoding)) continue;
    for (const channel of ['fill', 'color']) if (encoding[channel] !== undefined) return [...path, 'encoding', channel];
  }
  const mark = body.view.mark;
  if (isObject(mark)) {
    for (const key of ['fill', 'color']) if (mark[key] !== undefined) return [...body.path, 'mark', key];
  }
  return mark === undefined ? body.path : [...body.path, 'mark'];
}

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
