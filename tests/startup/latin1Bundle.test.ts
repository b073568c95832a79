// Issue 15, peak memory: V8 holds a script's whole source at two bytes a
// character when one character is beyond Latin-1. The snapshot's script
// (2.4 M characters) had five regular expressions with `…`, `–`, `€` that
// esbuild leaves unescaped, and vega.js, which every render worker imports,
// 47 curly quotes and signs: scripts/bundle.mjs escapes them (latin1Only).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations.
import { latin1Only } from '../../scripts/latin1Only.mjs';

const escape = latin1Only as (text: string, file: string) => string;
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

describe('latin1Only', () => {
  it('gives code that computes the same values, in strings, templates, regular expressions and comments', () => {
    const code = [
      '// a comment with an ellipsis … and an arrow →',
      'const s = "em — dash “quoted” café 🌍";',
      'const t = `${s} – ${1 + 1}`;',
      'const r = [/[.!?…。！？]$/u.test("fin。"), /^(n\\/?a|–|—|…)$/i.test("—"), /[%$€£¥₹₽°‰]/.test("12 ₽"), /^🌍$/u.test("🌍"), /^[🌍]$/u.test("🌍"), /[🌍]/.test("\\ud83c")];',
      '/* block comment ≥ */',
    ].join('\n');
    const escaped = escape(code, 'test.js');
    expect(BEYOND_LATIN1.test(escaped)).toBe(false);
    expect(escaped).toContain('café');
    const run = (text: string) => new Function(`${text}; return [s, t, r];`)() as unknown[];
    expect(run(escaped)).toEqual(run(code));
    expect(run(escaped)).toEqual(['em — dash “quoted” café 🌍', 'em — dash “quoted” café 🌍 – 2', [true, true, true, true, true, true]]);
  });

  it('refuses a backslash before such a character, whose escape would mean something else', () => {
    expect(() => escape('const r = /\\…/;', 'dist/bundle/x.js')).toThrow(/dist\/bundle\/x\.js: a backslash before "…" at offset 12/);
  });
});

describe("the build's bundle", () => {
  it('is Latin-1 source: the chunks, the workers, the copies of Vega and Vega-Lite, the snapshot script', () => {
    const bundle = path.resolve('dist/bundle');
    const files = readdirSync(bundle).filter((name) => /\.c?js$/.test(name));
    expect(files).toEqual(expect.arrayContaining(['snapshotEntry.cjs', 'renderWorker.js', 'vega.js', 'vega-lite.js']));
    for (const name of files) expect([name, BEYOND_LATIN1.test(readFileSync(path.join(bundle, name), 'utf8'))]).toEqual([name, false]);
  });
});
