// Property (issue 11): for every fixture chart — the gallery, the example
// project and tests/fixtures/drawn — each number in the drafted alt text is a
// value a mark draws or a label shows, with "%" only where it is a
// percentage, and "no value" only where the data has an empty cell.
//
// What counts as drawn is collected independently of drawnValues: every
// number written in the SVG (axis labels, text marks, titles), and every
// number in the data of the scene's marks, with each stacked pair's
// `_end − _start` (the length of the drawn bar). A "%" number must be a text
// the SVG writes with "%", a drawn fraction × 100, or a cell the CSV writes
// with "%". Hand-written alt texts are removed first, so every chart is drafted.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../src/compile/compileSpec.js';
import { readBoundaries } from '../../src/geo/readBoundaries.js';
import { encodedFields } from '../../src/compile/encodedFields.js';
import { readSpec } from '../../src/compile/readSpec.js';
import { openProject, type Project } from '../../src/project.js';
import { renderSvg } from '../../src/render/renderSvg.js';
import { renderChart } from '../../src/renderChart.js';
import { makeProject, type Files } from '../helpers/fixtureProject.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PROJECTS = ['tests/fixtures/gallery', '.', 'tests/fixtures/drawn'];

/** data/ and specs/ of a project, each spec's hand-written `alt` removed. */
function draftedCopy(dir: string): { files: Files; charts: string[] } {
  const files: Files = {};
  const charts: string[] = [];
  for (const folder of ['data', 'specs']) {
    for (const name of readdirSync(path.join(root, dir, folder))) {
      let text = readFileSync(path.join(root, dir, folder, name), 'utf8');
      if (name.endsWith('.vl.json')) {
        const spec = JSON.parse(text);
        delete spec.usermeta?.citechart?.alt;
        text = JSON.stringify(spec, null, 2);
        charts.push(name.replace(/\.vl\.json$/, ''));
      }
      files[`${folder}/${name}`] = text;
    }
  }
  return { files, charts };
}

interface Token {
  value: number;
  decimals: number;
  percent: boolean;
}

/** Numbers as written in text: "1,900", "−8.5", "50%"; not the digits inside words or dates. */
function numbers(text: string): Token[] {
  return [...text.matchAll(/(?<![\w.\-−])[−-]?\d[\d,]*(?:\.\d+)?%?/g)].map(([raw]) => {
    const written = raw.replace(/,+(?=%?$)/, '');
    const percent = written.endsWith('%');
    const digits = written.replace(/%$/, '').replace(/,/g, '').replace('−', '-');
    return { value: Number(digits), decimals: digits.split('.')[1]?.length ?? 0, percent };
  });
}

/** Every number in the data of the scene's marks, and each stacked pair's drawn length. */
function markNumbers(scene: unknown): number[] {
  const found: number[] = [];
  const visit = (node: { role?: string; marktype?: string; items?: unknown[]; datum?: Record<string, unknown> }) => {
    for (const child of node.items ?? []) {
      const item = child as typeof node;
      if (node.marktype && node.role === 'mark' && item.datum) {
        for (const [key, value] of Object.entries(item.datum)) {
          if (typeof value === 'number') found.push(value);
          const start = item.datum[key.replace(/_end$/, '_start')];
          if (key.endsWith('_end') && typeof value === 'number' && typeof start === 'number') found.push(value - start);
        }
      }
      visit(item);
    }
  };
  visit(scene as Parameters<typeof visit>[0]);
  return found;
}

const svgTexts = (svg: string) => [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map(([, inner]) => inner!.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&'));
const rounds = (value: number, token: Token) => Math.abs(Number(value.toFixed(token.decimals)) - token.value) < 1e-9;

async function facts(project: Project, name: string) {
  const { chart, diagnostics } = await renderChart(project, name, { png: false });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const { spec } = await readSpec(project.cwd, name);
  const { tables } = await project.tablesFor(spec!);
  const { boundaries } = await readBoundaries(project.cwd, spec!, project.sources);
  const compiled = compileSpec(spec!, tables, project.theme?.value as Record<string, unknown> | undefined, boundaries);
  const { render } = await renderSvg(compiled.chart!, project.cwd, spec!.file);
  const csvText = [...tables.keys()].map((file) => readFileSync(path.join(project.cwd, file), 'utf8')).join('\n');
  const quantitative = encodedFields(spec!.vegaLite).filter((f) => f.type === 'quantitative').map((f) => f.field);
  const emptyCell = [...tables.values()].some((table) => table.rows.some((row) => quantitative.some((field) => Object.hasOwn(row.values, field) && row.values[field] === null)));
  return { alt: chart!.embed!.alt, texts: svgTexts(chart!.svg), marks: markNumbers(render!.scenegraph), csvText, emptyCell };
}

for (const dir of PROJECTS) {
  describe(`drafted alt text of ${dir === '.' ? 'the example project' : dir}`, async () => {
    const { files, charts } = draftedCopy(dir);
    const project = await openProject(makeProject(files));
    for (const name of charts) {
      it(`${name}: every number is drawn or shown, "%" only on a percentage`, async () => {
        const { alt, texts, marks, csvText, emptyCell } = await facts(project, name);
        const shown = texts.flatMap(numbers);
        const csvPercents = numbers(csvText).filter((token) => token.percent);
        const undrawn = numbers(alt).filter((token) => {
          if (shown.some((s) => s.percent === token.percent && s.value === token.value)) return false;
          if (token.percent) return !marks.some((v) => rounds(v * 100, token)) && !csvPercents.some((c) => c.value === token.value);
          return !marks.some((v) => rounds(v, token));
        });
        expect({ alt, undrawn }).toEqual({ alt, undrawn: [] });
        if (!emptyCell) expect(alt).not.toContain('no value');
      });
    }
  });
}
