import { isFitNoise } from '../compile/atWidth.js';
import { compileSpec } from '../compile/compileSpec.js';
import type { ChartSpec } from '../compile/readSpec.js';
import type { Boundary } from '../geo/readBoundary.js';
import type { Locale } from '../locale/readLocale.js';
import type { Edition } from '../locale/readEdition.js';
import { drawMarkers, type MarkerInputs } from '../markers/drawMarkers.js';
import * as messages from '../messages.js';
import type { CitedTable, Diagnostic, Source } from '../model.js';
import { drawFooter } from '../provenance/drawFooter.js';
import type { Paragraph } from '../provenance/footerParagraphs.js';
import type { FooterStyle } from '../provenance/footerStyle.js';
import { pushAll } from '../pushAll.js';
import { renderFitted } from '../render/renderFitted.js';
import type { VegaRender } from '../render/renderSvg.js';
import { atWidth, isMap, mapAspectHeight } from '../compile/atWidth.js';
import { atCardSize, isStepped } from './atCardSize.js';
import { cardFooterStyle } from './cardFooter.js';
import { withCardText } from './cardText.js';
import { withCardBars } from './cardBars.js';
import { titleLayoutWidth, withCardTitle, withTitleOffset } from './cardTitle.js';
import { socialSetting } from './socialSetting.js';
import { textCollisions } from './textCollisions.js';
import { cardCrop, fitToFeatures, mapFill } from '../geo/cropToLabels.js';
import type { Feature } from 'geojson';
import { CARD_DENSITY, cardLayoutWidths, cardName, type SocialCard } from './socialPresets.js';

/** What a card is drawn from: the chart's spec, data and footer as drawChart (src/renderChart.ts) has them. */
export interface CardContext {
  /** An edition's spec carries its translation file (where its card warnings point). */
  spec: ChartSpec & { edition?: Pick<Edition, 'translation'> };
  tables: Map<string, CitedTable>;
  theme: Record<string, unknown> | undefined;
  boundaries: Map<string, Boundary>;
  locale: Locale;
  cwd: string;
  /**
   * The footer, most complete first: the article's, then shorter citations
   * of the same sources (footerParagraphs' `brevity`), tried in turn when a
   * longer one leaves the chart no room on the card. Every form carries
   * every note and each source's publisher and year: a card that fits none
   * is left out, never drawn with less.
   */
  footers: Paragraph[][];
  footerStyle: FooterStyle;
  direction: 'ltr' | 'rtl';
  /** The noted rows' markers, as the published graphic draws them (drawMarkers), so the footer's note numbers point at a marker on the card too. */
  markers?: MarkerInputs;
  /** The project's sources, for a table's citation column (src/table). */
  sources?: Map<string, Source>;
  /** The published SVG of a render laid out `width` × `height` px, footer drawn in (drawChart's composeSvg), scaled up to `view` (the card's size / CARD_DENSITY). */
  compose(
    render: VegaRender,
    width: number,
    height: number,
    card: SocialCard,
    view: { width: number; height: number },
    footer: { paragraphs: Paragraph[]; style: FooterStyle },
  ): Promise<string>;
}

/** A plot shorter than this (px) shows nothing readable: the card is left out. */
const MIN_PLOT_HEIGHT = 40;

/**
 * A map's plot takes at least this share of a card's height, at any layout:
 * a world map in a strip 50 px tall of a 337 px landscape card (the French
 * edition's long title and footer) is a row of specks, its labels stacked
 * outside (a Reuters/FT review, 2026); such a card is left out, with the
 * warning, rather than drawn.
 */
const MIN_MAP_SHARE = 0.25;

/** Re-layouts to take up what the first guess of the footer's height missed (the padding Vega really gave). */
const MAX_PASSES = 3;

/** A fitted chart laid out narrower than the card's own width needs at least this share of the layout's height for its plot. */
const MIN_PLOT_SHARE = 0.4;

