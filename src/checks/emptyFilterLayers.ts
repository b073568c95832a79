import type { ChartSpec } from '../compile/readSpec.js';
import { viewMarkName } from '../compile/viewMarkName.js';
import { unitViews } from '../lint/unitViews.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';

/**
 * Views whose mark drew no item although they filter their rows: the filter
 * kept nothing, and a label or highlight silently vanished. A warning at
 * the view's last filter (the one nearest the mark). Read from the drawn
 * scene (`markItems`, by Vega mark name), so it runs after drawing; views
 * whose mark name is not found are skipped rather than guessed.
 */
export function checkEmptyFilterLayers(spec: ChartSpec, markItems: Map<string, number>): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const view of unitViews(spec.vegaLite)) {
    const name = viewMarkName(spec.vegaLite, view.path);
    if (name === undefined || markItems.get(name) !== 0) continue;
    const filters = view.transforms.filter((t) => t.def.filter !== undefined);
    const last = filters[filters.length - 1];
    if (last) found.push({ ...spec.json.diagnostic([...last.jsonPath, 'filter'], messages.checks.filterKeepsNothing(), 'warning'), rule: 'empty-layer' });
  }
  return found;
}
