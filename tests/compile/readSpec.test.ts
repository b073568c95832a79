import { describe, expect, it } from 'vitest';
import { readSpec, reservedName } from '../../src/compile/readSpec.js';
import { barSpec, makeProject, minimalProject } from '../helpers/fixtureProject.js';

describe('reserved chart names', () => {
  // output/ is flat: these names would overwrite the gallery or another chart's artboard.
  it('refuses index and NAME-WIDTHw, naming the file', async () => {
    const cwd = makeProject({ ...minimalProject, 'specs/index.vl.json': barSpec(), 'specs/bars-320w.vl.json': barSpec() });
    for (const name of ['index', 'bars-320w']) {
      const { spec, diagnostics } = await readSpec(cwd, name);
      expect(spec).toBeUndefined();
      expect(diagnostics).toEqual([expect.objectContaining({ file: `specs/${name}.vl.json`, line: 1, column: 1, severity: 'error' })]);
      expect(diagnostics[0]!.message).toMatch(/is reserved/);
    }
  });

  it('refuses them in any case: on macOS and Windows, output/Index.html is output/index.html', () => {
    expect(reservedName('Index')).toMatch(/gallery/);
    expect(reservedName('INDEX')).toMatch(/gallery/);
    expect(reservedName('bars-320W')).toMatch(/artboard/);
  });

  it('accepts names that merely resemble them', () => {
    for (const name of ['indexes', 'my-index', 'bars-320', 'bars-w320', 'sales-2024']) expect(reservedName(name)).toBeUndefined();
  });
});
