import { MIN_PHONE_TEXT } from '../lint/smallText.js';

/**
 * The `config` a scaffolded spec needs so `check` does not warn of its text
 * at once: Vega-Lite draws axis and legend labels at 10 px by default, under
 * the 11-px phone minimum (lint/smallText.ts), so in a project whose theme
 * sets no label size every chart `new` wrote drew its labels too small.
 * (Room between axis labels is compile's to give, labelSeparation.ts, to
 * every chart alike.) Only what the house theme (`specs/theme.json`) leaves unset is set here,
 * so a desk's own sizes still win; `{}` when it sets them all.
 */
export function readableTextConfig(theme: Record<string, unknown> | undefined): { config?: Record<string, unknown> } {
  const config: Record<string, unknown> = {};
  const unset = (part: string, key: string) => {
    const own = theme?.[part];
    return !(own && typeof own === 'object' && (own as Record<string, unknown>)[key] !== undefined);
  };
  for (const part of ['axis', 'legend']) {
    const settings: Record<string, unknown> = {};
    if (unset(part, 'labelFontSize')) settings.labelFontSize = MIN_PHONE_TEXT;
    if (Object.keys(settings).length) config[part] = settings;
  }
  return Object.keys(config).length ? { config } : {};
}
