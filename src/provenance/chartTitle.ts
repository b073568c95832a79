import { oneLine } from './textLines.js';

/** The chart's title text from a Vega-Lite `title` (string, lines, or `{text}`) on one line, for `<title>` and metadata. */
export function chartTitle(vegaLite: Record<string, unknown>): string {
  const title = vegaLite.title;
  const text = title && typeof title === 'object' && !Array.isArray(title) ? (title as { text?: unknown }).text : title;
  return oneLine(Array.isArray(text) ? text.join(' ') : typeof text === 'string' ? text : '');
}

export function chartSubtitle(vegaLite: Record<string, unknown>): string {
  const title = vegaLite.title;
  if (!title || typeof title !== 'object' || Array.isArray(title)) return '';
  const subtitle = (title as { subtitle?: unknown }).subtitle;
  return oneLine(Array.isArray(subtitle) ? subtitle.join(' ') : typeof subtitle === 'string' ? subtitle : '');
}
