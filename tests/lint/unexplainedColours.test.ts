// A map whose colours have no legend must say in its title or subtitle what
// each colour means (a Reuters/FT review, 2026: the example map named its
// red but left its blue and dark grey unexplained).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findings } from './lintProject.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const example = JSON.parse(readFileSync(path.join(root, 'specs/countries-named.vl.json'), 'utf8'));
const files = (subtitle: string, legend: unknown = null) => {
  const spec = structuredClone(example);
  spec.title.subtitle = subtitle;
  spec.layer[1].encoding.color.legend = legend;
  return {
    'data/sources.csv': readFileSync(path.join(root, 'data/sources.csv'), 'utf8'),
    'data/countries-named.csv': readFileSync(path.join(root, 'data/countries-named.csv'), 'utf8'),
    'specs/map.vl.json': JSON.stringify(spec, null, 2) + '\n',
  };
};

describe('unexplained-colours', () => {
  it('flags a map whose subtitle names one of its three colours, at its legend', async () => {
    const found = await findings('unexplained-colours', files('In red, China and Russia, the subject of the report'));
    expect(found).toEqual([
      expect.stringMatching(/^specs\/map\.vl\.json:\d+:\d+: warning: map coloured by "country" with no legend, and its title and subtitle name 1 of its 3 colours: a reader cannot tell what each means; add a legend, or say in the subtitle what each colour shows/),
    ]);
  });

  it('is silent when the subtitle names every colour ("dark grey" is grey), or the legend is shown', async () => {
    expect(await findings('unexplained-colours', files(example.title.subtitle))).toEqual([]);
    expect(await findings('unexplained-colours', files('In red, China and Russia', { orient: 'top' }))).toEqual([]);
  });
});
