import { utcFormat, utcParse } from 'd3-time-format';
import type { Source } from '../model.js';
import { isolate } from './isolateBidi.js';

const PRECISIONS: [RegExp, (date: Date) => string, string][] = [
  [/^\d{4}-\d{2}-\d{2}$/, utcFormat('%-d %B %Y'), '%Y-%m-%d'],
  [/^\d{4}-\d{2}$/, utcFormat('%B %Y'), '%Y-%m'],
  [/^\d{4}$/, utcFormat('%Y'), '%Y'],
];

/** `2024` → "2024", `2024-04` → "April 2024", `2024-04-12` → "12 April 2024": only the precision known. */
export function formatPublished(published: string): string {
  for (const [pattern, format, specifier] of PRECISIONS) {
    const date = pattern.test(published) ? utcParse(specifier)(published) : null;
    if (date) return format(date);
  }
  return published;
}

/**
 * How a reader is told where a figure comes from:
 * "Reuters (Steve Holland, Susan Heavey), 2024, citing US officials speaking on condition of anonymity".
 */
export function citeSource(source: Source): string {
  // Each field is isolated (isolateBidi.ts): an Arabic publisher must not pull ", 2024" into its run.
  let text = isolate(source.publisher);
  const authors = source.authors.filter(Boolean);
  if (authors.length) text += ` (${authors.map(isolate).join(', ')})`;
  if (source.published) text += `, ${isolate(formatPublished(source.published))}`;
  if (source.attribution) text += `, citing ${isolate(source.attribution)}`;
  return text;
}
