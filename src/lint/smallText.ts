import { fitsOneWidth } from '../compile/atWidth.js';
import type { JsonFile } from '../compile/readJsonFile.js';
import { themeArtboards } from '../compile/themeArtboards.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { FOOTER_STYLE_NAME, readFooterStyle } from '../provenance/footerStyle.js';
import type { DrawnTextSize } from '../render/drawnTextSizes.js';
import type { LintChart, LintRule } from './context.js';

/**
 * The smallest text a reader can be asked to read on a phone, in CSS px.
 * Source: the BBC's Global Experience Language and GOV.UK set body text no
 * smaller than 16 px and captions no smaller than 11–12 px on mobile; Apple's
 * Human Interface Guidelines' smallest style (Caption 2) is 11 pt.
 */
export const MIN_PHONE_TEXT = 11;

type Json = Record<string, unknown>;

/** What each scenegraph role is called in a message, and the config property that sets its size. */
const ROLES = new Map<string, { what: string; keys: string[] }>([
  ['title-text', { what: 'title', keys: ['fontSize'] }],
  ['title-subtitle', { what: 'subtitle', keys: ['subtitleFontSize'] }],
  ['axis-label', { what: 'axis labels', keys: ['labelFontSize'] }],
  ['axis-title', { what: 'axis title', keys: ['titleFontSize'] }],
  ['legend-label', { what: 'legend labels', keys: ['labelFontSize'] }],
  ['legend-title', { what: 'legend title', keys: ['titleFontSize'] }],
  ['column-header', { what: 'facet headers', keys: ['labelFontSize', 'titleFontSize'] }],
  ['row-header', { what: 'facet headers', keys: ['labelFontSize', 'titleFontSize'] }],
  ['mark', { what: 'text mark', keys: ['fontSize'] }],
  ['footer', { what: 'footer', keys: ['fontSize'] }],
]);

/**
 * Text a phone reader cannot read: for each size a chart draws text at
 * (titles, labels, text marks, the footer), the size it shows at in the
 * narrowest column — the theme's narrowest artboard (its phone) — is below
 * 11 CSS px. A chart with artboards is shown at its narrowest artboard,
 * scaled down only if that is wider than the column; one without is its
 * whole width scaled into the column. A chart with no artboards in a
 * project whose theme names none is not checked (there is no phone width). Reported where the size is set (the
 * spec's property, else the theme's), else at the spec's top.
 */
export const smallText: LintRule = {
  id: 'small-text',
  summary: 'text that would show under 11 CSS px in a phone column',
  check({ charts, theme }) {
    const found: Diagnostic[] = [];
    const themeValue = theme?.value as Json | undefined;
    const themeWidths = themeArtboards(themeValue);
    for (const chart of charts) {
      if (!chart.layout) continue;
      const narrowest = artboardsOf(chart, themeWidths)[0];
      // Neither the chart nor the theme names a phone width: no narrowest artboard to read it at.
      if (narrowest === undefined && !themeWidths.length) continue;
      const shownWidth = narrowest ?? chart.layout.width;
      const column = Math.min(themeWidths[0] ?? shownWidth, shownWidth);
      const scale = column / shownWidth;
      const place = messages.lint.smallTextPlace(scale < 1 ? 'column' : narrowest ? 'artboard' : 'own', column);
      const footer = readFooterStyle(themeValue, chart.spec.vegaLite.config as Json | undefined);
      const sizes: DrawnTextSize[] = chart.layout.textSizes.concat([{ role: 'footer', fontSize: footer.fontSize, example: 'Source: …' }]);
      for (const { role, fontSize, example } of sizes) {
        const shown = fontSize * scale;
        if (shown >= MIN_PHONE_TEXT - 0.005) continue;
        const { what, keys } = ROLES.get(role) ?? { what: `text (${role})`, keys: ['fontSize'] };
        const needed = Math.ceil(MIN_PHONE_TEXT / scale - 0.005);
        const message = messages.lint.smallText(what, shorten(example), fontSize, shown.toFixed(1), place, MIN_PHONE_TEXT, needed, scale < 1);
        found.push(whereSet(chart, theme, role, keys, fontSize, message));
      }
    }
    return found;
  },
};

/** The widths the chart is drawn at as artboards (ascending), [] for none: the spec's own, else the theme's. */
function artboardsOf(chart: LintChart, themeWidths: number[]): number[] {
  if (chart.spec.settings.widths) return chart.spec.settings.widths;
  return fitsOneWidth(chart.spec.vegaLite) ? themeWidths : [];
}

/** The diagnostic at the property that set this size: in the spec, else the theme, else the spec's top. */
function whereSet(chart: LintChart, theme: JsonFile | undefined, role: string, keys: string[], size: number, message: string): Diagnostic {
  const inSpec = findSize(chart.spec.vegaLite, role, keys, size);
  if (inSpec) return chart.spec.json.diagnostic(inSpec, message, 'warning');
  const inTheme = theme && findSize(theme.value, role, keys, size);
  if (theme && inTheme) return theme.diagnostic(inTheme, message, 'warning');
  return chart.spec.json.diagnostic([], message, 'warning');
}

/** The path of the first `keys` property holding `size` (the footer's only under its style), outside `usermeta`. */
function findSize(root: unknown, role: string, keys: string[], size: number): (string | number)[] | undefined {
  const visit = (node: unknown, path: (string | number)[]): (string | number)[] | undefined => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const hit = visit(node[i], [...path, i]);
        if (hit) return hit;
      }
      return undefined;
    }
    if (!node || typeof node !== 'object') return undefined;
    const inFooter = path[path.length - 1] === FOOTER_STYLE_NAME;
    if ((role === 'footer') === inFooter) {
      for (const key of keys) if (Object.prototype.hasOwnProperty.call(node, key) && (node as Json)[key] === size) return [...path, key];
    }
    for (const [key, child] of Object.entries(node as Json)) {
      if (key === 'usermeta') continue;
      const hit = visit(child, [...path, key]);
      if (hit) return hit;
    }
    return undefined;
  };
  return visit(root, []);
}

const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);
