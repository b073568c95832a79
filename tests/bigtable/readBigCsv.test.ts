// Reading a big CSV (issue 16, speed): held in memory up to
// LIMITS.bigCsvInMemoryBytes (parsed once for the validation and every
// chart) or scanned from the file by each query above it; both must give the
// same table, problems and chart rows. The sha256 is read in 4 MiB pieces.
import { createHash } from 'node:crypto';
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bigCsvInMemoryBytes } from '../../src/bigtable/bigTableFile.js';
import { hashBigTable } from '../../src/bigtable/hashBigTable.js';
import { openBigTable } from '../../src/bigtable/openBigTable.js';
import { planPushdown } from '../../src/bigtable/planPushdown.js';
import { runPlan } from '../../src/bigtable/runPlan.js';
import { LIMITS } from '../../src/limits.js';
import { readSources } from '../../src/load/readSources.js';
import { makeProject } from '../helpers/fixtureProject.js';
import { format, sourcesCsv } from '../helpers/project.js';

afterEach(() => {
  delete process.env.CITECHART_BIG_CSV_BYTES;
  delete process.env.CITECHART_BIG_CSV_MEMORY_BYTES;
});

/** label, value (whole numbers, one fraction when `fraction`), source; a quoted line break at row 3; bad cells at rows 1200 and 1500 (past the 1,000 rows that type the columns). */
function csv(fraction: boolean): string {
  const lines = ['label,value,source'];
  for (let r = 0; r < 2000; r += 1) {
    const label = r === 3 ? '"two\nlines"' : `L${r % 5}`;
    const value = r === 1200 ? 'n/a' : r === 1500 ? '12%' : fraction && r === 42 ? '0.5' : String(r % 100);
    lines.push([label, value, r % 3 ? 'a' : 'b; a'].join(','));
  }
  return lines.join('\n') + '\n';
}

async function openBoth(text: string) {
  process.env.CITECHART_BIG_CSV_BYTES = '1';
  delete process.env.CITECHART_BIG_CSV_MEMORY_BYTES;
  const cwd = makeProject({ 'data/sources.csv': sourcesCsv('a', 'b'), 'data/t.csv': text });
  const { sources } = await readSources(cwd);
  const held = await openBigTable(cwd, 'data/t.csv', sources);
  process.env.CITECHART_BIG_CSV_MEMORY_BYTES = '0';
  const scanned = await openBigTable(cwd, 'data/t.csv', sources);
  return { cwd, held, scanned };
}

