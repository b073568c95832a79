import { unescapeField } from '../compile/encodedFields.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { LintRule } from './context.js';
import { isPercentColumn } from './isPercentColumn.js';
import { formatStatesUnit, statesUnit } from './statesUnit.js';
import { tableOf } from './tableOf.js';
import { unitViews, type ChannelDef } from './unitViews.js';
import { isRecord } from '../isRecord.js';

const VALUE_CHANNELS = ['x', 'y', 'theta', 'radius', 'color', 'size'];
const texts = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((s) => typeof s === 'string') : []);

/**
 * A number without its unit ("Share": of what, in what?) is the commonest
 * caption error. For each value column a chart plots as quantitative, the
 * unit must show in its axis or legend title (or, without one, the column
 * name Vega-Lite uses as title) or its format. When the axis, legend or title
 * is switched off (`null`), the unit may instead be in the chart's title or
 * subtitle or in the labels a text mark draws (`format`, `calculate`).
 */
export const missingUnit: LintRule = {
  id: 'missing-unit',
  summary: 'a value column with no unit in its axis or legend title or format',
  check({ charts }) {
    const found: Diagnostic[] = [];
    for (const { spec, tables } of charts) {
      const views = unitViews(spec.vegaLite);
      const elsewhere = [...chartTitles(spec.vegaLite), ...labelTexts(spec.vegaLite)];
      for (const view of views) {
        const table = tableOf(tables, view.dataFile);
        for (const channel of VALUE_CHANNELS) {
          const at = view.encoding[channel];
          if (!at || at.def.type !== 'quantitative' || typeof at.def.field !== 'string' || at.def.aggregate === 'count') continue;
          const column = unescapeField(at.def.field);
          if (!table || table.types[column] !== 'number') continue;
          const { title, titlePath, hidden } = titleOf(at, channel);
          const formats = [at.def.format, guide(at, channel)?.format].filter((f): f is string => typeof f === 'string');
          // A title nobody sees (a pie's angle, a hidden axis) says nothing to the reader.
          const said = hidden ? elsewhere : [title];
          if (said.some(statesUnit) || formats.some(formatStatesUnit)) continue;
          // Vega-Lite labels a normalised stack's axis in % unless given a format.
          if (at.def.stack === 'normalize' && !formats.length && !hidden) continue;
          const message = hidden
            ? messages.lint.missingUnitHidden(column, channel)
            : messages.lint.missingUnit(column, channel, title, isPercentColumn(table, column));
          found.push(spec.json.diagnostic(titlePath, message, 'warning'));
        }
      }
    }
    return found;
  },
};

const guide = (at: ChannelDef, channel: string): Record<string, unknown> | null | undefined => {
  const value = at.def[channel === 'x' || channel === 'y' ? 'axis' : 'legend'];
  return value === null ? null : isRecord(value) ? value : undefined;
};

/** The title a reader sees for a channel, where it is written, and whether none is shown. */
function titleOf(at: ChannelDef, channel: string): { title: string; titlePath: (string | number)[]; hidden: boolean } {
  // A pie's angle and radius have no axis or legend: their title is never shown.
  if (channel === 'theta' || channel === 'radius') {
    return { title: texts(at.def.title).join(' ') || unescapeField(String(at.def.field)), titlePath: [...at.jsonPath, 'field'], hidden: true };
  }
  const g = guide(at, channel);
  const guideKey = channel === 'x' || channel === 'y' ? 'axis' : 'legend';
  if (g && 'title' in g) return { title: texts(g.title).join(' '), titlePath: [...at.jsonPath, guideKey, 'title'], hidden: g.title === null };
  if ('title' in at.def) return { title: texts(at.def.title).join(' '), titlePath: [...at.jsonPath, 'title'], hidden: at.def.title === null || g === null };
  return { title: unescapeField(String(at.def.field)), titlePath: [...at.jsonPath, 'field'], hidden: g === null };
}

function chartTitles(spec: Record<string, unknown>): string[] {
  const title = spec.title;
  if (!isRecord(title)) return texts(title);
  return [...texts(title.text), ...texts(title.subtitle)];
}

/** Formats of text channels and calculate expressions: where a labelled chart writes "90%". */
function labelTexts(spec: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isRecord(node)) return;
    if (typeof node.calculate === 'string') found.push(node.calculate);
    if (isRecord(node.encoding) && isRecord(node.encoding.text) && typeof node.encoding.text.format === 'string') {
      if (formatStatesUnit(node.encoding.text.format)) found.push('%');
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'usermeta' && key !== 'config') visit(child);
  };
  visit(spec);
  return found;
}
