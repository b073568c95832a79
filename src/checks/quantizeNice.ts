import type { JsonFile } from '../compile/readJsonFile.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { scaleOf, type PlottedChannel } from './plottedChannels.js';

/**
 * `nice` on a `quantize` scale: Vega widens the domain to round ends before
 * cutting it into equal classes, so figures from −3 to 237 are classed over
 * −20 … 240, ranges no figure has, and the bounds between classes are no
 * rounder for it (32, 84, 136, 188). The legend then reads as if the figures
 * ran from −20 to 240. Vega-Lite does not make a quantize scale nice unless
 * asked, so the author asked for round classes and got neither: an error at
 * `nice` (any value but false), with the fixes (drop it; a `threshold` scale
 * with the round bounds wanted).
 */
export function checkQuantizeNice(json: JsonFile, channels: PlottedChannel[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const c of channels) {
    const scale = scaleOf(c.def);
    if (scale?.type !== 'quantize' || scale.nice === undefined || scale.nice === false) continue;
    found.push({ ...json.diagnostic([...c.jsonPath, 'scale', 'nice'], messages.checks.quantizeNice(c.field, c.channel), 'error'), rule: 'quantize-nice' });
  }
  return found;
}
