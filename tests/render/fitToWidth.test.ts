// However long the text, a graphic stays as wide as its chart: titles wrap,
// legends fold into rows, text marks are cut (with a warning). Each case is
// one the issue measured, with the width it made before.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { format, project, sourcesCsv } from '../helpers/project.js';
import { svgSize } from '../helpers/svg.js';

const theme = readFileSync(new URL('../../specs/theme.json', import.meta.url), 'utf8');
const TITLE =
  'Russia imported nine tenths of its microelectronics from China in 2023, officials say, and used them in missiles, tanks and aircraft at the front';

async function render(csv: string, vegaLite: Record<string, unknown>, png = false) {
  const cwd = await project({
    'data/sources.csv': sourcesCsv('a'),
    'data/t.csv': csv,
    'specs/theme.json': theme,
    'specs/c.vl.json': JSON.stringify({ data: { url: 'data/t.csv' }, ...vegaLite }),
  });
  const { chart, diagnostics } = await renderChart(await openProject(cwd), 'c', { png });
  if (!chart) throw new Error(format(diagnostics).join("\n"));
  return { chart, svg: chart.svg, width: svgSize(chart.svg).width, warnings: format(diagnostics) };
}

const bars = (n: number, label = (i: number) => `Category ${i + 1}`) =>
  `label,value,source\n${Array.from({ length: n }, (_, i) => `"${label(i)}",${i + 1},a`).join('\n')}\n`;
const barSpec = (extra: Record<string, unknown> = {}) => ({
  mark: 'bar',
  encoding: { x: { field: 'label', type: 'nominal', title: null }, y: { field: 'value', type: 'quantitative' } },
  ...extra,
});
const titleLines = (svg: string) => (/role-title-text[\s\S]*?<\/text>/.exec(svg)?.[0].match(/<tspan/g) ?? ['one']).length;

describe('titles wrap to the chart in every output', () => {
  // Before: 1204 px wide here (the title: 1221 px); 330 px without the title.
  it('a 145-character title on a 260 px chart no longer makes a 1204 px graphic', async () => {
    expect(TITLE).toHaveLength(145);
    const untitled = await render(bars(3), barSpec({ width: 260 }));
    const titled = await render(bars(3), barSpec({ width: 260, title: { text: TITLE, subtitle: TITLE } }));
    expect(titled.width).toBe(untitled.width);
    expect(titled.width).toBeLessThan(400);
    expect(titleLines(titled.svg)).toBeGreaterThanOrEqual(4);
    // Whole (not cut), and balanced: its last line is not the lone word "front".
    expect(titled.svg).toMatch(/ the front<\/tspan>/);
    expect(titled.svg).not.toContain('>front</tspan>');
  });

  it('breaks a title at its line breaks, and the alt text reads them as spaces', async () => {
    const { svg, chart } = await render(bars(2), barSpec({ title: 'First line\nSecond line' }));
    expect(svg).toMatch(/<tspan>First line<\/tspan><tspan[^>]*>Second line<\/tspan>/);
    expect(chart.embed!.alt).toContain('Bar chart: First line Second line.');
    expect(svg).toContain('<title id="cc-c-title">First line Second line</title>');
  });
});

describe('axis titles wrap to their axis', () => {
  // Before: 4384 × 4409 px for a 300 px plot (the y title runs up the side).
  it('a 1000-character axis title on x and y no longer makes a 4384 × 4409 px graphic', async () => {
    const long = 'Axis title that goes on '.repeat(40).trim();
    const spec = (title: string | null) => ({
      width: 300,
      height: 300,
      mark: 'bar',
      encoding: { x: { field: 'label', type: 'nominal', title }, y: { field: 'value', type: 'quantitative', title } },
    });
    const { svg, width } = await render(bars(3), spec(long));
    expect(width).toBeLessThan(800);
    expect(svgSize(svg).height).toBeLessThan(1000);
    expect(svg).toContain('<tspan>Axis title that goes on Axis title that goes on Axis title that</tspan>');
    // A title that fits its axis is left alone.
    expect((await render(bars(3), spec('Value'))).svg).toMatch(/role-axis-title[\s\S]*?>Value<\/text>/);
  });
});

describe('line breaks in cells', () => {
  it('a quoted cell with a line break is a two-line label, and a space in the alt text', async () => {
    const { svg, chart } = await render('label,value,source\n"Machine\ntools",3,a\nDrones,2,a\n', barSpec());
    expect(svg).toMatch(/<tspan>Machine<\/tspan><tspan[^>]*>tools<\/tspan>/);
    expect(chart.embed!.alt).toContain('Machine tools: 3');
    expect(chart.embed!.alt).not.toContain('\n');
  });

  it('breaks a text mark\'s string at its line break, and draws its numbers as before', async () => {
    const { svg } = await render('label,value,source\n"Machine\ntools",3,a\nDrones,2,a\n', {
      encoding: { y: { field: 'label', type: 'nominal', axis: null } },
      layer: [{ mark: 'text', encoding: { text: { field: 'label' } } }, { mark: { type: 'text', dx: 60 }, encoding: { text: { field: 'value' } } }],
    });
    expect(svg).toMatch(/role-mark[\s\S]*<tspan>Machine<\/tspan><tspan[^>]*>tools<\/tspan>/);
    expect(svg).toContain('>3</text>');
  });
});

