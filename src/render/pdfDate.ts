import type { Source } from '../model.js';

/**
 * The PDF's CreationDate, taken from the inputs so the same inputs give the
 * same bytes (the design's "no wall-clock timestamps in outputs"): the
 * newest `published` or `accessed` date among the cited sources, at
 * midnight UTC (`2024` → 2024-01-01, `2024-04` → 2024-04-01); the Unix
 * epoch when none has a date. Not when the file was made.
 */
export function pdfDate(sources: Pick<Source, 'published' | 'accessed'>[]): Date {
  let newest = 0;
  for (const source of sources) {
    for (const text of [source.published, source.accessed]) {
      const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(text ?? '');
      if (!match) continue;
      const time = Date.UTC(Number(match[1]), Number(match[2] ?? 1) - 1, Number(match[3] ?? 1));
      if (Number.isFinite(time) && time > newest) newest = time;
    }
  }
  return new Date(newest);
}
