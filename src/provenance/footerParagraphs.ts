import type { ChartSettings } from '../compile/readUsermeta.js';
import type { CitedRow, Source } from '../model.js';
import { citeSource, formatPublished } from './citeSource.js';
import { isolate } from './isolateBidi.js';
import * as messages from '../messages.js';

/** A footer paragraph: a bold lead-in ("Source:") and the text after it. */
export interface Paragraph {
  lead: string;
  text: string;
}

/**
 * The footer's content, before wrapping: sources of the drawn rows (in the
 * order the rows come, each once, numbered when several), then notes (the
 * spec's, then the rows' notes and `derived` explanations), then each
 * correction ("Corrected on 2 May 2024: <what>", the date as source dates
 * read; src/trail/checkPublished.ts chooses them), then the credit.
 * `maps`: the citations of a map's boundary files, as a "Map:" paragraph after the sources.
 */
export function footerParagraphs(
  rows: CitedRow[],
  sources: Map<string, Source>,
  settings: ChartSettings,
  maps: string[] = [],
  corrections: Array<{ date: string; what: string }> = [],
): Paragraph[] {
  const cited = unique(rows.flatMap((row) => row.sources)).map((id) => sources.get(id)!);
  const notes = unique([
    ...settings.notes,
    ...rows.map((row) => row.note),
    ...rows.map((row) => row.derived),
  ]);
  const paragraphs: Paragraph[] = [];
  numbered(cited.map(citeSource), 'Source:', 'Sources:', paragraphs);
  // A map's boundaries are credited apart from its figures (src/geo).
  numbered(unique(maps).map(isolate), 'Map:', 'Maps:', paragraphs);
  numbered(notes.map(isolate), 'Note:', 'Notes:', paragraphs);
  for (const correction of corrections) paragraphs.push({ lead: messages.trail.correctedOn(formatPublished(correction.date)), text: isolate(correction.what) });
  if (settings.credit) paragraphs.push({ lead: '', text: isolate(settings.credit) });
  return paragraphs;
}

function numbered(items: string[], one: string, several: string, into: Paragraph[]) {
  if (items.length === 1) into.push({ lead: one, text: items[0]! });
  else items.forEach((text, i) => into.push({ lead: i === 0 ? several : '', text: `${i + 1}. ${text}` }));
}

function unique(items: string[]): string[] {
  return [...new Set(items.map((item) => item.trim()).filter(Boolean))];
}
