// A translation file is text a translator pastes into: a directional override
// in it (U+202E) would draw the rest of a footer line backwards, as one in a
// spec or a CSV cell would. Those are removed with a warning; so are these.
import { describe, expect, it } from 'vitest';
import { readTranslation } from '../../src/locale/readTranslation.js';
import { makeProject } from '../helpers/fixtureProject.js';
import { format } from '../helpers/project.js';
import * as messages from '../../src/messages.js';

describe('readTranslation', () => {
  it('removes directional overrides from translations and the translator, with a warning at each', async () => {
    const text = '{\n  "strings": {"Title": "Titre \u202Eevil"},\n  "translator": "Bob \\u202E"\n}\n';
    const cwd = makeProject({ 'specs/chart.fr.json': text });
    const { translation, diagnostics } = await readTranslation(cwd, 'chart.fr');
    expect(translation?.strings.get('Title')).toBe('Titre evil');
    expect(translation?.translator).toBe('Bob ');
    expect(format(diagnostics)).toEqual([
      'specs/chart.fr.json:2:31: warning: a right-to-left override (U+202E) was removed here: it would reorder the text around it (a right-to-left override draws the rest of the line backwards); delete it from the file',
      'specs/chart.fr.json:3:22: warning: a right-to-left override (U+202E) was removed here: it would reorder the text around it (a right-to-left override draws the rest of the line backwards); delete it from the file',
    ]);
  });

  // A misspelt key was ignored without a word: "translater" dropped the
  // translator's credit from the edition's footer, and build exited 0.
  it('an unknown key is an error at it, with the nearest key', async () => {
    const text = '{\n  "strings": {"Title": "Titre"},\n  "translater": "Bob",\n  "zzz": 1\n}\n';
    const cwd = makeProject({ 'specs/chart.fr.json': text });
    const { translation, diagnostics } = await readTranslation(cwd, 'chart.fr');
    expect(translation).toBeUndefined();
    const keys = ['strings', 'values', 'translator', 'social'];
    expect(format(diagnostics)).toEqual([
      `specs/chart.fr.json:3:3: error: ${messages.locale.translationUnknownKey('translater', keys, 'translator')}`,
      `specs/chart.fr.json:4:3: error: ${messages.locale.translationUnknownKey('zzz', keys)}`,
    ]);
  });
});

// The French map's subtitle wrapped before its ";" ("l'article / ; en bleu"):
// the translator typed a plain space there (a Reuters/FT review).
describe('a French edition’s spaces before high punctuation', () => {
  const text = JSON.stringify({ strings: { 'A; b: c!': 'A ; b : c\u00a0! « d » 12:30 https://x.org' }, values: { Why: 'Pourquoi ?' } });

  it('are narrow no-break spaces (U+202F), in strings and values; no space is added where none was typed', async () => {
    const cwd = makeProject({ 'specs/chart.fr.json': text, 'specs/chart.fr-CA.json': text });
    for (const edition of ['chart.fr', 'chart.fr-CA']) {
      const { translation } = await readTranslation(cwd, edition);
      expect(translation?.strings.get('A; b: c!')).toBe('A\u202f; b\u202f: c\u202f! «\u202fd\u202f» 12:30 https://x.org');
      expect(translation?.values.get('Why')).toBe('Pourquoi\u202f?');
    }
  });

  it('are left as typed in another language’s edition', async () => {
    const cwd = makeProject({ 'specs/chart.de.json': text });
    const { translation } = await readTranslation(cwd, 'chart.de');
    expect(translation?.strings.get('A; b: c!')).toBe('A ; b : c\u00a0! « d » 12:30 https://x.org');
  });
});
