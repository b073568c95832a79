type Json = Record<string, unknown>;

// On a social card the footer is raised so that it reads on a phone
// (cardFooterStyle); the chart's own text must be raised with it, or the
// footer outweighs the chart (a Reuters/FT review, 2026: on the landscape
// map card the source lines were set at 17.6 px, the country labels at 13).

/** Vega-Lite's own sizes (px) where neither the spec nor the theme sets one (vega-lite `src/config.ts`, vega's defaults). */
const DEFAULTS = { axisLabel: 10, axisTitle: 11, legendLabel: 10, legendTitle: 11, subtitle: 12, text: 11 };

/**
 * The spec with every size its chart's text is drawn at raised to at least
 * `minSize` px (never lowered): the axes' and legends' labels and titles and
 * the subtitle through its `config` (over the theme's), each mark's own
 * `fontSize` (a number raised, an expression wrapped in `max(…, minSize)`),
 * and axis or legend sizes set in an encoding. The title, larger, is left as
 * it is. A text size set by a `size` encoding is not changed.
 */
export function withCardText(vegaLite: Json, minSize: number, theme: Json = {}): Json {
  const specConfig = (vegaLite.config as Json | undefined) ?? {};
  const floor = (group: string, key: string, fallback: number): Json => {
    const own = (specConfig[group] as Json | undefined)?.[key] ?? (theme[group] as Json | undefined)?.[key];
    return typeof own === 'number' && own >= minSize ? {} : typeof own === 'object' ? {} : { [key]: Math.max(minSize, typeof own === 'number' ? own : fallback) };
  };
  const merge = (group: string, ...sets: Json[]) => ({ [group]: { ...(specConfig[group] as Json | undefined), ...Object.assign({}, ...sets) } });
  const config = {
    ...specConfig,
    ...merge('axis', floor('axis', 'labelFontSize', DEFAULTS.axisLabel), floor('axis', 'titleFontSize', DEFAULTS.axisTitle)),
    ...merge('legend', floor('legend', 'labelFontSize', DEFAULTS.legendLabel), floor('legend', 'titleFontSize', DEFAULTS.legendTitle)),
    ...merge('title', floor('title', 'subtitleFontSize', DEFAULTS.subtitle)),
    ...merge('text', floor('text', 'fontSize', DEFAULTS.text)),
  };
  return { ...raiseView(vegaLite, minSize), config };
}

/** A view (and its layers) with its marks' and encodings' text sizes raised. */
function raiseView(view: Json, minSize: number): Json {
  const out: Json = { ...view };
  const mark = view.mark;
  if (mark && typeof mark === 'object' && 'fontSize' in (mark as Json)) out.mark = { ...(mark as Json), fontSize: raise((mark as Json).fontSize, minSize) };
  const encoding = view.encoding as Json | undefined;
  if (encoding && typeof encoding === 'object') {
    const raised: Json = {};
    for (const [channel, def] of Object.entries(encoding)) {
      raised[channel] = def && typeof def === 'object' && !Array.isArray(def) ? raiseGuides(def as Json, minSize) : def;
    }
    out.encoding = raised;
  }
  if (Array.isArray(view.layer)) out.layer = view.layer.map((layer) => (layer && typeof layer === 'object' ? raiseView(layer as Json, minSize) : layer));
  return out;
}

/** A channel's axis or legend with its label and title sizes raised when it sets them. */
function raiseGuides(def: Json, minSize: number): Json {
  const out = { ...def };
  for (const guide of ['axis', 'legend']) {
    const value = def[guide];
    if (!value || typeof value !== 'object') continue;
    const raised = { ...(value as Json) };
    for (const key of ['labelFontSize', 'titleFontSize']) if (key in raised) raised[key] = raise(raised[key], minSize);
    out[guide] = raised;
  }
  return out;
}

/** A size raised to `minSize`: a number, or a Vega-Lite expression (`{"expr": …}`) wrapped in max(). */
function raise(size: unknown, minSize: number): unknown {
  if (typeof size === 'number') return Math.max(size, minSize);
  if (size && typeof size === 'object' && typeof (size as Json).expr === 'string') return { expr: `max(${(size as Json).expr}, ${minSize})` };
  return size;
}
