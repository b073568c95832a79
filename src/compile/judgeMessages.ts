// What citechart does with each message Vega-Lite (while compiling) and
// Vega (while running the dataflow) log: every one is located in the spec
// and judged. Those meaning a broken or misleading graphic are errors; the
// rest are warnings with a fix. The README's table "Messages from Vega and
// Vega-Lite" lists these rules; keep the two in step.
import type { JSONPath } from 'jsonc-parser';
import { formatDiagnostic } from '../errors.js';
import { unitViews, type UnitView } from '../lint/unitViews.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { ChartSpec } from './readSpec.js';
import { unescapeField } from './encodedFields.js';
import { explainVegaError } from './explainVegaError.js';
import { locateVegaError } from './locateVegaError.js';
import { viewMarkName } from './viewMarkName.js';

/** A message as Vega or Vega-Lite logged it. */
export interface RawMessage {
  source: 'Vega' | 'Vega-Lite';
  severity: Diagnostic['severity'];
  reason: string;
  /** What Vega threw or logged for an error, whose stack may name the expression function that failed (explainVegaError). */
  error?: unknown;
}

interface Rule {
  source: RawMessage['source'];
  pattern: RegExp;
  severity: Diagnostic['severity'];
  /** Where in the spec, from the match; undefined falls back to the channel named in the message, then the spec's top. */
  at?: (match: RegExpExecArray, find: Finder) => JSONPath | undefined;
  /** The whole message, when citechart words it itself; otherwise the reason plus `fix`. */
  message?: (match: RegExpExecArray, find: Finder) => string;
  fix?: () => string;
}

const EMPTY_EXTENT = /^Infinite extent for field "([^"]+)"/;

