// The theme owns the footer's style (issue 13): a size or colour it cannot
// draw is an error at its place, in the theme or a spec's config.
import { describe, expect, it } from 'vitest';
import { readSpec } from '../../src/compile/readSpec.js';
import { openProject } from '../../src/project.js';
import { barSpec, makeProject, minimalProject, where } from '../helpers/fixtureProject.js';
import { format } from '../helpers/project.js';

describe('footer style problems', () => {
  it('refuses a size that is not a positive number of px, at its place in the theme', async () => {
    const theme = JSON.stringify({ style: { 'citechart-footer': { fontSize: '11px', padding: 0 } } }, null, 2);
    const project = await openProject(makeProject({ ...minimalProject, 'specs/theme.json': theme }));
    expect(format(project.diagnostics)).toEqual([
      `${where('specs/theme.json', theme, '"fontSize"')}: error: the footer's fontSize is "11px": give a positive number of px (e.g. 11)`,
    ]);
  });

  it('refuses a colour that is not a CSS colour, at its place in a spec\'s config', async () => {
    const spec = barSpec({ extra: { config: { style: { 'citechart-footer': { color: 'greyish' } } } } });
    const { diagnostics } = await readSpec(makeProject({ ...minimalProject, 'specs/exports.vl.json': spec }), 'exports');
    expect(format(diagnostics)).toEqual([`${where('specs/exports.vl.json', spec, '"color": "greyish"')}: error: the footer's color "greyish" is not a CSS colour: write e.g. "#595959"`]);
  });
});
