// Where an edition's diagnostics point. A translated edition is checked on
// its original's spec with some strings replaced from specs/NAME.LANG.json;
// a fault in a replaced string (a translated expression that formats
// percentage points with '.0%', a translated title over the limit) was
// written in the translation file, so it is reported there, at the
// replacement's value; any other fault stays at the spec.
import type { JSONPath } from 'jsonc-parser';
import type { JsonFile } from '../compile/readJsonFile.js';
import type { Translation } from './readTranslation.js';
import type { Replacement } from './translateSpec.js';

/**
 * The edition's view of its original's spec file: `value` is the translated
 * spec (so a check that searches the spec's strings finds the texts the
 * edition draws), and `place`/`diagnostic` at the JSON path of a replaced
 * string name the translation file's line and column of that entry's value
 * (`specs/NAME.fr.json:8:41`). `locate` stays the spec's own positions.
 */
export function editionJson(spec: JsonFile, translation: Translation, replaced: readonly Replacement[], value: Record<string, unknown>): JsonFile {
  // Keyed by the path's JSON text: a Map, as paths hold the spec's own keys.
  const entries = new Map(replaced.map(({ jsonPath, entry }) => [JSON.stringify(jsonPath), entry]));
  const place = (jsonPath: JSONPath) => {
    const entry = entries.get(JSON.stringify(jsonPath));
    return entry ? { file: translation.file, ...translation.json.locate(entry, 'value') } : spec.place(jsonPath);
  };
  return {
    ...spec,
    value,
    place,
    diagnostic: (jsonPath, message, severity = 'error') => ({ ...place(jsonPath), severity, message }),
  };
}
