import { closest, distance } from 'fastest-levenshtein';
import type { ErrorObject, ValidateFunction } from 'ajv';
import compiledValidator from './usermetaValidator.generated.js';
import { MAX_ARTBOARD_WIDTH, MIN_ARTBOARD_WIDTH, usermetaSchema } from './usermetaSchema.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { JsonFile } from './readJsonFile.js';
import { fitsOneWidth } from './atWidth.js';
import { describeSchemaError } from './describeSchemaError.js';
import { errorsByPlace } from './errorsByPlace.js';
import { isKnownLocale, LANGUAGES } from '../locale/readLocale.js';

/** citechart's settings, kept in Vega-Lite's own `usermeta` so specs stay valid Vega-Lite. */
export interface ChartSettings {
  notes: string[];
  credit: string;
  alt: string;
  /** Extra artboards: the chart re-laid-out at each of these widths (px), ascending. */
  widths?: number[];
  /** Social cards (src/social): `false` for none; else the theme's presets to draw, by size (`1200x675`); absent, all the theme's. */
  social?: false | string[];
  /** `auto`: the SVG turns dark on pages that prefer a dark colour scheme. */
  darkMode?: 'auto' | 'off';
  /** false: the SVG names its fonts but does not carry them (for sites that serve Source Sans 3 and the Noto fallbacks themselves). */
  embedFonts?: false;
  /** BCP 47 tag of the language the chart is written in (src/locale); overrides the theme's. A map's country names are read in its language too (src/geo). */
  locale?: string;
  /** The PDF's print width in mm: the chart laid out again at that width (src/render/printWidth.ts). */
  print?: { widthMm: number };
}

export { MAX_ARTBOARD_WIDTH, MIN_ARTBOARD_WIDTH, usermetaSchema };
const KNOWN = new Set(Object.keys(usermetaSchema.properties));

// ajv's code for usermetaSchema, generated ahead (scripts/generateValidators.mjs):
// loading and running ajv to compile it was ≈75 ms of every cold build.
const validate = compiledValidator as unknown as ValidateFunction;

export function readUsermeta(json: JsonFile): { settings: ChartSettings; diagnostics: Diagnostic[] } {
  const settings: ChartSettings = { notes: [], credit: '', alt: '' };
  const root = json.value as { usermeta?: { citechart?: unknown } };
  const raw = root.usermeta?.citechart;
  if (raw === undefined) return { settings, diagnostics: [] };

  const base = ['usermeta', 'citechart'];
  if (!validate(raw)) {
    // One error per mistake: the branches of an anyOf (`social`) as one sentence, not one line each and one for the anyOf.
    const diagnostics = errorsByPlace(validate.errors ?? []).map((group) => {
      if (group.length > 1) {
        const problem = describeSchemaError(group, raw);
        return json.diagnostic([...base, ...problem.jsonPath], messages.spec.usermetaInvalid(problem.jsonPath.length ? `.${problem.where}` : '', problem.reason));
      }
      const e = group[0]!;
      const jsonPath = e.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      return json.diagnostic([...base, ...jsonPath], messages.spec.usermetaInvalid(e.instancePath.replaceAll('/', '.'), reason(e)));
    });
    return { settings, diagnostics };
  }
  const value = raw as Partial<ChartSettings>;
  const diagnostics = Object.keys(value)
    .filter((key) => !KNOWN.has(key))
    // An error: a misspelt "note" or "credits" would leave the notes or the credit out of the footer with exit 0.
    .map((key) => {
      const guess = closest(key, [...KNOWN]);
      const near = distance(key.toLowerCase(), guess.toLowerCase()) <= Math.max(2, Math.ceil(key.length / 3));
      return json.diagnostic([...base, key], messages.spec.unknownUsermeta(key, [...KNOWN], near ? guess : undefined));
    });
  if (value.widths?.length && !fitsOneWidth(root as Record<string, unknown>)) {
    diagnostics.push(json.diagnostic([...base, 'widths'], messages.spec.widthsNeedSingleView()));
  }
  if (value.locale !== undefined && !isKnownLocale(value.locale)) {
    diagnostics.push(json.diagnostic([...base, 'locale'], messages.locale.unknown(value.locale, LANGUAGES)));
  }
  return {
    settings: {
      notes: value.notes ?? [],
      credit: value.credit ?? '',
      alt: value.alt ?? '',
      ...(value.widths && { widths: [...value.widths].sort((a, b) => a - b) }),
      ...(value.social !== undefined && { social: value.social }),
      ...(value.darkMode && { darkMode: value.darkMode }),
      ...(value.embedFonts === false && { embedFonts: false as const }),
      ...(value.locale && isKnownLocale(value.locale) && { locale: value.locale }),
      ...(value.print && { print: { widthMm: value.print.widthMm } }),
    },
    diagnostics,
  };
}

/** ajv's message, with the allowed values when there is a list of them. */
function reason(error: ErrorObject): string {
  const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
  // ajv says "must NOT have duplicate items (items ## 1 and 0 are identical)".
  if (error.keyword === 'uniqueItems') return 'must not list the same value twice';
  const message = error.message ?? 'is invalid';
  return allowed ? `${message}: ${allowed.map((v) => JSON.stringify(v)).join(', ')}` : message;
}