describe('a big CSV held in memory or scanned from the file', () => {
  it('gives the same rows, sources, whole-number columns and located problems', async () => {
    for (const fraction of [false, true]) {
      const { held, scanned } = await openBoth(csv(fraction));
      expect(held.table?.inMemory).toBe(true);
      expect(scanned.table?.inMemory).toBe(false);
      for (const opened of [held, scanned]) {
        expect(opened.table!.rows).toBe(2000);
        expect([...opened.table!.rowsBySource]).toEqual([['b', 667], ['a', 2000]]);
        expect([opened.table!.inMemory, ...opened.table!.wholeSums]).toEqual([opened === held, ...(fraction ? [] : ["value"])]);
        // Row 1200 is line 1203 (header, and the two-line cell of row 3); its value at column 4.
        expect(format(opened.diagnostics)).toEqual([
          expect.stringMatching(/^data\/t\.csv:1203:4: error: "n\/a" in column "value" is not a number/),
          expect.stringMatching(/^data\/t\.csv:1503:4: error: "12%" in column "value" is not a number/),
        ]);
      }
    }
  });

  it("draws a chart's rows alike from memory and from the file", async () => {
    const { held, scanned } = await openBoth(csv(false).replace(',n/a,', ',7,').replace(',12%,', ',8,'));
    expect(held.diagnostics).toEqual([]);
    const spec = { data: { url: 'data/t.csv' }, mark: 'bar', encoding: { x: { field: 'label', type: 'nominal' }, y: { field: 'value', aggregate: 'sum', type: 'quantitative' } } };
    const drawn = [];
    for (const { table } of [held, scanned]) {
      const plan = planPushdown(table!.polars, spec, new Map(table!.columns.map((name) => [name, table!.types[name]!])), {}, table!.wholeSums);
      expect(plan.steps.length).toBeGreaterThan(0);
      const { table: out } = await runPlan(table!, plan);
      drawn.push(out.rows.map((row) => ({ values: { ...row.values }, sources: row.sources, line: row.line })));
    }
    expect(drawn[0]).toHaveLength(6);
    expect(drawn[0]).toEqual(drawn[1]);
  });

  it('holds the source and value columns of a CSV with note and quote columns (those not carried)', async () => {
    const text = ['label,value,note,quote,source', ...Array.from({ length: 300 }, (_, r) => `L${r % 3},${r},n${r},"q ${r}",a`)].join('\n') + '\n';
    const { held } = await openBoth(text);
    expect(held.table!.inMemory).toBe(true);
    expect(format(held.diagnostics)).toEqual([expect.stringContaining('a big table\'s "note", "quote" column is not drawn into the footer')]);
    const columns = (await held.table!.frame().collect()).columns;
    expect(columns.filter((name) => !name.startsWith('__'))).toEqual(['source', 'label', 'value']);
  });

  it('is held up to 512 MiB unless CITECHART_BIG_CSV_MEMORY_BYTES says otherwise (0: never), never in a pool worker', () => {
    expect(bigCsvInMemoryBytes({})).toBe(LIMITS.bigCsvInMemoryBytes);
    expect(LIMITS.bigCsvInMemoryBytes).toBe(512 * 1024 * 1024);
    expect(bigCsvInMemoryBytes({ CITECHART_BIG_CSV_MEMORY_BYTES: '0' })).toBe(0);
    expect(bigCsvInMemoryBytes({ CITECHART_BIG_CSV_MEMORY_BYTES: '1000' })).toBe(1000);
    expect(bigCsvInMemoryBytes({ CITECHART_BIG_CSV_MEMORY_BYTES: '' })).toBe(LIMITS.bigCsvInMemoryBytes);
    // A malformed value is refused (tests/checkEnvironment.test.ts), no longer ignored.
    // A worker of the build's pool (--jobs) would hold its own copy: it scans instead.
    expect(bigCsvInMemoryBytes({}, false)).toBe(0);
    expect(bigCsvInMemoryBytes({ CITECHART_BIG_CSV_MEMORY_BYTES: '1000' }, false)).toBe(0);
  });
});

describe('hashBigTable', () => {
  it('hashes a file of several 4 MiB pieces, and one not a whole number of them, as sha256 of its bytes', async () => {
    const cwd = makeProject({});
    for (const size of [0, 1, 4 * 1024 * 1024, 9 * 1024 * 1024 + 17]) {
      const file = path.join(cwd, `f${size}.csv`);
      const bytes = Buffer.alloc(size);
      for (let i = 0; i < size; i += 1) bytes[i] = (i * 31 + (i >> 12)) & 0xff;
      writeFileSync(file, bytes);
      expect(await hashBigTable([file])).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    }
  });

  // Hashes are remembered per process (the build cache key and the graphic both ask):
  // an edit that keeps the size and the modified time must still be seen.
  it('hashes a file again after an edit that keeps its size and modified time', async () => {
    const cwd = makeProject({ 'data/t.csv': 'a,b\n1,2\n' });
    const file = path.join(cwd, 'data', 't.csv');
    // A whole second, so setting it back is exact.
    utimesSync(file, 1_000_000_000, 1_000_000_000);
    const before = statSync(file);
    expect(await hashBigTable([file])).toBe(createHash('sha256').update('a,b\n1,2\n').digest('hex'));
    writeFileSync(file, 'a,b\n1,3\n');
    utimesSync(file, 1_000_000_000, 1_000_000_000);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(await hashBigTable([file])).toBe(createHash('sha256').update('a,b\n1,3\n').digest('hex'));
  });
});
