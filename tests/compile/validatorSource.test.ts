// Issue 15, peak memory: V8 keeps a script's source in memory as two bytes
// per character as soon as one character is beyond Latin-1, and the
// generated Vega-Lite validator (9 MB) had ≈250 dashes and curly quotes from
// the schema's descriptions: an 18 MB string in the build's main thread.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations.
import { latin1Source, VEGA_LITE_VALIDATOR } from '../../scripts/generateVegaLiteValidator.mjs';

const require = createRequire(import.meta.url);

describe('the generated validator is Latin-1 source', () => {
  it('has no character above U+00FF, and still checks specs', () => {
    const source = readFileSync(VEGA_LITE_VALIDATOR as string, 'utf8');
    expect(source.length).toBeGreaterThan(1_000_000);
    expect(/[^\u0000-\u00ff]/.test(source)).toBe(false);
    const validators = require(VEGA_LITE_VALIDATOR as string) as { spec: (value: unknown) => boolean };
    expect(validators.spec({ mark: 'bar', data: { values: [] } })).toBe(true);
    expect(validators.spec({ mark: 'nope' })).toBe(false);
  });

  it('escapes only characters above Latin-1, to the same strings', () => {
    const code = 'const a = "em — dash “quoted” café π 🌍"; const b = /[–—]/.test("x–y");';
    const escaped = (latin1Source as (code: string) => string)(code);
    expect(escaped).toContain('café');
    expect(/[^\u0000-\u00ff]/.test(escaped)).toBe(false);
    const run = (text: string) => new Function(`${text}; return [a, b];`)() as [string, boolean];
    expect(run(escaped)).toEqual(run(code));
    expect(run(escaped)).toEqual(['em — dash “quoted” café π 🌍', true]);
  });
});
