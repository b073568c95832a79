import type { CitedRow } from '../model.js';

/**
 * A graphic's notes: the chart-wide ones (unnumbered: nothing in the chart
 * points at them) and the numbered ones its markers point at.
 */
export interface NoteNumbers {
  /** The spec's notes that no drawn row carries, in the spec's order: said in the footer without a number. */
  chartWide: string[];
  /** The numbered notes: note `n` (1-based) is `notes[n - 1]`. */
  notes: string[];
  /** Rows carrying a note, by row; numbers ascending. */
  byRow: Map<CitedRow, number[]>;
}

/**
 * Numbers the notes of a graphic the one way the footer, the markers, the
 * alt text and the snippet's tables read them: the rows' `note`s, then their
 * `derived` explanations, each text once (trimmed, empty ones dropped), in
 * the order the rows are drawn. A row's marker lists the numbers of its own
 * note and `derived`. The spec's `notes` concern the whole chart and carry no
 * marker, so they get no number (a desk's rule: a footnote number is only
 * worth printing when a mark in the graphic points at it), unless a drawn
 * row carries the same text, which then is that row's numbered note.
 */
export function noteNumbers(rows: CitedRow[], specNotes: string[]): NoteNumbers {
  const numbers = new Map<string, number>();
  const notes: string[] = [];
  const add = (text: string) => {
    const note = text.trim();
    if (note && !numbers.has(note)) numbers.set(note, notes.push(note));
  };
  for (const row of rows) add(row.note);
  for (const row of rows) add(row.derived);
  const chartWide = [...new Set(specNotes.map((note) => note.trim()).filter((note) => note && !numbers.has(note)))];
  const byRow = new Map<CitedRow, number[]>();
  // No lists per row (a chart draws thousands, most without a note: issue 15's allocation churn); none at all without notes.
  if (numbers.size) {
    for (const row of rows) {
      const note = numbers.get(row.note.trim());
      const derived = numbers.get(row.derived.trim());
      if (note === undefined && derived === undefined) continue;
      const own = note === undefined ? [derived!] : derived === undefined || derived === note ? [note] : note < derived ? [note, derived] : [derived, note];
      byRow.set(row, own);
    }
  }
  return { chartWide, notes, byRow };
}
