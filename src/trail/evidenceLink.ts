import { linkUrl } from '../embed/linkUrl.js';
import type { Source } from '../model.js';

/**
 * Where a reader checks a row's figure: the source's http(s) URL, and when
 * the row quotes it, a text fragment (`#:~:text=…`, WICG "URL Fragment Text
 * Directives", https://wicg.github.io/scroll-to-text-fragment/) that makes
 * the browser scroll to and highlight the quoted sentence. Undefined when
 * the source has no http(s) URL (linkUrl.ts).
 *
 * No fragment when the source has a translator: the quote is then in other
 * words than the page's, and would match nothing. The quote's whitespace is
 * collapsed (the page's text is matched that way), then percent-encoded;
 * `-`, `&` and `,` are the directive's own syntax and encoded too
 * (encodeURIComponent leaves `-` alone). A URL with a fragment keeps it
 * (`#part:~:text=…`); one already holding a directive is left as it is.
 */
export function evidenceLink(source: Source, quote: string): string | undefined {
  const href = linkUrl(source.url);
  if (!href) return undefined;
  const words = quote.replace(/\s+/g, ' ').trim();
  if (!words || source.translator.trim() || href.includes(':~:')) return href;
  const hash = href.indexOf('#');
  const base = hash < 0 ? `${href}#` : href;
  return `${base}:~:text=${encodeTextDirective(words)}`;
}

/** A text directive's value: every character but unreserved letters, digits and `._~!*'()` percent-encoded. */
export function encodeTextDirective(text: string): string {
  return encodeURIComponent(text).replace(/[-!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
