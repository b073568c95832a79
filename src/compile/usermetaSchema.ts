// The JSON Schema of citechart's settings in a spec's `usermeta.citechart`.
// Its validator is generated from it ahead of time (usermetaValidator.generated.ts):
// after a change here, run `node scripts/generateValidators.mjs` (a test checks).

export const MIN_ARTBOARD_WIDTH = 200;
export const MAX_ARTBOARD_WIDTH = 4000;

export const usermetaSchema = {
  type: 'object',
  properties: {
    notes: { type: 'array', items: { type: 'string' } },
    credit: { type: 'string' },
    alt: { type: 'string' },
    // Narrower than MIN_ARTBOARD_WIDTH leaves no room for a footer line. An empty list: no artboards, not even the theme's.
    widths: { type: 'array', uniqueItems: true, items: { type: 'integer', minimum: MIN_ARTBOARD_WIDTH, maximum: MAX_ARTBOARD_WIDTH } },
    darkMode: { enum: ['auto', 'off'] },
    embedFonts: { type: 'boolean' },
    // The language of a map's country names (src/geo/countryList.ts): the names i18n-iso-countries has.
    locale: { enum: ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'ru', 'zh'] },
  },
};
