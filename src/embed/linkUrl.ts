/**
 * The URL as an `href`, or undefined when it must not become a link: only
 * absolute http(s) URLs do, so a `javascript:` or `data:` URL in sources.csv
 * stays plain text. The URL is returned as the URL parser serialises it (what
 * a browser would follow), so the check and the link cannot disagree; the
 * caller escapes it.
 */
export function linkUrl(url: string): string | undefined {
  // Asked for every drawn row's source (data tables, the trail's evidence): a handful of URLs per project, parsed once each (issue 15).
  if (answers.has(url)) return answers.get(url);
  const trimmed = url.trim();
  const { protocol, href } = URL.canParse(trimmed) ? new URL(trimmed) : { protocol: '', href: undefined };
  const answer = protocol === 'https:' || protocol === 'http:' ? href : undefined;
  if (answers.size >= MAX_REMEMBERED) answers.clear();
  answers.set(url, answer);
  return answer;
}

/** URLs whose answer is kept at most (a project cites far fewer sources). */
const MAX_REMEMBERED = 1024;
const answers = new Map<string, string | undefined>();
