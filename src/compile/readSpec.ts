import type { Diagnostic } from '../model.js';
import { isKnownLocale, LANGUAGES } from '../locale/readLocale.js';
import * as messages from '../messages.js';
import { findBuiltinFieldNames } from './findBuiltinFieldNames.js';
import { findDataRefs, type DataRef } from './findDataRefs.js';
import { readJsonFile, type JsonFile } from './readJsonFile.js';
import { stripSpecBidi } from './stripSpecBidi.js';
import { readUsermeta, type ChartSettings } from './readUsermeta.js';
import { pushAll } from '../pushAll.js';

/** A chart's spec as read from `specs/NAME.vl.json`, checked but not yet compiled. */
export interface ChartSpec {
  name: string;
  file: string;
  json: JsonFile;
  vegaLite: Record<string, unknown>;
  settings: ChartSettings;
  dataRefs: DataRef[];
}

export const specFile = (name: string) => `specs/${name}.vl.json`;

export async function readSpec(cwd: string, name: string): Promise<{ spec?: ChartSpec; diagnostics: Diagnostic[] }> {
  const file = specFile(name);
  // output/ is flat: index.html is the gallery and NAME-320w.svg an artboard of NAME.
  const reserved = reservedName(name);
  if (reserved) return { diagnostics: [{ file, line: 1, column: 1, severity: 'error', message: messages.spec.reservedName(name, reserved) }] };
  const { json, diagnostics } = await readJsonFile(cwd, file);
  if (!json) return { diagnostics };
  if (!json.value || typeof json.value !== 'object' || Array.isArray(json.value)) {
    return { diagnostics: [json.diagnostic([], messages.spec.notAnObject())] };
  }
  for (const warning of stripSpecBidi(json)) diagnostics.push(warning);
  const usermeta = readUsermeta(json);
  const data = findDataRefs(json);
  pushAll(diagnostics, usermeta.diagnostics, data.diagnostics, findBuiltinFieldNames(json));
  if (!data.refs.length && !data.diagnostics.length) diagnostics.push(json.diagnostic([], messages.spec.noData()));
  return {
    spec: {
      name,
      file,
      json,
      vegaLite: json.value as Record<string, unknown>,
      settings: usermeta.settings,
      dataRefs: data.refs,
    },
    diagnostics,
  };
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
  return { theme: json, diagnostics: stripped };
}
