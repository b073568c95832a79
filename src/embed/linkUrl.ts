/**
 * The URL as an `href`, or undefined when it must not become a link: only
 * absolute http(s) URLs do, so a `javascript:` or `data:` URL in sources.csv
 * stays plain text. The URL is returned as the URL parser serialises it (what
 * a browser would follow), so the check and the link cannot disagree; the
 * caller escapes it.
 */
export function linkUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (!URL.canParse(trimmed)) return undefined;
  const { protocol, href } = new URL(trimmed);
  return protocol === 'https:' || protocol === 'http:' ? href : undefined;
}
