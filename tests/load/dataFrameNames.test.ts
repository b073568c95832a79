// Case 7 of issue 11: a CSV column named `height` was refused as a citechart
// bug, because a nodejs-polars DataFrame is a Proxy that answers any
// property read with the column of that name. Every property and method name
// of a real DataFrame must work as a column name, through load and a build.
// The names are read off a DataFrame at test time, not listed by hand, so a
// polars upgrade that adds a method is tested too.
import pl from 'nodejs-polars';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/errors.js';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { readWithPolars } from '../../src/load/readWithPolars.js';
import { makeProject, SOURCES_CSV } from '../helpers/fixtureProject.js';

/**
 * Every string key on the object behind a DataFrame and its prototype chain.
 * The Proxy's `ownKeys` answers with the column names only, so the object
 * polars wraps is caught as it is handed to `new Proxy`.
 */
function dataFrameNames(): string[] {
  const RealProxy = globalThis.Proxy;
  const targets = new Map<object, object>();
  globalThis.Proxy = new RealProxy(RealProxy, {
    construct(Target, args) {
      const proxy = Reflect.construct(Target, args) as object;
      targets.set(proxy, args[0] as object);
      return proxy;
    },
  });
  let df: object;
  try {
    df = pl.DataFrame({ a: ['1'] });
  } finally {
    globalThis.Proxy = RealProxy;
  }
  const names = new Set<string>();
  for (let o: object | null = targets.get(df)!; o; o = Object.getPrototypeOf(o)) for (const key of Reflect.ownKeys(o)) if (typeof key === 'string') names.add(key);
  return [...names].sort();
}

const NAMES = dataFrameNames();

describe('DataFrame property and method names as column names', () => {
  it('finds the names on a real DataFrame', () => {
    // The ones that broke or could break the reader, and Object.prototype's.
    expect(NAMES).toEqual(expect.arrayContaining(['height', 'width', 'shape', 'getColumns', 'columns', 'toString', 'constructor', '__proto__']));
    expect(NAMES.length).toBeGreaterThan(90);
  });

  it('reads a CSV with each name as a column, every cell in its place', async () => {
    const wrong: string[] = [];
    for (const name of NAMES) {
      const read = await readWithPolars(`${name},other\n1,2\n3,4\n`);
      if (JSON.stringify(read) !== JSON.stringify({ width: 2, rows: [['1', '2'], ['3', '4']] })) wrong.push(name);
    }
    expect(wrong).toEqual([]);
  });

  it('loads and builds a chart of each name as a measure and as a label', async () => {
    // One table with every name as a column (the label column first), one chart per name.
    const header = ['label', ...NAMES, 'source'];
    const csv = [header, ['a', ...NAMES.map((_, i) => String(i + 1)), 'stats-2024'], ['b', ...NAMES.map((_, i) => String(i + 2)), 'stats-2024']]
      .map((row) => row.join(','))
      .join('\n');
    const specs: Record<string, string> = {};
    NAMES.forEach((name, i) => {
      specs[`specs/n${i}.vl.json`] = JSON.stringify({
        data: { url: 'data/names.csv' },
        mark: 'bar',
        encoding: { y: { field: 'label', type: 'nominal' }, x: { field: name, type: 'quantitative' }, color: { field: name, type: 'nominal' } },
      });
    });
    const project = await openProject(makeProject({ 'data/sources.csv': SOURCES_CSV, 'data/names.csv': csv + '\n', ...specs }));
    const failures: string[] = [];
    for (const [i, name] of NAMES.entries()) {
      const { chart, diagnostics } = await renderChart(project, `n${i}`, { png: false });
      const problems = diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
      if (Object.hasOwn(Object.prototype, name)) {
        // Vega itself cannot chart Object.prototype's names: refused at each use in the spec, never a TypeError.
        const expected = new RegExp(`^specs/n${i}\\.vl\\.json:\\d+:\\d+: error: field ".+" has the name of a built-in`);
        if (problems.length !== 2 || !problems.every((p) => expected.test(p))) failures.push(`${name}: ${problems.join(' ')}`);
        continue;
      }
      const alt = chart?.embed?.alt ?? '';
      // The drawn values of the name's column: 1 + its index and 2 + its index.
      if (problems.length || !alt.includes(`a: ${i + 1}`) || !alt.includes(`b: ${i + 2}`)) failures.push(`${name}: ${problems.join(' ') || alt}`);
    }
    expect(failures).toEqual([]);
    // Loaded, every column holds its own cells, `__proto__` included.
    const { table, diagnostics } = await project.table('data/names.csv');
    expect(diagnostics).toEqual([]);
    const row = table!.rows[0]!;
    expect(NAMES.filter((name, i) => !Object.hasOwn(row.values, name) || row.values[name] !== i + 1)).toEqual([]);
  }, 120_000);
});
