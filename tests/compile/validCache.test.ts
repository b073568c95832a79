// Issue 15: a spec found valid is not checked against the schema again (the
// validator's 9 MB of code stays unloaded); an invalid one always is.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readSpec } from '../../src/compile/readSpec.js';
import { knownValid } from '../../src/compile/validCache.js';
import { formatDiagnostic } from '../../src/errors.js';
import { barSpec, makeProject, minimalProject } from '../helpers/fixtureProject.js';

const SPEC = 'specs/exports.vl.json';

async function read(text: string) {
  const { diagnostics } = await readSpec(makeProject({ ...minimalProject, [SPEC]: text }), 'exports');
  return diagnostics.map(formatDiagnostic);
}

describe('validCache', () => {
  it('remembers a valid spec by its text, and only a valid one', async () => {
    // A description no earlier run has seen, so the texts are new to the cache.
    const spec = JSON.parse(barSpec());
    spec.description = randomUUID();
    const valid = JSON.stringify(spec, null, 2);
    const invalid = JSON.stringify({ ...spec, encoding: 'x' }, null, 2);
    expect(knownValid('spec', valid)).toBe(false);
    expect(await read(valid)).toEqual([]);
    expect(knownValid('spec', valid)).toBe(true);
    expect(await read(valid)).toEqual([]);
    const first = await read(invalid);
    expect(first.some((line) => line.includes('error'))).toBe(true);
    expect(knownValid('spec', invalid)).toBe(false);
    expect(await read(invalid)).toEqual(first);
  });
});
