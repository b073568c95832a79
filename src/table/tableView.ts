import type { CitedRow, CitedTable, Source } from '../model.js';
import { ROW_ID_FIELD } from '../compile/injectData.js';
import type { Locale } from '../locale/readLocale.js';
import { namedStyle } from '../compile/namedStyles.js';
import { wrapText } from '../provenance/wrapText.js';
import { measureText } from '../text/textMetrics.js';
import { cellText, SOURCE_FIELD, type TableColumn, type TableSpec } from './readTable.js';

type Json = Record<string, unknown>;

/** How a table is drawn: body and header type (px), colours, row height (px), bar and heat colours. */
export interface TableStyle {
  fontSize: number;
  headerFontSize: number;
  color: string;
  headerColor: string;
  rowHeight: number;
  ruleColor: string;
  headerRuleColor: string;
  barColor: string;
  negativeColor: string;
  heatLow: string;
  heatHigh: string;
}

/** The named style a theme (or a spec's `config.style`) sets tables with; Vega-Lite ignores it. */
export const TABLE_STYLE_NAME = 'citechart-table';

/**
 * citechart's defaults: 14 px figures on 30 px rows (a thumb's height on a
 * phone), 12 px headers in the axis grey, hairline rules; bars in the house
 * blue, negative ones red; heat from a near-white to a mid blue on which
 * the dark figures keep a 7:1 contrast.
 */
export const DEFAULT_TABLE_STYLE: TableStyle = {
  fontSize: 14,
  headerFontSize: 12,
  color: '#121212',
  headerColor: '#444444',
  rowHeight: 30,
  ruleColor: '#d9d9d9',
  headerRuleColor: '#595959',
  barColor: '#0f5499',
  negativeColor: '#c8102e',
  heatLow: '#f2f5f9',
  heatHigh: '#8fb3d9',
};

/** Space between columns, px. */
const GAP = 12;
/** The narrowest a bar cell gets, px; narrower, the table runs past the chart's width. */
const MIN_BAR = 40;
/** A bar cell's width when the spec gives the chart none, px. */
const NATURAL_BAR = 120;
/** Headers wrap rather than widen a column past this (px), unless a word is longer; in a narrow chart, at their longest word. */
const HEADER_WRAP = 120;

/** Field names the table's view adds to the rows (none is a CSV column: they start with `__`). */
const RANK = '__cc_rank';
const textField = (i: number) => `__cc_text_${i}`;

/** The table style from `config.style["citechart-table"]` of the theme and the spec (the spec's wins, property by property). */
export function readTableStyle(theme: Json | undefined, specConfig: Json | undefined): TableStyle {
  const set = { ...namedStyle(theme, TABLE_STYLE_NAME), ...namedStyle(specConfig, TABLE_STYLE_NAME) };
  const out: TableStyle = { ...DEFAULT_TABLE_STYLE };
  for (const key of Object.keys(DEFAULT_TABLE_STYLE) as Array<keyof TableStyle>) {
    const value = set[key];
    if (typeof value === typeof DEFAULT_TABLE_STYLE[key] && (typeof value !== 'number' || value > 0)) (out as unknown as Json)[key] = value;
  }
  return out;
}

/** A column as laid out: its px width, its header's lines, its alignment. */
interface Laid {
  column: TableColumn;
  i: number;
  width: number;
  header: string[];
  right: boolean;
}

/**
 * The Vega-Lite view that draws a newsroom table, in place of the spec's own
 * mark: one row per CSV row (after the spec's transforms) in the `sort`
 * order, a header above, hairlines between rows. Columns are laid out in px
 * measured with the bundled font: the first (the row's name) and other text
 * columns left-aligned, numbers right-aligned (Source Sans 3's figures are
 * tabular, so digits line up) and written with their `format`; an empty
 * cell is blank, never 0. A `bar` column draws a bar from 0 after its
 * figure, in a cell that takes the width left over (at least 40 px;
 * several share it); a `heat` column shades its cells light to dark. Without
 * bars the space left goes after the first column, so figures sit at the
 * right edge. Headers wrap at 120 px, or at their longest word where the
 * chart is too narrow for that. The `source` column gives each row the
 * number of its source in the footer (counted over the rows drawn, as the
 * footer counts them); where a row cites several sources, their
 * publishers; it is left out of the graphic when every row cites the same
 * one source (the footer says it). Positions are Vega expressions of the
 * plot's `width`, so artboards (atWidth) re-lay it out. `overflow` (px):
 * how much wider than the chart the columns are at their narrowest.
 */