describe('legends fold into rows', () => {
  const legendSpec = (n: number) => ({
    width: 400,
    mark: 'bar',
    encoding: {
      x: { field: 'label', type: 'nominal', title: null, axis: null },
      y: { field: 'value', type: 'quantitative' },
      color: { field: 'label', type: 'nominal' },
    },
  });

  // Before: 1423, 1991 and 4244 px wide here (the charts: 1146, 1593
  // and 2240 px); 467 px without the legend.
  it.each([
    [10, 1423],
    [14, 1991],
    [63, 4244],
  ])('%i categories on a 400 px plot stay within the chart (%i px before)', async (n) => {
    const withLegend = await render(bars(n, (i) => `Long category name ${i + 1}`), legendSpec(n));
    const without = await render(bars(n, (i) => `Long category name ${i + 1}`), { ...legendSpec(n), encoding: { ...legendSpec(n).encoding, color: { ...legendSpec(n).encoding.color, legend: null } } });
    expect(withLegend.width).toBe(without.width);
    // More categories than the theme's six colours: said once, at the colour encoding.
    expect(withLegend.warnings).toContainEqual(
      expect.stringMatching(new RegExp(`^specs/c\\.vl\\.json:1:\\d+: warning: "label" has ${n} categories but the palette only 6 colours`)),
    );
  });

  it('keeps a legend\'s own columns', async () => {
    const labels = (i: number) => `Long category name ${i + 1}`;
    const spec = legendSpec(10);
    // One wide artboard: the theme's 320 to 640 px ones cut five columns of these names at the right edge (crowded-labels).
    const given = await render(bars(10, labels), { ...spec, encoding: { ...spec.encoding, color: { ...spec.encoding.color, legend: { columns: 5 } } }, usermeta: { citechart: { widths: [1000] } } });
    const folded = await render(bars(10, labels), spec);
    expect(given.width).toBeGreaterThan(folded.width);
  });

  it('says nothing about a palette with enough colours', async () => {
    const { warnings } = await render(bars(6), legendSpec(6));
    expect(warnings.filter((w) => w.includes('palette'))).toEqual([]);
  });
});

describe('text that cannot fit is cut, with a warning', () => {
  // Before: 95,370 px wide here, and the PNG failed (the hostile run: 54,510 px).
  // The cell limit (src/limits.ts) is 10,000 characters: this label is just under it.
  it('a 9,984-character text mark no longer makes a ~47,000 px graphic whose PNG fails', async () => {
    const long = 'Very long label '.repeat(624);
    const { width, warnings, chart } = await render(`label,value,source\n${long},1,a\nShort,2,a\n`, {
      width: 300,
      mark: { type: 'text', align: 'left' },
      encoding: { y: { field: 'label', type: 'nominal', axis: null }, text: { field: 'label' } },
    }, true);
    expect(width).toBeLessThanOrEqual(300 + 2 * 16 + 1);
    expect(warnings).toContainEqual(expect.stringMatching(/^data\/t\.csv:2:1: warning: the label "Very long label Very long label [^"]*…" \(9,983 characters\) is wider than its \d+ px limit/));
    const png = await sharp(chart.png!).metadata();
    expect(png.width).toBe(2 * width);
  });

  // The spec's own texts at their limit (LIMITS.drawnTextChars: 1,000 characters; longer is an error at the text), the CSV's labels far over it.
  it('fits everything at once: title, axis titles, legend and text marks all far too long', async () => {
    const long = 'Far too long a text '.repeat(400);
    const atLimit = 'Far too long a text '.repeat(50);
    const csv = `label,value,source\n${Array.from({ length: 12 }, (_, i) => `${long}${i},${i + 1},a`).join('\n')}\n`;
    const { width, chart } = await render(csv, {
      title: { text: atLimit, subtitle: atLimit },
      width: 300,
      height: 300,
      encoding: {
        y: { field: 'label', type: 'nominal', title: atLimit },
        x: { field: 'value', type: 'quantitative', title: atLimit },
        color: { field: 'label', type: 'nominal', title: atLimit },
      },
      layer: [{ mark: 'bar' }, { mark: { type: 'text', align: 'left' }, encoding: { text: { field: 'label' } } }],
      // The spec's own layout is under test: no phone artboard, where 180-px labels leave no plot (an error of its own).
      usermeta: { citechart: { widths: [] } },
    }, true);
    // The y labels (180 px) and title sit left of the 300 px plot; nothing else adds width.
    expect(width).toBeLessThan(300 + 180 + 400);
    expect((await sharp(chart.png!).metadata()).width).toBe(2 * width);
  });

  it('leaves a label just past the end of a bar alone', async () => {
    const { warnings, svg } = await render(bars(3), {
      width: 200,
      encoding: { y: { field: 'label', type: 'nominal' }, x: { field: 'value', type: 'quantitative' } },
      layer: [{ mark: 'bar' }, { mark: { type: 'text', align: 'left', dx: 3 }, encoding: { text: { field: 'value' } } }],
    });
    expect(warnings).toEqual([]);
    expect(svg).toContain('>3</text>');
  });
});
