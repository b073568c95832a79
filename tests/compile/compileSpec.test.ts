import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../src/compile/compileSpec.js';
import { ROW_ID_FIELD } from '../../src/compile/injectData.js';
import { parseJsonText } from '../../src/compile/readJsonFile.js';
import { findDataRefs } from '../../src/compile/findDataRefs.js';
import type { ChartSpec } from '../../src/compile/readSpec.js';
import type { CitedTable } from '../../src/model.js';

const table: CitedTable = {
  file: 'data/t.csv',
  columns: ['label', 'value'],
  types: { label: 'string', value: 'number' },
  rows: [
    { index: 0, line: 2, values: { label: 'Group 1', value: 12 }, sources: ['a'], quote: '', note: '', derived: '' },
    { index: 1, line: 3, values: { label: '12%', value: 3 }, sources: ['a', 'b'], quote: 'q', note: '', derived: '' },
  ],
};

function chartSpec(vegaLite: Record<string, unknown>): ChartSpec {
  const { json } = parseJsonText('specs/t.vl.json', JSON.stringify(vegaLite));
  return { name: 't', file: 'specs/t.vl.json', json: json!, vegaLite, settings: { notes: [], credit: '', alt: '' }, dataRefs: findDataRefs(json!).refs, boundaryRefs: findDataRefs(json!).boundaries };
}

describe('compileSpec', () => {
  it('injects the loaded rows as values, never by url, with a row id for tracing', () => {
    const spec = chartSpec({ data: { url: 'data/t.csv', format: { type: 'csv' } }, mark: 'bar', encoding: { x: { field: 'label', type: 'nominal' } } });
    const { chart, diagnostics } = compileSpec(spec, new Map([[table.file, table]]), undefined);
    expect(diagnostics).toEqual([]);
    const text = JSON.stringify(chart!.vega);
    expect(text).not.toContain('data/t.csv');
    expect(text).not.toContain('"type":"csv"');
    const values = (chart!.vega.data![0] as { values: Record<string, unknown>[] }).values;
    // "Group 1" and "12%" stay strings: no parse:auto turning them into dates.
    expect(values[1]).toMatchObject({ label: '12%', value: 3, source: 'a; b', quote: 'q', [ROW_ID_FIELD]: 1 });
    expect(chart!.origins.map((o) => o.row.line)).toEqual([2, 3]);
  });

  it('does not modify the spec it was given', () => {
    const spec = chartSpec({ data: { url: 'data/t.csv' }, mark: 'bar' });
    compileSpec(spec, new Map([[table.file, table]]), undefined);
    expect(spec.vegaLite.data).toEqual({ url: 'data/t.csv' });
  });

  it('merges the theme under the spec: the spec\'s own config wins', () => {
    const spec = chartSpec({ data: { url: 'data/t.csv' }, mark: 'bar', config: { background: '#000000' } });
    const themed = compileSpec(spec, new Map([[table.file, table]]), { background: '#ffffff', padding: 17 });
    expect(themed.chart!.vega.background).toBe('#000000');
    expect(themed.chart!.vega.padding).toBe(17);
  });

  it('reports an expression Vega-Lite cannot parse at its node, in words', () => {
    const spec = chartSpec({ data: { url: 'data/t.csv' }, transform: [{ filter: 'datum.value >' }], mark: 'bar' });
    const { chart, diagnostics } = compileSpec(spec, new Map([[table.file, table]]), undefined);
    expect(chart).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: 'specs/t.vl.json', severity: 'error', line: 1, column: 44 }),
    ]);
    expect(diagnostics[0]!.message).toBe(
      'the expression "datum.value >" is not valid: it ends too early (an operand or closing bracket is missing); see https://vega.github.io/vega/docs/expressions/',
    );
  });

  it('passes Vega-Lite warnings on as warnings', () => {
    const spec = chartSpec({ data: { url: 'data/t.csv' }, mark: 'bar', encoding: { x: { field: 'label', type: 'nominal', aggregate: 'nonsense' } } });
    const { diagnostics } = compileSpec(spec, new Map([[table.file, table]]), undefined);
    expect(diagnostics.some((d) => d.severity === 'warning' && /Vega-Lite: .*nonsense/.test(d.message))).toBe(true);
  });
});
