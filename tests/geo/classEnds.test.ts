// A quantize colour legend says where its first class starts and its last
// one ends (the lowest and highest figure), and a quantize scale made `nice`
// (classes over a range no figure has) is an error at `nice`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Spec as VegaSpec } from 'vega';
import { labelClassEnds } from '../../src/compile/classEndLabels.js';
import { checkQuantizeNice } from '../../src/checks/quantizeNice.js';
import { plottedChannels } from '../../src/checks/plottedChannels.js';
import { parseJsonText } from '../../src/compile/readJsonFile.js';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { format, project, sourcesCsv } from '../helpers/project.js';

const CHANGE_CSV = 'country,change,source\nFrance,-3,s\nGermany,12,s\nItaly,45,s\nSpain,88,s\nPoland,237,s\nChina,150,s\nBrazil,60,s\n';

const mapSpec = (scale: Record<string, unknown>, legend?: Record<string, unknown>) =>
  JSON.stringify(
    {
      data: { url: 'citechart:world-atlas/countries-110m.json', format: { type: 'topojson', feature: 'countries' } },
      transform: [{ lookup: 'id', from: { data: { url: 'data/change.csv' }, key: 'country', fields: ['change'] } }, { filter: 'isValid(datum.change)' }],
      mark: 'geoshape',
      encoding: { color: { field: 'change', type: 'quantitative', scale, title: 'Change', ...(legend && { legend }) } },
    },
    null,
    2,
  );

/** The legend's label texts Vega drew (opacity 1: not hidden by its overlap removal), in drawing order, up to its title (drawn last). */
const shownLegendLabels = (svg: string, title: string) => {
  const legend = svg.slice(svg.indexOf('role-legend'));
  const texts = [...legend.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].filter((m) => !/ opacity="0"/.test(m[1]!)).map((m) => m[2]);
  return texts.slice(0, texts.indexOf(title) + 1);
};

const render = async (files: Record<string, string>) => renderChart(await openProject(await project({ 'data/sources.csv': sourcesCsv('s'), ...files })), 'map', {});

describe('labelClassEnds (compiled Vega spec)', () => {
  const compiled = (scale: Record<string, unknown>, legend: Record<string, unknown> = {}) =>
    ({ scales: [{ name: 'color', type: 'quantize', domain: { data: 'data_0', field: 'v' }, range: { scheme: 'blues' }, ...scale }], legends: [{ fill: 'color', ...legend }] }) as unknown as VegaSpec;
  const legendOf = (vega: VegaSpec) => (vega as unknown as { legends: Record<string, unknown>[] }).legends[0]!;

  it('gives a data-driven quantize legend the low end twice, each threshold read back from the scale, and the high end', () => {
    const vega = compiled({});
    labelClassEnds(vega);
    const t = (i: number) => `invert("color", range("color")[${i}])[0]`;
    expect(legendOf(vega).values).toEqual({ signal: `[domain("color")[0], domain("color")[0], ${t(1)}, ${t(2)}, ${t(3)}, ${t(4)}, peek(domain("color"))]` });
    expect(legendOf(vega).encode).toBeUndefined();
  });

  it('counts the colours of an explicit range, a scheme count and a named range of the config', () => {
    const counted = (scale: Record<string, unknown>, config?: Record<string, unknown>) => {
      const vega = { ...compiled(scale), ...(config && { config }) } as VegaSpec;
      labelClassEnds(vega);
      return (String((legendOf(vega).values as { signal: string } | undefined)?.signal).match(/invert/g) ?? []).length + 1;
    };
    expect(counted({ range: ['#eee', '#999', '#333'] })).toBe(3);
    expect(counted({ range: { scheme: 'blues', count: 7 } })).toBe(7);
    expect(counted({ range: 'heatmap' }, { range: { heatmap: ['#eee', '#333'] } })).toBe(2);
    expect(counted({ range: 'heatmap' })).toBe(5);
  });

  it('gives a binned field\'s legend its bins (the scale\'s domain), the first twice, up to 31 edges', () => {
    const vega = { scales: [{ name: 'color', type: 'bin-ordinal', bins: { signal: 'bin_maxbins_6_v_bins' }, range: { scheme: 'blues' } }], legends: [{ fill: 'color' }] } as unknown as VegaSpec;
    labelClassEnds(vega);
    const signal = (legendOf(vega).values as { signal: string }).signal;
    expect(signal.startsWith('length(domain("color")) <= 31 ? slice([domain("color")[0], domain("color")[0], domain("color")[1], ')).toBe(true);
    expect(signal.endsWith('domain("color")[30]], 0, length(domain("color")) + 1) : domain("color")')).toBe(true);
    const own = { scales: [{ name: 'color', type: 'bin-ordinal', domain: [0, 10, 20], bins: { signal: 'b' }, range: { scheme: 'blues' } }], legends: [{ fill: 'color' }] } as unknown as VegaSpec;
    labelClassEnds(own);
    expect(legendOf(own).values).toBeUndefined();
  });

  it('writes the ends of a horizontal legend outside its bar', () => {
    const vega = compiled({}, { direction: 'horizontal' });
    labelClassEnds(vega);
    expect(legendOf(vega).encode).toEqual({ labels: { update: { align: { signal: `datum.index === 1 ? 'right' : datum.perc >= 1 ? 'left' : 'center'` } } } });
  });

  it('leaves alone an explicit domain, a quantile or threshold scale, a legend with its own values or label text, and a signal range', () => {
    const untouched = [
      compiled({ domain: [0, 300] }),
      compiled({ type: 'quantile' }),
      compiled({ type: 'threshold', domain: [10, 20] }),
      compiled({}, { values: [1, 2] }),
      compiled({}, { encode: { labels: { update: { text: { signal: 'datum.label' } } } } }),
      compiled({ range: { signal: 'colours' } }),
      compiled({}, { type: 'symbol' }),
    ];
    for (const vega of untouched) {
      labelClassEnds(vega);
      expect(legendOf(vega).values === undefined || Array.isArray(legendOf(vega).values)).toBe(true);
    }
  });
});

