import { themeArtboardProblems } from './themeArtboards.js';
import { themeSocialCardProblems } from '../social/socialPresets.js';
import { themeOutputProblems } from './themeOutputs.js';
import { footerStyleProblems } from '../provenance/footerStyle.js';
import { markerStyleProblems } from '../markers/markerStyle.js';
import { annotationStyleProblems } from '../annotate/annotationStyle.js';
import { missingGlyphWarnings } from '../text/missingGlyphs.js';
import { needsFallbackFonts } from '../text/fontChain.js';
import type { Diagnostic } from '../model.js';
import { hasErrors } from '../errors.js';
import { isKnownLocale, LANGUAGES } from '../locale/readLocale.js';
import * as messages from '../messages.js';
import { findBuiltinFieldNames } from './findBuiltinFieldNames.js';
import { checkStyleLimits, checkTransformLimits, checkViewLimits } from './checkLimits.js';
import { checkRegExps } from './checkRegExps.js';
import { findDataRefs, type DataRef } from './findDataRefs.js';
import { readJsonFile, type JsonFile } from './readJsonFile.js';
import { stripSpecBidi } from './stripSpecBidi.js';
import { readUsermeta, type ChartSettings } from './readUsermeta.js';
import { pushAll } from '../pushAll.js';
import type { BoundaryRef } from '../geo/boundaryRef.js';
import { validateOnMainThread, validateSpec, validateTheme } from './validateSpec.js';
import { invisibleCharacters } from '../visibleText.js';
import { unportableName } from '../listSpecs.js';

/** A chart's spec as read from `specs/NAME.vl.json`, checked but not yet compiled. */
export interface ChartSpec {
  name: string;
  file: string;
  json: JsonFile;
  vegaLite: Record<string, unknown>;
  settings: ChartSettings;
  dataRefs: DataRef[];
  /** Boundary files it draws (maps, src/geo): bundled atlases or data/*.topojson|geojson. */
  boundaryRefs: BoundaryRef[];
}

export const specFile = (name: string) => `specs/${name}.vl.json`;

/**
 * Reads and checks `specs/NAME.vl.json`: JSON syntax and nesting depth,
 * Vega-Lite's JSON Schema and limits (validateSpec), then citechart's
 * settings and data references. A spec is returned only when it passed the
 * schema; every diagnostic names its line and column.
 */
export async function readSpec(cwd: string, name: string): Promise<{ spec?: ChartSpec; diagnostics: Diagnostic[] }> {
  const file = specFile(name);
  // output/ is flat: index.html is the gallery and NAME-320w.svg an artboard of NAME.
  const invisible = invisibleCharacters(name);
  if (invisible.length) return { diagnostics: [{ file, line: 1, column: 1, severity: 'error', message: messages.spec.invisibleInName(name, invisible) }] };
  const unportable = unportableName(name);
  if (unportable) return { diagnostics: [{ file, line: 1, column: 1, severity: 'error', message: messages.spec.unportableName(name, unportable) }] };
  const reserved = reservedName(name);
  if (reserved) return { diagnostics: [{ file, line: 1, column: 1, severity: 'error', message: messages.spec.reservedName(name, reserved) }] };
  const { json, diagnostics } = await readJsonFile(cwd, file);
  if (!json) return { diagnostics };
  if (!json.value || typeof json.value !== 'object' || Array.isArray(json.value)) {
    return { diagnostics: [json.diagnostic([], messages.spec.notAnObject())] };
  }
  // Valid Vega-Lite first: everything below (and the lint rules) may then
  // trust the types the schema promises, e.g. that an encoding is an object.
  // Confinement before anything: a url the schema also refuses (an object)
  // is named for what it would do, reading any file into the graphic.
  const data = findDataRefs(json);
  if (hasErrors(data.diagnostics)) return { diagnostics: data.diagnostics };
  await validateOnMainThread('spec', json);
  const invalid = validateSpec(json);
  if (invalid.length) return { diagnostics: invalid };
  for (const warning of stripSpecBidi(json)) diagnostics.push(warning);
  const usermeta = readUsermeta(json);
  pushAll(diagnostics, usermeta.diagnostics, data.diagnostics, findBuiltinFieldNames(json));
  // Only a string beyond Latin may miss a glyph: the others are not located in the file (a line and column
  // per string of every spec was most of reading one, issue 15).
  const beyondLatin = specStrings(json.value).filter(({ text }) => needsFallbackFonts(text));
  pushAll(diagnostics, await missingGlyphWarnings(beyondLatin.map(({ path, text }) => ({ text, at: json.diagnostic(path, '') }))));
  if (!data.refs.length && !data.boundaries.length && !data.diagnostics.length) diagnostics.push(json.diagnostic([], messages.spec.noData()));
  const spec: ChartSpec = {
    name,
    file,
    json,
    vegaLite: json.value as Record<string, unknown>,
    settings: usermeta.settings,
    dataRefs: data.refs,
    boundaryRefs: data.boundaries,
  };
  // Before any work: a transform that would allocate millions of items is refused at its parameter.
  // Loops, not spreads: a generated spec can hold any number of these.
  for (const problem of checkTransformLimits(spec)) diagnostics.push(problem);
  for (const problem of checkViewLimits(spec.vegaLite, (at, message) => json.diagnostic(at, message))) diagnostics.push(problem);
  for (const problem of checkStyleLimits(spec.vegaLite, (at, message) => json.diagnostic(at, message))) diagnostics.push(problem);
  for (const problem of await checkRegExps(spec)) diagnostics.push(problem);
  for (const problem of footerStyleProblems(spec.vegaLite.config, ['config'], (at, message) => json.diagnostic(at, message))) diagnostics.push(problem);
  for (const problem of markerStyleProblems(spec.vegaLite.config, ['config'], (at, message) => json.diagnostic(at, message))) diagnostics.push(problem);
  for (const problem of annotationStyleProblems(spec.vegaLite.config, ['config'], (at, message) => json.diagnostic(at, message))) diagnostics.push(problem);
  return { spec, diagnostics };
}