export function tableView(
  vegaLite: Json,
  table: TableSpec,
  data: CitedTable,
  sources: Map<string, Source> | undefined,
  style: TableStyle,
  room: number | undefined,
  locale?: Locale,
): { view: Json; overflow: number } {
  const keys = new Set(data.rows.map((row) => row.sources.join('; ')));
  const oneSource = keys.size === 1 && !data.rows.some((row) => row.sources.length > 1);
  const marked = !data.rows.some((row) => row.sources.length > 1);
  const shown = table.columns.filter((column) => !(column.source && oneSource));
  const texts = (column: TableColumn) =>
    data.rows.map((row) => (column.source ? (marked ? String(keys.size) : publishers(row, sources)) : cellText(row.values[column.field] ?? null, column, locale)));
  const lay = (wrapAt: number): Laid[] =>
    shown.map((column, i) => {
      const widest = texts(column).reduce((most, text) => Math.max(most, measureText(text, style.fontSize)), 0);
      const word = column.title.split(/\s+/).reduce((most, w) => Math.max(most, measureText(w, style.headerFontSize)), 0);
      const width = Math.ceil(Math.max(widest, Math.min(measureText(column.title, style.headerFontSize), Math.max(word, wrapAt))));
      const header = wrapText(column.title, width + 0.5, (text) => measureText(text, style.headerFontSize));
      return { column, i, width, header, right: column.numeric || (column.source && marked) };
    });
  const bars = shown.filter((column) => column.bar).length;
  const fixedWidth = (laid: Laid[]) => laid.reduce((sum, c) => sum + c.width, 0) + GAP * (laid.length - 1) + GAP * bars;
  let columns = lay(HEADER_WRAP);
  if (room !== undefined && fixedWidth(columns) + bars * MIN_BAR > room) columns = lay(0);
  const fixed = fixedWidth(columns);
  const overflow = room === undefined ? 0 : Math.max(0, Math.ceil(fixed + bars * MIN_BAR - room));

  // Flexible space: each bar's cell, else one slot after the first column.
  const slots = Math.max(1, bars);
  const share = `max(${bars ? MIN_BAR : 0}, (width - ${fixed}) / ${slots})`;
  let before = 0;
  let flexBefore = 0;
  const placed = columns.map((c) => {
    const left = `${before} + ${flexBefore} * ${share}`;
    const rightEdge = `${before + c.width} + ${flexBefore} * ${share}`;
    before += c.width + GAP;
    let bar: { from: string; to: string } | undefined;
    if (c.column.bar) {
      bar = { from: `${before} + ${flexBefore} * ${share}`, to: `${before} + ${flexBefore + 1} * ${share}` };
      before += GAP;
    }
    if (c.column.bar || (!bars && c.i === 0)) flexBefore += 1;
    return { ...c, left, rightEdge, bar };
  });

  const rowY = { field: RANK, type: 'ordinal', axis: null, title: null, scale: { type: 'band', paddingInner: 0, paddingOuter: 0 } };
  const one = { values: [{}] };
  const layers: Json[] = [];
  // Heat first, under the figures.
  for (const c of placed.filter((p) => p.column.heat)) {
    layers.push({
      mark: { type: 'rect', x: { expr: `max(0, ${c.left} - ${GAP / 2})` }, x2: { expr: `${c.rightEdge} + ${GAP / 2}` } },
      encoding: { y: rowY, color: { field: c.column.field, type: 'quantitative', legend: null, scale: { range: [style.heatLow, style.heatHigh] } } },
    });
  }
  layers.push({ mark: { type: 'rule', x: 0, x2: { expr: 'width' }, color: style.ruleColor, strokeWidth: 1 }, encoding: { y: { ...rowY, bandPosition: 1 } } });
  layers.push({ data: one, mark: { type: 'rule', x: 0, x2: { expr: 'width' }, color: style.headerRuleColor, strokeWidth: 1 }, encoding: { y: { value: 0 } } });
  const lineHeight = Math.round(style.headerFontSize * 1.25);
  for (const c of placed) {
    const align = c.right ? 'right' : 'left';
    const x = { expr: c.right ? c.rightEdge : c.left };
    layers.push({
      mark: { type: 'text', align, baseline: 'middle', x, fontSize: style.fontSize, color: style.color },
      encoding: { y: rowY, text: { field: textField(c.i), type: 'nominal' } },
    });
    // Vega writes a text's further lines below its first: a header of n lines starts n − 1 lines up.
    layers.push({
      data: one,
      mark: { type: 'text', align, baseline: 'bottom', x, fontSize: style.headerFontSize, color: style.headerColor, lineHeight },
      encoding: { y: { value: -6 - (c.header.length - 1) * lineHeight }, text: { value: c.header.length > 1 ? c.header : (c.header[0] ?? '') } },
    });
    if (c.bar) {
      const domain = [0, 0];
      for (const row of data.rows) {
        const value = row.values[c.column.field];
        if (typeof value === 'number') (domain[0] = Math.min(domain[0]!, value)), (domain[1] = Math.max(domain[1]!, value));
      }
      if (domain[0] === domain[1]) domain[1] = 1;
      layers.push({
        mark: { type: 'bar', height: Math.round(style.rowHeight * 0.4) },
        encoding: {
          y: rowY,
          x: { field: c.column.field, type: 'quantitative', axis: null, title: null, scale: { domain, range: [{ expr: c.bar.from }, { expr: c.bar.to }], nice: false, zero: true } },
          x2: { datum: 0 },
          color: { condition: { test: `datum[${JSON.stringify(c.column.field)}] < 0`, value: style.negativeColor }, value: style.barColor },
        },
      });
    }
  }

  const transforms: Json[] = Array.isArray(vegaLite.transform) ? (vegaLite.transform as Json[]).slice() : [];
  if (shown.some((column) => column.source)) {
    if (marked) {
      // Each source numbered by its first row drawn, in the CSV's order: as the footer numbers them.
      transforms.push({ joinaggregate: [{ op: 'min', field: ROW_ID_FIELD, as: '__cc_source_first' }], groupby: [SOURCE_FIELD] });
      transforms.push({ window: [{ op: 'dense_rank', as: '__cc_source_number' }], sort: [{ field: '__cc_source_first', order: 'ascending' }] });
    } else transforms.push(publisherTransform(data, sources));
  }
  transforms.push({ window: [{ op: 'row_number', as: RANK }], ...(table.sort && { sort: [{ field: table.sort.field, order: table.sort.order }, { field: ROW_ID_FIELD, order: 'ascending' }] }) });
  for (const c of placed) transforms.push({ calculate: cellExpression(c.column, marked), as: textField(c.i) });
  const { mark: _mark, encoding: _encoding, layer: _layer, height: _height, ...rest } = vegaLite;
  const natural = fixed + bars * NATURAL_BAR;
  return {
    view: {
      ...rest,
      width: typeof vegaLite.width === 'number' ? vegaLite.width : natural,
      height: { step: style.rowHeight },
      transform: transforms,
      layer: layers,
      resolve: { scale: { x: 'independent', color: 'independent' } },
    },
    overflow,
  };
}

