import type { JsonFile } from '../compile/readJsonFile.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { numberFormats } from './numberFormats.js';
import type { PlottedChannel } from './plottedChannels.js';

/**
 * A column written in percent (`61%`, read as 61 percentage points) printed
 * with a d3 format that multiplies by 100 (`%`, `.0%`, `p`): the graphic
 * would publish 6100 %. An error at the format, with both fixes.
 */
export function checkPercentFormat(json: JsonFile, channels: PlottedChannel[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const c of channels) {
    if (!c.isColumn || !c.table?.columnInfo?.[c.field]?.percent) continue;
    for (const written of numberFormats(c)) {
      if (written.type !== '%' && written.type !== 'p') continue;
      found.push({ ...json.diagnostic(written.jsonPath, messages.checks.percentTimes100(c.field, written.format)), rule: 'percent-format' });
    }
  }
  return found;
}