/** A card layout as compiled and drawn (no render when it failed), with the messages it gave that are not said yet. */
interface DrawnChart {
  render?: VegaRender;
  said: Diagnostic[];
}

/** A card's layouts drawn so far, by the JSON text of their Vega-Lite spec. */
type RenderMemo = Map<string, Promise<DrawnChart>>;

/** A chart is fitted to a card laid out at least this wide (CSS px): narrower, the footer takes too much of a landscape card. */
const MIN_FITTED_WIDTH = 440;

/** px of room (CSS px of the layout) under which a stepped chart's card is not laid out again to centre its chart. */
const MIN_SPARE = 6;

/** A stepped chart fitted to a card keeps at least this share of its step: rows squeezed more (a table's stacked rows) would overlap. */
const MIN_STEP_SHARE = 0.6;

/** A stepped chart's rows grow to at most this many times its step on a card with room to spare: its bars keep their thickness (withCardBars), so rows farther apart than this read as separate items, not a chart (a bar under half its row). */
const MAX_STEP_GROWTH = 1.25;

/**
 * One social card: the chart re-laid-out by Vega at a width narrower than
 * the card (cardLayoutWidths, narrowest first), title and footer wrapped to
 * that width, then scaled up to the card's size in CSS px (its PNG size /
 * CARD_DENSITY), so its type is large enough to read on a phone: never a
 * scaled or letterboxed copy of the published graphic. At each width:
 *
 * - A chart whose rows are a step apart (isStepped) is drawn at its step,
 *   its rows growing to at most MAX_STEP_GROWTH times it when the card has
 *   room, the room left going above the footer: its bars keep about the
 *   thickness they have in the article, never stretched to fill the card.
 *   Too tall, it is fitted to the card if its rows keep MIN_STEP_SHARE of
 *   their step.
 * - Any other chart is fitted to the height the footer leaves, so the whole
 *   graphic is exactly the card's size, from MIN_FITTED_WIDTH on (a map from
 *   the narrowest width: its projection is as wide as the card lets it be at
 *   any layout, so a narrower one only makes its type larger), if its plot
 *   gets MIN_PLOT_SHARE of the height.
 *
 * At the card's own width, the last, any chart is fitted whose plot gets
 * MIN_PLOT_HEIGHT px (a stepped one if its rows keep MIN_STEP_SHARE of
 * their step, and its text collides no more than at its step:
 * textCollisions). The footer's type is set so that it shows at least
 * MIN_PHONE_TEXT px on a phone at every layout (cardFooterStyle), and the
 * chart's own text (labels, axes, legend, subtitle) at least as large
 * (withCardText), so the footer never outweighs the chart. The full
 * footer is tried at every width narrower than the card's, then its shorter
 * forms (`context.footers`: publisher, year and attribution per source,
 * then all in one paragraph; every note kept in each) in turn; only then the card's own width, each
 * form again. Adds to `diagnostics` what is new at the layout used,
 * and a warning (no card) when the plot would be under MIN_PLOT_HEIGHT px
 * (a map's under MIN_MAP_SHARE of the card's height)
 * tall or the chart cannot shrink into the card. Returns the card's SVG (its
 * PNG is drawn from it by the caller).
 */
