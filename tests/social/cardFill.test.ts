// How the example charts' cards fill their format (a Reuters/FT review, 2026):
// portrait cards left a 200–330 px empty band above the footer; the
// microelectronics portrait card's bars were 150 px thick; the china-supplies
// square card's rows were squeezed; the 1200×675 titles differed in size from
// one chart to the next.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { CARD_BAR_EMS, withCardBars } from '../../src/social/cardBars.js';
import { titleLayoutWidth, withCardTitle } from '../../src/social/cardTitle.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const output = path.join(root, 'output');

/** The tallest run of blank (all but white) rows of a PNG between its first and last row of ink, px. */
async function widestBand(file: string): Promise<number> {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  const blank: boolean[] = [];
  for (let y = 0; y < info.height; y++) {
    let empty = true;
    for (let x = 0; x < info.width && empty; x++) {
      const i = (y * info.width + x) * info.channels;
      if (data[i]! < 245 || data[i + 1]! < 245 || data[i + 2]! < 245) empty = false;
    }
    blank.push(empty);
  }
  let run = 0;
  let widest = 0;
  for (let y = blank.indexOf(false); y <= blank.lastIndexOf(false); y++) {
    run = blank[y] ? run + 1 : 0;
    widest = Math.max(widest, run);
  }
  return widest;
}

describe('portrait and square cards fill their format', () => {
  const cards = readdirSync(output).filter((file) => /-social-1080x(1350|1080)\.png$/.test(file));
  it('has cards to look at', () => expect(cards.length).toBeGreaterThanOrEqual(16));
  // The review saw bands of 200–330 px (358 on the microelectronics portrait card); 160 px is the room a two-bar
  // chart leaves on a 4:5 card once its chart is centred in it (the gaps above, between and below its bars).
  it.each(cards)('%s has no empty band taller than 160 px', async (file) => {
    expect(await widestBand(path.join(output, file))).toBeLessThanOrEqual(160);
  });
});

/** The drawn size (px of the card's SVG) of its title: its font size in the layout times the card's zoom. */
const titleSize = (svg: string) => {
  const zoom = Number(/class="citechart-zoom" transform="scale\(([\d.]+)\)"/.exec(svg)?.[1] ?? 1);
  const size = Number(/role-title-text"[^>]*><text[^>]*font-size="([\d.]+)px"/.exec(svg)![1]);
  return size * zoom;
};

describe('one title size per card format', () => {
  it('on every 1200×675, 1080×1080 and 1080×1350 card of the example charts, both editions', async () => {
    const project = await openProject(root);
    const sizes = new Map<string, number[]>();
    for (const name of ['microelectronics-imports', 'countries-named', 'optical-suppliers', 'china-supplies', 'microelectronics-imports.fr', 'countries-named.fr']) {
      const { chart } = await renderChart(project, name);
      for (const card of chart!.socialCards!) {
        const key = `${card.width}x${card.height}`;
        sizes.set(key, (sizes.get(key) ?? []).concat(titleSize(card.svg)));
      }
    }
    expect([...sizes.keys()].sort()).toEqual(['1080x1080', '1080x1350', '1200x675']);
    for (const [format, list] of sizes) {
      expect(Math.max(...list) - Math.min(...list), `${format}: ${list.map((s) => s.toFixed(2)).join(', ')}`).toBeLessThan(0.05);
    }
  }, 180_000);

  it('is the theme\'s title at the narrowest layout at least 280 px tall, scaled up to the card', () => {
    expect(titleLayoutWidth({ width: 1200, height: 675 })).toBe(520);
    expect(titleLayoutWidth({ width: 1080, height: 1080 })).toBe(360);
    expect(titleLayoutWidth({ width: 1080, height: 1350 })).toBe(320);
    const laid = withCardTitle({ title: 'T' }, 600, { width: 1200, height: 675 }, { title: { fontSize: 19, subtitleFontSize: 14 } });
    expect((laid.config as { title: Record<string, number> }).title).toEqual({ fontSize: 21.92, subtitleFontSize: 16.15 });
  });
});

describe('bars on a card', () => {
  it('are no thicker than CARD_BAR_EMS ems of their labels on the microelectronics cards', async () => {
    const { chart } = await renderChart(await openProject(root), 'microelectronics-imports');
    for (const card of chart!.socialCards!) {
      const bars = [...card.svg.matchAll(/<g class="mark-rect role-mark[^"]*"[^>]*>(.*?)<\/g>/g)].flatMap((m) => [...m[1]!.matchAll(/\sd="M[-\d.]+,[-\d.]+h[-\d.]+v([\d.]+)/g)].map((d) => Number(d[1])));
      const label = Number(/role-axis-label"[^>]*>(?:<[^>]*>)*?<text[^>]*font-size="([\d.]+)px"/.exec(card.svg)?.[1] ?? 14);
      expect(bars.length, `${card.width}x${card.height}`).toBe(2);
      for (const bar of bars) expect(bar, `${card.width}x${card.height}: a bar ${bar} px thick beside ${label} px labels`).toBeLessThanOrEqual(CARD_BAR_EMS * label + 0.01);
    }
  }, 60_000);

  it('keep the band\'s share when it is thinner than the cap; a bar set in px is left as it is', () => {
    const spec = { encoding: { y: { field: 'a', type: 'nominal', axis: { labelFontSize: 14 } } }, layer: [{ mark: { type: 'bar', height: { band: 0.82 } } }, { mark: { type: 'bar', height: 12 } }, { mark: 'text' }] };
    const layers = withCardBars(spec, 11).layer as Array<{ mark: unknown }>;
    expect(layers[0]!.mark).toEqual({ type: 'bar', height: { expr: "min(bandwidth('y') * 0.82, 28)" } });
    expect(layers[1]!.mark).toEqual({ type: 'bar', height: 12 });
    expect(layers[2]!.mark).toBe('text');
    // The card's text size when the labels are smaller; vertical bars on a discrete x.
    expect(withCardBars({ mark: 'bar', encoding: { x: { field: 'a', type: 'ordinal' } } }, 15).mark).toEqual({ type: 'bar', width: { expr: "min(bandwidth('x') * 1, 30)" } });
  });
});
