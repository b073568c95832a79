// Issue 9, item 5: Vega's failures (expression parse errors, unknown
// functions, TypeErrors while the dataflow runs) are reported at the spec
// node whose expression caused them, in words: never "TypeError: Cannot
// read properties of undefined", never without a line and column.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainVegaError, findExpressions, looksLikeJavaScript } from '../../src/compile/explainVegaError.js';
import { parseJsonText } from '../../src/compile/readJsonFile.js';
import { formatDiagnostic } from '../../src/errors.js';
import * as messages from '../../src/messages.js';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { barSpec, makeProject, minimalProject, where } from '../helpers/fixtureProject.js';

const SPEC = 'specs/exports.vl.json';

async function errorsOf(transform: unknown[]) {
  const text = barSpec({ transform });
  const cwd = makeProject({ ...minimalProject, [SPEC]: text });
  const { chart, diagnostics } = await renderChart(await openProject(cwd), 'exports', { png: false });
  expect(chart).toBeUndefined();
  return { text, lines: diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic) };
}

describe('Vega errors mapped to the spec node', () => {
  it('datum.nope.deeper is reported at its calculate: nope is no column (found before drawing)', async () => {
    const { text, lines } = await errorsOf([{ calculate: 'datum.exports * 2', as: 'double' }, { calculate: 'datum.nope.deeper', as: 'x' }]);
    expect(lines).toEqual([`${where(SPEC, text, '"calculate"', 1)}: error: ${messages.spec.unknownDatumField('nope', 'data/exports.csv', ['country', 'exports'], 'note')}`]);
  });

  it('datum.country.deeper.x, a TypeError at run time, is reported at its calculate', async () => {
    const { text, lines } = await errorsOf([{ calculate: 'datum.exports * 2', as: 'double' }, { calculate: 'datum.country.deeper.x', as: 'x' }]);
    expect(lines).toEqual([
      `${where(SPEC, text, '"calculate"', 1)}: error: the expression "datum.country.deeper.x" fails when the chart is drawn: it reads "x" of a value that does not exist (a field the rows do not have, e.g. datum.nope.x); check its field names against the table's columns`,
    ]);
  });

  it('an unknown function is reported at its filter', async () => {
    const { text, lines } = await errorsOf([{ filter: 'lenght(datum.country) > 2' }]);
    expect(lines).toEqual([
      `${where(SPEC, text, '"filter"')}: error: the expression "lenght(datum.country) > 2" is not valid: Unrecognized function: lenght; see https://vega.github.io/vega/docs/expressions/`,
    ]);
  });

  it('an invalid regular expression is reported at its expression', async () => {
    const { text, lines } = await errorsOf([{ calculate: "test(regexp('('), datum.country)", as: 'x' }]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${where(SPEC, text, '"calculate"')}: error: the expression .* fails when the chart is drawn: its regular expression is invalid \\(Unterminated group\\)$`));
  });
});

describe('a field Vega fails to read', () => {
  it('an argmax of a column the rows do not have is reported at the field, in words (found by the fuzz test)', async () => {
    const gallery = path.resolve(import.meta.dirname, '../fixtures/gallery');
    const spec = JSON.parse(readFileSync(path.join(gallery, 'specs/stacked.vl.json'), 'utf8'));
    spec.encoding.color.aggregate = { argmax: 'nope' };
    const text = JSON.stringify(spec, null, 2);
    const file = (name: string) => readFileSync(path.join(gallery, name), 'utf8');
    const cwd = makeProject({ 'data/sources.csv': file('data/sources.csv'), 'data/survey.csv': file('data/survey.csv'), 'specs/stacked.vl.json': text });
    const { chart, diagnostics } = await renderChart(await openProject(cwd), 'stacked', { png: false });
    expect(chart).toBeUndefined();
    const lines = diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^${where('specs/stacked.vl.json', text, '"field": "answer"')}: error: Vega failed to read field "answer" while drawing`))]);
  });
});

describe('explainVegaError', () => {
  const { json } = parseJsonText(SPEC, barSpec({ transform: [{ calculate: '1', as: 'one' }] }));

  it('never passes JavaScript wording on', () => {
    const d = explainVegaError(new TypeError("Cannot convert undefined or null to object"), json!);
    expect(d.message).not.toMatch(/TypeError|Cannot convert|undefined/);
    expect(d.line).toBeTypeOf('number');
    expect(d.column).toBeTypeOf('number');
  });

  it('points a message that quotes a spec value at that value', () => {
    const d = explainVegaError(new Error('Unrecognized data set: "exports"'), json!);
    expect(formatDiagnostic(d)).toMatch(/^specs\/exports\.vl\.json:\d+:\d+: error: Vega cannot render this spec: Unrecognized data set/);
  });

  it('finds expressions wherever Vega-Lite takes one', () => {
    const paths = findExpressions({ transform: [{ filter: 'a' }, { calculate: 'b', as: 'c' }], mark: { type: 'bar', opacity: { expr: 'd' } }, encoding: { color: { condition: { test: 'e', value: 1 } } }, usermeta: { filter: 'no' } });
    expect(paths.map((p) => p.expression).sort()).toEqual(['a', 'b', 'd', 'e']);
  });

  it('recognises JavaScript wording', () => {
    for (const text of ["Cannot read properties of undefined (reading 'x')", 'x is not a function', 'RangeError: Invalid array length', '    at Object.<anonymous> (file.js:1:2)']) {
      expect(looksLikeJavaScript(text)).toBe(true);
    }
    expect(looksLikeJavaScript('Unrecognized function: lenght')).toBe(false);
  });
});

describe('a function of the expression language that fails', () => {
  it('sequence(0, 1e12) is reported at its expression, in words (found by the fuzz test: "RangeError: Invalid array length")', async () => {
    const { text, lines } = await errorsOf([{ calculate: 'length(sequence(0, 1e12))', as: 'n' }]);
    expect(lines).toEqual([
      `${where(SPEC, text, '"calculate"')}: error: the expression "length(sequence(0, 1e12))" fails when the chart is drawn: sequence(0, 1000000000000) would make more than 100,000 items, citechart's limit; use smaller arguments`,
    ]);
  });
});

describe('a name Vega cannot resolve', () => {
  it('a misspelt param in an expression is reported at that expression', async () => {
    const { text, lines } = await errorsOf([{ calculate: 'datum.exports * scalee', as: 'scaled' }]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${where(SPEC, text, '"calculate"')}: error: the expression "datum\\.exports \\* scalee" is not valid: Unrecognized signal name: "?scalee"?`));
  });
});

describe('an index read of a missing value', () => {
  it('datum[0][1] is reported at its calculate (found by the fuzz test)', async () => {
    const { text, lines } = await errorsOf([{ calculate: 'datum[0][1]', as: 'x' }]);
    expect(lines).toEqual([
      `${where(SPEC, text, '"calculate"')}: error: the expression "datum[0][1]" fails when the chart is drawn: it reads "1" of a value that does not exist (a field the rows do not have, e.g. datum.nope.1); check its field names against the table's columns`,
    ]);
  });
});
