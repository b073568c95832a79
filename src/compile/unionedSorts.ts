import type { Spec as VegaSpec } from 'vega';
import type { JSONPath } from 'jsonc-parser';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { isRecord } from '../isRecord.js';
import { encodedFields } from './encodedFields.js';
import { channelOfScale } from './scaleFields.js';
import type { RawMessage } from './judgeMessages.js';
import type { ChartSpec } from './readSpec.js';
import { valueAt } from './valueAt.js';
import { collectGuides } from './vegaGuides.js';

/** Vega-Lite's MORE_THAN_ONE_SORT (log/message.ts), logged unlocated. */
const MORE_THAN_ONE_SORT = /^Domains that should be unioned has conflicting sort properties/;

/**
 * Judges Vega-Lite's "Domains that should be unioned has conflicting sort
 * properties. Sort will be set to true." by what it did, read from the
 * compiled spec. The layers of one view that share a sorted axis each
 * resolve `"sort": "-x"` for themselves (vega-lite scale/domain.ts): a
 * stacked bar by `sum`, a text, tick or point by `min`. When one layer's op
 * is `min` and the other is one op, Vega-Lite keeps that op, so the bars
 * with value labels every newsroom draws are sorted as asked and the
 * warning (its "set to true" untrue) is dropped. When the ops differ
 * otherwise (bars' `sum` beside a `mean` tick), Vega-Lite drops the sort
 * and the categories are drawn alphabetically: an error at each such
 * `sort` (rule `layer-sort`), naming the axis.
 * Returns the messages left for judgeMessages and the errors found.
 */
export function judgeUnionedSorts(spec: ChartSpec, vega: VegaSpec, raw: RawMessage[]): { raw: RawMessage[]; diagnostics: Diagnostic[] } {
  const kept = raw.filter((m) => !(m.source === 'Vega-Lite' && MORE_THAN_ONE_SORT.test(m.reason)));
  if (kept.length === raw.length) return { raw, diagnostics: [] };
  // A scale whose domain Vega-Lite gave `sort: true` after merging: the sort asked for is gone.
  const unsorted = new Set<string>();
  for (const [name, scale] of collectGuides(vega).scales) {
    if (isRecord(scale.domain) && scale.domain.sort === true) unsorted.add(channelOfScale(name));
  }
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const f of encodedFields(spec.vegaLite, false)) {
    if (!unsorted.has(f.channel)) continue;
    const sortPath: JSONPath = [...f.jsonPath.slice(0, -1), 'sort'];
    const sort = valueAt(spec.vegaLite, sortPath);
    if (sort === undefined || sort === null || sort === 'ascending' || seen.has(sortPath.join('\u0000'))) continue;
    seen.add(sortPath.join('\u0000'));
    diagnostics.push({ ...spec.json.diagnostic(sortPath, messages.spec.layerSortDropped(f.channel, JSON.stringify(sort))), rule: 'layer-sort' });
  }
  return { raw: kept, diagnostics };
}
