import type { CompiledChart } from '../compile/compileSpec.js';
import type { JsonFile } from '../compile/readJsonFile.js';
import type { RowOrigin } from '../compile/injectData.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { LIMITS } from '../limits.js';
import { renderFitted } from '../render/renderFitted.js';
import type { VegaRender } from '../render/renderSvg.js';
import { addMarkers } from './addMarkers.js';
import { markerOverlaps } from './markerOverlaps.js';
import type { Box } from './sceneBoxes.js';
import { planMarkers, rowsOfDatum, type NotedRow } from './markerPlan.js';
import type { MarkerSymbols } from './markerStyle.js';
import type { NoteNumbers } from './noteNumbers.js';

/** Places tried per row at most, after the first: each try is one more drawing of the chart. */
const MAX_RETRIES = 3;

export interface MarkerInputs {
  /** The rows drawn (citedRows), in footer order. */
  drawn: RowOrigin[];
  notes: NoteNumbers;
  symbols: MarkerSymbols;
}

/**
 * The chart drawn again with a footnote marker beside each noted row's
 * label (planMarkers says where, addMarkers draws), then checked on the
 * drawn scene: a marker that overlaps other text, a bar or symbol, or leaves
 * the graphic (markerOverlaps) moves to the row's next place and the chart is
 * drawn again (at most MAX_RETRIES times). A row whose marker finds no place
 * gets a warning at its CSV line (column 1: the row); its note stays in the footer. Without
 * noted rows, `render` is returned as it is (no second drawing); over
 * LIMITS.markedRows of them, too, with a warning at the spec.
 *
 * `chart` is the fitted chart `render` was drawn from (renderFitted's).
 */
export async function drawMarkers(
  chart: CompiledChart,
  render: VegaRender,
  inputs: MarkerInputs,
  cwd: string,
  json: JsonFile,
  minWidth = 0,
): Promise<{ render: VegaRender; diagnostics: Diagnostic[] }> {
  const { rows, textItems } = planMarkers(chart.vega as Record<string, unknown>, render.scenegraph, inputs.drawn, chart.origins, inputs.notes, inputs.symbols);
  if (!rows.length) return { render, diagnostics: [] };
  if (rows.length > LIMITS.markedRows) return { render, diagnostics: [json.diagnostic([], messages.spec.tooManyMarkers(rows.length, LIMITS.markedRows), 'warning')] };
  const choice = new Map<NotedRow, number>(rows.map((row) => [row, 0]));
  const placed = () => rows.filter((row) => (choice.get(row) ?? 0) < row.places.length);
  const draw = async () => {
    const vega = addMarkers(chart.vega as Record<string, unknown>, rows, choice, textItems, inputs.symbols);
    return (await renderFitted({ ...chart, vega: vega as CompiledChart['vega'] }, cwd, json, minWidth)).render;
  };
  let marked: VegaRender | undefined = render;
  for (let attempt = 0; placed().length; attempt++) {
    marked = await draw();
    // Drawing the markers failing would be citechart's fault, not the author's: the chart is published without them.
    if (!marked) return { render, diagnostics: [] };
    const collided = collidingRows(marked, rows, choice);
    if (!collided.size) break;
    // The next place for each; after the last try, none (the chart is drawn once more without those markers).
    for (const row of collided) choice.set(row, attempt < MAX_RETRIES ? (choice.get(row) ?? 0) + 1 : row.places.length);
  }
  // Every marker given up: the chart as first drawn.
  if (!placed().length) marked = render;
  const diagnostics = rows
    .filter((row) => (choice.get(row) ?? 0) >= row.places.length)
    .map((row): Diagnostic => ({ file: row.file, line: row.row.line, column: 1, severity: 'warning', message: messages.spec.markerNoPlace(row.marker, row.row.note || row.row.derived) }));
  return { render: marked, diagnostics };
}

/**
 * The graphic's box in the scene's coordinates: Vega draws the scene from
 * its origin (padding plus the room axes and titles take on the left and
 * top), the `translate` of the first group of its SVG.
 */
export function chartArea(render: VegaRender): Box {
  const origin = /<g\b[^>]*\stransform="translate\(([-\d.e]+),([-\d.e]+)\)"/.exec(render.svg);
  const [x, y] = origin ? [Number(origin[1]), Number(origin[2])] : [render.padding.left, render.padding.top];
  return { x1: -x, y1: -y, x2: render.width - x, y2: render.height - y };
}

/** The rows whose marker, where `choice` put it, collides in `render`. */
function collidingRows(render: VegaRender, rows: NotedRow[], choice: Map<NotedRow, number>): Set<NotedRow> {
  const area = chartArea(render);
  const onAxis = rows.filter((row) => row.places[choice.get(row) ?? 0]?.kind === 'axis');
  const axisRows = (value: unknown) => onAxis.filter((row) => (row.places[choice.get(row) ?? 0] as { value: string | number }).value === value);
  const collided = new Set<NotedRow>();
  for (const collision of markerOverlaps(render.scenegraph, area, (label) => axisRows(label.item.datum?.value).length > 0)) {
    if (collision.host?.datum) {
      const onText = rows.filter((row) => ['text', 'point'].includes(row.places[choice.get(row) ?? 0]?.kind ?? ''));
      for (const row of rowsOfDatum(collision.host.datum, onText).rows) collided.add(row);
    } else for (const row of axisRows(collision.marker.item.datum?.value)) collided.add(row);
  }
  return collided;
}
