import type { ChartSpec } from '../compile/readSpec.js';
import type { Edition } from '../locale/readEdition.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';

/**
 * Where a chart's choice of social cards is written, so that a problem with
 * a card (a name not in the theme, a card left out for want of room) points
 * at the file its editor would change: a translated edition's own
 * `specs/NAME.LANG.json` (at its `social` when it sets one, else at the
 * file's start), since changing the original's `usermeta.citechart.social`
 * would change every edition; else the spec, at its `usermeta.citechart.social`
 * when set, else its start. `where` names the setting for a message (say
 * what to edit); `at(index?)` gives a diagnostic at the setting (or its
 * `index`-th card name).
 */
export function socialSetting(spec: ChartSpec & { edition?: Pick<Edition, 'translation'> }): {
  where: string;
  at(message: string, severity?: Diagnostic['severity'], index?: number): Diagnostic;
} {
  const translation = spec.edition?.translation;
  if (translation) {
    const set = translation.social !== undefined;
    return {
      where: messages.social.settingInEdition(translation.file),
      at: (message, severity, index) => translation.json.diagnostic(set ? ['social', ...(index === undefined ? [] : [index])] : [], message, severity),
    };
  }
  const set = spec.settings.social !== undefined;
  const base = ['usermeta', 'citechart', 'social'];
  return {
    where: messages.social.settingInSpec(),
    at: (message, severity, index) => spec.json.diagnostic(set ? [...base, ...(index === undefined ? [] : [index])] : [], message, severity),
  };
}
