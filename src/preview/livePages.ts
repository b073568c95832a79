// The watch server's pages. Each page's changing part sits in an element
// with `data-live` (the URL of a fragment to re-fetch); /live.js swaps it in
// when the server announces a rebuild, so no manual reload is needed.
import * as messages from '../messages.js';
import { chartFigure } from './chartFigure.js';
import type { ChartView } from './chartView.js';
import { html, type SafeHtml } from './html.js';
import { pageShell } from './pageShell.js';

export const LIVE_SCRIPT_URL = '/live.js';
export const outputHref = (file: string) => `/output/${encodeURIComponent(file)}`;
export const chartHref = (name: string) => `/chart/${encodeURIComponent(name)}`;

/** The state of one chart in a watch session: its view, and whether a build is still to come. */
export interface LiveChart {
  view: ChartView;
  pending: boolean;
}

/** The index: every chart of the project with its status, linking to its page. */
export function indexFragment(charts: LiveChart[]): SafeHtml {
  if (!charts.length) return html`<p class="missing">${messages.preview.noCharts()}</p>`;
  return html`<ul class="index">${charts.map(({ view, pending }) => {
    const status = pending ? messages.preview.statusPending() : view.failed ? messages.preview.statusFailed() : messages.preview.statusBuilt();
    const thumbnail = view.svg ? html`<img src="${outputHref(view.svg)}?v=${view.stamp ?? ''}" alt="${view.alt}">` : '';
    return html`<li><a href="${chartHref(view.name)}">${view.title || view.name}</a> <code>${view.name}</code> <span class="status-${pending ? 'pending' : view.failed ? 'failed' : 'built'}">${status}</span>${thumbnail}</li>`;
  })}</ul>`;
}

export function indexPage(charts: LiveChart[]): string {
  const body = html`<header><h1>${messages.preview.watchTitle()}</h1><p>${messages.preview.watchIntro()}</p></header>
<main data-live="/fragment">${indexFragment(charts)}</main>`;
  return pageShell({ title: messages.preview.watchTitle(), body, script: LIVE_SCRIPT_URL });
}

/** One chart, its SVG inline (as an article would embed it), with the error overlay when its last build failed. */
export function chartFragment(chart: LiveChart, svg: string | undefined): SafeHtml {
  const note = chart.pending ? html`<p class="missing">${messages.preview.statusPending()}</p>` : '';
  // The page's <title> follows the chart's: /live.js copies data-page-title after a swap.
  return html`<div data-page-title="${chart.view.title || chart.view.name}">${note}${chartFigure(chart.view, { fileHref: outputHref, inlineSvg: svg })}</div>`;
}

export function chartPage(chart: LiveChart, svg: string | undefined): string {
  const { name } = chart.view;
  const body = html`<header><p><a href="/">${messages.preview.backToIndex()}</a></p></header>
<main data-live="${chartHref(name)}/fragment" data-live-chart="${name}">${chartFragment(chart, svg)}</main>`;
  return pageShell({ title: chart.view.title || name, body, script: LIVE_SCRIPT_URL });
}

/** A chart name the project has no spec for (any more). */
export function missingChartPage(name: string): string {
  const body = html`<header><p><a href="/">${messages.preview.backToIndex()}</a></p></header>
<main data-live="${chartHref(name)}/fragment" data-live-chart="${name}"><p class="missing">${messages.preview.noSuchChart(name)}</p></main>`;
  return pageShell({ title: name, body, script: LIVE_SCRIPT_URL });
}