export async function drawSocialCard(context: CardContext, card: SocialCard, diagnostics: Diagnostic[]): Promise<{ svg?: string }> {
  const { spec } = context;
  const seen = new Set(diagnostics.map((d) => d.message));
  const widths = cardLayoutWidths(card);
  const stepped = isStepped(spec.vegaLite);
  const map = isMap(spec.vegaLite);
  let room = 0;
  // Distinct footer forms: a shorter one that says what a longer one said (a source with no authors nor date) is not laid out again.
  const footers = [...new Map(context.footers.map((paragraphs) => [JSON.stringify(paragraphs), paragraphs])).values()];
  // Every form at the readable widths first, the full one first; only then the card's own width, where the type is smallest.
  const narrow = widths.slice(0, -1).filter((width) => stepped || map || width >= MIN_FITTED_WIDTH);
  const all = footers.flatMap((paragraphs) => narrow.map((width) => ({ paragraphs, width, widest: false })))
    .concat(footers.map((paragraphs) => ({ paragraphs, width: widths.at(-1)!, widest: true })));
  // A stepped chart's rows at their full step at any width and footer before they are squeezed at one (a Reuters/FT
  // review, 2026: the china-supplies square card's rows were squeezed at 440 px though they fitted whole at 520).
  const sized = stepped ? all.map((t) => ({ ...t, squeeze: false })).concat(all.filter((t) => t.widest || t.width >= MIN_FITTED_WIDTH).map((t) => ({ ...t, squeeze: true }))) : all.map((t) => ({ ...t, squeeze: true }));
  // The title at the format's size everywhere first (withCardTitle); only where the card fits at no layout so, at the
  // theme's size in the layouts wider than the format's title width, where it is smaller.
  const titleWidth = titleLayoutWidth(card);
  const tries = sized.map((t) => ({ ...t, formatTitle: true })).concat(sized.filter((t) => t.width > titleWidth).map((t) => ({ ...t, formatTitle: false })));
  // The tries share layouts (a squeezed try first lays the chart out as the unsqueezed one did; every footer form
  // lays out the same chart): each layout is compiled and drawn once per card (38 % of the examples' card renders were
  // repeats).
  const renders: RenderMemo = new Map();
  for (const { paragraphs, width, widest, squeeze, formatTitle } of tries) {
    const laid = await layCard(context, paragraphs, card, width, stepped, widest, seen, squeeze, formatTitle, renders);
    if (laid.svg || laid.failed) {
      pushAll(diagnostics, laid.diagnostics);
      return laid.svg ? { svg: laid.svg } : {};
    }
    room = laid.room;
  }
  // At the setting its editor would change: the spec's `social`, or an edition's own file (socialSetting).
  const setting = socialSetting(spec);
  diagnostics.push(setting.at(messages.social.noRoom(cardName(card), room, setting.where), 'warning'));
  return {};
}

/**
 * One layout of a card at `width` CSS px (drawSocialCard says how): its SVG,
 * or the chart's failure (`failed`, said in `diagnostics`), or the plot
 * height it had (`room`, px) when it does not fit.
 */
