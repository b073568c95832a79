// The JSON Schema of citechart's settings in a spec's `usermeta.citechart`.
// Its validator is generated from it ahead of time (usermetaValidator.generated.ts):
// after a change here, run `node scripts/generateValidators.mjs` (a test checks).

export const MIN_ARTBOARD_WIDTH = 200;
export const MAX_ARTBOARD_WIDTH = 4000;
/** The PDF's print widths in mm: a narrow column to a double-page spread (src/render/printWidth.ts). */
export const MIN_PRINT_WIDTH_MM = 20;
export const MAX_PRINT_WIDTH_MM = 1000;

/** At most this many annotations per chart: each is placed by trying candidate positions against every drawn item. */
export const MAX_ANNOTATIONS = 20;

/** At most this many columns in a table: more would not fit a phone, nor be read. */
export const MAX_TABLE_COLUMNS = 12;

const cell = { anyOf: [{ type: 'string' }, { type: 'number' }] };

/** One entry of `annotations` (src/annotate): which properties each `type` takes is checked in readAnnotations. */
const annotationSchema = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: {
    type: { enum: ['text', 'highlight', 'band'] },
    text: { type: 'string', pattern: '\\S' },
    at: { type: 'object', minProperties: 1, additionalProperties: cell },
    field: { type: 'string', pattern: '\\S' },
    values: { type: 'array', minItems: 1, items: cell },
    x: { type: 'array', minItems: 2, maxItems: 2, items: cell },
    y: { type: 'array', minItems: 2, maxItems: 2, items: cell },
  },
};

/** `table` (src/table): a newsroom table in place of the spec's mark. */
const tableSchema = {
  type: 'object',
  required: ['columns'],
  additionalProperties: false,
  properties: {
    columns: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_TABLE_COLUMNS,
      items: {
        type: 'object',
        required: ['field'],
        additionalProperties: false,
        properties: { field: { type: 'string' }, title: { type: 'string' }, format: { type: 'string' }, bar: { type: 'boolean' }, heat: { type: 'boolean' } },
      },
    },
    sort: { type: 'object', required: ['field'], additionalProperties: false, properties: { field: { type: 'string' }, order: { enum: ['ascending', 'descending'] } } },
  },
};

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
    annotations: { type: 'array', maxItems: MAX_ANNOTATIONS, items: annotationSchema },
    table: tableSchema,
  },
};
