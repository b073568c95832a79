// Warnings about drawn text name file, line and column (review, h9): a cut
// label the spec writes (an axis title) or computes (a calculate) was
// reported at `specs/c.vl.json` alone, with no line or column.
import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { locateDrawnText } from '../../src/compile/locateDrawnText.js';
import { parseJsonText } from '../../src/compile/readJsonFile.js';
import { format, project, sourcesCsv } from '../helpers/project.js';

const TITLE = 'Number of components supplied to Russian manufacturers in 2023';
const spec = (extra: Record<string, unknown>) => JSON.stringify({ data: { url: 'data/t.csv' }, width: 400, mark: 'bar', ...extra }, null, 2);
const files = (specText: string) => ({
  'data/sources.csv': sourcesCsv('a'),
  'data/t.csv': 'company,n,source\nHikvision,3,a\nOther,2,a\n',
  'specs/c.vl.json': specText,
});

async function warnings(specText: string) {
  const rendered = await renderChart(await openProject(await project(files(specText))), 'c', { png: false });
  return format(rendered.diagnostics.filter((d) => d.severity === 'warning' && /drawn cut/.test(d.message)));
}

describe('a cut label is reported where its text is written', () => {
  it('an axis title the spec writes: at the title', async () => {
    const text = spec({ encoding: { y: { field: 'company', type: 'nominal' }, x: { field: 'n', type: 'quantitative', title: TITLE, axis: { titleLimit: 120 } } } });
    const line = text.split('\n').findIndex((l) => l.includes(TITLE)) + 1;
    expect(await warnings(text)).toEqual([expect.stringMatching(new RegExp(`^specs/c\\.vl\\.json:${line}:\\d+: warning: the label "${TITLE}" is wider than its 120 px limit`))]);
  });

  it('a label a calculate makes: at the text mark, with a line and a column', async () => {
    const text = spec({
      transform: [{ calculate: "datum.company + ' supplies optical components to Russian tank makers'", as: 'long' }],
      mark: { type: 'text', limit: 80 },
      encoding: { y: { field: 'company', type: 'nominal' }, text: { field: 'long', type: 'nominal' } },
    });
    const line = text.split('\n').findIndex((l) => l.includes('"mark"')) + 1;
    const said = await warnings(text);
    expect(said.length).toBeGreaterThan(0);
    for (const warning of said) expect(warning).toMatch(new RegExp(`^specs/c\\.vl\\.json:${line}:\\d+: warning: the label "`));
  });
});

describe('locateDrawnText', () => {
  it('prefers the CSV cell, then a spec string, then the first text mark, then the top; always a line and column', () => {
    const { json } = parseJsonText('specs/c.vl.json', '{\n  "title": "T",\n  "layer": [{"mark": "bar"}, {"mark": {"type": "text"}}]\n}');
    const row = { values: Object.assign(Object.create(null), { name: 'Chad' }), positions: Object.assign(Object.create(null), { name: { line: 4, column: 1 } }) };
    const places = locateDrawnText(['Chad', 'T', 'Tchad'], [{ table: { file: 'data/t.csv' }, row } as never], json!);
    expect(places.get('Chad')).toEqual({ file: 'data/t.csv', line: 4, column: 1 });
    expect(places.get('T')).toEqual({ file: 'specs/c.vl.json', line: 2, column: 3 });
    expect(places.get('Tchad')).toEqual({ file: 'specs/c.vl.json', line: 3, column: 31 });
  });
});