const RULES: Rule[] = [
  // Vega, at run time
  { source: 'Vega', pattern: EMPTY_EXTENT, severity: 'error', at: (m, f) => f.field(m[1]!)?.jsonPath, message: (m, f) => messages.checks.emptyExtent(f.field(m[1]!)?.column ?? m[1]!) },
  { source: 'Vega', pattern: /^Log scale domain includes zero: (.*)$/, severity: 'error', at: (_, f) => f.logScale(), message: (m) => messages.checks.logDomainZero(m[1]!) },
  { source: 'Vega', pattern: /^Scale domainMid exceeds domain min or max/, severity: 'warning', at: (_, f) => f.scaleProperty('domainMid'), fix: () => 'set "domainMid" between the domain\'s ends' },
  { source: 'Vega', pattern: /^Unsupported scale property: (\w+)/, severity: 'warning', at: (m, f) => f.scaleProperty(m[1]!), fix: messages.checks.fixScaleType },
  { source: 'Vega', pattern: /^Symbol legend count exceeds limit/, severity: 'warning', at: (_, f) => f.channel('color') ?? f.channel('size') ?? f.channel('shape'), fix: () => 'the legend is cut short: group the categories, or set "legend": {"symbolLimit": N}' },
  { source: 'Vega', pattern: /^Grid headers exceed limit/, severity: 'warning', fix: () => 'fewer facet panels, or set "columns"' },
  { source: 'Vega', pattern: /^Ignoring extent with values <= 0 for log regression/, severity: 'warning', fix: () => 'a log regression reads only values above 0' },
  { source: 'Vega', pattern: /^Skipping regression with more parameters than data points/, severity: 'warning', fix: () => 'lower the regression\'s "order" or add rows' },
  // Vega-Lite, while compiling
  { source: 'Vega-Lite', pattern: /^Stack is applied to a non-linear scale/, severity: 'error', at: (_, f) => f.stackedScale(), fix: messages.checks.fixStackNonLinear },
  { source: 'Vega-Lite', pattern: /^Stacking is applied even though the aggregate function is non-summative \("(\w+)"\)/, severity: 'error', at: (m, f) => f.aggregate(m[1]!), fix: () => 'stacked lengths add up, so stack sums or counts only: use "sum", or "stack": null to overlap' },
  { source: 'Vega-Lite', pattern: /^Missing type for channel "(\w+)"/, severity: 'warning', fix: messages.checks.fixMissingType },
  { source: 'Vega-Lite', pattern: /^Dropping .* from channel "(\w+)"/, severity: 'warning', fix: messages.checks.fixDroppedChannel },
  { source: 'Vega-Lite', pattern: /^(\w+) dropped as it is incompatible with/, severity: 'warning', fix: messages.checks.fixDroppedChannel },
  { source: 'Vega-Lite', pattern: /^(\w+)-encoding is dropped/, severity: 'warning', fix: messages.checks.fixDroppedChannel },
  { source: 'Vega-Lite', pattern: /^Channel "(\w+)" does not work with/, severity: 'warning', at: (m, f) => f.channelPart(m[1]!, 'scale'), fix: messages.checks.fixScaleType },
  { source: 'Vega-Lite', pattern: /^(\w+)-scale's "(\w+)" is dropped/, severity: 'warning', at: (m, f) => f.channelPart(m[1]!, 'scale', m[2]!), fix: messages.checks.fixScaleType },
  { source: 'Vega-Lite', pattern: /^Scale type "(\w+)" does not work with mark/, severity: 'warning', at: (m, f) => f.scaleType(m[1]!), fix: messages.checks.fixScaleType },
  { source: 'Vega-Lite', pattern: /^FieldDef does not work with "(\w+)" scale/, severity: 'warning', at: (m, f) => f.scaleType(m[1]!), fix: messages.checks.fixScaleType },
  { source: 'Vega-Lite', pattern: /^Conflicting /, severity: 'warning', fix: messages.checks.fixConflict },
  { source: 'Vega-Lite', pattern: /^Using discrete channel "(\w+)" to encode/, severity: 'warning', fix: () => 'use a continuous channel (x, y, size, opacity) for this measure' },
  { source: 'Vega-Lite', pattern: /^(\w+) encoding should be discrete/, severity: 'warning', fix: () => 'make the field "nominal" or "ordinal", or bin it' },
  { source: 'Vega-Lite', pattern: /^Invalid field type/, severity: 'warning', fix: messages.checks.fixMissingType },
  { source: 'Vega-Lite', pattern: /^Invalid aggregation operator/, severity: 'warning', fix: () => 'use an aggregate Vega-Lite knows (sum, mean, median, count, …)' },
];

/** Finds spec nodes by what a message names. */
interface Finder {
  /** Every view's mark drew no item. */
  nothingDrawn: boolean;
  /** The view a Vega field name belongs to drew nothing because its filter kept no row. */
  emptiedByFilter(name: string): boolean;
  channel(channel: string): JSONPath | undefined;
  channelPart(channel: string, ...keys: string[]): JSONPath | undefined;
  /** The encoded column a Vega field name derives from, and where its `field` is written. */
  field(name: string): { column: string; jsonPath: JSONPath } | undefined;
  logScale(): JSONPath | undefined;
  scaleProperty(key: string): JSONPath | undefined;
  scaleType(type: string): JSONPath | undefined;
  stackedScale(): JSONPath | undefined;
  aggregate(op: string): JSONPath | undefined;
}

/**
 * Locates and judges the raw messages of one chart (see RULES), each once.
 * `markItems` (from the drawn scene, when there is one) tells which views
 * drew nothing: a message about a field points at the view that lost it.
 * Vega errors stay errors (the chart cannot be drawn); a message no rule
 * knows is a warning at the channel it names, or at the spec's top.
 */
export function judgeMessages(spec: ChartSpec, raw: RawMessage[], markItems?: Map<string, number>): Diagnostic[] {
  const find = finder(spec, markItems);
  const found: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const { source, severity, reason, error } of raw) {
    // A chart that draws nothing at all fails as a whole ("draws no row",
    // after drawing); its empty extents say the same thing less clearly.
    if (find.nothingDrawn && EMPTY_EXTENT.test(reason)) continue;
    // A layer emptied by its own filter is a warning at that filter
    // (checkEmptyFilterLayers); the other layers still give the scale its domain.
    const extent = EMPTY_EXTENT.exec(reason);
    if (extent && find.emptiedByFilter(extent[1]!)) continue;
    let diagnostic: Diagnostic;
    if (severity === 'error') {
      // Once a chart has an error, Vega's further errors are its aftermath ("reading 'marktype'"), not news.
      if (found.some((d) => d.severity === 'error')) continue;
      // Two locators: explainVegaError knows expressions and failing
      // functions; where it can only point at the spec's top,
      // locateVegaError may know better (a bad format, a built-in name as text).
      const explained = explainVegaError(error ?? reason, spec.json, source === 'Vega' ? messages.spec.renderFailed : messages.spec.compileFailed);
      const atTop = explained.line === undefined || (explained.line === 1 && explained.column === 1);
      diagnostic = (atTop && locateVegaError(spec, reason)) || explained;
    } else {
      const rule = RULES.find((r) => r.source === source && r.pattern.test(reason));
      const match = rule?.pattern.exec(reason) ?? null;
      const named = /^(?:Channel |for channel |Missing type for channel )?"?(\w+)"?[ -]/.exec(reason)?.[1];
      const at = (rule && match && rule.at?.(match, find)) ?? (named ? find.channel(named) : undefined) ?? quotedChannel(reason, find) ?? [];
      const message = rule?.message && match ? rule.message(match, find) : messages.checks.judged(source, reason, rule?.fix?.() ?? '');
      diagnostic = { ...spec.json.diagnostic(at, message, rule?.severity ?? 'warning'), rule: source === 'Vega' ? 'vega' : 'vega-lite' };
    }
    const key = formatDiagnostic(diagnostic);
    if (!seen.has(key)) {
      seen.add(key);
      found.push(diagnostic);
    }
  }
  return found;
}

