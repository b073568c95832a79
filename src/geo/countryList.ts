import { createRequire } from 'node:module';

// The maintained ISO 3166 list (i18n-iso-countries), with the names of the
// languages a chart may be written in. Registered once, here, on first use:
// only maps need it, and loading it reads a file per language (~100), which
// a chart without a map should not pay for, nor the startup snapshot hold
// (src/startup/snapshotEntry.ts: no package files are read while it is made).
const require = createRequire(import.meta.url);
/** Languages whose country names are accepted (`usermeta.citechart.locale`, default "en"; keep in step with compile/usermetaSchema.ts). */
export const COUNTRY_LANGUAGES = ['en', 'ar', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'ru', 'zh'] as const;

/** A language whose country names the list has. */
export type CountryLanguage = (typeof COUNTRY_LANGUAGES)[number];
type Countries = typeof import('i18n-iso-countries');
let countries: Countries | undefined;

/** i18n-iso-countries with the names of COUNTRY_LANGUAGES registered (loaded on the first call). */
export function countryList(): Countries {
  if (!countries) {
    const list = require('i18n-iso-countries') as Countries;
    for (const lang of COUNTRY_LANGUAGES) list.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
    countries = list;
  }
  return countries;
}

/** The language of `tag` (BCP 47, `fr-CH` → `fr`) whose country names are read, when the list has them; English otherwise. */
export function countryLanguage(tag: string | undefined): CountryLanguage {
  const language = (tag ?? '').split('-')[0]!.toLowerCase();
  return COUNTRY_LANGUAGES.find((known) => known === language) ?? 'en';
}
