import { formatDiagnostic } from '../errors.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { html, type SafeHtml } from './html.js';

/**
 * The error overlay of a chart whose last build failed: every problem as
 * `file:line:col: error: message`, the form the terminal and `check` print.
 */
export function errorOverlay(diagnostics: Diagnostic[], hasGraphic: boolean): SafeHtml {
  return html`<div class="overlay" role="alert"><h2>${messages.preview.failedHeading()}</h2>${diagnosticLines(diagnostics)}<p>${
    hasGraphic ? messages.preview.lastGoodShown() : messages.preview.nothingBuilt()
  }</p></div>`;
}

/** Warnings of a chart that built, shown under it. */
export function warningList(diagnostics: Diagnostic[]): SafeHtml {
  if (!diagnostics.length) return html``;
  return html`<section class="warnings"><h3>${messages.preview.warningsHeading()}</h3>${diagnosticLines(diagnostics)}</section>`;
}

function diagnosticLines(diagnostics: Diagnostic[]): SafeHtml {
  const errorsFirst = diagnostics.slice().sort((a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'));
  return html`<ul class="diagnostics">${errorsFirst.map((d) => html`<li class="${d.severity}"><code>${formatDiagnostic(d)}</code></li>`)}</ul>`;
}
