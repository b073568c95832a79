// A held big CSV keeps its number columns and the text columns some spec
// names (issue 16, speed: an unused text column cost a quarter of the parse);
// a chart reading a column it does not hold is answered from the file, with
// the same rows.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { namedColumns, columnsNamedInSpecs } from '../../src/bigtable/namedColumns.js';
import { openBigTable } from '../../src/bigtable/openBigTable.js';
import { planPushdown } from '../../src/bigtable/planPushdown.js';
import { pushDownChart } from '../../src/bigtable/pushDownChart.js';
import { runPlan } from '../../src/bigtable/runPlan.js';
import type { ChartSpec } from '../../src/compile/readSpec.js';
import { readSources } from '../../src/load/readSources.js';
import { makeProject } from '../helpers/fixtureProject.js';
import { sourcesCsv } from '../helpers/project.js';

afterEach(() => {
  delete process.env.CITECHART_BIG_CSV_BYTES;
  delete process.env.CITECHART_BIG_CSV_MEMORY_BYTES;
});

/** label and other (text), value (numbers), source: 1,500 rows. */
const CSV = ['label,other,value,source', ...Array.from({ length: 1500 }, (_, r) => `L${r % 4},O${r % 3},${r % 50},${r % 2 ? 'a' : 'b'}`)].join('\n') + '\n';
const bySum = (field: string) => ({ data: { url: 'data/t.csv' }, mark: 'bar', encoding: { x: { field, type: 'nominal' }, y: { field: 'value', aggregate: 'sum', type: 'quantitative' } } });

async function open(files: Record<string, string>, memoryBytes?: string) {
  process.env.CITECHART_BIG_CSV_BYTES = '1';
  if (memoryBytes === undefined) delete process.env.CITECHART_BIG_CSV_MEMORY_BYTES;
  else process.env.CITECHART_BIG_CSV_MEMORY_BYTES = memoryBytes;
  const cwd = makeProject({ 'data/sources.csv': sourcesCsv('a', 'b'), 'data/t.csv': CSV, ...files });
  const { sources } = await readSources(cwd);
  const opened = await openBigTable(cwd, 'data/t.csv', sources);
  expect(opened.diagnostics).toEqual([]);
  return { cwd, table: opened.table! };
}

/** The chart's rows as runPlan hands them to Vega, with `needed` as pushDownChart computes it. */
async function drawn(table: Awaited<ReturnType<typeof open>>['table'], spec: Record<string, unknown>) {
  const plan = planPushdown(table.polars, spec, new Map(table.columns.map((name) => [name, table.types[name]!])), {}, table.wholeSums);
  expect(plan.steps.length).toBeGreaterThan(0);
  const { table: out } = await runPlan(table, plan, false, [...namedColumns(JSON.stringify(spec), table.columns)]);
  return out.rows.map((row) => ({ values: { ...row.values }, sources: row.sources, line: row.line }));
}

/** Whether a lazy frame reads the CSV file (polars' plan names a CSV scan) rather than memory. */
const readsFile = (frame: { describePlan(): string }) => /csv/i.test(frame.describePlan());

describe('namedColumns', () => {
  it('finds names anywhere in a text, backslash escapes ignored', () => {
    const text = JSON.stringify({ encoding: { x: { field: 'a\\.b' } }, transform: [{ calculate: 'datum["say \\"hi\\""] * 2', as: 'z' }] });
    expect([...namedColumns(text, ['a.b', 'say "hi"', 'unused', 'z'])]).toEqual(['a.b', 'say "hi"', 'z']);
    expect([...namedColumns('{"field": "value"}', ['label', 'value'])]).toEqual(['value']);
  });

  it('reads every file of specs/ (editions too); every column when specs/ cannot be read', async () => {
    const cwd = makeProject({ 'specs/a.vl.json': '{"field": "label"}', 'specs/a.fr.json': '{"title": "other"}', 'specs/folder/x.json': '{"field": "value"}' });
    expect([...(await columnsNamedInSpecs(cwd, ['label', 'other', 'value', 'unused']))].sort()).toEqual(['label', 'other']);
    expect([...(await columnsNamedInSpecs(path.join(cwd, 'specs', 'a.vl.json'), ['label', 'other']))]).toEqual([]);
  });
});

describe('a held big CSV', () => {
  it('holds its number columns and the text columns a spec names, and answers a chart of those from memory', async () => {
    const { table } = await open({ 'specs/by-label.vl.json': JSON.stringify(bySum('label')) });
    expect(table.inMemory).toBe(true);
    expect([...table.heldColumns].sort()).toEqual(['label', 'value']);
    expect(readsFile(table.frame(['label', 'value']))).toBe(false);
    // A column it does not hold, or every column (the default): from the file.
    expect(readsFile(table.frame(['other']))).toBe(true);
    expect(readsFile(table.frame())).toBe(true);
    expect((await table.frame(['label']).collect()).columns.filter((name) => !name.startsWith('__'))).toEqual(['source', 'label', 'value']);
  });

  it('draws the same rows from memory, from the file for a column it does not hold, and when scanned', async () => {
    const specs = { 'specs/by-label.vl.json': JSON.stringify(bySum('label')) };
    const held = await open(specs);
    const scanned = await open(specs, '0');
    expect(scanned.table.inMemory).toBe(false);
    for (const field of ['label', 'other']) {
      const fromHeld = await drawn(held.table, bySum(field));
      expect(fromHeld.length).toBe(field === 'label' ? 4 : 3);
      expect(fromHeld).toEqual(await drawn(scanned.table, bySum(field)));
    }
  });

  it('reads from the file a column a chart reads without naming it plainly (a \\u escape), with no fallback to Vega', async () => {
    const { cwd, table } = await open({ 'specs/by-label.vl.json': JSON.stringify(bySum('label')) });
    expect(table.heldColumns.has('other')).toBe(false);
    // `other` spelled with an escape inside an expression: named nowhere as written.
    const spec = { ...bySum('label'), transform: [{ filter: "datum['\\u006fther'] == 'O1'" }] };
    const project = { cwd, bigTable: async () => ({ table, diagnostics: [] }) };
    const chart = { vegaLite: spec, dataRefs: [{ file: 'data/t.csv', jsonPath: ['data'] }], json: { diagnostic: () => ({ file: 'x', severity: 'warning', message: 'fell back' }) } } as unknown as ChartSpec;
    const result = await pushDownChart(project, chart);
    expect(result.diagnostics).toEqual([]);
    expect(result.pushdowns[0]!.plan.steps.length).toBe(2);
    const rows = result.tables.get('data/t.csv')!.rows;
    // Rows r with r % 3 == 1: labels L1, L2, L3, L0 in order of first appearance (rows 1, 10, 7, 4 → L1 first).
    const expected = new Map<string, number>();
    for (let r = 0; r < 1500; r += 1) if (r % 3 === 1) expected.set(`L${r % 4}`, (expected.get(`L${r % 4}`) ?? 0) + (r % 50));
    expect(rows.map((row) => [row.values.label, row.values.value])).toEqual([...expected]);
  });
});
