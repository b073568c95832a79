import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { findDataRefs, type DataRef } from './findDataRefs.js';
import { readJsonFile, type JsonFile } from './readJsonFile.js';
import { readUsermeta, type ChartSettings } from './readUsermeta.js';

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
  const { json, diagnostics } = await readJsonFile(cwd, file);
  if (!json) return { diagnostics };
  if (!json.value || typeof json.value !== 'object' || Array.isArray(json.value)) {
    return { diagnostics: [json.diagnostic([], messages.spec.notAnObject())] };
  }
  const usermeta = readUsermeta(json);
  const data = findDataRefs(json);
  diagnostics.push(...usermeta.diagnostics, ...data.diagnostics);
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
  return { theme: json, diagnostics: [] };
}
