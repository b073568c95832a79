import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { scaleOf, type PlottedChannel } from './plottedChannels.js';

const CONTINUOUS = new Set(['quantitative']);
const DISCRETE = new Set(['nominal', 'ordinal']);

/**
 * Values outside an explicit `scale.domain`, on any channel: a number past a
 * quantitative domain is drawn off the plot; a category missing from a
 * nominal or ordinal domain is drawn in no colour or at no position. A
 * quantitative scale's `domainMin` / `domainMax` (without a `domain` list)
 * bound it the same way: a bar past `"domainMax": 50` runs off the plot. An
 * error at each such cell, naming the value and the domain. A quantitative
 * domain with `"clamp": true` on the scale or `"clip": true` on the mark is
 * a window the author chose (values pile at, or are cut at, its edge) and is
 * not checked. Domains given as signals, selections or `unionWith` are not
 * lists of values and are not checked; nor are temporal domains (dates
 * written as objects or strings).
 */
export function checkScaleDomain(channels: PlottedChannel[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const c of channels) {
    const scale = scaleOf(c.def);
    const type = String(c.def.type ?? '');
    if (!c.cells || !c.table) continue;
    const bounds = CONTINUOUS.has(type) ? quantitativeBounds(scale) : undefined;
    const domain = scale?.domain;
    if (!bounds && (!Array.isArray(domain) || !domain.length)) continue;
    const shown = bounds?.shown ?? JSON.stringify(domain);
    if (bounds) {
      if (scale?.clamp === true || c.view.markDef?.clip === true) continue;
      const { low, high } = bounds;
      for (const cell of c.cells) {
        if (typeof cell.value !== 'number' || (cell.value >= low && cell.value <= high)) continue;
        found.push({ file: c.table.file, line: cell.line, column: cell.column, severity: 'error', rule: 'scale-domain', message: messages.checks.outsideDomain(String(cell.value), c.field, c.channel, shown, false) });
      }
    } else if (DISCRETE.has(type)) {
      const allowed = new Set((domain as unknown[]).map(String));
      for (const cell of c.cells) {
        if (cell.value === null || allowed.has(String(cell.value))) continue;
        found.push({ file: c.table.file, line: cell.line, column: cell.column, severity: 'error', rule: 'scale-domain', message: messages.checks.outsideDomain(String(cell.value), c.field, c.channel, shown, true) });
      }
    }
  }
  return found;
}

/**
 * The numeric window of a quantitative scale: its `domain` of two numbers,
 * else its `domainMin` and/or `domainMax` (an open side unbounded), with the
 * text naming it in the message; undefined when it sets no numeric bound.
 */
function quantitativeBounds(scale: Record<string, unknown> | undefined): { low: number; high: number; shown: string } | undefined {
  if (!scale) return undefined;
  const { domain, domainMin, domainMax } = scale;
  if (Array.isArray(domain)) {
    if (!domain.length || !domain.every((v): v is number => typeof v === 'number')) return undefined;
    const ends = [domain[0]!, domain[domain.length - 1]!];
    return { low: Math.min(ends[0]!, ends[1]!), high: Math.max(ends[0]!, ends[1]!), shown: JSON.stringify(domain) };
  }
  if (domain !== undefined) return undefined; // a signal, selection or unionWith: not a list of values
  const min = typeof domainMin === 'number' ? domainMin : undefined;
  const max = typeof domainMax === 'number' ? domainMax : undefined;
  if (min === undefined && max === undefined) return undefined;
  const shown = JSON.stringify({ ...(min !== undefined ? { domainMin: min } : {}), ...(max !== undefined ? { domainMax: max } : {}) });
  return { low: min ?? -Infinity, high: max ?? Infinity, shown };
}
