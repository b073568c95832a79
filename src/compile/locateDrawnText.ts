// Where a text the graphic draws comes from, so a warning about it (a label
// drawn cut, a map label left out) names file, line and column like every
// other diagnostic, not only the spec's name.
import type { JSONPath } from 'jsonc-parser';
import type { RowOrigin } from './injectData.js';
import type { JsonFile } from './readJsonFile.js';

/** A place in a project file, 1-based. */
export interface TextPlace {
  file: string;
  line: number;
  column: number;
}

type Node = Record<string, unknown>;
const isObject = (value: unknown): value is Node => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * The place of each of `texts` (compared trimmed): the first drawn CSV cell
 * holding exactly it (a category label, a region name); else the first
 * string of the spec equal to it (a title, a `datum` or `value` label the
 * spec writes); else the spec's first text mark (a label a `calculate` or
 * an expression makes, or a name citechart itself gives, as a map's country
 * names); else the spec's top. Always a line and column.
 */
export function locateDrawnText(texts: readonly string[], origins: readonly RowOrigin[], json: JsonFile): Map<string, TextPlace> {
  const wanted = new Set(texts.map((text) => text.trim()));
  const places = new Map<string, TextPlace>();
  for (const { table, row } of origins) {
    for (const [column, value] of Object.entries(row.values)) {
      const text = typeof value === 'string' ? value.trim() : String(value);
      const at = row.positions[column];
      if (at && wanted.has(text) && !places.has(text)) places.set(text, { file: table.file, ...at });
    }
  }
  if (places.size === wanted.size) return places;
  let textMark: JSONPath | undefined;
  const visit = (node: unknown, at: JSONPath) => {
    if (typeof node === 'string') {
      const text = node.trim();
      if (wanted.has(text) && !places.has(text) && at.at(-1) !== 'url') places.set(text, json.place(at));
    } else if (Array.isArray(node)) node.forEach((child, i) => visit(child, [...at, i]));
    else if (isObject(node)) {
      const mark = node.mark;
      if (!textMark && (mark === 'text' || (isObject(mark) && mark.type === 'text'))) textMark = [...at, 'mark'];
      for (const [key, child] of Object.entries(node)) if (key !== 'data') visit(child, [...at, key]);
    }
  };
  visit(json.value, []);
  const fallback = json.place(textMark ?? []);
  for (const text of wanted) if (!places.has(text)) places.set(text, fallback);
  return places;
}
