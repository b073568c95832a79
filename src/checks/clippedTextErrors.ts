import type { JSONPath } from 'jsonc-parser';
import type { JsonFile } from '../compile/readJsonFile.js';
import type { Diagnostic } from '../model.js';
import type { VegaRender } from '../render/renderSvg.js';
import * as messages from '../messages.js';
import { clippedText } from './clippedText.js';
import { textPath } from './overlappingTextErrors.js';

/**
 * The `crowded-labels` error for each text mark of the drawn chart (a text
 * layer's labels, an axis' labels, a title…) that runs past the edge of the
 * graphic, where the published SVG and PNG cut it (clippedText). At the
 * spec's `autosize` when it sets one (what keeps Vega from making room),
 * else at a text layer's `text` encoding, else at the spec's top. `width`
 * names the artboard width it happens at, when not the spec's own layout.
 */
export function clippedTextErrors(json: JsonFile, vegaLite: Record<string, unknown>, render: VegaRender, width?: number): Diagnostic[] {
  if (!render.origin) return [];
  return clippedText(render.scenegraph, { width: render.width, height: render.height, origin: render.origin }).map(({ box, edge, by }) => {
    const at: JSONPath = vegaLite.autosize !== undefined ? ['autosize'] : box.role === 'mark' ? textPath(vegaLite, box.mark) : [];
    const message = messages.checks.clippedText(box.text, box.role, edge, by, vegaLite.autosize !== undefined, width);
    return { ...json.diagnostic(at, message), rule: 'crowded-labels' };
  });
}
