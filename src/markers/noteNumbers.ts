import type { CitedRow } from '../model.js';

/** The footer's notes in order and, for each drawn row with a note or `derived`, the numbers (1-based) of its notes. */
export interface NoteNumbers {
  notes: string[];
  /** Rows carrying a note, by row; numbers ascending. */
  byRow: Map<CitedRow, number[]>;
}

/**
 * Numbers the notes of a graphic the one way both the footer and the
 * markers read them: the spec's `notes`, then the rows' `note`s, then their
 * `derived` explanations, each text once (trimmed, empty ones dropped), in
 * the order the rows are drawn. A row's marker lists the numbers of its own
 * note and `derived`.
 */
export function noteNumbers(rows: CitedRow[], specNotes: string[]): NoteNumbers {
  const numbers = new Map<string, number>();
  const notes: string[] = [];
  const add = (text: string) => {
    const note = text.trim();
    if (note && !numbers.has(note)) numbers.set(note, notes.push(note));
  };
  for (const note of specNotes) add(note);
  for (const row of rows) add(row.note);
  for (const row of rows) add(row.derived);
  const byRow = new Map<CitedRow, number[]>();
  for (const row of rows) {
    const own = [row.note, row.derived].map((text) => numbers.get(text.trim())).filter((n): n is number => n !== undefined);
    if (own.length) byRow.set(row, [...new Set(own)].sort((a, b) => a - b));
  }
  return { notes, byRow };
}
