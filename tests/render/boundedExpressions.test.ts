// Issue 9, items 8 and 9: Vega expressions in a spec can neither backtrack
// forever (`regexp('(a+)+$')`, `test(/(a+)+$/, …)`) nor build huge values
// (`sequence(0, 1e9)`, `pad('', 1e9)`).
import { beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { cpuTimed } from '../helpers/cpuTime.js';
import { format, project, sourcesCsv } from '../helpers/project.js';

// 9,000 "a"s then a "b": a backtracking engine tries about 2^9000 ways to split the run.
const LONG = `${'a'.repeat(9_000)}b`;
const table = `label,value,source\n${LONG},1,a\naaa,2,b\naac,3,a\n`;

const draw = (transform: unknown[]) => drawTable(table, transform);

async function drawTable(csv: string, transform: unknown[]) {
  const cwd = await project({
    'data/sources.csv': sourcesCsv('a', 'b'),
    'data/t.csv': csv,
    'specs/c.vl.json': JSON.stringify({
      data: { url: 'data/t.csv' },
      transform,
      mark: 'bar',
      encoding: { x: { field: 'shown', type: 'nominal' }, y: { field: 'value', type: 'quantitative' } },
    }),
  });
  // CPU time, not wall time: "well under a second" must hold on a loaded CI machine too.
  const { result: { chart, diagnostics }, cpuMs } = await cpuTimed(async () => renderChart(await openProject(cwd), 'c', { png: false }));
  return { chart, messages: format(diagnostics), ms: cpuMs };
}

describe('regular expressions in Vega expressions run in linear time', () => {
  // The first chart of a process loads fonts and Vega; the timings below are of the expression work.
  beforeAll(() => draw([{ calculate: 'datum.label', as: 'shown' }]), 90_000);

  it.each([
    ['test() with a regex literal', "test(/(a+)+$/, datum.label)"],
    ['test() with regexp()', "test(regexp('(a+)+$'), datum.label)"],
    ['test() with a string pattern', "test('(a+)+$', datum.label)"],
  ])('%s in a filter finishes in well under a second', async (_, filter) => {
    const { chart, messages, ms } = await draw([{ filter }, { calculate: 'substring(datum.label, 0, 5)', as: 'shown' }]);
    expect(messages).toEqual([]);
    expect(ms).toBeLessThan(1_000);
    // Only "aaa" ends in a run of a's: the chart cites its source alone.
    expect(chart!.entry.sources).toEqual(['b']);
  }, 60_000);

  it('replace() and split() with a catastrophic pattern in calculate finish, with JavaScript results', async () => {
    const { chart, messages, ms } = await draw([
      { calculate: "replace(datum.label, /(a+)+c$/, 'X') + '|' + join(split(datum.label, /(a+)+c/), '/')", as: 'shown' },
      { filter: 'length(datum.label) < 10' },
    ]);
    expect(messages).toEqual([]);
    expect(ms).toBeLessThan(1_000);
    const svg = chart!.svg;
    // As JavaScript: 'aac'.replace(/(a+)+c$/, 'X') is 'X'; 'aac'.split(/(a+)+c/) is ['', 'aa', ''].
    expect(svg).toContain('>X|/aa/<');
    expect(svg).toContain('>aaa|aaa<');
  }, 60_000);

  it('a pattern RE2 cannot run (a backreference) is an error at the expression in the spec', async () => {
    const { chart, messages } = await draw([{ filter: 'test(/(a)\\1/, datum.label)' }, { calculate: 'datum.label', as: 'shown' }]);
    expect(chart).toBeUndefined();
    expect(messages).toEqual([
      'specs/c.vl.json:1:44: error: the regular expression "(a)\\\\1" cannot run in linear time (invalid escape sequence: `\\1`); rewrite it without backreferences or lookaround',
    ]);
  });

  it('one built at run time (not a literal) fails the render, naming the pattern', async () => {
    const { chart, messages } = await draw([{ filter: "test(regexp('(a)' + '\\\\1'), datum.label)" }, { calculate: 'datum.label', as: 'shown' }]);
    expect(chart).toBeUndefined();
    expect(messages).toEqual([expect.stringMatching(/^specs\/c\.vl\.json:\d+:\d+: error: the expression .* fails when the chart is drawn: the regular expression "\(a\)\\\\1" cannot run in linear time/)]);
  });
});

describe('generators in Vega expressions are bounded', () => {
  it('sequence(0, 1e9) is refused before it allocates', async () => {
    const { chart, messages, ms } = await draw([{ calculate: 'length(sequence(0, 1e9))', as: 'shown' }]);
    expect(chart).toBeUndefined();
    expect(messages).toEqual([expect.stringContaining('sequence(0, 1000000000) would make more than 100,000 items')]);
    expect(ms).toBeLessThan(2_000);
  }, 60_000);

  it("pad('', 1e9) is refused before it allocates; a small pad still works", async () => {
    const refused = await draw([{ calculate: "pad('', 1e9, '-')", as: 'shown' }]);
    expect(refused.messages).toEqual([expect.stringContaining('pad(…, 1000000000) would make more than 1,000 characters')]);
    const fine = await draw([{ calculate: "pad('x', 4, '-', 'left') + length(sequence(3))", as: 'shown' }]);
    expect(fine.messages).toEqual([]);
    expect(fine.chart!.svg).toContain('>---x3<');
  }, 60_000);

  it('utcSequence over 30 years in milliseconds is refused; over 10 years in years it works', async () => {
    const refused = await draw([{ calculate: "length(utcSequence('milliseconds', datetime(2000, 0, 1), datetime(2030, 0, 1)))", as: 'shown' }]);
    expect(refused.chart).toBeUndefined();
    expect(refused.messages).toEqual([expect.stringMatching(/utcSequence\("milliseconds", .*\) would make more than 100,000 dates, citechart's limit/)]);
    const fine = await draw([{ calculate: "'n' + length(utcSequence('year', utc(2000, 0, 1), utc(2010, 0, 1)))", as: 'shown' }]);
    expect(fine.messages).toEqual([]);
    expect(fine.chart!.svg).toContain('>n10<');
  }, 60_000);

  it('many small sequences add up: 20 rows × sequence(0, 60000) is refused, 3 rows × 60,000 pass', async () => {
    const refused = await drawTable(`label,value,source\n${Array.from({ length: 20 }, (_, i) => `r${i},${i},a`).join('\n')}\n`, [
      { calculate: "'n' + length(sequence(0, 60000))", as: 'shown' },
    ]);
    expect(refused.chart).toBeUndefined();
    expect(refused.messages).toEqual([expect.stringContaining('sequence(0, 60000) (with the calls before it in this chart) would make more than 1,000,000 items')]);
    const fine = await drawTable('label,value,source\nr0,1,a\nr1,2,a\nr2,3,a\n', [{ calculate: "'n' + length(sequence(0, 60000))", as: 'shown' }]);
    expect(fine.messages).toEqual([]);
    expect(fine.chart!.svg).toContain('>n60000<');
  }, 90_000);
});
