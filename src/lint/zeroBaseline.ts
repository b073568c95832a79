import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { LintRule } from './context.js';
import { POSITION_CHANNELS, unitViews, type UnitView } from './unitViews.js';
import { isRecord } from '../isRecord.js';

const LENGTH_MARKS = new Set(['bar', 'area']);

/**
 * A bar's or area's length encodes its value, so its quantitative axis must
 * start at zero. Flags `scale.zero: false`, a `domainMin` above 0, an
 * explicit numeric domain without 0 and a log scale. Ranged bars (an
 * `x2`/`y2`, e.g. timelines) are left alone: their length is a span, not a
 * value. Only the axis a length runs along counts (see lengthChannels): an
 * area over years on a quantitative x, or a histogram's binned x, may well
 * skip zero.
 */
export const zeroBaseline: LintRule = {
  id: 'zero-baseline',
  summary: 'a bar or area chart whose quantitative axis does not start at zero',
  check({ charts }) {
    const found: Diagnostic[] = [];
    for (const { spec } of charts) {
      for (const view of unitViews(spec.vegaLite)) {
        if (!LENGTH_MARKS.has(view.mark)) continue;
        for (const channel of lengthChannels(view)) {
          const at = view.encoding[channel]!;
          const scale = at.def.scale;
          if (!isRecord(scale)) continue;
          const warn = (key: string, how: string) =>
            found.push(spec.json.diagnostic([...at.jsonPath, 'scale', key], messages.lint.zeroBaseline(view.mark, channel, how), 'warning'));
          // A log scale has no zero at all: its bars start wherever its domain does.
          if (scale.type === 'log') warn('type', 'a log scale');
          else if (scale.zero === false) warn('zero', '"zero": false');
          else if (typeof scale.domainMin === 'number' && scale.domainMin > 0) warn('domainMin', `"domainMin": ${scale.domainMin}`);
          else if (Array.isArray(scale.domain) && scale.domain.length === 2 && scale.domain.every((v) => typeof v === 'number')) {
            const [low, high] = scale.domain as number[];
            if (Math.min(low!, high!) > 0 || Math.max(low!, high!) < 0) warn('domain', `domain [${low}, ${high}]`);
          }
        }
      }
    }
    return found;
  },
};

/**
 * The position channels a bar's or area's length runs along. With one
 * quantitative axis, that one. With two (an area over years on a numeric
 * x; a histogram), the one that is not binned, else the aggregated one, else
 * y: Vega-Lite draws such marks vertically unless told otherwise.
 */
function lengthChannels(view: UnitView): ('x' | 'y')[] {
  const quantitative = POSITION_CHANNELS.filter((channel) => {
    const def = view.encoding[channel]?.def;
    return def?.type === 'quantitative' && !def.bin && !view.encoding[`${channel}2`];
  });
  if (quantitative.length < 2) return quantitative;
  const { x, y } = { x: view.encoding.x!.def, y: view.encoding.y!.def };
  if (x.aggregate !== undefined && y.aggregate === undefined) return ['x'];
  return ['y'];
}
