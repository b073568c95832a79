// A count and its noun agree in every message citechart writes: "1 cells"
// was seen in a ragged-row error (review, h9). Each case below wrote the
// plural for one thing before the shared helper (src/countNoun.ts).
import { describe, expect, test, vi } from 'vitest';
import { countOf, noun } from '../../src/countNoun.js';
import * as messages from '../../src/messages.js';
import { readCitedTable } from '../../src/load/index.js';
import type { Source } from '../../src/model.js';
import { format, project } from '../helpers/project.js';
import { explainPushdown } from '../../src/bigtable/explainPushdown.js';

describe('countOf / noun (Intl.PluralRules, English)', () => {
  test.each([
    [0, '0 cells'],
    [1, '1 cell'],
    [1.5, '1.5 cells'],
    [2, '2 cells'],
    [12000, '12,000 cells'],
  ])('countOf(%d, "cell") is %j', (count, written) => expect(countOf(count, 'cell')).toBe(written));
  test('an irregular plural', () => {
    expect(countOf(1, 'entry', 'entries')).toBe('1 entry');
    expect(countOf(3, 'entry', 'entries')).toBe('3 entries');
    expect(noun(1, 'is', 'are')).toBe('is');
    expect(noun(2, 'is', 'are')).toBe('are');
  });
});

describe('countOf writes whole counts with d3-format, as Intl.NumberFormat does (issue 15, item 3)', () => {
  test('the same figures as Intl.NumberFormat("en-US") from 0 to Number.MAX_SAFE_INTEGER', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });
    const counts = [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 9999, 10000, 123456, 999999, 1000000, 1234567, 2 ** 31, 2 ** 32 + 7, 1e15, Number.MAX_SAFE_INTEGER];
    for (let n = 1; n < Number.MAX_SAFE_INTEGER / 7; n = n * 7 + 3) counts.push(n);
    for (const count of counts) expect(countOf(count, 'row')).toBe(`${intl.format(count)} ${count === 1 ? 'row' : 'rows'}`);
  });
  test('fractions, negatives and counts beyond the safe integers are still Intl.NumberFormat\'s', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });
    for (const count of [0.1, 1.5, 1234.5678, -1, -1234, 2 ** 60, 1e21, -0]) expect(countOf(count, 'cell')).toBe(`${intl.format(count)} ${noun(count, 'cell')}`);
  });
  test('a whole count asks no Intl.NumberFormat (its first use in a process: ≈12 ms of a one-chart build)', async () => {
    vi.resetModules();
    const made = vi.spyOn(Intl, 'NumberFormat');
    try {
      const fresh = await import('../../src/countNoun.js');
      expect(fresh.countOf(1, 'chart')).toBe('1 chart');
      expect(fresh.countOf(1200, 'chart')).toBe('1,200 charts');
      expect(made).not.toHaveBeenCalled();
    } finally {
      made.mockRestore();
    }
  });
});

describe('messages with a count of one', () => {
  test('a CSV row of one cell under a header of one column', async () => {
    const cwd = await project({ 'data/t.csv': 'a,b,source\n1\n' });
    const { diagnostics } = await readCitedTable(cwd, 'data/t.csv', new Map([['s', { id: 's' } as Source]]));
    const said = format(diagnostics).join('\n');
    expect(said).toContain('row has 1 cell but the header has 3');
    expect(said).not.toMatch(/\b1 cells\b/);
  });
  test.each([
    ['raggedRow', messages.load.raggedRow(1, 1), 'row has 1 cell but the header has 1;'],
    ['bigTableEmptySources', messages.load.bigTableEmptySources(1), '1 row has an empty "source" cell (this one)'],
    ['bigTableMoreCellErrors', messages.load.bigTableMoreCellErrors(1, 50), 'and 1 more cell that is not a number'],
    ['summary', messages.build.summary(1, 0), '1 chart built'],
    ['buildSummary', messages.build.buildSummary({ built: 1, upToDate: 0, failed: 0, seconds: 1 }), '1 chart built in 1.0 s'],
    ['checkSummary', messages.build.checkSummary(1, 1), '1 error, 1 warning'],
    ['moreProblems', messages.build.moreProblems(1, 'data/t.csv', 50), 'and 1 more problem like these'],
    ['shard built', messages.shard.built('1/1', 1, 1, 'f'), 'shard 1/1: 1 of 1 chart;'],
    ['shard merged', messages.shard.merged(1, 1, 'f'), 'merged 1 shard manifest: 1 chart in f'],
    ['otherInputs', messages.shard.otherInputs(['data/a.csv']), 'differs;'],
    ['galleryIntro', messages.preview.galleryIntro(1), '1 chart as published'],
    ['verify summary', messages.verify.summary(0, 0, 1, 1), '1 not a citechart graphic, 1 error'],
    ['severalRows', messages.annotate.severalRows('"x"', 1, []), '1 row has "x"'],
    ['tooManyTransforms', messages.spec.tooManyTransforms(1, 0), 'the spec has 1 transform,'],
    ['imputeOverLimit', messages.spec.imputeOverLimit(1, 1, 0), 'impute over 1 key in each of 1 group would make 1 row,'],
  ])('%s', (_name, said, expected) => {
    expect(said).toContain(expected);
    expect(said).not.toMatch(/\b1 (cells|rows|charts|errors|warnings|problems|manifests|transforms|keys|groups|marks)\b/);
  });
  test('build --explain of a table with one row', () => {
    const said = explainPushdown('c', [{ file: 'data/big.csv', kind: 'csv', rowsRead: 1, rowsToVega: 1, plan: { steps: [], left: [] } } as never], 1);
    expect(said).toContain('data/big.csv (1 row)');
    expect(said).toContain('Vega: 1 row in');
    expect(said).toContain('draws 1 row (cited');
  });
});
