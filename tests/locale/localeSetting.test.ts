import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { formatDiagnostic } from '../../src/errors.js';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { barSpec, makeProject, minimalProject, THEME, where } from '../helpers/fixtureProject.js';

const withLocale = (locale: unknown) => {
  const spec = JSON.parse(barSpec()) as { usermeta: { citechart: Record<string, unknown> } };
  spec.usermeta.citechart.locale = locale;
  return JSON.stringify(spec, null, 2) + '\n';
};

describe('the locale setting', () => {
  it('the theme\'s locale applies to every chart; a spec\'s own wins', async () => {
    const theme = JSON.stringify({ ...THEME, locale: 'fr' });
    const cwd = makeProject({ ...minimalProject, 'specs/theme.json': theme, 'specs/other.vl.json': withLocale('es') });
    const project = await openProject(cwd);
    const french = (await renderChart(project, 'exports')).chart!;
    expect(french.svg).toMatch(/<svg [^>]* lang="fr"/);
    expect(french.embed!.footer[0]!.lead).toBe('Sources\u202f:');
    const spanish = (await renderChart(project, 'other')).chart!;
    expect(spanish.embed!.footer[0]!.lead).toBe('Fuentes:');
    expect(spanish.embed!.footer[0]!.text).toBe('1. Statistics Office (Ana Diaz y Ben Okafor), marzo de 2024, citando a customs records');
  });

  it('a tag without a catalogue is an error at the setting, in the spec and in the theme', async () => {
    const spec = withLocale('tr');
    const theme = JSON.stringify({ ...THEME, locale: 'xx-YY' }, null, 2);
    const diagnostics = (await check({ cwd: makeProject({ ...minimalProject, 'specs/exports.vl.json': spec }) })).map(formatDiagnostic);
    expect(diagnostics).toContain(
      `${where('specs/exports.vl.json', spec, '"locale"')}: error: locale "tr" is not one citechart writes: use a BCP 47 tag whose language is one of ar, de, en, es, fr, it, pt, ru, zh (e.g. "fr" or "de-CH")`,
    );
    const themed = (await check({ cwd: makeProject({ ...minimalProject, 'specs/theme.json': theme }) })).map(formatDiagnostic);
    expect(themed.some((line) => line.startsWith(`${where('specs/theme.json', theme, '"locale"')}: error: locale "xx-YY"`))).toBe(true);
  });

  it('a malformed tag is refused by the usermeta schema', async () => {
    const spec = withLocale('not a tag');
    const diagnostics = (await check({ cwd: makeProject({ ...minimalProject, 'specs/exports.vl.json': spec }) })).map(formatDiagnostic);
    expect(diagnostics.some((line) => line.includes('usermeta.citechart.locale must match pattern'))).toBe(true);
  });

  it('an edition credits its translator in its own language', async () => {
    const translation = {
      strings: {
        'Widget exports by country': 'Exportations de widgets par pays',
        'Exports (thousand units)': 'Exportations (milliers)',
        'Graphic: Test desk': 'Graphique : Test',
        'customs records': 'relevés des douanes',
        'industry estimates': 'estimations du secteur',
        country: 'Pays',
      },
      values: { Norway: 'Norvège', Chile: 'Chili', Kenya: 'Kenya' },
      translator: 'Zhifan Liu',
    };
    const cwd = makeProject({ ...minimalProject, 'specs/exports.fr.json': JSON.stringify(translation) });
    const { chart, diagnostics } = await renderChart(await openProject(cwd), 'exports.fr');
    expect(diagnostics).toEqual([]);
    expect(chart!.embed!.footer.at(-1)).toMatchObject({ lead: 'Traduction\u202f:', text: 'Zhifan Liu' });
    expect(chart!.embed!.footer[0]!.text).toBe('1. Statistics Office (Ana Diaz et Ben Okafor), mars 2024, citant relevés des douanes');
  });
});
