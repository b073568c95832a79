import type { JSONPath } from 'jsonc-parser';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { Translation } from './readTranslation.js';

// Keys whose string values a reader sees as words: titles (chart, axis,
// legend), subtitles, descriptions, and citechart's notes, credit and alt
// (and annotations' `text`, table columns' `title`).
const WORDS = new Set(['title', 'subtitle', 'description', 'notes', 'credit', 'alt']);
// Keys whose strings name data columns, never words: the CSV keeps its
// English column names, so renaming these would draw nothing. `strings` may
// map a column's name to its data-table header (readerColumns) without
// touching the spec's reference to it.
const FIELD_KEYS = new Set(['field', 'groupby', 'fields', 'lookup', 'key', 'as']);

/** A string of the spec an edition replaced: its JSON path in the spec, and the translation file's entry that replaced it. */
export interface Replacement {
  jsonPath: JSONPath;
  entry: ['strings' | 'values', string];
}

/**
 * The spec of a translated edition: every string of the spec that the
 * translation's `strings` (else `values`: a scale domain names data labels)
 * maps is replaced, except names of data columns (FIELD_KEYS: `field`,
 * `groupby`, `as`…); nothing else changes, so figures are never copied.
 * `untranslated` lists the words a reader would see (WORDS) left in English,
 * at their JSON path in the original spec; `used` the translation keys applied;
 * `replaced` each string replaced, at its JSON path (the same in both specs),
 * with the translation file's entry that wrote it (`['strings', english]`).
 */
export function translateSpec(vegaLite: Record<string, unknown>, translation: Translation): {
  vegaLite: Record<string, unknown>;
  untranslated: Array<{ text: string; jsonPath: JSONPath }>;
  used: Set<string>;
  replaced: Replacement[];
} {
  const untranslated: Array<{ text: string; jsonPath: JSONPath }> = [];
  const used = new Set<string>();
  const replaced: Replacement[] = [];
  const visit = (node: unknown, at: JSONPath, words: boolean): unknown => {
    if (typeof node === 'string') {
      const kind = translation.strings.has(node) ? 'strings' : translation.values.has(node) ? 'values' : undefined;
      if (kind) {
        used.add(node);
        replaced.push({ jsonPath: at, entry: [kind, node] });
        return translation[kind].get(node)!;
      }
      if (words && node.trim()) untranslated.push({ text: node, jsonPath: at });
      return node;
    }
    if (Array.isArray(node)) return node.map((item, i) => visit(item, [...at, i], words));
    if (node && typeof node === 'object') {
      // Null-prototype copy: keys are the spec's.
      const copy = Object.create(null) as Record<string, unknown>;
      for (const [key, value] of Object.entries(node)) {
        if (FIELD_KEYS.has(key)) {
          copy[key] = value;
          continue;
        }
        // A title object's `text` is a title too, and so is an annotation's note (src/annotate); `data`, `field` and expressions are not words.
        const note = key === 'text' && at[at.length - 2] === 'annotations';
        copy[key] = visit(value, [...at, key], WORDS.has(key) || (words && key === 'text') || note);
      }
      return copy;
    }
    return node;
  };
  const translated = visit(vegaLite, [], false) as Record<string, unknown>;
  return { vegaLite: JSON.parse(JSON.stringify(translated)) as Record<string, unknown>, untranslated, used, replaced };
}

/** Each translation of `strings` that matched nothing: a warning at its key in the translation file. */
export function unusedTranslations(translation: Translation, used: Set<string>): Diagnostic[] {
  return [...translation.strings.keys()]
    .filter((english) => !used.has(english))
    .map((english) => translation.json.diagnostic(['strings', english], messages.locale.translationNotUsed(english), 'warning'));
}
