// source-incomplete and unused-source: what sources.csv promises readers.
import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { formatDiagnostic } from '../../src/errors.js';
import { makeProject, minimalProject, SOURCES_CSV, where } from '../helpers/fixtureProject.js';
import { findings } from './lintProject.js';

const header = 'id,publisher,authors,title,published,url,attribution\n';

describe('source-incomplete', () => {
  it('flags a source with no url and one with no date, once each, with the rule id', async () => {
    const sources =
      header +
      'stats-2024,Statistics Office,Ana Diaz,Widget exports 2024,2024-03,,customs records\n' +
      'monitor-2023,Trade Monitor,Li Wei,Widget market survey,,https://example.org/s,industry estimates\n';
    const diagnostics = await check({ cwd: makeProject({ ...minimalProject, 'data/sources.csv': sources }) });
    // An empty cell starts where the separator after it is.
    const lines = [
      `${where('data/sources.csv', sources, ',customs')}: warning: source "stats-2024" has no url; readers cannot follow it`,
      `${where('data/sources.csv', sources, ',https')}: warning: the source's "published" is empty`,
    ];
    // One line per problem, and it is the rule's.
    expect(diagnostics.map(formatDiagnostic)).toEqual(lines);
    expect(diagnostics.map((d) => d.rule)).toEqual(['source-incomplete', 'source-incomplete']);
  });

  it('is quiet when every source has a url and a date', async () => {
    expect(await findings('source-incomplete', {})).toEqual([]);
  });
});

describe('unused-source', () => {
  it('flags a source no row cites, at its line', async () => {
    const sources = SOURCES_CSV + 'old-2019,Old Paper,X,Old,2019,https://example.org/old,archive\n';
    expect(await findings('unused-source', { 'data/sources.csv': sources })).toEqual([
      `data/sources.csv:4:1: warning: source "old-2019" is cited by no row of any table in data/; remove it or cite it`,
    ]);
  });

  it('counts citations in tables no chart draws', async () => {
    // The spec draws only exports.csv; monitor-2023 is cited by a table alone.
    const exports = 'country,exports,source\nNorway,120,stats-2024\n';
    const other = 'country,exports,source\nKenya,40,monitor-2023\n';
    expect(await findings('unused-source', { 'data/exports.csv': exports, 'data/other.csv': other })).toEqual([]);
  });

  it("counts a map's own boundary file as citing the row named after it", async () => {
    const sources = SOURCES_CSV + 'regions-2024,Mapping Office,X,Regions,2024,https://example.org/regions,\n';
    const geojson = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 'Norway', properties: { name: 'Norway' }, geometry: { type: 'Polygon', coordinates: [[[5, 60], [7, 60], [7, 62], [5, 60]]] } }] });
    const map = JSON.stringify({
      data: { url: 'data/regions-2024.geojson' },
      transform: [{ lookup: 'id', from: { data: { url: 'data/exports.csv' }, key: 'country', fields: ['exports'] } }],
      mark: 'geoshape',
    });
    const files = { 'data/sources.csv': sources, 'data/exports.csv': 'country,exports,source\nNorway,120,stats-2024\nChile,85,monitor-2023\n' };
    expect(await findings('unused-source', { ...files, 'data/regions-2024.geojson': geojson, 'specs/map.vl.json': map })).toEqual([]);
    expect(await findings('unused-source', files)).toEqual([
      'data/sources.csv:4:1: warning: source "regions-2024" is cited by no row of any table in data/; remove it or cite it',
    ]);
  });
});

// Review (round 10) sweep: each source's row was found by a search of every
// row, so a sources.csv of 100,000 rows (the row limit) took the rule 52 s on
// its own; rows are looked up by line now (3 s, most of it reading the file).
describe('source-incomplete on the largest sources.csv', () => {
  it('warns at the cell of a source near the end of 100,000, well within the time a check takes', { timeout: 45_000 }, async () => {
    const { sourceIncomplete } = await import('../../src/lint/sourceIncomplete.js');
    const { readSources } = await import('../../src/load/readSources.js');
    const rows = Array.from({ length: 100_000 }, (_, i) => `s${i},P,A,T,2024,${i === 99_998 ? '' : `https://e.org/${i}`},a\n`).join('');
    const text = header + rows;
    const cwd = makeProject({ 'data/sources.csv': text });
    const { sources } = await readSources(cwd);
    const found = await sourceIncomplete.check({ cwd, sources } as Parameters<typeof sourceIncomplete.check>[0]);
    expect(found.map(formatDiagnostic)).toEqual([`${where('data/sources.csv', text, ',a\ns99999')}: warning: source "s99998" has no url; readers cannot follow it`]);
  });
});
