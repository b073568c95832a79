import type { JSONPath } from 'jsonc-parser';
import { ROW_ID_FIELD } from '../compile/injectData.js';
import type { Annotation, Band, Highlight, PointNote } from './readAnnotations.js';
import type { AnnotationStyle } from './annotationStyle.js';

type Json = Record<string, unknown>;

/** A note text citechart places (placeNotes): the Vega mark that draws it and what it says. */
export interface NoteMark {
  /** Vega mark name: `ccnote_text_I_marks` (text at a row) or `ccnote_bandnote_I_marks`. */
  mark: string;
  /** Vega mark name of the band the note belongs to, if any (`ccnote_band_I_marks`). */
  band?: string;
  channel?: 'x' | 'y';
  /** Its index in `usermeta.citechart.annotations`. */
  index: number;
  text: string;
  /** A text at a row: the row's ROW_ID_FIELD, kept by keepNoteRows once the spec is compiled. */
  rowId?: number;
}

/** Prefix of every Vega mark name citechart adds for annotations: none of them is a view of the spec. */
export const ANNOTATION_PREFIX = 'ccnote_';
/** Vega-Lite names a unit's mark after the unit: `NAME_marks`. */
const markOf = (layer: string) => `${layer}_marks`;

/**
 * The annotations drawn into a Vega-Lite spec whose data is already injected
 * (injectData), before it is compiled:
 * - highlights: every view's colour becomes a condition, the highlight colour
 *   where the field is one of the values, else the muted colour (a colour
 *   field that grouped lines becomes a `detail`, so lines stay apart);
 * - a text at a row: a text layer filtered to that row's id (drawn once),
 *   at the x and y of the view that places it;
 * - a band: a rect layer of one item (its own one-row data, so it is never
 *   drawn once per row) spanning the interval, and its note as a text layer.
 * Single views become layered (their mark name is restored by
 * `restoreMarkNames`); a layered spec's top-level encoding moves into its
 * layers, so the added layers inherit no channel. Mark positions of notes
 * are provisional: placeNotes chooses them from the drawn scene.
 */
export function addAnnotations(spec: Json, annotations: Annotation[], style: AnnotationStyle): { spec: Json; notes: NoteMark[]; madeLayered: boolean } {
  const highlights = annotations.filter((a): a is Highlight => a.kind === 'highlight');
  if (highlights.length) highlightViews(spec, highlights, style);
  const drawn = annotations.filter((a): a is PointNote | Band => a.kind !== 'highlight');
  if (!drawn.length) return { spec, notes: [], madeLayered: false };
  const madeLayered = !Array.isArray(spec.layer);
  if (madeLayered) toLayers(spec);
  else pushEncodingDown(spec);
  const layers = spec.layer as Json[];
  const notes: NoteMark[] = [];
  const text = { type: 'text', fontSize: style.text.fontSize, fontWeight: style.text.fontWeight, color: style.text.color };
  for (const annotation of drawn) {
    if (annotation.kind === 'text') {
      const name = `ccnote_text_${annotation.index}`;
      layers.push(noteLayer(spec, annotation, name, text));
      notes.push({ mark: markOf(name), index: annotation.index, text: annotation.text, rowId: annotation.rowId });
      continue;
    }
    const name = `ccnote_band_${annotation.index}`;
    const def = annotation.view.encoding[annotation.channel]!.def;
    const position = (value: string | number) => ({ datum: bandDatum(value, isTime(def)), ...(typeof def.type === 'string' && { type: def.type }) });
    const other = annotation.channel === 'x' ? 'y' : 'x';
    layers.push({
      name,
      data: { values: [{}] },
      mark: { type: 'rect', fill: style.band.fill, opacity: style.band.opacity },
      encoding: { [annotation.channel]: position(annotation.from), [`${annotation.channel}2`]: position(annotation.to) },
    });
    if (!annotation.text) continue;
    const noteName = `ccnote_bandnote_${annotation.index}`;
    // Anchored at the band's start (x) or upper end (y); placeNotes offsets it into the band.
    const anchor = annotation.channel === 'y' && typeof annotation.from === 'number' && typeof annotation.to === 'number' ? Math.max(annotation.from, annotation.to) : annotation.to;
    layers.push({
      name: noteName,
      data: { values: [{}] },
      mark: { ...text, align: 'left', baseline: 'top', dx: 4, dy: 4 },
      encoding: {
        [annotation.channel]: position(annotation.channel === 'x' ? annotation.from : anchor),
        [other]: { value: 0 },
        text: { value: annotation.text },
      },
    });
    notes.push({ mark: markOf(noteName), band: markOf(name), channel: annotation.channel, index: annotation.index, text: annotation.text });
  }
  return { spec, notes, madeLayered };
}

