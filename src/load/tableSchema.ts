// The subset of Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/)
// a sidecar `data/NAME.schema.json` may use, as TypeScript types and as the
// JSON Schema ajv checks it against. Anything outside the subset is an error
// rather than ignored: a misspelt `"minimun"` must not pass silently.

export const FIELD_TYPES = ['string', 'number', 'integer', 'boolean', 'date', 'yearmonth', 'year', 'any'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldConstraints {
  required?: boolean;
  minimum?: number | string;
  maximum?: number | string;
  enum?: (string | number | boolean)[];
  pattern?: string;
}

export interface SchemaField {
  name: string;
  type?: FieldType;
  title?: string;
  description?: string;
  decimalChar?: string;
  groupChar?: string;
  bareNumber?: boolean;
  constraints?: FieldConstraints;
}

export interface TableSchema {
  fields: SchemaField[];
  /** The column(s) identifying a row across edits (src/trail/rowKeys.ts). */
  primaryKey?: string | string[];
  /** Cell texts that mean "no value" (Frictionless default: the empty cell). */
  missingValues?: string[];
  /** How the CSV was saved (Frictionless keeps these on the resource; a sidecar is the only place citechart has). */
  encoding?: string;
  dialect?: { delimiter?: string };
}

const char = { type: 'string', minLength: 1, maxLength: 1 };
const bound = { type: ['number', 'string'] };

export const tableSchemaJsonSchema = {
  type: 'object',
  required: ['fields'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
    primaryKey: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } }] },
    missingValues: { type: 'array', items: { type: 'string' } },
    encoding: { type: 'string' },
    dialect: {
      type: 'object',
      additionalProperties: false,
      properties: { delimiter: { type: 'string', enum: [',', ';', '\t', '|'] } },
    },
    fields: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1 },
          type: { enum: FIELD_TYPES },
          format: { const: 'default' },
          title: { type: 'string' },
          description: { type: 'string' },
          example: {},
          rdfType: { type: 'string' },
          decimalChar: char,
          groupChar: char,
          bareNumber: { type: 'boolean' },
          constraints: {
            type: 'object',
            additionalProperties: false,
            properties: {
              required: { type: 'boolean' },
              minimum: bound,
              maximum: bound,
              enum: { type: 'array', minItems: 1, items: { type: ['string', 'number', 'boolean'] } },
              pattern: { type: 'string' },
            },
          },
        },
      },
    },
  },
} as const;
