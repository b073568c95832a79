// Social cards (README "Social cards") as snapshots: gallery charts of every
// kind of layout (a line with a legend, a stacked bar, annotations, scripts
// Source Sans 3 lacks) at each documented preset, PNG pixel by pixel.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { comparePng } from '../helpers/snapshots.js';
import { drawCards, withPresets } from '../helpers/socialCards.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const snapshots = path.join(here, '__snapshots__', 'social');
const charts = ['annotated', 'line', 'scripts', 'stacked'];
const cards = await drawCards(withPresets(path.join(here, '../fixtures/gallery')), charts);

// The scripts chart's nine rows fit the landscape card only squeezed, and squeezed its stacked CJK and Korean labels
// ran into each other: that card is left out (drawSocialCard's textCollisions), with its warning.
const leftOut = new Map([['scripts', ['1200x675']]]);

describe('social cards (tests/fixtures/gallery at the three presets)', () => {
  it.each(charts)('%s: one card per preset that fits, each exactly its size, as its snapshot', async (name) => {
    const drawn = cards.get(name)!;
    expect(drawn.map((card) => `${card.width}x${card.height}`)).toEqual(['1080x1080', '1080x1350', '1200x675'].filter((size) => !leftOut.get(name)?.includes(size)));
    for (const card of drawn) {
      const { width, height } = await sharp(card.png).metadata();
      expect([width, height]).toEqual([card.width, card.height]);
      expect(await comparePng(snapshots, `${name}-social-${card.width}x${card.height}`, card.png)).toBeUndefined();
    }
  }, 60_000);
});
