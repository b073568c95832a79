import { fitsOneWidth } from '../compile/atWidth.js';
import type { ChartSpec } from '../compile/readSpec.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { cardName, themeSocialCards, type SocialCard } from './socialPresets.js';
import { socialSetting } from './socialSetting.js';

/**
 * The social cards a chart is drawn at: the theme's presets, or those the
 * spec's `usermeta.citechart.social` names (`["1200x675"]`), or none with
 * `"social": false`. A name that is not a preset of the theme is an error at
 * its place in the list. A chart Vega-Lite cannot fit to one size (concat,
 * facet) has no cards; asking for some is an error at `social`. A
 * translated edition's own `social` (its translation file) replaces the
 * original's, and its errors point there (socialSetting).
 */
export function chosenCards(spec: Parameters<typeof socialSetting>[0], theme: Record<string, unknown> | undefined): { cards: SocialCard[]; diagnostics: Diagnostic[] } {
  const presets = themeSocialCards(theme);
  const asked = spec.settings.social;
  const setting = socialSetting(spec);
  if (asked === false) return { cards: [], diagnostics: [] };
  if (!fitsOneWidth(spec.vegaLite)) {
    return { cards: [], diagnostics: asked?.length ? [setting.at(messages.social.needsSingleView())] : [] };
  }
  if (asked === undefined) return { cards: presets, diagnostics: [] };
  const byName = new Map(presets.map((card) => [cardName(card), card]));
  const cards: SocialCard[] = [];
  const diagnostics: Diagnostic[] = [];
  asked.forEach((name, index) => {
    const card = byName.get(name);
    if (card) cards.push(card);
    else diagnostics.push(setting.at(messages.social.unknownCard(name, [...byName.keys()]), 'error', index));
  });
  return { cards, diagnostics };
}