/** Why a chart cannot have this name (its files would overwrite others in output/), if so. */
export function reservedName(name: string): string | undefined {
  // macOS and Windows file systems ignore case: Index.html would replace index.html there.
  if (name.toLowerCase() === 'index') return 'output/index.html is the gallery of all charts';
  const artboard = /^(.+)-(\d+)w$/i.exec(name);
  if (artboard) return `output/${name}.svg is where the ${artboard[2]} px artboard of a chart named "${artboard[1]}" goes`;
  return undefined;
}

/** The house theme, a Vega-Lite `config` object; optional. */
/**
 * Every string of a spec that may be drawn (titles, labels, inline values,
 * field names that become axis titles) with its JSON path; `$schema` and
 * data URLs are never drawn.
 */
export function specStrings(value: unknown, at: Array<string | number> = []): Array<{ path: Array<string | number>; text: string }> {
  const found: Array<{ path: Array<string | number>; text: string }> = [];
  const walk = (node: unknown, path: Array<string | number>) => {
    if (typeof node === 'string') found.push({ path, text: node });
    else if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...path, i]));
    else if (node && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) if (key !== '$schema' && key !== 'url') walk(item, [...path, key]);
    }
  };
  walk(value, at);
  return found;
}

export async function readTheme(cwd: string): Promise<{ theme?: JsonFile; diagnostics: Diagnostic[] }> {
  const { json, diagnostics } = await readJsonFile(cwd, 'specs/theme.json');
  if (!json) {
    // No theme is fine; a theme that exists but cannot be read is not.
    const missing = diagnostics.every((d) => d.message === messages.load.missingFile('specs/theme.json'));
    return missing ? { diagnostics: [] } : { diagnostics };
  }
  if (!json.value || typeof json.value !== 'object' || Array.isArray(json.value)) {
    return { diagnostics: [json.diagnostic([], messages.spec.themeInvalid('not an object'))] };
  }
  await validateOnMainThread('config', json);
  const invalid = validateTheme(json);
  if (invalid.length) return { diagnostics: invalid };
  // The theme is merged into every spec's config: a url in it would load a file into every chart.
  const urls = findDataRefs(json, true).diagnostics;
  if (urls.length) return { diagnostics: urls };
  const stripped = stripSpecBidi(json);
  // `locale` is citechart's here: a tag it turns into Vega's locale object (compileSpec).
  const tag = (json.value as Record<string, unknown>).locale;
  if (tag !== undefined) {
    if (typeof tag !== 'string') return { diagnostics: stripped.concat([json.diagnostic(['locale'], messages.locale.themeLocaleNotText())]) };
    if (!isKnownLocale(tag)) return { diagnostics: stripped.concat([json.diagnostic(['locale'], messages.locale.unknown(tag, LANGUAGES))]) };
  }
  // Merged under every spec: a view size or tick count over its limit would crash every chart's drawing.
  const sizes = checkViewLimits(json.value, (at, message) => json.diagnostic(at, message)).concat(checkStyleLimits(json.value, (at, message) => json.diagnostic(at, message)));
  if (sizes.length) return { diagnostics: stripped.concat(sizes) };
  const footer = footerStyleProblems(json.value, [], (at, message) => json.diagnostic(at, message));
  const markers = markerStyleProblems(json.value, [], (at, message) => json.diagnostic(at, message));
  const annotation = annotationStyleProblems(json.value, [], (at, message) => json.diagnostic(at, message));
  return { theme: json, diagnostics: diagnostics.concat(stripped, themeArtboardProblems(json), themeSocialCardProblems(json), themeOutputProblems(json), footer, markers, annotation) };
}
