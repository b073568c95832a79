import * as messages from '../messages.js';
import { errorOverlay, warningList } from './diagnosticList.js';
import type { ChartView } from './chartView.js';
import { html, trusted, type SafeHtml } from './html.js';
import { sourceList } from './sourceList.js';

export interface FigureOptions {
  /** URL of a file of the output folder, as the page reaches it. */
  fileHref: (file: string) => string;
  /** The SVG's markup to inline (watch pages); otherwise the SVG is an `<img>`. */
  inlineSvg?: string;
  /** Where the heading links to (the chart's own page). */
  pageHref?: string;
}

/** One chart as it will be published: heading, graphic, file links, sources, and its problems. */
export function chartFigure(view: ChartView, options: FigureOptions): SafeHtml {
  const heading = view.title || view.name;
  const graphic = !view.svg
    ? html`<p class="missing">${messages.preview.noGraphic()}</p>`
    : options.inlineSvg !== undefined
      ? html`<div class="graphic">${trusted(options.inlineSvg)}</div>`
      : html`<img class="graphic" src="${options.fileHref(view.svg)}" alt="${view.alt}">`;
  const files = [
    view.svg ? html`<a href="${options.fileHref(view.svg)}">SVG</a>` : '',
    view.png ? html` · <a href="${options.fileHref(view.png)}">${messages.preview.pngLink()}</a>` : '',
  ];
  return html`<article class="chart${view.failed ? ' failed' : ''}" id="chart-${view.name}" data-chart="${view.name}">
<h2>${options.pageHref ? html`<a href="${options.pageHref}">${heading}</a>` : heading} <small><code>${view.name}</code></small></h2>
${view.failed ? errorOverlay(view.diagnostics, !!view.svg) : ''}
<figure>${graphic}</figure>
<p class="files">${files}</p>
${options.inlineSvg !== undefined && view.png ? pngPreview(view, options) : ''}
${sourceList(view.sources)}
${view.failed ? '' : warningList(view.diagnostics)}
</article>`;
}

/** The PNG as sharp drew it (its own font rendering), at the SVG's size; on live pages only, folded away. */
function pngPreview(view: ChartView, options: FigureOptions): SafeHtml {
  const src = `${options.fileHref(view.png!)}?v=${view.stamp ?? ''}`;
  return html`<details class="png"><summary>${messages.preview.pngPreview()}</summary><img src="${src}" alt="${view.alt}"></details>`;
}
