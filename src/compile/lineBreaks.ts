import type { Spec as VegaSpec } from 'vega';

type Json = Record<string, unknown>;

// A line break in a CSV cell or a spec string is a line break in what is
// drawn. Vega splits a text at its `lineBreak`, but applying one to every
// text (Vega's global `config.lineBreak`) crashes on a number drawn by a
// text mark (`item.text.split is not a function`), so it goes where texts
// are always strings — the styles of axis and legend labels and titles
// (Vega's guide-label, guide-title, group-title, group-subtitle) — and to
// the chart's own text marks only for texts that are strings.
const STYLES = ['guide-label', 'guide-title', 'group-title', 'group-subtitle'];

/** Vega-Lite `config.style` with a line break at "\n" for labels and titles; the theme's own styles win. */
export function lineBreakStyles(style: unknown): Json {
  const given = style && typeof style === 'object' && !Array.isArray(style) ? (style as Json) : {};
  const merged: Json = { ...given };
  for (const name of STYLES) merged[name] = { lineBreak: '\n', ...(given[name] as Json | undefined) };
  return merged;
}

/**
 * Gives each text mark of a compiled spec (in place) a `lineBreak` of "\n"
 * for string texts and none for numbers, unless the spec set one.
 */
export function breakTextMarks(vega: VegaSpec): void {
  const visit = (marks: unknown) => {
    for (const mark of (Array.isArray(marks) ? marks : []) as Json[]) {
      visit(mark.marks);
      if (mark.type !== 'text') continue;
      const encode = (mark.encode ?? {}) as Json;
      const update = (encode.update ?? {}) as Json;
      const text = update.text as Json | undefined;
      if (!text || 'lineBreak' in update || 'lineBreak' in ((encode.enter ?? {}) as Json)) continue;
      const expression = typeof text.signal === 'string' ? `(${text.signal})` : typeof text.field === 'string' ? `datum[${JSON.stringify(text.field)}]` : undefined;
      if (!expression) continue;
      update.lineBreak = { signal: `isString(${expression}) ? '\\n' : ''` };
      encode.update = update;
      mark.encode = encode;
    }
  };
  visit((vega as unknown as Json).marks);
}
