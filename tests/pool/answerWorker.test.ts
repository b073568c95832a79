import { describe, expect, it } from 'vitest';
import { answerWorker } from '../../src/pool/answerWorker.js';
import { knownValid } from '../../src/compile/validCache.js';

// The main thread's answers to render workers (askMainThread): schema checks here.
describe('answerWorker', () => {
  const valid = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', mark: 'bar', data: { values: [] } };

  it('checks a spec against the schema and remembers a valid text', async () => {
    const text = `${JSON.stringify(valid)} // ${Date.now()} ${Math.random()}`;
    expect(knownValid('spec', text)).toBe(false);
    expect(await answerWorker({ valid: { kind: 'spec', text, value: valid } })).toBe(true);
    expect(knownValid('spec', text)).toBe(true);
  });

  it('answers false for an invalid spec and remembers nothing', async () => {
    const text = `{"mark":"barr"} // ${Date.now()} ${Math.random()}`;
    expect(await answerWorker({ valid: { kind: 'spec', text, value: { ...valid, mark: 'barr' } } })).toBe(false);
    expect(knownValid('spec', text)).toBe(false);
  });

  it('refuses a request of no known shape', async () => {
    await expect(answerWorker({ other: 1 })).rejects.toThrow(/does not answer/);
  });
});