async function layCard(
  context: CardContext,
  paragraphs: Paragraph[],
  card: SocialCard,
  width: number,
  stepped: boolean,
  widest: boolean,
  seen: Set<string>,
  /** Whether a stepped chart's rows may be squeezed (to MIN_STEP_SHARE of their step) to fit. */
  squeeze = true,
  /** Whether the title is set at the format's size (withCardTitle), else at the theme's size in the layout. */
  formatTitle = true,
  /** The card's layouts already drawn, by their Vega-Lite spec (drawSocialCard). */
  renders: RenderMemo = new Map(),
): Promise<{ svg?: string; failed?: boolean; room: number; diagnostics: Diagnostic[] }> {
  const { spec, theme } = context;
  const footerStyle = cardFooterStyle(context.footerStyle, width);
  // The chart's own text at least as large as the footer's: the footer must not outweigh the chart (withCardText).
  // Its bars no thicker than a bar beside its labels reads (withCardBars): grown rows add room between them.
  const texts = withCardText(formatTitle ? withCardTitle(spec.vegaLite, width, card, theme) : spec.vegaLite, footerStyle.fontSize, theme);
  const vegaLite = withCardBars(texts, footerStyle.fontSize, theme);
  const height = (width * card.height) / card.width;
  const view = { width: card.width / CARD_DENSITY, height: card.height / CARD_DENSITY };
  const diagnostics: Diagnostic[] = [];
  const footerHeight = (padding: { left: number; right: number }) =>
    drawFooter(paragraphs, width - padding.left - padding.right, footerStyle, context.direction).height;
  // The chart laid out as `laidOut` says, compiled and drawn (cropped to `crop`), with what that said.
  const drawChart = async (laidOut: Record<string, unknown>, crop?: Feature[]): Promise<DrawnChart> => {
    const said: Diagnostic[] = [];
    const compiled = compileSpec({ ...spec, vegaLite: laidOut }, context.tables, theme, context.boundaries, context.locale, context.sources);
    if (crop && compiled.chart) fitToFeatures(compiled.chart.vega, crop);
    const rendered = compiled.chart && (await renderFitted(compiled.chart, context.cwd, spec.json));
    pushAll(said, compiled.diagnostics.concat(rendered?.diagnostics ?? []).filter((d) => !seen.has(d.message) && !isFitNoise(d.message)));
    if (!rendered?.render) return { said };
    const marked = context.markers && (await drawMarkers(rendered.chart, rendered.render, context.markers, context.cwd, spec.json));
    if (marked) pushAll(said, marked.diagnostics.filter((d) => !seen.has(d.message)));
    return { render: marked?.render ?? rendered.render, said };
  };
  const draw = async (laidOut: Record<string, unknown>, crop?: Feature[]) => {
    // A crop is rare (one redraw of a map) and its features large: drawn as asked, never looked up.
    const key = crop ? undefined : JSON.stringify(laidOut);
    let drawn = key === undefined ? undefined : renders.get(key);
    if (!drawn) {
      drawn = drawChart(laidOut, crop);
      if (key !== undefined) renders.set(key, drawn);
    }
    const { render, said: saidOnce } = await drawn;
    // Each use its own list: a try's messages are pushed once, by the try that uses them.
    const said = saidOnce.slice();
    if (!render) return (pushAll(diagnostics, said), undefined);
    const footer = footerHeight(render.padding);
    const whole = footer ? render.height + footerStyle.gap + footer : render.height;
    return { render, said, whole, vegaLite: laidOut, plot: plotHeight(render.scenegraph), fits: whole <= height + 0.5 && render.width <= width + 0.5 };
  };
  const use = async (first: { render: VegaRender; said: Diagnostic[]; vegaLite: Record<string, unknown> }) => {
    // A world map that leaves bands is fitted to its coloured regions (landscape), or its plot shortened to it (square, portrait): cardCrop.
    const fix = isMap(spec.vegaLite) ? cardCrop(first.render.scenegraph) : undefined;
    const redrawn = !fix
      ? undefined
      : 'crop' in fix
        ? await draw(first.vegaLite, fix.crop)
        : await shortened(first.render, fix.shorten);
    const drawn = redrawn && redrawn.fits ? redrawn : first;
    pushAll(diagnostics, drawn.said);
    return { svg: await context.compose(drawn.render, width, height, card, view, { paragraphs, style: footerStyle }), room: 0, diagnostics };
  };
  // The map's plot `by` px shorter; once more if it then came out narrower than its plot (Vega's fit sizes the plot from the whole chart's bounds).
  const shortened = async (render: VegaRender, by: number) => {
    const once = await draw(atCardSize(vegaLite, width, render.height - by, theme));
    const fill = once && mapFill(once.render.scenegraph);
    if (!once || !fill || fill.map.width >= fill.plot.width - 1) return once;
    const needed = (fill.map.height * fill.plot.width) / fill.map.width;
    return (await draw(atCardSize(vegaLite, width, once.render.height + (needed - fill.plot.height), theme))) ?? once;
  };
  // A map needs MIN_MAP_SHARE of the card even at its own width: a world map in a strip of 50 px names nothing readably.
  // A map at a narrower layout needs no more than its own height at that width (mapAspectHeight: a world map is
  // drawn as wide as the plot, whatever the plot's height), so a portrait card can take the layout that fills it.
  const padding = guessPadding(spec.vegaLite, theme);
  const mapHeight = isMap(spec.vegaLite) ? mapAspectHeight(spec.vegaLite, width - padding.left - padding.right) : undefined;
  // A stepped chart's text overlaps at its own step (none, mostly): squeezed rows may not add to it.
  let unsqueezedCollisions: number | undefined;
  let minPlot = widest
    ? Math.max(MIN_PLOT_HEIGHT, isMap(spec.vegaLite) ? MIN_MAP_SHARE * height : 0)
    : mapHeight !== undefined ? Math.max(MIN_MAP_SHARE * height, Math.min(MIN_PLOT_SHARE * height, mapHeight)) : MIN_PLOT_SHARE * height;
  if (stepped) {
    const drawn = await draw(atWidth(vegaLite, width, theme));
    if (!drawn) return { failed: true, room: 0, diagnostics };
    if (drawn.fits) {
      // Room to spare: the rows grow, up to MAX_STEP_GROWTH times their step.
      const extra = Math.min(height - drawn.whole, (drawn.plot ?? 0) * (MAX_STEP_GROWTH - 1));
      const grown = extra > 1 && (await draw(atCardSize(vegaLite, width, drawn.render.height + extra, theme)));
      const chosen = grown && grown.fits ? grown : drawn;
      // Room left still: half between the title and the chart, half above the footer, so the chart sits in the
      // middle of the room rather than over one empty band (a Reuters/FT review, 2026: 200–330 px on portrait cards).
      const spare = (height - chosen.whole) / 2;
      const centred = spare > MIN_SPARE && (await draw(atCardSize(withTitleOffset(vegaLite, spare, theme), width, chosen.render.height + spare, theme)));
      return use(centred && centred.fits ? centred : chosen);
    }
    if (!squeeze || (!widest && width < MIN_FITTED_WIDTH)) return { room: drawn.plot ?? 0, diagnostics };
    // Even at the card's own width: rows squeezed more overlap (a table's stacked lines).
    minPlot = Math.max(MIN_PLOT_HEIGHT, MIN_STEP_SHARE * (drawn.plot ?? 0));
    unsqueezedCollisions = textCollisions(drawn.render.scenegraph);
  }
  // The theme's padding as atWidth reads it, for the first guess; Vega's own is used after.
  let chartHeight = height - footerStyle.gap - footerHeight(guessPadding(spec.vegaLite, theme));
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    if (chartHeight < minPlot) break;
    const fitted = await draw(atCardSize(vegaLite, width, chartHeight, theme));
    if (!fitted) return { failed: true, room: 0, diagnostics };
    // A view whose plot height is unknown (plotHeight) is not refused for it.
    if (fitted.plot !== undefined && fitted.plot < minPlot) return { room: fitted.plot, diagnostics };
    // Squeezed rows whose lines run into each other (a table's two-line rows at 60 % of their step) are no card.
    if (fitted.fits && unsqueezedCollisions !== undefined && textCollisions(fitted.render.scenegraph) > unsqueezedCollisions) return { room: fitted.plot ?? 0, diagnostics };
    if (fitted.fits) return use(fitted);
    chartHeight -= Math.max(fitted.whole - height, 1);
  }
  return { room: chartHeight, diagnostics };
}

function guessPadding(vegaLite: Record<string, unknown>, theme: Record<string, unknown> | undefined): { left: number; right: number } {
  const padding = vegaLite.padding ?? theme?.padding ?? 5;
  if (typeof padding === 'number') return { left: padding, right: padding };
  const sides = (padding ?? {}) as Record<string, unknown>;
  return { left: Number(sides.left ?? 0) || 0, right: Number(sides.right ?? 0) || 0 };
}

/** The height (px) of the plot of a single or layered view: the root group's first item, as Vega lays it out. */
function plotHeight(scenegraph: unknown): number | undefined {
  const item = (scenegraph as { items?: Array<{ height?: unknown }> } | undefined)?.items?.[0];
  return typeof item?.height === 'number' ? item.height : undefined;
}
