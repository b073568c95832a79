// A value that no branch of a schema's anyOf accepts printed three errors at
// one place ("must be equal to constant", "must be array", "must match a
// schema in anyOf"): now one sentence per mistake, in the sidecar and in
// usermeta.citechart alike.
import { describe, expect, it } from 'vitest';
import { errorsByPlace } from '../../src/compile/errorsByPlace.js';
import { parseJsonText } from '../../src/compile/readJsonFile.js';
import { readUsermeta } from '../../src/compile/readUsermeta.js';
import { formatDiagnostic } from '../../src/errors.js';
import { readSchemaSidecar } from '../../src/load/readSchemaSidecar.js';
import { makeProject } from '../helpers/fixtureProject.js';
import type { ErrorObject } from 'ajv';

const usermeta = (citechart: string) => readUsermeta(parseJsonText('specs/t.vl.json', `{"usermeta": {"citechart": ${citechart}}}`).json!).diagnostics.map(formatDiagnostic);
const sidecar = async (text: string) =>
  (await readSchemaSidecar(makeProject({ 'data/t.csv': 'a,source\n1,x\n', 'data/t.schema.json': text }), 'data/t.csv')).diagnostics.map(formatDiagnostic);

describe('one schema error per mistake', () => {
  it('usermeta: a value no branch of "social" takes', () => {
    expect(usermeta('{"social": true}')).toEqual(['specs/t.vl.json:1:29: error: usermeta.citechart.social is true, but must be false or a list ([…])']);
  });

  it('usermeta: the branch the author meant, at the item that is wrong', () => {
    expect(usermeta('{"social": ["1200x675", 7]}')).toEqual(['specs/t.vl.json:1:52: error: usermeta.citechart.social[1] is the number 7, but must be a text ("…")']);
  });

  it('usermeta: two mistakes are still two errors', () => {
    expect(usermeta('{"social": true, "notes": "n"}')).toHaveLength(2);
  });

  it('sidecar: a primaryKey that is neither a name nor a list of names', async () => {
    expect(await sidecar('{"fields": [{"name": "a"}], "primaryKey": 5}')).toEqual([
      'data/t.schema.json:1:29: error: invalid table schema: primaryKey is the number 5, but must be a text ("…") or a list ([…])',
    ]);
  });

  it('sidecar: errors outside any anyOf are kept one by one', async () => {
    expect(await sidecar('{"fields": [{"name": "a", "type": "nmber"}], "primaryKey": 5, "extra": 1}')).toHaveLength(3);
  });
});

describe('errorsByPlace', () => {
  const e = (keyword: string, instancePath: string): ErrorObject => ({ keyword, instancePath, schemaPath: '', params: {} });
  it('gathers an anyOf with the errors of its branches before it, outer anyOfs with inner ones, and leaves others alone', () => {
    const before = e('required', '/b');
    const branches = [e('const', '/x'), e('type', '/x/0'), e('anyOf', '/x/0'), e('type', '/x')];
    const outer = e('anyOf', '/x');
    const after = e('type', '/y');
    expect(errorsByPlace([before, ...branches, outer, after])).toEqual([[before], [...branches, outer], [after]]);
  });
});
