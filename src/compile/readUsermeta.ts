import { Ajv } from 'ajv';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { JsonFile } from './readJsonFile.js';

/** citechart's settings, kept in Vega-Lite's own `usermeta` so specs stay valid Vega-Lite. */
export interface ChartSettings {
  notes: string[];
  credit: string;
  alt: string;
}

const schema = {
  type: 'object',
  properties: {
    notes: { type: 'array', items: { type: 'string' } },
    credit: { type: 'string' },
    alt: { type: 'string' },
  },
};
const KNOWN = new Set(Object.keys(schema.properties));

let validate: ReturnType<Ajv['compile']> | undefined;

export function readUsermeta(json: JsonFile): { settings: ChartSettings; diagnostics: Diagnostic[] } {
  const settings: ChartSettings = { notes: [], credit: '', alt: '' };
  const root = json.value as { usermeta?: { citechart?: unknown } };
  const raw = root.usermeta?.citechart;
  if (raw === undefined) return { settings, diagnostics: [] };

  validate ??= new Ajv({ allErrors: true }).compile(schema);
  const base = ['usermeta', 'citechart'];
  if (!validate(raw)) {
    const diagnostics = (validate.errors ?? []).map((e) => {
      const jsonPath = e.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      return json.diagnostic([...base, ...jsonPath], messages.spec.usermetaInvalid(e.instancePath.replaceAll('/', '.'), e.message ?? 'is invalid'));
    });
    return { settings, diagnostics };
  }
  const value = raw as Partial<ChartSettings>;
  const diagnostics = Object.keys(value)
    .filter((key) => !KNOWN.has(key))
    .map((key) => json.diagnostic([...base, key], messages.spec.unknownUsermeta(key), 'warning'));
  return {
    settings: { notes: value.notes ?? [], credit: value.credit ?? '', alt: value.alt ?? '' },
    diagnostics,
  };
}
