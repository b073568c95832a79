import type { JsonFile } from '../compile/readJsonFile.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { numberFormats } from './numberFormats.js';
import type { PlottedChannel } from './plottedChannels.js';

/**
 * Formats with d3's SI prefixes (`s`, `~s`, `.2s`): 3 billion prints as
 * "3G", 0.5 as "500m" (milli, not million). A newsroom writes bn and m.
 * d3-format's locale has no setting for these symbols (only decimal and
 * thousands marks, currency, numerals, percent, minus and NaN), so citechart
 * cannot rewrite them into a desk's words: a warning at the format, with
 * the fix (divide, then a fixed format and the unit in the title).
 */
export function checkSiFormat(json: JsonFile, channels: PlottedChannel[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const c of channels) {
    for (const written of numberFormats(c)) {
      const key = written.jsonPath.join('\u0000');
      if (written.type !== 's' || seen.has(key)) continue;
      seen.add(key);
      found.push({ ...json.diagnostic(written.jsonPath, messages.checks.siPrefix(written.format), 'warning'), rule: 'si-format' });
    }
  }
  return found;
}
