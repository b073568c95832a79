import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderChart, UsageError } from '../../src/index.js';
import { format, sourcesCsv } from '../helpers/project.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const repo = (file: string) => readFileSync(root + file, 'utf8');

const sources = [{ id: 'a', publisher: 'Reuters', authors: 'A; B', title: 'Title', published: '2024-04-12', url: 'https://example.org/a', attribution: 'officials' }];
const barSpec = {
  data: { url: 'data/t.csv' },
  width: 400,
  mark: 'bar',
  encoding: { x: { field: 'label', type: 'nominal' }, y: { field: 'value', type: 'quantitative' } },
};

describe('renderChart (the typed API)', () => {
  it('draws the very bytes `build` wrote for the same spec, tables, sources and theme', async () => {
    const name = 'microelectronics-imports';
    const result = await renderChart({
      spec: repo(`specs/${name}.vl.json`),
      tables: { [`data/${name}.csv`]: repo(`data/${name}.csv`) },
      sources: repo('data/sources.csv'),
      theme: repo('specs/theme.json'),
      options: { name },
    });
    expect(result.ok).toBe(true);
    expect(result.svg).toBe(repo(`output/${name}.svg`));
    // The project's snippet links its French edition; a chart held in memory has no other edition to link.
    const editions = /<p class="[^"]*-editions">.*<\/p>\n/;
    expect(repo(`output/${name}.html`)).toMatch(editions);
    expect(result.html).toBe(repo(`output/${name}.html`).replace(editions, ''));
    expect(result.artboards?.map((a) => [a.width, a.svg])).toEqual([320, 480, 640].map((w) => [w, repo(`output/${name}-${w}w.svg`)]));
    expect(result.png?.subarray(1, 4).toString()).toBe('PNG');
    expect(result.provenance?.sources).toEqual(['reuters-2024-china-russia']);
    expect(result.provenance?.jsonLd['@type']).toBe('ImageObject');
  }, 60_000);

  it('takes rows as objects, and reports their problems as build does, at the line of the CSV they stand for', async () => {
    const result = await renderChart({
      spec: barSpec,
      tables: { t: [{ label: 'A', value: 1, source: 'a' }, { label: 'B', value: 'lots', source: 'a' }, { label: 'C', value: 3, source: 'nope' }] },
      sources,
      options: { formats: ['svg'] },
    });
    expect(result.ok).toBe(false);
    expect(result.svg).toBeUndefined();
    expect(format(result.diagnostics)).toEqual([
      'data/t.csv:3:3: error: "lots" is not a number, but column "value" holds numbers; write it as e.g. 90 or 1234.5',
      'data/t.csv:4:5: error: unknown source id "nope": it is not in data/sources.csv',
    ]);
  });

  it('draws a cell with a comma and quotes as it was given', async () => {
    const result = await renderChart({
      spec: barSpec,
      tables: { 't.csv': [{ label: 'Hello, "world"', value: 2, source: 'a' }] },
      sources: sourcesCsv('a'),
      options: { formats: ['svg'] },
    });
    expect(format(result.diagnostics)).toEqual([]);
    // Drawn as the axis label's text, whole (XML text needs no escape for a quote).
    expect(result.svg).toMatch(/<text\b[^>]*>Hello, "world"<\/text>/);
  });

  it('re-lays the chart out at `width`, exactly that wide', async () => {
    const result = await renderChart({ spec: barSpec, tables: { t: 'label,value,source\nA,1,a\nB,2,a\n' }, sources, options: { width: 300, formats: ['svg'] } });
    expect(format(result.diagnostics)).toEqual([]);
    expect(result.svg).toMatch(/viewBox="0 0 300 [\d.]+"/);
    expect(result.png).toBeUndefined();
  });

  it('throws a UsageError naming the bad argument for a call of the wrong shape', async () => {
    const call = (input: Record<string, unknown>) => renderChart({ spec: barSpec, sources, ...input } as never);
    await expect(call({ spec: 42 })).rejects.toThrow(new UsageError('renderChart: "spec" must be a Vega-Lite spec, as an object or JSON text, not a number'));
    await expect(call({ tables: { t: 5 } })).rejects.toThrow(/table "t" must be CSV text, bytes or an array of row objects, not a number/);
    await expect(call({ tables: { '../etc/passwd': 'x' } })).rejects.toThrow(/table name "..\/etc\/passwd" is not a file of data\//);
    await expect(call({ tables: { t: [{ v: { nested: 1 } }] } })).rejects.toThrow(/row 0 of table "t", column "v": a cell must be text/);
    await expect(call({ options: { formats: ['gif'] } })).rejects.toThrow(/unknown format "gif"; choose among svg, png, html/);
    await expect(call({ options: { width: 10 } })).rejects.toThrow(/"width" must be a whole number of px from 200 to 4000, not 10/);
    await expect(call({ options: { locale: 'xx-nope' } })).rejects.toThrow(/"locale" "xx-nope"/);
    await expect(call({ options: { name: '../x' } })).rejects.toThrow(/"name" "..\/x"/);
  });

  // Each was silently accepted: one of two tables naming data/t.csv drawn, the other dropped;
  // "scheme" neither light nor dark drawn light; "tables" of the wrong shape read as no tables.
  it('throws a UsageError for a table named twice, a scheme that is not light or dark, tables that are not by name', async () => {
    const call = (input: Record<string, unknown>) => renderChart({ spec: barSpec, sources, ...input } as never);
    const rows = [{ label: 'A', value: 1, source: 'a' }];
    await expect(call({ tables: { t: rows, 't.csv': rows } })).rejects.toThrow(new UsageError('renderChart: tables "t" and "t.csv" both name data/t.csv; give each table once'));
    await expect(call({ tables: { t: rows }, options: { scheme: 'Dark' } })).rejects.toThrow(new UsageError('renderChart: "scheme" must be "light" or "dark", not "Dark"'));
    await expect(call({ tables: [rows] })).rejects.toThrow(new UsageError('renderChart: "tables" must be an object or a Map of tables by name, not an array'));
    await expect(call({ tables: null })).rejects.toThrow(new UsageError('renderChart: "tables" must be an object or a Map of tables by name, not null'));
  });

  // From the break-it pass: both were a raw TypeError.
  it('throws a UsageError for no argument, options that are not an object, and a Map keyed by other than text', async () => {
    await expect(renderChart(undefined as never)).rejects.toThrow(
      new UsageError('renderChart: its argument must be an object { spec, tables, sources, theme?, options? }, not nothing (undefined)'),
    );
    await expect(renderChart({ spec: barSpec, sources, tables: {}, options: 'svg' } as never)).rejects.toThrow(/"options" must be an object/);
    const rows = [{ label: 'A', value: 1, source: 'a' }];
    await expect(renderChart({ spec: barSpec, sources, tables: new Map([[5, rows]]) } as never)).rejects.toThrow(new UsageError(
      'renderChart: table name "5" is not a file of data/: name it as the spec\'s url does ("data/NAME.csv"), or NAME.csv, or NAME; a schema sidecar as NAME.schema.json',
    ));
  });

  it('refuses a spec url that leaves data/, as build does, without looking on disk', async () => {
    const result = await renderChart({ spec: { ...barSpec, data: { url: 'data/../specs/chart.vl.json' } }, tables: {}, sources, options: { formats: ['svg'] } });
    expect(result.ok).toBe(false);
    expect(format(result.diagnostics).join('\n')).toMatch(/^specs\/chart\.vl\.json:\d+:\d+: error: /);
  });
});