/** Whether a channel is drawn on a time scale (temporal, or with a time unit). */
export const isTime = (def: Json) => def.type === 'temporal' || def.timeUnit !== undefined;

/**
 * A band end as a Vega-Lite datum: on a time scale a date parsed as the
 * rows' dates are (Vega's toDate; a whole year as that year), else the value.
 * Vega-Lite hands a plain string datum to a time scale unparsed (drawn at 0).
 */
function bandDatum(value: string | number, time: boolean): unknown {
  if (!time) return value;
  return { expr: `toDate(${JSON.stringify(String(value))})` };
}

/**
 * The text layer of a note at one row: the placing view's data, transforms
 * and position channels. Not filtered to the row here: a layer with a
 * transform of its own has a dataset of its own, whose domain Vega-Lite
 * unions with the view's, and a union drops a sort by another field (a bar
 * chart sorted "-x" was drawn in alphabetical order once annotated).
 * keepNoteRows filters the compiled mark to its row instead.
 */
function noteLayer(spec: Json, note: PointNote, name: string, text: Json): Json {
  const { data, transforms } = viewData(spec, note.view.path);
  const encoding: Json = { text: { value: note.text } };
  for (const channel of ['x', 'y', 'xOffset', 'yOffset']) {
    const def = note.view.encoding[channel]?.def;
    if (def) encoding[channel] = withViewSort(def, note.view);
  }
  return {
    name,
    ...(data !== undefined && { data }),
    ...(transforms.length && { transform: transforms }),
    // Above the point until placeNotes chooses: a first layout that the note does not widen.
    mark: { ...text, align: 'center', baseline: 'bottom', dy: -8 },
    encoding,
  };
}

/** Marks Vega-Lite stacks by default (its stack.ts STACK_BY_DEFAULT_MARKS). */
const STACKED_BY_DEFAULT = new Set(['bar', 'area', 'arc']);

/**
 * `def` with a sort by another channel (`"sort": "-x"`) written as the sort
 * Vega-Lite resolves it to for the view (scale/domain.ts normalizeSortField:
 * the channel's aggregate, else `sum` for a stacked measure, else `min`).
 * The note, a text mark, would resolve it to `min` where the view's bars
 * resolve `sum`, and Vega-Lite then warns of "conflicting sort properties".
 */
function withViewSort(def: Json, view: PointNote['view']): Json {
  const sort = def.sort;
  const byChannel = typeof sort === 'string' ? /^(-?)(x|y|color|fill|stroke|size|opacity|text)$/.exec(sort) : null;
  if (!byChannel) return def;
  const by = view.encoding[byChannel[2]!]?.def;
  if (!by || typeof by.field !== 'string') return def;
  const stacked = STACKED_BY_DEFAULT.has(view.mark) && by.type === 'quantitative' && by.stack !== null && by.stack !== false;
  const op = typeof by.aggregate === 'string' ? by.aggregate : stacked ? 'sum' : 'min';
  return { ...def, sort: { field: by.field, op, order: byChannel[1] ? 'descending' : 'ascending' } };
}

/**
 * The data and transforms a layer at the top level needs to see the rows as
 * the view at `path` sees them: the nearest data below the top (the top's
 * is inherited) and the transforms from there down.
 */
function viewData(spec: Json, path: JSONPath): { data?: unknown; transforms: unknown[] } {
  let data: unknown;
  let transforms: unknown[] = [];
  let node: Json = spec;
  // The converted single view sits at layer 0; an originally layered spec's paths are as written.
  for (let i = 0; i < path.length; i += 2) {
    node = (node[path[i] as string] as Json[])[path[i + 1] as number]!;
    if (node.data !== undefined) {
      data = node.data;
      transforms = [];
    }
    if (Array.isArray(node.transform)) transforms = transforms.concat(node.transform);
  }
  return { data, transforms };
}

/** A single view as a one-layer spec: the mark (and its params) move into layer 0, data and transforms stay on top. */
function toLayers(spec: Json): void {
  const unit: Json = { mark: spec.mark };
  delete spec.mark;
  for (const key of ['encoding', 'params', 'projection']) {
    if (spec[key] !== undefined) {
      unit[key] = spec[key];
      delete spec[key];
    }
  }
  spec.layer = [unit];
}

