import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';

// The maintained ISO 3166 list (i18n-iso-countries), with the names of the
// languages a chart may be written in. Registered once, here.
const require = createRequire(import.meta.url);
/** Languages whose country names are accepted (`usermeta.citechart.locale`, default "en"; keep in step with compile/usermetaSchema.ts). */
export const COUNTRY_LANGUAGES = ['en', 'ar', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'ru', 'zh'] as const;

/** A language whose country names the list has. */
export type CountryLanguage = (typeof COUNTRY_LANGUAGES)[number];
for (const lang of COUNTRY_LANGUAGES) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));

export default countries;

/** The language of `tag` (BCP 47, `fr-CH` → `fr`) whose country names are read, when the list has them; English otherwise. */
export function countryLanguage(tag: string | undefined): CountryLanguage {
  const language = (tag ?? '').split('-')[0]!.toLowerCase();
  return COUNTRY_LANGUAGES.find((known) => known === language) ?? 'en';
}
