// Line breaks in user text: a cell or spec string may hold them (a quoted CSV
// cell, "First line\nsecond line"), and a title may be given as lines.

/**
 * Text for one line of prose (alt text, `<title>`, the snippet's caption):
 * the line breaks of a cell or a multi-line title become single spaces, so
 * a screen reader never meets a raw newline in the middle of a sentence.
 */
export const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/** A title's text as lines: given lines (Vega-Lite's string array), each broken again at its line breaks. */
export function toLines(text: string | unknown[]): string[] {
  return (Array.isArray(text) ? text : [text]).flatMap((line) => String(line).split(/\r?\n/));
}
