import type { CitedRow } from '../model.js';
import type { Locale } from '../locale/readLocale.js';
import { isolate } from '../provenance/isolateBidi.js';
import { oneLine } from '../provenance/textLines.js';
import type { MarkerSymbols } from './markerStyle.js';
import { cellDate } from '../provenance/dateLabel.js';
import { markerSymbol } from './markerSymbol.js';
import type { NoteNumbers } from './noteNumbers.js';

/** What the alt text needs to say a row's notes: the numbering and the signs the graphic uses. */
export interface AltNotes {
  notes: NoteNumbers;
  symbols: MarkerSymbols;
}

/** "Note 2: All other origins: 100% minus …" — a row's notes by their footer numbers, in the locale's words; `name` (the row) after the number. */
export function rowNotes(row: CitedRow, alt: AltNotes, locale: Locale, name?: string): string | undefined {
  const numbers = alt.notes.byRow.get(row);
  if (!numbers || alt.symbols === 'none') return undefined;
  const signs = locale.list(numbers.map((n) => (alt.symbols === 'asterisks' ? markerSymbol(n, 'asterisks') : String(n))));
  const texts = numbers.map((n) => isolate(oneLine(alt.notes.notes[n - 1]!))).join(' ');
  return `${locale.plural('note', numbers.length)} ${signs}${name ? ` (${isolate(oneLine(name))})` : ''}${locale.words.colon} ${texts}`;
}

/**
 * Sentences carrying each noted row's notes with the row, for the rows an
 * alt text does not already say them with: "Note 2 (Cruise missile
 * technology): The officials did not say …". The row is named by its first
 * text cell (an ISO date in the edition's language: provenance/dateLabel.ts).
 * A note the text already holds word for word is not repeated.
 */
export function noteSentences(rows: CitedRow[], alt: AltNotes, locale: Locale, text = ''): string[] {
  const sentences: string[] = [];
  for (const row of rows) {
    const numbers = alt.notes.byRow.get(row);
    if (!numbers || alt.symbols === 'none' || numbers.every((n) => text.includes(alt.notes.notes[n - 1]!))) continue;
    const cell = Object.values(row.values).find((value): value is string => typeof value === 'string' && value.trim() !== '');
    // A date names the row as the chart writes it in an edition ("2 févr. 2024"), not as the CSV's ISO cell.
    const name = cell === undefined ? undefined : cellDate(cell, locale) ?? cell;
    const sentence = rowNotes(row, alt, locale, name)!;
    sentences.push(/[.!?…]$/.test(sentence) ? sentence : `${sentence}.`);
  }
  return sentences;
}