describe('checkQuantizeNice (spec)', () => {
  const judged = (scale: Record<string, unknown>) => {
    const text = mapSpec(scale);
    const vegaLite = JSON.parse(text) as Record<string, unknown>;
    return checkQuantizeNice(parseJsonText('specs/map.vl.json', text).json!, plottedChannels(vegaLite, new Map())).map((d) => ({ rule: d.rule, at: text.split('\n')[d.line! - 1]!.slice(d.column! - 1) }));
  };

  it('is an error at a quantize scale\'s nice, true or a count', () => {
    expect(judged({ type: 'quantize', nice: true })).toEqual([{ rule: 'quantize-nice', at: '"nice": true' }]);
    expect(judged({ type: 'quantize', nice: 5 })).toEqual([{ rule: 'quantize-nice', at: '"nice": 5' }]);
  });

  it('passes nice: false, no nice, and nice on another scale type', () => {
    expect(judged({ type: 'quantize', nice: false })).toEqual([]);
    expect(judged({ type: 'quantize' })).toEqual([]);
    expect(judged({ type: 'linear', nice: true })).toEqual([]);
  });
});

describe('quantize choropleth legends (whole chart)', () => {
  it('write the lowest and highest figure, not only the inner bounds', async () => {
    // Before: ["45", "93", "141", "189", "Change"]: nothing said the first class starts at −3 or the last ends at 237.
    const { chart, diagnostics } = await render({ 'data/change.csv': CHANGE_CSV, 'specs/map.vl.json': mapSpec({ type: 'quantize', scheme: 'blues' }) });
    expect(format(diagnostics)).toEqual([]);
    expect(shownLegendLabels(chart!.svg, 'Change')).toEqual(['\u22123', '45', '93', '141', '189', '237', 'Change']);
  }, 30_000);

  it('keep every bound on a horizontal legend (a heat map, ends outside the bar)', async () => {
    // The house theme (12 px labels, legend above the plot): ends inside Vega's 200 px bar made its overlap removal hide 3,125, 6,495 and 9,865.
    const rows = ['1440', '3000', '5000', '7000', '9865', '2500', '4000', '6000', '8000', '9000'];
    const csv = 'month,region,rate,source\n' + rows.map((rate, i) => `2024-${String(i + 1).padStart(2, '0')},${'AB'[i % 2]},${rate},s\n`).join('');
    const heat = { data: { url: 'data/heat.csv' }, mark: 'rect', encoding: {
      x: { field: 'month', type: 'ordinal' }, y: { field: 'region', type: 'nominal' },
      color: { field: 'rate', type: 'quantitative', scale: { type: 'quantize', scheme: 'oranges' }, title: 'Rate' } } };
    const { chart, diagnostics } = await render({ 'data/heat.csv': csv, 'specs/map.vl.json': JSON.stringify(heat), 'specs/theme.json': readFileSync(new URL('../../specs/theme.json', import.meta.url), 'utf8') });
    expect(format(diagnostics)).toEqual([]);
    expect(shownLegendLabels(chart!.svg, 'Rate')).toEqual(['1,440', '3,125', '4,810', '6,495', '8,180', '9,865', 'Rate']);
  }, 30_000);

  it('a binned field (bin: true) writes its first bin\'s start and its last bin\'s end', async () => {
    // Before: ["0", "50", "100", "150", "200", "Change"]: bins −50 … 250, neither end written.
    const spec = mapSpec({ scheme: 'blues' }).replace('"type": "quantitative",', '"type": "quantitative",\n        "bin": true,');
    const { chart, diagnostics } = await render({ 'data/change.csv': CHANGE_CSV, 'specs/map.vl.json': spec });
    expect(format(diagnostics)).toEqual([]);
    expect(shownLegendLabels(chart!.svg, 'Change')).toEqual(['\u221250', '0', '50', '100', '150', '200', '250', 'Change']);
  }, 30_000);

  it('a quantize scale made nice is an error at "nice", and nothing is drawn', async () => {
    // Before: drawn with exit 0, classes over −20 … 240 bounded at 32, 84, 136, 188.
    const { chart, diagnostics } = await render({ 'data/change.csv': CHANGE_CSV, 'specs/map.vl.json': mapSpec({ type: 'quantize', nice: true, scheme: 'blues' }) });
    expect(chart).toBeUndefined();
    const [error] = format(diagnostics);
    expect(format(diagnostics)).toHaveLength(1);
    expect(error).toMatch(/^specs\/map\.vl\.json:\d+:\d+: error: "nice" on the quantize scale of color \(column "change"\)/);
    const [, line, column] = /:(\d+):(\d+):/.exec(error!)!;
    const text = mapSpec({ type: 'quantize', nice: true, scheme: 'blues' }).split('\n')[Number(line) - 1]!;
    expect(text.slice(Number(column) - 1)).toMatch(/^"nice": true/);
  }, 30_000);

  it('nice: false and a threshold scale are drawn', async () => {
    for (const scale of [{ type: 'quantize', nice: false, scheme: 'blues' }, { type: 'threshold', domain: [0, 100, 200], scheme: 'blues' }]) {
      const { diagnostics } = await render({ 'data/change.csv': CHANGE_CSV, 'specs/map.vl.json': mapSpec(scale) });
      expect(format(diagnostics)).toEqual([]);
    }
  }, 30_000);
});