/** The first `"x"`-style quoted channel name in a message that the spec encodes. */
function quotedChannel(reason: string, find: Finder): JSONPath | undefined {
  for (const m of reason.matchAll(/"(\w+)"/g)) {
    const at = find.channel(m[1]!);
    if (at) return at;
  }
  return undefined;
}

function finder(spec: ChartSpec, markItems: Map<string, number> | undefined): Finder {
  const views = unitViews(spec.vegaLite);
  // Views that drew nothing first: a message about a field most likely concerns them.
  const empty = (view: UnitView) => {
    const name = viewMarkName(spec.vegaLite, view.path);
    return name !== undefined && markItems?.get(name) === 0;
  };
  const ordered = [...views.filter(empty), ...views.filter((v) => !empty(v))];
  const nothingDrawn = views.length > 0 && views.every(empty);
  // Vega-Lite derives field names: `year_year` (timeUnit), `sum_sales`
  // (aggregate), `exports_start`/`exports_end` (stack), `bin_maxbins_10_x`.
  const derives = (name: string, field: string) => name === field || name.startsWith(`${field}_`) || name.endsWith(`_${field}`) || name.includes(`_${field}_`);
  const channels = ordered.flatMap((view) => Object.entries(view.encoding).map(([channel, c]) => ({ view, channel, def: c.def, jsonPath: c.jsonPath })));
  const scaleOf = (def: Record<string, unknown>) => (def.scale && typeof def.scale === 'object' ? (def.scale as Record<string, unknown>) : undefined);
  return {
    nothingDrawn,
    channel: (channel) => channels.find((c) => c.channel === channel)?.jsonPath,
    channelPart: (channel, ...keys) => {
      const c = channels.find((c) => c.channel === channel);
      return c && [...c.jsonPath, ...keys];
    },
    emptiedByFilter: (name) => {
      const c = channels.find((c) => typeof c.def.field === 'string' && derives(name, unescapeField(c.def.field)));
      return !!c && empty(c.view) && c.view.transforms.some((t) => t.def.filter !== undefined);
    },
    field: (name) => {
      const c = channels.find((c) => typeof c.def.field === 'string' && derives(name, unescapeField(c.def.field)));
      return c && { column: unescapeField(c.def.field as string), jsonPath: [...c.jsonPath, 'field'] };
    },
    logScale: () => {
      const c = channels.find((c) => scaleOf(c.def)?.type === 'log');
      return c && [...c.jsonPath, 'scale', 'type'];
    },
    scaleProperty: (key) => {
      const c = channels.find((c) => scaleOf(c.def)?.[key] !== undefined);
      return c && [...c.jsonPath, 'scale', key];
    },
    scaleType: (type) => {
      const c = channels.find((c) => scaleOf(c.def)?.type === type);
      return c && [...c.jsonPath, 'scale', 'type'];
    },
    stackedScale: () => {
      const c = channels.find((c) => (c.channel === 'x' || c.channel === 'y') && scaleOf(c.def)?.type !== undefined && scaleOf(c.def)?.type !== 'linear');
      return c && [...c.jsonPath, 'scale', 'type'];
    },
    aggregate: (op) => {
      const c = channels.find((c) => c.def.aggregate === op);
      return c && [...c.jsonPath, 'aggregate'];
    },
  };
}
