import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { scaleOf, type PlottedChannel } from './plottedChannels.js';

const CONTINUOUS = new Set(['quantitative']);
const DISCRETE = new Set(['nominal', 'ordinal']);

/**
 * Values outside an explicit `scale.domain`, on any channel: a number past a
 * quantitative domain is drawn off the plot; a category missing from a
 * nominal or ordinal domain is drawn in no colour or at no position. An
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
    const domain = scaleOf(c.def)?.domain;
    if (!Array.isArray(domain) || !domain.length || !c.cells || !c.table) continue;
    const type = String(c.def.type ?? '');
    const shown = JSON.stringify(domain);
    if (CONTINUOUS.has(type)) {
      if (scaleOf(c.def)?.clamp === true || c.view.markDef?.clip === true) continue;
      const ends = domain.filter((v): v is number => typeof v === 'number');
      if (ends.length !== domain.length) continue;
      const low = Math.min(...ends.slice(0, 1), ...ends.slice(-1));
      const high = Math.max(...ends.slice(0, 1), ...ends.slice(-1));
      for (const cell of c.cells) {
        if (typeof cell.value !== 'number' || (cell.value >= low && cell.value <= high)) continue;
        found.push({ file: c.table.file, line: cell.line, column: cell.column, severity: 'error', rule: 'scale-domain', message: messages.checks.outsideDomain(String(cell.value), c.field, c.channel, shown, false) });
      }
    } else if (DISCRETE.has(type)) {
      const allowed = new Set(domain.map(String));
      for (const cell of c.cells) {
        if (cell.value === null || allowed.has(String(cell.value))) continue;
        found.push({ file: c.table.file, line: cell.line, column: cell.column, severity: 'error', rule: 'scale-domain', message: messages.checks.outsideDomain(String(cell.value), c.field, c.channel, shown, true) });
      }
    }
  }
  return found;
}
