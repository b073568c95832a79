// Review (session 10): a text an edition's `strings` swapped into the spec
// that then failed a check (`format(datum.share, '.0%')` on a column of
// percentage points) was an error at the spec's line and column, where the
// English text is fine, not at the edition's entry that wrote the fault.
import { describe, expect, it } from 'vitest';
import { checkBeforeDrawing } from '../../src/checks/checkBeforeDrawing.js';
import { check } from '../../src/commands/check.js';
import { formatDiagnostic } from '../../src/errors.js';
import { readChartSpec } from '../../src/locale/readEdition.js';
import { openProject } from '../../src/project.js';
import { barSpec, makeProject, minimalProject, where } from '../helpers/fixtureProject.js';

const CSV = 'country,share,source\nNorway,61,stats-2024\nChile,39,stats-2024\n';
const FINE = "format(datum.share, '.0f') + '%'";
const FAULT = "format(datum.share, '.0%')";
// The spec's own fault, which the edition leaves as it is: `p` multiplies by 100 too.
const OWN_FAULT = "format(datum.share, '.0p')";
const spec = barSpec({
  file: 'data/shares.csv',
  transform: [
    { calculate: FINE, as: 'label' },
    { calculate: OWN_FAULT, as: 'label2' },
  ],
})
  .replace('"exports"', '"share"')
  // A format property too (checkPercentFormat, another check): the edition turns '.1f' into '.1%'.
  .replace('"title": "Exports (thousand units)"', '"title": "Exports (thousand units)",\n        "axis": {"format": ".1f"}');
const translation =
  JSON.stringify(
    {
      strings: {
        'Widget exports by country': 'Exportations de widgets par pays',
        'Exports (thousand units)': 'Exportations',
        'Graphic: Test desk': 'Graphique : Test',
        'customs records': 'relevés des douanes',
        country: 'Pays',
        [FINE]: FAULT,
        '.1f': '.1%',
      },
      values: { Norway: 'Norvège', Chile: 'Chili' },
    },
    null,
    2,
  ) + '\n';
const files = { ...minimalProject, 'data/shares.csv': CSV, 'specs/shares.vl.json': spec, 'specs/shares.fr.json': translation };
const placeOf = (d: Parameters<typeof formatDiagnostic>[0]) => formatDiagnostic(d).split(': ')[0];
// The French texts as JSON.stringify wrote them: each the value after its English key.
const expressionFault = where('specs/shares.fr.json', translation, JSON.stringify(FAULT));
const formatFault = where('specs/shares.fr.json', translation, '".1%"');
// The spec's, as every spec diagnostic, at the property's key.
const ownFault = where('specs/shares.vl.json', spec, `"calculate": ${JSON.stringify(OWN_FAULT)}`);

describe("a fault an edition's strings wrote is an error at that entry of the edition's file", () => {
  it('check names the translation\'s value in specs/NAME.LANG.json, line and column, for each check that finds one', async () => {
    const errors = (await check({ cwd: makeProject(files) })).filter((d) => d.severity === 'error');
    expect(errors.map(placeOf).sort()).toEqual([expressionFault, formatFault, ownFault].sort());
    expect(errors.every((d) => d.rule === 'percent-format')).toBe(true);
  });

  it("the edition's own build still places the spec's own fault at the spec", async () => {
    const cwd = makeProject(files);
    const project = await openProject(cwd);
    const { spec: edition } = await readChartSpec(cwd, 'shares.fr');
    const { tables } = await project.tablesFor(edition!);
    const found = checkBeforeDrawing(edition!, tables, undefined).filter((d) => d.rule === 'percent-format');
    expect(found.map(placeOf).sort()).toEqual([expressionFault, formatFault, ownFault].sort());
  });
});

describe("an expression an edition's strings broke is an error at that entry, not at the spec's top", () => {
  it('names specs/NAME.LANG.json at the translation, line and column', async () => {
    const broken = "format(datum.share, '.0f') + + ";
    const text = translation.replace(JSON.stringify(FAULT), JSON.stringify(broken)).replace('".1%"', '".1f"');
    const cwd = makeProject({ ...files, 'specs/shares.vl.json': spec.replace(`"${OWN_FAULT}"`, '"datum.share"'), 'specs/shares.fr.json': text });
    const errors = (await check({ cwd })).filter((d) => d.severity === 'error');
    expect(errors.map(placeOf)).toEqual([where('specs/shares.fr.json', text, JSON.stringify(broken))]);
  });
});
