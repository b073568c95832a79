// A right-to-left footer: Arabic words, lines anchored at the right edge.
// The glyphs themselves need a font with Arabic (the embedded-fonts work);
// this checks what citechart writes.
import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { barSpec, makeProject, minimalProject } from '../helpers/fixtureProject.js';

describe('an Arabic chart', () => {
  it('draws its footer right to left, in Arabic words, and says so on the SVG root and snippet', async () => {
    const spec = JSON.parse(barSpec()) as { usermeta: { citechart: Record<string, unknown> } };
    spec.usermeta.citechart.locale = 'ar';
    spec.usermeta.citechart.notes = ['ملاحظة أولى', 'ملاحظة ثانية'];
    const cwd = makeProject({ ...minimalProject, 'specs/exports.vl.json': JSON.stringify(spec, null, 2) });
    const { chart } = await renderChart(await openProject(cwd), 'exports');
    const svg = chart!.svg;
    expect(svg).toMatch(/<svg [^>]* lang="ar"/);
    const footer = /<g class="citechart-footer"[^>]*>(.*?)<\/g>/.exec(svg)!;
    expect(footer[0]).toContain('direction="rtl" text-anchor="start"');
    // Two sources: the dual form of the plural (Intl.PluralRules), then numbered items.
    expect(footer[1]).toContain('<tspan font-weight="bold">المصدران:</tspan> 1. ');
    // Two chart-wide notes: the dual lead-in, no numbers (no marker points at them), the second under the first's text.
    expect(footer[1]).toContain('<tspan font-weight="bold">ملاحظتان:</tspan> \u2068ملاحظة أولى\u2069');
    expect(footer[1]).not.toContain('<tspan font-weight="bold">ملاحظتان:</tspan> 1. ');
    // Every line starts at the right edge of the footer (chart width less padding), none at 0.
    const xs = [...footer[1]!.matchAll(/<text x="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(xs.length).toBeGreaterThan(0);
    expect(Math.max(...xs)).toBeGreaterThan(300);
    expect(xs).not.toContain(0);
    expect(chart!.embed!.lang).toBe('ar');
    expect(chart!.embed!.dir).toBe('rtl');
    // Figures in the data table use the Arabic locale's numerals (d3-format's ar-EG.json).
    expect(chart!.embed!.tables[0]!.rows[0]!.values).toContain('١٢٠');
  });
});
