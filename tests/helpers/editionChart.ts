import { expect } from 'vitest';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { makeProject, THEME } from './fixtureProject.js';

/** One source, cited by every row of `data/series.csv` as `stats`. */
export const SERIES_SOURCES = 'id,publisher,authors,title,published,url,attribution\nstats,Statistics Office,Ana Diaz,Daily widgets,2024-03,https://example.org/w,customs records\n';

/** A translation file's text: `strings` only. */
export const translation = (strings: Record<string, string>) => JSON.stringify({ strings }, null, 2);

/**
 * The SVG of the chart `name` (`series`, or an edition `series.LANG`) of a
 * project with `data/series.csv` = `csv`, `specs/series.vl.json` = `spec`,
 * `theme` and a translation file `specs/series.LANG.json` for each entry of
 * `editions` (LANG → its `strings`). Fails the test on an error.
 */
export async function drawSeries(csv: string, spec: string, name: string, editions: Record<string, Record<string, string>>, theme: Record<string, unknown> = THEME): Promise<string> {
  const files: Record<string, string> = {
    'data/sources.csv': SERIES_SOURCES,
    'data/series.csv': csv,
    'specs/theme.json': JSON.stringify(theme),
    'specs/series.vl.json': spec,
  };
  for (const [language, strings] of Object.entries(editions)) files[`specs/series.${language}.json`] = translation(strings);
  const { chart, diagnostics } = await renderChart(await openProject(makeProject(files)), name, { png: false });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return chart!.svg;
}

/** The texts of the first x axis' labels of `svg`. */
export function axisLabelsOf(svg: string): string[] {
  const axis = [...svg.matchAll(/<g class="mark-text role-axis-label"[^>]*>(.*?)<\/g>/g)][0]![1]!;
  return [...axis.matchAll(/<text[^>]*>([^<]*)</g)].map((match) => match[1]!);
}
