import * as messages from '../messages.js';
import { chartFigure } from './chartFigure.js';
import type { ChartView } from './chartView.js';
import { html } from './html.js';
import { pageShell } from './pageShell.js';

/**
 * `output/index.html`: every built chart on one static page, each SVG by a
 * relative `<img src>`, so the page works opened from disk or copied with
 * the folder. No timestamps: the same build gives the same bytes.
 */
export function galleryPage(views: ChartView[]): string {
  const body = html`<header><h1>${messages.preview.galleryTitle()}</h1><p>${messages.preview.galleryIntro(views.length)}</p></header>
<main>
${views.map((view) => chartFigure(view, { fileHref: encodeURIComponent }))}
</main>`;
  return pageShell({ title: messages.preview.galleryTitle(), body });
}
