// A column named with a quote (`ex'ports`, as a header can be) plotted by its
// plain name: Vega-Lite reads the quote as the start of a quoted name and
// fails ("Access path missing closing quote"), which was reported at 1:1.
// Now it is an error at the field, with the escape that draws the column;
// `new` writes that escape itself.
import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { scaffoldChart } from '../../src/commands/new.js';
import { formatDiagnostic } from '../../src/errors.js';
import * as messages from '../../src/messages.js';
import { barSpec, makeProject, minimalProject, readText, SOURCES_CSV, where } from '../helpers/fixtureProject.js';

const CSV = "country,ex'ports,source\nNorway,120,stats-2024\nChile,85,stats-2024\n";
const spec = (field: string, transform?: unknown[]) =>
  barSpec({ ...(transform && { transform }) }).replace('"field": "exports"', `"field": ${JSON.stringify(field)}`);
const errors = async (specText: string) =>
  (await check({ cwd: makeProject({ ...minimalProject, 'data/exports.csv': CSV, 'specs/exports.vl.json': specText }) }))
    .filter((d) => d.severity === 'error')
    .map(formatDiagnostic);

describe("a field name with a quote", () => {
  it('is an error at the field, naming the escape', async () => {
    const text = spec("ex'ports");
    expect(await errors(text)).toEqual([`${where('specs/exports.vl.json', text, `"field": "ex'ports"`)}: error: ${messages.spec.unreadableFieldPath("ex'ports", "ex\\'ports")}`]);
  });

  it('in a transform too', async () => {
    const text = spec("ex\\'ports", [{ filter: { field: "ex'ports", gt: 0 } }]);
    expect(await errors(text)).toEqual([`${where('specs/exports.vl.json', text, `"field": "ex'ports"`)}: error: ${messages.spec.unreadableFieldPath("ex'ports", "ex\\'ports")}`]);
  });

  it('escaped as the message says, draws the column', async () => {
    expect(await errors(spec("ex\\'ports"))).toEqual([]);
  });

  it('is escaped by `new`, so the spec it writes builds', async () => {
    const cwd = makeProject({ 'data/sources.csv': SOURCES_CSV, 'data/exports.csv': CSV.replace("ex'ports", '"say ""ex"""') });
    expect((await scaffoldChart({ cwd, name: 'exports', data: 'data/exports.csv' })).diagnostics).toEqual([]);
    expect(readText(cwd, 'specs/exports.vl.json')).toContain('"field": "say \\\\\\"ex\\\\\\""');
    expect((await check({ cwd })).filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  });
});
