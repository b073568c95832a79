// A spec node of the wrong JSON type (found by an adversarial pass after
// issue 9): citechart's own walkers ran on it before Vega-Lite and crashed
// `check` for the whole project (exit 70, a stack trace), and where they did
// not, Vega-Lite dropped the node and the chart drew without it, or Vega
// failed with text naming no place. Each is now the schema's error at the node.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeProject } from '../helpers/fixtureProject.js';
import { sourcesCsv } from '../helpers/project.js';

const bar = { data: { url: 'data/t.csv' }, mark: 'bar', encoding: { x: { field: 'k', type: 'nominal' }, y: { field: 'v', type: 'quantitative', title: 'V (%)' } } };
// `at` is the text the error points at: the key of the misshapen node (line 1, as the spec is one line).
const cases: Record<string, { spec: unknown; at: string; says: RegExp }> = {
  'encoding-string': { spec: { ...bar, encoding: 'x' }, at: '"encoding":"x"', says: /not valid Vega-Lite: encoding is the text "x", but must be an object/ },
  'layer-encoding-number': { spec: { data: { url: 'data/t.csv' }, layer: [{ mark: 'bar', encoding: 5 }] }, at: '"encoding":5', says: /not valid Vega-Lite: layer\[0\]\.encoding is the number 5, but must be an object/ },
  'domain-string': {
    spec: { ...bar, encoding: { ...bar.encoding, y: { ...bar.encoding.y, scale: { domain: 'abc' } } } },
    at: '"domain"',
    says: /not valid Vega-Lite: encoding\.y\.scale\.domain is the text "abc", but must be/,
  },
  'field-expr': {
    spec: { ...bar, encoding: { ...bar.encoding, y: { ...bar.encoding.y, field: { expr: '1/0' } } } },
    at: '"expr"',
    says: /not valid Vega-Lite: encoding\.y\.field/,
  },
  // Vega's runtime errors: raw JavaScript text at the spec's top before.
  'expression-reads-nothing': {
    spec: { ...bar, transform: [{ filter: 'datum.k.deeper.x > 1' }] },
    at: '"filter"',
    says: /the expression "datum\.k\.deeper\.x > 1" fails when the chart is drawn: it reads "x" of a value that does not exist/,
  },
  // A field of no column, undefined in every row: found before drawing (it would keep or drop every row silently).
  'expression-reads-no-column': {
    spec: { ...bar, transform: [{ filter: 'datum.nope.deeper > 1' }] },
    at: '"filter"',
    says: /datum\.nope reads no column of data\/t\.csv/,
  },
  'bad-format': {
    spec: { ...bar, encoding: { ...bar.encoding, y: { ...bar.encoding.y, axis: { format: '%%%zz' } } } },
    at: '"format"',
    says: /"%%%zz" is not a format d3 can read/,
  },
  // Vega takes a text that is exactly a built-in name for a signal: "Operator not defined: undefined" before.
  'title-builtin-name': { spec: { ...bar, title: 'toString' }, at: '"title":"toString"', says: /Vega cannot draw a text that is exactly "toString"/ },
};

describe('a spec node of the wrong type', () => {
  it('is an error at the node in check and build alike, never a crash of the whole check', async () => {
    const files: Record<string, string> = {
      'data/sources.csv': sourcesCsv('s1'),
      'data/t.csv': 'k,v,source\na,10,s1\nb,80,s1\n',
      'specs/good.vl.json': JSON.stringify(bar),
    };
    for (const [name, { spec }] of Object.entries(cases)) files[`specs/${name}.vl.json`] = JSON.stringify(spec);
    const cwd = makeProject(files);
    const checked = await runCli(['check'], { cwd });
    const built = await runCli(['build', '--formats', 'svg', '--jobs', '1'], { cwd });
    for (const result of [checked, built]) {
      expect(result.code).toBe(1);
      expect(result.errLines.filter((l) => l.includes(': error: '))).toHaveLength(Object.keys(cases).length);
      expect(result.stderr).not.toMatch(/internal error|TypeError|\n\s+at /);
      for (const [name, { spec, at, says }] of Object.entries(cases)) {
        const column = JSON.stringify(spec).indexOf(at) + 1;
        expect(column).toBeGreaterThan(0);
        const line = result.errLines.find((l) => l.startsWith(`specs/${name}.vl.json:`));
        expect(line, name).toMatch(new RegExp(`^specs/${name}\\.vl\\.json:1:${column}: error: ${says.source}`));
      }
    }
    expect(built.stdout).toMatch(new RegExp(`1 chart built, ${Object.keys(cases).length} failed`));
    // One error per failed chart: not Vega's aftermath ("reading 'marktype'") as well.
    expect(checked.stderr).not.toMatch(/marktype|Vega cannot render|Operator not defined/);
  }, 60_000);
});
