// On a card the footer is raised to read on a phone; the chart's own text is
// raised with it, so the footer never outweighs the chart (a Reuters/FT
// review, 2026: the landscape map card's source lines were set larger than
// its country labels).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { withCardText } from '../../src/social/cardText.js';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('withCardText', () => {
  const spec = {
    mark: { type: 'text', fontSize: { expr: 'clamp(width / 600 * 13, 11, 13)' } },
    layer: [{ mark: { type: 'text', fontSize: 20 }, encoding: { x: { field: 'a', axis: { labelFontSize: 9 } } } }],
    config: { axis: { labelFontSize: 12 } },
  };

  it('raises every text size under the floor, through the config over the theme, marks and encodings, and never lowers one', () => {
    const raised = withCardText(spec, 17.6, { legend: { labelFontSize: 12 }, title: { subtitleFontSize: 14 } });
    expect(raised.mark).toEqual({ type: 'text', fontSize: { expr: 'max(clamp(width / 600 * 13, 11, 13), 17.6)' } });
    expect((raised.layer as Array<Record<string, any>>)[0]!.mark.fontSize).toBe(20);
    expect((raised.layer as Array<Record<string, any>>)[0]!.encoding.x.axis.labelFontSize).toBe(17.6);
    const config = raised.config as Record<string, Record<string, number>>;
    expect(config.axis).toEqual({ labelFontSize: 17.6, titleFontSize: 17.6 });
    expect(config.legend).toEqual({ labelFontSize: 17.6, titleFontSize: 17.6 });
    expect(config.title!.subtitleFontSize).toBe(17.6);
    expect(config.text!.fontSize).toBe(17.6);
  });

  it('leaves sizes at or over the floor as they are', () => {
    const raised = withCardText({ config: { axis: { labelFontSize: 12, titleFontSize: 12 } } }, 11, {});
    expect((raised.config as Record<string, Record<string, number>>).axis).toEqual({ labelFontSize: 12, titleFontSize: 12 });
  });
});

describe('the example map\'s landscape card', () => {
  it('sets its country labels at least as large as its footer', async () => {
    const { chart } = await renderChart(await openProject(root), 'countries-named');
    const card = chart!.socialCards!.find((c) => c.width === 1200)!;
    const footer = Number(/<g class="citechart-footer"[^>]* font-size="([\d.]+)"/.exec(card.svg)![1]);
    // The country labels: the text layer over the halo's (whose texts carry a stroke).
    const layer = /<g class="mark-text role-mark layer_3_marks"[^>]*>(.*?)<\/g>/.exec(card.svg)![1]!;
    const labels = [...layer.matchAll(/<text[^>]*font-size="([\d.]+)px"/g)].map((m) => Number(m[1]));
    // Three: the example leaves Ukraine's row out of its label layers (no place in the sea can be joined to it).
    expect(labels.length).toBe(3);
    for (const size of labels) expect(size).toBeGreaterThanOrEqual(footer - 0.01);
  }, 60_000);
});