const publishers = (row: CitedRow, sources: Map<string, Source> | undefined) => row.sources.map((id) => sources?.get(id)?.publisher || id).join(', ');

/** The px a table has across: an artboard's width less the padding (atWidth fits the whole chart), else the spec's `width`; none when it gives none. */
export function tableRoom(vegaLite: Json, theme: Json | undefined): number | undefined {
  if (typeof vegaLite.width !== 'number') return undefined;
  const fitted = (vegaLite.autosize as Json | undefined)?.type === 'fit-x';
  if (!fitted) return vegaLite.width;
  const padding = vegaLite.padding ?? theme?.padding ?? 5;
  const side = (key: 'left' | 'right') => (typeof padding === 'number' ? padding : Number((padding as Json)[key] ?? 0));
  return vegaLite.width - side('left') - side('right');
}

/** The Vega expression writing a cell as the table shows it: blank when empty, a number in its format (the chart's locale), publishers for `source`. */
function cellExpression(column: TableColumn, marked: boolean): string {
  const value = `datum[${JSON.stringify(column.field)}]`;
  if (column.source) return marked ? `'' + datum.__cc_source_number` : `datum.__cc_publishers`;
  if (column.numeric) return `isValid(${value}) && isFinite(${value}) ? format(${value}, ${JSON.stringify(column.format ?? ',')}) : ''`;
  return `isValid(${value}) ? '' + ${value} : ''`;
}

/** The calculate that writes each row's publishers (its source ids as injected, `a; b`, looked up). */
function publisherTransform(data: CitedTable, sources: Map<string, Source> | undefined): Json {
  const keys = [...new Set(data.rows.map((row) => row.sources.join('; ')))];
  const names = keys.map((key) => key.split('; ').map((id) => sources?.get(id)?.publisher || id).join(', '));
  return { calculate: `${JSON.stringify(names)}[indexof(${JSON.stringify(keys)}, datum[${JSON.stringify(SOURCE_FIELD)}])] || ''`, as: '__cc_publishers' };
}
