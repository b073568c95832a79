import type { Source } from '../model.js';
import * as messages from '../messages.js';
import { citeSource } from '../provenance/citeSource.js';
import { html, safeHref, type SafeHtml } from './html.js';

/** The chart's sources as a reader's footer names them, each title linked to the document when it has a web address. */
export function sourceList(sources: { id: string; source?: Source }[]): SafeHtml {
  if (!sources.length) return html``;
  return html`<section class="sources"><h3>${messages.preview.sourcesHeading()}</h3><ol>${sources.map(({ id, source }) =>
    source ? html`<li>${sourceItem(source)}</li>` : html`<li><code>${id}</code>: ${messages.preview.unknownSource()}</li>`,
  )}</ol></section>`;
}

function sourceItem(source: Source): SafeHtml {
  const href = safeHref(source.url);
  const title = source.title ? (href ? html`<a href="${href}" rel="noopener noreferrer">${source.title}</a>` : html`<cite>${source.title}</cite>`) : '';
  return html`${citeSource(source)}${title ? html`: ${title}` : ''} <code class="source-id">${source.id}</code>`;
}
