import type { JSONPath } from 'jsonc-parser';
import { formatSpecifier } from 'd3-format';
import type { PlottedChannel } from './plottedChannels.js';

/** A d3 number format written on a channel, and where. */
export interface WrittenFormat {
  format: string;
  /** d3-format's type letter: `%`, `s`, `f`… ('' for none). */
  type: string;
  jsonPath: JSONPath;
}

/**
 * The number formats a channel prints its values with: its own `format`
 * (text, tooltip), its axis's and its legend's. Time formats (`formatType`
 * "time"/"utc", or a temporal field) and formats d3-format cannot read are
 * left out: they are not number formats.
 */
export function numberFormats(c: PlottedChannel): WrittenFormat[] {
  if (c.def.type === 'temporal' || c.def.timeUnit !== undefined) return [];
  const found: WrittenFormat[] = [];
  const places: Array<[Record<string, unknown> | undefined, JSONPath]> = [
    [c.def, c.jsonPath],
    [asObject(c.def.axis), [...c.jsonPath, 'axis']],
    [asObject(c.def.legend), [...c.jsonPath, 'legend']],
  ];
  for (const [holder, at] of places) {
    if (!holder || typeof holder.format !== 'string') continue;
    if (holder.formatType !== undefined && holder.formatType !== 'number') continue;
    const type = specifierType(holder.format);
    if (type !== undefined) found.push({ format: holder.format, type, jsonPath: [...at, 'format'] });
  }
  return found;
}

/** d3-format's type letter of a format (`%` for `.0%`), or undefined when d3 cannot read it. */
export function specifierType(format: string): string | undefined {
  try {
    return formatSpecifier(format).type;
  } catch {
    return undefined; // not a d3 number format: Vega reports it itself
  }
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
