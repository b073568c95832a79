import { escapeUTF8 } from 'entities';
import { stripControl } from '../provenance/escapeXml.js';

// Preview pages are assembled with the `html` tag below: every interpolated
// value is escaped (& < > " ') unless it is already SafeHtml, so a hostile
// chart title or source cannot open a tag or leave an attribute. Only markup
// built by this tag, or citechart's own SVG passed through `trusted`, is raw.

/** Markup that is already safe to place in a page. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = SafeHtml | string | number | boolean | null | undefined | Part[];

function render(part: Part): string {
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  if (part === undefined || part === null || part === false || part === true) return '';
  return escapeHtml(String(part));
}

/** Text or a double-quoted attribute value, escaped; control characters removed. */
export const escapeHtml = (text: string) => escapeUTF8(stripControl(text));

export function html(strings: TemplateStringsArray, ...parts: Part[]): SafeHtml {
  let out = strings[0]!;
  parts.forEach((part, i) => (out += render(part) + strings[i + 1]!));
  return new SafeHtml(out);
}

/**
 * citechart's own SVG output, inlined as is: the pipeline escapes every text
 * from data and specs when it writes the SVG, and the preview server's
 * Content-Security-Policy refuses inline script should anything slip through.
 */
export const trusted = (markup: string) => new SafeHtml(markup);

/** An href only for http(s) addresses: `javascript:` or `data:` URLs from a CSV never become links. */
export const safeHref = (url: string): string | undefined => (/^https?:\/\/[^\s]+$/i.test(url.trim()) ? url.trim() : undefined);
