// Social cards of a fixture project's charts, drawn by build's renderChart in
// a copy of the project whose theme declares the three documented presets.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openProject } from '../../src/project.js';
import { renderChart, type RenderedChart } from '../../src/renderChart.js';
import { makeProject, type Files } from './fixtureProject.js';

/** The presets README documents (section "Social cards"). */
export const PRESETS = {
  'citechart-social-landscape': { width: 1200, height: 675 },
  'citechart-social-square': { width: 1080, height: 1080 },
  'citechart-social-portrait': { width: 1080, height: 1350 },
};

/** A copy of `fixture`'s data/ and specs/ with PRESETS in its theme (the fixture's own styles kept). */
export function withPresets(fixture: string): string {
  const files: Files = {};
  for (const folder of ['data', 'specs']) {
    for (const name of readdirSync(path.join(fixture, folder))) files[`${folder}/${name}`] = readFileSync(path.join(fixture, folder, name));
  }
  const theme = JSON.parse(readFileSync(path.join(fixture, 'specs/theme.json'), 'utf8')) as { style?: Record<string, unknown> };
  files['specs/theme.json'] = JSON.stringify({ ...theme, style: { ...theme.style, ...PRESETS } }, null, 2);
  return makeProject(files);
}

/** Each chart's cards, by name; the diagnostics of any chart that failed. */
export async function drawCards(cwd: string, names: string[]): Promise<Map<string, NonNullable<RenderedChart['socialCards']>>> {
  const project = await openProject(cwd);
  const cards = new Map<string, NonNullable<RenderedChart['socialCards']>>();
  for (const name of names) {
    const { chart, diagnostics } = await renderChart(project, name);
    if (!chart) throw new Error(`${name}: ${diagnostics.map((d) => d.message).join('; ')}`);
    cards.set(name, chart.socialCards ?? []);
  }
  return cards;
}
