import { describe, expect, it } from 'vitest';
import { barSpec } from '../helpers/fixtureProject.js';
import { findings } from './lintProject.js';

describe('undrawn-row', () => {
  it('flags a table no spec uses, once, at its header', async () => {
    const other = 'country,exports,source\nKenya,40,monitor-2023\n';
    expect(await findings('undrawn-row', { 'data/other.csv': other })).toEqual([
      'data/other.csv:1:1: warning: no chart draws data/other.csv: its rows and their sources appear in no graphic',
    ]);
  });

  it('flags a row every spec filters out, at its line', async () => {
    const spec = barSpec({ transform: [{ filter: "datum.country !== 'Kenya'" }] });
    expect(await findings('undrawn-row', { 'specs/exports.vl.json': spec })).toEqual([
      'data/exports.csv:4:1: warning: no chart draws this row (every spec using the table filters it out), so "monitor-2023" is not cited for it in any graphic',
    ]);
  });

  it('is quiet when another chart draws the filtered row, or every row is drawn', async () => {
    const filtered = barSpec({ transform: [{ filter: "datum.country !== 'Kenya'" }] });
    expect(await findings('undrawn-row', { 'specs/exports.vl.json': filtered, 'specs/all.vl.json': barSpec({ title: 'All' }) })).toEqual([]);
    expect(await findings('undrawn-row', {})).toEqual([]);
  });

  it('counts rows behind an aggregate as drawn', async () => {
    const spec = barSpec({
      extra: { encoding: { x: { aggregate: 'sum', field: 'exports', type: 'quantitative', title: 'Exports (units)' } } },
    });
    expect(await findings('undrawn-row', { 'specs/exports.vl.json': spec })).toEqual([]);
  });

  it('says nothing about the tables of a spec that cannot be read', async () => {
    const other = 'country,exports,source\nKenya,40,monitor-2023\n';
    expect(await findings('undrawn-row', { 'data/other.csv': other, 'specs/broken.vl.json': '{"data": ' })).toEqual([]);
  });
});
