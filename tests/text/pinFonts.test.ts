import { describe, expect, it } from 'vitest';
import { pinFallbackFonts } from '../../src/text/pinFonts.js';

const svg = (text: string) => `<svg><text x="1">${text}</text><title>東京</title></svg>`;

describe('pinFallbackFonts (the PNG\'s SVG)', () => {
  it('leaves Latin, Greek and Cyrillic text as it is', async () => {
    const latin = svg('Москва – Αθήνα &amp; <tspan font-weight="bold">Zürich</tspan>');
    expect(await pinFallbackFonts(latin)).toBe(latin);
  });

  it('wraps each fallback run in its font, spaces and Latin staying outside', async () => {
    expect(await pinFallbackFonts(svg('東京 上海, 2024'))).toBe(
      svg('<tspan font-family="Noto Sans SC">東京</tspan> <tspan font-family="Noto Sans SC">上海</tspan>, 2024'),
    );
  });

  it('writes right-to-left words joined by spaces in the order a left-to-right line shows them', async () => {
    expect(await pinFallbackFonts(svg('Source: תל אביב, 2024'))).toBe(
      svg('Source: <tspan font-family="Noto Sans Hebrew">אביב</tspan> <tspan font-family="Noto Sans Hebrew">תל</tspan>, 2024'),
    );
  });

  it('for resvg, names the family inside the font file and drops variation selectors (resvg drew nothing of ☀️ Solar 🌍 🔋)', async () => {
    expect(await pinFallbackFonts(svg('\u2600\uFE0F Solar 東京'), 'resvg')).toBe(
      svg('<tspan font-family="Noto Emoji">\u2600</tspan> Solar <tspan font-family="Noto Sans SC Thin">東京</tspan>'),
    );
  });
});