/** A layered spec's top-level encoding copied into each layer (a layer's own channels win), so added layers inherit nothing. */
function pushEncodingDown(spec: Json): void {
  const top = spec.encoding as Json | undefined;
  if (!top) return;
  delete spec.encoding;
  spec.layer = (spec.layer as Json[]).map((layer) => ({ ...layer, encoding: { ...top, ...((layer.encoding as Json | undefined) ?? {}) } }));
}

/** Every view's colour as a condition on the highlighted values (highlights are joined: a mark is highlighted if any picks it out). */
function highlightViews(spec: Json, highlights: Highlight[], style: AnnotationStyle): void {
  const test = highlights
    .map((h) => `indexof(${JSON.stringify(h.values)}, datum[${JSON.stringify(h.field)}]) >= 0`)
    .join(' || ');
  const colour = (text: boolean) => ({ condition: { test, value: style.highlight }, value: text ? style.mutedText : style.muted });
  const isText = (node: Json) => node.mark === 'text' || (node.mark as Json | undefined)?.type === 'text';
  const visit = (node: Json, top: boolean) => {
    const encoding = node.encoding as Json | undefined;
    // A text layer gets its own colour: muted text is darker than muted shapes.
    if (top || encoding?.color || isText(node)) {
      const own = { ...(encoding ?? {}) };
      const grouped = own.color as Json | undefined;
      // Lines were split into series by the colour field: keep them apart.
      if (grouped && typeof grouped.field === 'string' && own.detail === undefined) own.detail = { field: grouped.field, ...(typeof grouped.type === 'string' && { type: grouped.type }) };
      own.color = colour(isText(node));
      node.encoding = own;
    }
    if (Array.isArray(node.layer)) for (const layer of node.layer as Json[]) visit(layer, false);
  };
  visit(spec, true);
}

/**
 * Vega mark names as the spec alone would have given them: a single view
 * made layered (addAnnotations) has its marks named `layer_0_…`; the checks
 * that read the drawn scene by mark name (viewMarkName) expect `marks`.
 */
export function restoreMarkNames(vega: Json): void {
  const rename = (name: string) => name.replace(/^layer_0_/, '');
  const visit = (group: Json) => {
    for (const mark of (group.marks as Json[] | undefined) ?? []) {
      if (typeof mark.name === 'string' && mark.name.startsWith('layer_0_')) mark.name = rename(mark.name);
      const from = mark.from as Json | undefined;
      if (from && typeof from.data === 'string' && from.data.startsWith('layer_0_')) from.data = rename(from.data);
      visit(mark);
    }
  };
  visit(vega);
}

/**
 * Each text note's Vega mark drawn from its own row only: a dataset of that
 * row (ROW_ID_FIELD), made from the dataset the mark was compiled to read,
 * so the note is drawn once and the scales' domains stay the view's.
 */
export function keepNoteRows(vega: Json, notes: NoteMark[]): void {
  const rows = new Map(notes.filter((note) => note.rowId !== undefined).map((note) => [note.mark, note.rowId!]));
  if (!rows.size) return;
  const data = ((vega.data ??= []) as Json[]);
  const visit = (group: Json) => {
    for (const mark of (group.marks as Json[] | undefined) ?? []) {
      const rowId = typeof mark.name === 'string' ? rows.get(mark.name) : undefined;
      const from = mark.from as Json | undefined;
      if (rowId !== undefined && from && typeof from.data === 'string') {
        const name = `${mark.name}_row`;
        data.push({ name, source: from.data, transform: [{ type: 'filter', expr: `datum[${JSON.stringify(ROW_ID_FIELD)}] == ${rowId}` }] });
        from.data = name;
      }
      visit(mark);
    }
  };
  visit(vega);
}

/** Band rects drawn first in their group, under the marks and notes (Vega draws a group's marks in order). */
export function bandsUnderneath(vega: Json): void {
  const visit = (group: Json) => {
    const marks = group.marks as Json[] | undefined;
    if (!marks) return;
    const isBand = (mark: Json) => typeof mark.name === 'string' && /^ccnote_band_\d+_marks$/.test(mark.name);
    group.marks = marks.filter(isBand).concat(marks.filter((mark) => !isBand(mark)));
    for (const mark of marks) visit(mark);
  };
  visit(vega);
}
