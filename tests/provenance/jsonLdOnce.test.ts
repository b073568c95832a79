import { describe, expect, it, vi } from 'vitest';

// Issue 15: a chart's JSON-LD (citations, the drawn rows' trails) is built once, not once per file that
// carries it (the SVG's metadata, the PNG's XMP, the snippet's script); each copy differs only in its
// encodingFormat, which stays the sixth key, as when each was built for its own format.
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/provenance/jsonLd.js', async (original) => {
  const module = await original<typeof import('../../src/provenance/jsonLd.js')>();
  return {
    ...module,
    jsonLd: (...args: Parameters<typeof module.jsonLd>) => {
      built.count += 1;
      return module.jsonLd(...args);
    },
  };
});

const { openProject } = await import('../../src/project.js');
const { renderChart } = await import('../../src/renderChart.js');
const { project, sourcesCsv } = await import('../helpers/project.js');

describe('the JSON-LD of a chart', () => {
  it('is built once for the SVG, the PNG and the snippet, each saying its own format', async () => {
    const cwd = await project({
      'data/sources.csv': sourcesCsv('a'),
      'data/t.csv': 'label,value,source\nA,1,a\nB,2,a\n',
      'specs/c.vl.json': JSON.stringify({ data: { url: 'data/t.csv' }, mark: 'bar', encoding: { x: { field: 'label', type: 'nominal' }, y: { field: 'value', type: 'quantitative' } } }),
    });
    const { chart } = await renderChart(await openProject(cwd), 'c');
    expect(built.count).toBe(1);
    const inSvg = JSON.parse(/<metadata id="[^"]*">([^<]*)<\/metadata>/.exec(chart!.svg)![1]!.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>'));
    const keys = (value: Record<string, unknown>) => Object.keys(value).slice(0, 6);
    expect(inSvg.encodingFormat).toBe('image/svg+xml');
    expect(keys(inSvg)).toEqual(['@context', '@type', 'identifier', 'name', 'description', 'encodingFormat']);
    expect(chart!.embed!.jsonLd.encodingFormat).toBe('text/html');
    expect({ ...inSvg, encodingFormat: 'text/html' }).toEqual(chart!.embed!.jsonLd);
    const { default: sharp } = await import('sharp');
    const xmp = (await sharp(chart!.png!).metadata()).xmp!.toString('utf8');
    expect(xmp).toContain('"encodingFormat":"image/png"');
  });
});
