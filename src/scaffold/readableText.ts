import { MIN_PHONE_TEXT } from '../lint/smallText.js';

/**
 * The `config` a scaffolded spec needs so `check` does not warn of its text
 * at once: Vega-Lite draws axis and legend labels at 10 px by default, under
 * the 11-px phone minimum (lint/smallText.ts), so in a project whose theme
 * sets no label size every chart `new` wrote drew its labels too small.
 * Only what the house theme (`specs/theme.json`) leaves unset is set here,
 * so a desk's own sizes still win; `{}` when it sets them all.
 */
export function readableTextConfig(theme: Record<string, unknown> | undefined): { config?: Record<string, unknown> } {
  const config: Record<string, unknown> = {};
  for (const part of ['axis', 'legend']) {
    const own = theme?.[part];
    const set = !!own && typeof own === 'object' && (own as Record<string, unknown>).labelFontSize !== undefined;
    if (!set) config[part] = { labelFontSize: MIN_PHONE_TEXT };
  }
  return Object.keys(config).length ? { config } : {};
}
