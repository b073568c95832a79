// A translated edition chooses its own social cards in its translation file,
// and a problem with one of its cards is reported there, the file its editor
// would change (a Reuters/FT review, 2026: the French table's left-out
// landscape card was reported at specs/china-supplies.vl.json, whose
// `social` would have removed the English card too).
import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { format, project, sourcesCsv } from '../helpers/project.js';

const theme = { padding: 16, style: { 'citechart-social-low': { width: 1200, height: 400 }, 'citechart-social-square': { width: 1080, height: 1080 } } };
const table = 'label,value,source\nA,1,a\nB,2,a\n';
// A French credit long enough to leave the low card no room; the English one is short.
const longCredit = Array.from({ length: 8 }, (_, i) => `Crédit ${i + 1} : une longue ligne sur qui a rassemblé, vérifié et arrondi ces chiffres avant publication.`).join(' ');
const spec = {
  title: 'Output',
  data: { url: 'data/t.csv' },
  mark: 'bar',
  encoding: { y: { field: 'label', type: 'nominal' }, x: { field: 'value', type: 'quantitative' } },
  usermeta: { citechart: { credit: 'Graphic: desk' } },
};
const edition = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ strings: { Output: 'Production', 'Graphic: desk': longCredit, officials: 'des responsables', label: 'Libellé', value: 'Valeur' }, values: { A: 'A', B: 'B' }, ...extra }, null, 2);

async function drawEdition(file: string) {
  const cwd = await project({ 'data/sources.csv': sourcesCsv('a'), 'data/t.csv': table, 'specs/theme.json': JSON.stringify(theme), 'specs/bars.vl.json': JSON.stringify(spec), 'specs/bars.fr.json': file });
  return renderChart(await openProject(cwd), 'bars.fr');
}

describe("an edition's social cards", () => {
  it('a card the translated words leave no room for is reported at the edition\'s file, saying what to set there', async () => {
    const { chart, diagnostics } = await drawEdition(edition());
    expect(chart!.socialCards!.map((card) => `${card.width}x${card.height}`)).toEqual(['1080x1080']);
    const warning = format(diagnostics).find((line) => line.includes('no 1200x400 social card'));
    expect(warning).toMatch(/^specs\/bars\.fr\.json:1:1: warning: .*"social" in specs\/bars\.fr\.json, for this edition only/);
  }, 60_000);

  it('"social" in the edition\'s file chooses its cards (no warning), and a bad name is an error at its place there', async () => {
    const chosen = await drawEdition(edition({ social: ['1080x1080'] }));
    expect(chosen.chart!.socialCards!.map((card) => `${card.width}x${card.height}`)).toEqual(['1080x1080']);
    expect(format(chosen.diagnostics).filter((line) => line.includes('social'))).toEqual([]);
    const wrong = await drawEdition(edition({ social: ['1080x1080', '999x1'] }));
    expect(format(wrong.diagnostics)).toContainEqual(expect.stringMatching(/^specs\/bars\.fr\.json:\d+:\d+: error: social card "999x1" is not one of the theme's/));
    const shape = await drawEdition(edition({ social: 'none' }));
    expect(format(shape.diagnostics)).toContainEqual(expect.stringMatching(/^specs\/bars\.fr\.json:\d+:\d+: error: "social" in a translation file chooses/));
  }, 60_000);
});
