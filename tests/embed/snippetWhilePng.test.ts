// renderChart writes the HTML snippet while the PNG is drawn (issue 15, cold
// start): the text must be the one written from the finished chart, with or
// without artboards, and no snippet is made ahead when no PNG is drawn.
import { describe, expect, it } from 'vitest';
import { embedFile } from '../../src/embed/embedFile.js';
import { openProject } from '../../src/project.js';
import { chartFiles, renderChart } from '../../src/renderChart.js';
import { barSpec, makeProject, minimalProject } from '../helpers/fixtureProject.js';

async function rendered(spec: string, png: boolean) {
  const project = await openProject(makeProject({ ...minimalProject, 'specs/exports.vl.json': spec }));
  const { chart, diagnostics } = await renderChart(project, 'exports', { png });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return chart!;
}

describe('the snippet written while the PNG is drawn', () => {
  it('is the snippet of the finished chart, PNG linked', async () => {
    const chart = await rendered(barSpec(), true);
    expect(chart.png?.length).toBeGreaterThan(0);
    expect(chart.html).toBe(embedFile({ ...chart, html: undefined, embed: chart.embed! } as typeof chart & { embed: NonNullable<typeof chart.embed> }));
    expect(chart.html).toContain('exports.png');
    expect(chartFiles(chart).find((file) => file.suffix === '.html')?.data).toBe(chart.html);
  });

  it('is the same with artboards', async () => {
    const chart = await rendered(barSpec({ extra: { usermeta: { citechart: { credit: 'Graphic: Test desk', widths: [320, 480] } } } }), true);
    expect(chart.artboards?.map((a) => a.width)).toEqual([320, 480]);
    expect(chart.html).toBe(embedFile({ ...chart, embed: chart.embed! }));
  });

  it('is not made ahead when no PNG is drawn; chartFiles writes it, linking no PNG', async () => {
    const chart = await rendered(barSpec(), false);
    expect(chart.html).toBeUndefined();
    const html = chartFiles(chart).find((file) => file.suffix === '.html')?.data as string;
    expect(html).toBe(embedFile({ ...chart, embed: chart.embed! }));
    expect(html).not.toContain('exports.png');
  });
});
