import type { JsonFile } from '../compile/readJsonFile.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { PlottedChannel } from './plottedChannels.js';

/** A column named for years: `year`, `fiscal_year`, `Jahr`, `année`, `año`… */
const YEAR_NAME = /(^|[^\p{L}])(years?|yr|jahr|ann[ée]e|a[ñn]o|anno)($|[^\p{L}])/iu;

/**
 * A column of whole years (every cell an integer from 1000 to 2999, in a
 * column named for years) on a quantitative x or y axis with no number
 * format: Vega-Lite labels it with d3's default `,`-grouped format and
 * ticks between the years, "2,019.0 2,019.5 2,020.0", which reads as
 * neither years nor the figures drawn. An error at the field's `type`,
 * naming the two fixes: a time axis (citechart reads whole years as years)
 * or a format of whole numbers. A format anywhere (the channel's, its
 * axis's `format` or `labelExpr`, or the config's `axis…`/`numberFormat`,
 * theme included) is the author's choice and is not judged.
 */
export function checkYearAxis(json: JsonFile, channels: PlottedChannel[], config: Record<string, unknown>): Diagnostic[] {
  const found: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const c of channels) {
    if ((c.channel !== 'x' && c.channel !== 'y') || c.def.type !== 'quantitative' || !c.cells?.length || !YEAR_NAME.test(c.field)) continue;
    if (c.def.bin !== undefined || c.def.aggregate !== undefined || c.def.timeUnit !== undefined) continue;
    const axis = c.def.axis;
    if (axis === null || hasFormat(c.def) || hasFormat(axis) || axisConfigFormat(config, c.channel)) continue;
    const years = c.cells.filter((cell) => cell.value !== null && cell.value !== '');
    if (!years.length || !years.every((cell) => typeof cell.value === 'number' && Number.isInteger(cell.value) && cell.value >= 1000 && cell.value <= 2999)) continue;
    const at = [...c.jsonPath, 'type'];
    const key = at.join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ ...json.diagnostic(at, messages.checks.yearsAsNumbers(c.field, c.channel, years[0]!.value as number)), rule: 'year-axis' });
  }
  return found;
}

function hasFormat(holder: unknown): boolean {
  if (!holder || typeof holder !== 'object') return false;
  const h = holder as Record<string, unknown>;
  return h.format !== undefined || h.labelExpr !== undefined;
}

function axisConfigFormat(config: Record<string, unknown>, channel: string): boolean {
  const keys = [channel === 'x' ? 'axisX' : 'axisY', 'axisQuantitative', 'axis'];
  return keys.some((key) => hasFormat(config[key])) || config.numberFormat !== undefined;
}
