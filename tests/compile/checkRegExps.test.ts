// Issue 9, item 9: a regular expression RE2 cannot run is an error at the
// expression that holds it, found when the spec is read.
import { describe, expect, test } from 'vitest';
import { readSpec } from '../../src/compile/readSpec.js';
import { format, project } from '../helpers/project.js';

async function problems(spec: Record<string, unknown>) {
  const cwd = await project({ 'specs/c.vl.json': JSON.stringify({ data: { url: 'data/t.csv' }, mark: 'bar', ...spec }, null, 2) });
  return format((await readSpec(cwd, 'c')).diagnostics);
}

describe('checkRegExps', () => {
  test('a lookahead in regexp() inside calculate, and a backreference literal in a param expression, at their strings', async () => {
    expect(
      await problems({
        transform: [{ calculate: "test(regexp('x(?=a)'), datum.y) ? 1 : 0", as: 'z' }],
        params: [{ name: 'p', expr: "replace('ab', /(a)\\1/g, 'c')" }],
      }),
    ).toEqual([
      expect.stringMatching(/^specs\/c\.vl\.json:8:7: error: the regular expression "x\(\?=a\)" cannot run in linear time/),
      expect.stringMatching(/^specs\/c\.vl\.json:15:7: error: the regular expression "\(a\)\\\\1" cannot run in linear time/),
    ]);
  });

  test('catastrophic but RE2-compatible patterns, titles with slashes and plain-text replace() pass', async () => {
    expect(
      await problems({
        title: 'Exports / imports (test(x))',
        transform: [{ filter: "test(/(a+)+$/, datum.y) && replace(datum.y, '(?=', '') != ''" }],
        encoding: { x: { field: 'a/b', type: 'nominal' } },
      }),
    ).toEqual([]);
  });
});
