// Issue 9, item 9: a sidecar `pattern` that backtracks catastrophically
// (`(a+)+$`) hung `check` forever on a long cell. Patterns now run on RE2,
// in time linear in the cell; a pattern RE2 cannot run is refused where it is written.
import { beforeAll, describe, expect, test } from 'vitest';
import { readCitedTable } from '../../src/load/index.js';
import { matchesWhole, splitLinear } from '../../src/linearRegExp.js';
import type { Source } from '../../src/model.js';
import { cpuTimed } from '../helpers/cpuTime.js';
import { format, project } from '../helpers/project.js';

const sources = new Map([['s', { id: 's' } as Source]]);

async function read(csv: string, schema: unknown) {
  const cwd = await project({ 'data/t.csv': csv, 'data/t.schema.json': JSON.stringify(schema, null, 2) });
  const { table, diagnostics } = await readCitedTable(cwd, 'data/t.csv', sources);
  return { table, messages: format(diagnostics) };
}

describe('sidecar pattern', () => {
  // The first read of a process loads polars and ajv; the timing below is of the matching.
  beforeAll(() => read('code,source\na,s\n', { fields: [{ name: 'code', constraints: { pattern: 'a' } }] }), 20_000);

  test('(a+)+$ against 9,000 "a"s and a "b" finishes in well under a second', async () => {
    const cell = `${'a'.repeat(9_000)}b`;
    // CPU time, not wall time: the same on a loaded CI machine; backtracking would take years of it.
    const { result: { messages }, cpuMs } = await cpuTimed(() => read(`code,source\n${cell},s\naaa,s\n`, { fields: [{ name: 'code', constraints: { pattern: '(a+)+$' } }] }));
    expect(cpuMs).toBeLessThan(1_000);
    const matching = await cpuTimed(() => matchesWhole('(a+)+$', cell));
    expect(matching.result).toBe(false);
    expect(matching.cpuMs).toBeLessThan(200);
    expect(messages).toEqual([expect.stringMatching(/^data\/t\.csv:2:1: error: "a{200}…" \(9,001 characters\) in column "code" does not match the pattern "\(a\+\)\+\$"/)]);
  }, 30_000);

  test('a backreference or a lookahead is refused at the pattern in the sidecar', async () => {
    const { messages } = await read('code,source\naa,s\n', {
      fields: [{ name: 'code', constraints: { pattern: '(a)\\1' } }],
    });
    expect(messages).toEqual([
      expect.stringMatching(/^data\/t\.schema\.json:6:9: error: "pattern" "\(a\)\\\\1" cannot be checked in linear time \(invalid escape sequence: `\\1`\)/),
    ]);
  });

  test('matches the whole cell, as a Table Schema pattern does', () => {
    expect(matchesWhole('[A-Z]{2}', 'FR')).toBe(true);
    expect(matchesWhole('[A-Z]{2}', 'FRA')).toBe(false);
    expect(matchesWhole('a|b', 'ab')).toBe(false);
  });
});

describe('splitLinear follows String.prototype.split', () => {
  const cases: [string, RegExp, number?][] = [
    ['a1b22c', /\d+/],
    ['a1b22c', /(\d)+/],
    ['abc', /(?:)/],
    ['', /x/],
    ['', /(?:)/],
    ['a,b,,c,', /,/],
    ['a,b,c', /,/, 2],
    ['aXbxc', /x/i],
  ];
  test.each(cases)('%s split by %s', (text, separator, limit) => {
    expect(splitLinear(text, separator, limit)).toEqual(text.split(separator, limit));
  });
});
