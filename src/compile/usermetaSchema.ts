// The JSON Schema of citechart's settings in a spec's `usermeta.citechart`.
// Its validator is generated from it ahead of time (usermetaValidator.generated.ts):
// after a change here, run `node scripts/generateValidators.mjs` (a test checks).

export const MIN_ARTBOARD_WIDTH = 200;
export const MAX_ARTBOARD_WIDTH = 4000;
/** The PDF's print widths in mm: a narrow column to a double-page spread (src/render/printWidth.ts). */
export const MIN_PRINT_WIDTH_MM = 20;
export const MAX_PRINT_WIDTH_MM = 1000;

export const usermetaSchema = {
  type: 'object',
  properties: {
    notes: { type: 'array', items: { type: 'string' } },
    credit: { type: 'string' },
    alt: { type: 'string' },
    // Narrower than MIN_ARTBOARD_WIDTH leaves no room for a footer line. An empty list: no artboards, not even the theme's.
    widths: { type: 'array', uniqueItems: true, items: { type: 'integer', minimum: MIN_ARTBOARD_WIDTH, maximum: MAX_ARTBOARD_WIDTH } },
    // Social cards (src/social): false for none, else the theme's presets to draw, by size ("1200x675").
    social: { anyOf: [{ const: false }, { type: 'array', uniqueItems: true, items: { type: 'string', pattern: '^[1-9][0-9]*x[1-9][0-9]*$' } }] },
    darkMode: { enum: ['auto', 'off'] },
    embedFonts: { type: 'boolean' },
    // A BCP 47 tag; whether citechart has its words is checked after (src/locale/readLocale.ts).
    locale: { type: 'string', pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$' },
    // The PDF's print width in mm (src/render/printWidth.ts).
    print: { type: 'object', required: ['widthMm'], additionalProperties: false, properties: { widthMm: { type: 'number', minimum: MIN_PRINT_WIDTH_MM, maximum: MAX_PRINT_WIDTH_MM } } },
  },
};
