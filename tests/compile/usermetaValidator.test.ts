import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { usermetaSchema } from '../../src/compile/usermetaSchema.js';
// @ts-expect-error: a plain .mjs script, no types
import { GENERATED, usermetaValidatorSource } from '../../scripts/generateValidators.mjs';

describe('the generated usermeta validator', () => {
  it('is the code ajv generates for the current schema (else run scripts/generateValidators.mjs)', () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(usermetaValidatorSource(usermetaSchema));
  });

  it('comes from a valid JSON Schema', () => {
    const ajv = new Ajv();
    expect(ajv.validateSchema(usermetaSchema), ajv.errorsText()).toBe(true);
  });
});
