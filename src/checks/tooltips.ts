import type { JSONPath } from 'jsonc-parser';
import type { JsonFile } from '../compile/readJsonFile.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { isRecord } from '../isRecord.js';


/**
 * A `tooltip` encoding or a mark's `"tooltip"` setting: it shows only on
 * hover in a live Vega view, and every file citechart writes is static (the
 * HTML snippet runs no script). A warning at each, so a reader-facing value
 * does not live only where no reader can see it.
 */
export function checkTooltips(json: JsonFile, spec: Record<string, unknown>): Diagnostic[] {
  const found: Diagnostic[] = [];
  const visit = (node: Record<string, unknown>, at: JSONPath) => {
    if (isRecord(node.encoding) && node.encoding.tooltip !== undefined && node.encoding.tooltip !== null) {
      found.push({ ...json.diagnostic([...at, 'encoding', 'tooltip'], messages.checks.tooltip(), 'warning'), rule: 'tooltip' });
    }
    if (isRecord(node.mark) && node.mark.tooltip !== undefined && node.mark.tooltip !== null && node.mark.tooltip !== false) {
      found.push({ ...json.diagnostic([...at, 'mark', 'tooltip'], messages.checks.tooltip(), 'warning'), rule: 'tooltip' });
    }
    for (const key of ['layer', 'concat', 'hconcat', 'vconcat']) {
      if (Array.isArray(node[key])) (node[key] as unknown[]).forEach((child, i) => isRecord(child) && visit(child, [...at, key, i]));
    }
    if (isRecord(node.spec)) visit(node.spec, [...at, 'spec']);
  };
  visit(spec, []);
  return found;
}
