import { readLocale, type Locale } from './readLocale.js';

/**
 * The locale a chart is written in: its spec's `usermeta.citechart.locale`,
 * else the theme's `locale`, else the default (English, today's output).
 * Both tags were checked when read (readUsermeta, readTheme).
 */
export function chartLocale(specTag: string | undefined, theme: Record<string, unknown> | undefined): Locale {
  const themeTag = typeof theme?.locale === 'string' ? theme.locale : undefined;
  return readLocale(specTag ?? themeTag);
}
