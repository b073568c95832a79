import type { JsonFile } from '../compile/readJsonFile.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { numberFormats, specifierType } from './numberFormats.js';
import { percentPoints } from './percentPoints.js';
import type { PlottedChannel } from './plottedChannels.js';

const TIMES_100 = new Set(['%', 'p']);

/**
 * A column of percentage points (written `61%` and read as 61, or named a
 * share or percent and holding figures beyond 1: src/checks/percentPoints.ts) printed
 * with a d3 format that multiplies by 100 (`%`, `.0%`, `p`): the graphic
 * would publish 6100 %. An error at the format, with both fixes. The format
 * is the channel's own (its `format`, axis or legend), or, for an x or y
 * axis or a text label without one, the spec's `config` (`axisX`/`axisY`,
 * `axisQuantitative`, `axis`, `numberFormat`). The theme's config is not
 * read here.
 */
export function checkPercentFormat(json: JsonFile, channels: PlottedChannel[], config: Record<string, unknown>): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const c of channels) {
    // A normalised stack draws each part's fraction of its bar (0 to 1), not the column's figures: "%" is its format.
    const points = c.isColumn && c.def.stack !== 'normalize' ? percentPoints(c.table, c.field) : undefined;
    if (!points) continue;
    const message = (format: string) => messages.checks.percentTimes100(c.field, format, points.why, points.example);
    const own = numberFormats(c);
    for (const written of own) {
      if (!TIMES_100.has(written.type)) continue;
      found.push({ ...json.diagnostic(written.jsonPath, message(written.format)), rule: 'percent-format' });
    }
    const inherited = own.length ? undefined : configFormat(c, config);
    if (inherited && TIMES_100.has(specifierType(inherited.format) ?? '')) {
      found.push({ ...json.diagnostic(inherited.jsonPath, message(inherited.format)), rule: 'percent-format' });
    }
  }
  return found;
}

/** The format a channel without its own takes from the spec's `config`, and where it is written. */
function configFormat(c: PlottedChannel, config: Record<string, unknown>): { format: string; jsonPath: (string | number)[] } | undefined {
  if (c.def.type === 'temporal' || c.def.timeUnit !== undefined) return undefined;
  const axes = c.channel === 'x' ? ['axisX', 'axisQuantitative', 'axis'] : c.channel === 'y' ? ['axisY', 'axisQuantitative', 'axis'] : [];
  for (const key of axes) {
    const axis = config[key];
    const format = axis && typeof axis === 'object' ? (axis as Record<string, unknown>).format : undefined;
    if (typeof format === 'string') return { format, jsonPath: ['config', key, 'format'] };
  }
  if ((axes.length || c.channel === 'text') && typeof config.numberFormat === 'string') return { format: config.numberFormat, jsonPath: ['config', 'numberFormat'] };
  return undefined;
}
