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
