import { closest, distance } from 'fastest-levenshtein';
import { readJsonFile, type JsonFile } from '../compile/readJsonFile.js';
import { stripSpecBidi } from '../compile/stripSpecBidi.js';
import { LIMITS } from '../limits.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { editionOf, translationFile } from './editionName.js';
import { frenchSpacing, isFrench } from './frenchSpacing.js';

/**
 * A translated edition's file, `specs/NAME.LANG.json`:
 *
 *   { "strings": { "English text of the spec": "its translation", … },
 *     "values":  { "English label in the data": "its translation", … },
 *     "translator": "who translated the graphic (optional, credited in the footer)",
 *     "social": ["1080x1080"] }
 *
 * `social` (optional: false, or the theme's card sizes) chooses this
 * edition's social cards instead of the original's `usermeta.citechart.social`:
 * a card the translated words leave no room for is left out of this edition
 * only, in the file its editor edits. Maps, not plain objects: the keys are
 * the user's text.
 */
export interface Translation {
  file: string;
  json: JsonFile;
  strings: Map<string, string>;
  values: Map<string, string>;
  translator: string;
  /** This edition's own choice of social cards (see above); absent, the original's. */
  social?: false | string[];
}

/** The keys a translation file may hold (see above). */
const KEYS: readonly string[] = ['strings', 'values', 'translator', 'social'];

/**
 * Reads and checks an edition's translation file; an unknown key, a wrong
 * shape, a `strings` or `values` of more than LIMITS.translationEntries
 * entries, or a translation over LIMITS.translationChars characters is an
 * error at its place in the file.
 */
export async function readTranslation(cwd: string, edition: string): Promise<{ translation?: Translation; diagnostics: Diagnostic[] }> {
  const file = translationFile(edition);
  const { json, diagnostics } = await readJsonFile(cwd, file);
  if (!json) return { diagnostics };
  // Directional overrides pasted into a translation reorder the graphic's text: removed with a warning, as from a spec.
  for (const warning of stripSpecBidi(json)) diagnostics.push(warning);
  const root = json.value;
  if (!isObject(root)) return { diagnostics: [json.diagnostic([], messages.locale.translationShape())] };
  const problems: Diagnostic[] = [];
  // A misspelt key (`"translater"`) would drop the translator's credit from the footer without a word.
  for (const key of Object.keys(root)) {
    if (KEYS.includes(key)) continue;
    const guess = closest(key, [...KEYS]);
    const near = distance(key.toLowerCase(), guess) <= Math.max(2, Math.ceil(key.length / 3));
    problems.push(json.diagnostic([key], messages.locale.translationUnknownKey(key, KEYS, near ? guess : undefined), 'error'));
  }
  // A French edition's words get French spaces before ; : ! ? (frenchSpacing.ts).
  const french = isFrench(editionOf(edition)?.tag ?? '');
  const map = (key: 'strings' | 'values') => {
    const found = new Map<string, string>();
    const value = root[key];
    if (value === undefined) return found;
    if (!isObject(value)) {
      problems.push(json.diagnostic([key], messages.locale.translationShape()));
      return found;
    }
    // Counted before any is read: a file of a million entries stops here (src/limits.ts).
    const entries = Object.keys(value).length;
    if (entries > LIMITS.translationEntries) {
      problems.push(json.diagnostic([key], messages.locale.tooManyTranslations(key, entries, LIMITS.translationEntries)));
      return found;
    }
    for (const [english, translated] of Object.entries(value)) {
      if (typeof translated !== 'string') problems.push(json.diagnostic([key, english], messages.locale.translationNotText(english)));
      else if (translated.length > LIMITS.translationChars) problems.push(json.diagnostic([key, english], messages.locale.translationTooLong(english, translated.length, LIMITS.translationChars)));
      else found.set(english, french ? frenchSpacing(translated) : translated);
    }
    return found;
  };
  const strings = map('strings');
  const values = map('values');
  const translator = root.translator;
  if (translator !== undefined && typeof translator !== 'string') problems.push(json.diagnostic(['translator'], messages.locale.translationShape()));
  const social = root.social;
  const socialOk = social === undefined || social === false || (Array.isArray(social) && social.every((name) => typeof name === 'string'));
  if (!socialOk) problems.push(json.diagnostic(['social'], messages.locale.translationSocial(JSON.stringify(social))));
  if (problems.length) return { diagnostics: diagnostics.concat(problems) };
  const translation: Translation = { file, json, strings, values, translator: typeof translator === 'string' ? translator : '' };
  if (social !== undefined) translation.social = social as false | string[];
  return { translation, diagnostics };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
