// Review (round 10): an edition's `values` (and `strings`) had no limit on
// their count or on a translation's length: a label's translation of any
// length was drawn, and a file of a million entries was read whole. Each
// limit is tested at its value and one past it, at its place in the file.
import { describe, expect, test } from 'vitest';
import { LIMITS } from '../../src/limits.js';
import { readTranslation } from '../../src/locale/readTranslation.js';
import * as messages from '../../src/messages.js';
import { positionOf } from '../helpers/fixtureProject.js';
import { format, project } from '../helpers/project.js';

async function read(translation: unknown) {
  const text = JSON.stringify(translation, null, 2);
  const cwd = await project({ 'specs/c.fr.json': text });
  const { translation: read, diagnostics } = await readTranslation(cwd, 'c.fr');
  return { text, read, said: format(diagnostics) };
}
const at = (text: string, needle: string) => {
  const { line, column } = positionOf(text, needle);
  return `specs/c.fr.json:${line}:${column}`;
};
const entries = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`label ${i}`, `étiquette ${i}`]));

describe("an edition's translations", () => {
  for (const key of ['values', 'strings'] as const) {
    test(`"${key}": LIMITS.translationEntries entries are read, one more is an error at "${key}"`, async () => {
      const full = await read({ [key]: entries(LIMITS.translationEntries) });
      expect(full.said).toEqual([]);
      expect(full.read![key].size).toBe(LIMITS.translationEntries);
      const over = await read({ [key]: entries(LIMITS.translationEntries + 1) });
      expect(over.read).toBeUndefined();
      expect(over.said).toEqual([`${at(over.text, `"${key}"`)}: error: ${messages.locale.tooManyTranslations(key, LIMITS.translationEntries + 1, LIMITS.translationEntries)}`]);
      expect(over.said[0]).toContain('100,001 entries');
    });

    test(`a translation in "${key}" of LIMITS.translationChars characters is read, one more is an error at its entry`, async () => {
      const full = await read({ [key]: { Chile: 'c'.repeat(LIMITS.translationChars) } });
      expect(full.said).toEqual([]);
      expect(full.read![key].get('Chile')).toHaveLength(LIMITS.translationChars);
      const over = await read({ [key]: { Norway: 'Norvège', Chile: 'c'.repeat(LIMITS.translationChars + 1) } });
      expect(over.read).toBeUndefined();
      expect(over.said).toEqual([`${at(over.text, '"Chile"')}: error: ${messages.locale.translationTooLong('Chile', LIMITS.translationChars + 1, LIMITS.translationChars)}`]);
    });
  }
});
