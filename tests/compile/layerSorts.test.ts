// Vega-Lite's "Domains that should be unioned has conflicting sort
// properties. Sort will be set to true." came at 1:1 of a plain bar chart
// with value labels, whose bars were sorted as asked: untrue there. Where
// Vega-Lite did drop the sort (bars drawn alphabetically), it is an error at
// the sort.
import { describe, expect, it } from 'vitest';
import type { Spec as VegaSpec } from 'vega';
import { judgeUnionedSorts } from '../../src/compile/unionedSorts.js';
import { parseJsonText } from '../../src/compile/readJsonFile.js';
import type { ChartSpec } from '../../src/compile/readSpec.js';
import type { RawMessage } from '../../src/compile/judgeMessages.js';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { format, project, sourcesCsv } from '../helpers/project.js';

const EXPORTS = 'country,exports,source\nNorway,120,s\nChile,85,s\nKenya,40,s\nAustria,99,s\n';

const build = async (spec: Record<string, unknown>) => {
  const text = JSON.stringify({ data: { url: 'data/ex.csv' }, ...spec }, null, 2);
  const dir = await project({ 'data/sources.csv': sourcesCsv('s'), 'data/ex.csv': EXPORTS, 'specs/bars.vl.json': text });
  const { chart, diagnostics } = await renderChart(await openProject(dir), 'bars', {});
  return { chart, diagnostics, text };
};
/** The y axis labels in drawing order (top to bottom). */
const yLabels = (svg: string) => {
  const axis = svg.slice(svg.indexOf('role-axis'));
  return [...axis.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).filter((t) => ['Norway', 'Chile', 'Kenya', 'Austria'].includes(t!));
};

describe('judgeUnionedSorts (compiled spec)', () => {
  const vegaLite = { encoding: { y: { field: 'country', type: 'nominal', sort: '-x' } }, layer: [{ mark: 'bar' }, { mark: 'text' }] };
  const spec = { json: parseJsonText('specs/t.vl.json', JSON.stringify(vegaLite)).json!, vegaLite } as unknown as ChartSpec;
  const warning: RawMessage = { source: 'Vega-Lite', severity: 'warning', reason: 'Domains that should be unioned has conflicting sort properties. Sort will be set to true.' };
  const other: RawMessage = { source: 'Vega-Lite', severity: 'warning', reason: 'Something else' };
  const compiled = (sort: unknown) => ({ scales: [{ name: 'y', type: 'band', domain: { data: 'data_0', field: 'country', sort } }] }) as unknown as VegaSpec;

  it('drops the warning when Vega-Lite kept a sort, and leaves other messages', () => {
    expect(judgeUnionedSorts(spec, compiled({ op: 'sum', field: 'x', order: 'descending' }), [warning, other])).toEqual({ raw: [other], diagnostics: [] });
  });

  it('is an error at the sort when the domain was left sorted by name', () => {
    const { raw, diagnostics } = judgeUnionedSorts(spec, compiled(true), [warning]);
    expect(raw).toEqual([]);
    expect(diagnostics).toMatchObject([{ severity: 'error', rule: 'layer-sort', line: 1 }]);
    expect(JSON.stringify(vegaLite).slice(diagnostics[0]!.column! - 1)).toMatch(/^"sort":"-x"/);
  });

  it('does nothing without the warning', () => {
    expect(judgeUnionedSorts(spec, compiled(true), [other]).diagnostics).toEqual([]);
  });
});

describe('layers sharing a sorted axis', () => {
  it('bars with value labels: sorted as asked, and no warning', async () => {
    const { chart, diagnostics } = await build({
      encoding: { y: { field: 'country', type: 'nominal', sort: '-x' }, x: { field: 'exports', type: 'quantitative' } },
      layer: [{ mark: 'bar' }, { mark: { type: 'text', align: 'left', dx: 3 }, encoding: { text: { field: 'exports' } } }],
    });
    // Before: "specs/bars.vl.json:1:1: warning: Vega-Lite: Domains that should be unioned has conflicting sort properties. Sort will be set to true."
    expect(format(diagnostics)).toEqual([]);
    expect(yLabels(chart!.svg)).toEqual(['Norway', 'Austria', 'Chile', 'Kenya']);
  }, 30_000);

  it('bars beside a mean tick: Vega-Lite drops the sort, an error at it', async () => {
    const { chart, diagnostics, text } = await build({
      encoding: { y: { field: 'country', type: 'nominal', sort: '-x' } },
      layer: [
        { mark: 'bar', encoding: { x: { field: 'exports', type: 'quantitative' } } },
        { mark: 'tick', encoding: { x: { aggregate: 'mean', field: 'exports', type: 'quantitative' } } },
      ],
    });
    // Before: drawn alphabetically (Austria, Chile, Kenya, Norway) with the same warning at 1:1, exit 0.
    expect(chart).toBeUndefined();
    expect(format(diagnostics)).toHaveLength(1);
    const [d] = diagnostics;
    expect(d!.severity).toBe('error');
    expect(text.split('\n')[d!.line! - 1]!.slice(d!.column! - 1)).toMatch(/^"sort": "-x"/);
    expect(d!.message).toMatch(/^the layers sharing this y axis sort it by different figures/);
  }, 30_000);

  it('the fix the error gives draws them sorted', async () => {
    const { chart, diagnostics } = await build({
      encoding: { y: { field: 'country', type: 'nominal', sort: { field: 'exports', op: 'sum', order: 'descending' } } },
      layer: [
        { mark: 'bar', encoding: { x: { field: 'exports', type: 'quantitative' } } },
        { mark: 'tick', encoding: { x: { aggregate: 'mean', field: 'exports', type: 'quantitative' } } },
      ],
    });
    expect(format(diagnostics)).toEqual([]);
    expect(yLabels(chart!.svg)).toEqual(['Norway', 'Austria', 'Chile', 'Kenya']);
  }, 30_000);
});
