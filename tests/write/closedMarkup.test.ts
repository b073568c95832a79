// Build checks its own SVG and HTML text before staging it by its closing
// tag only (the full parse cost ~5 % of a 200-chart build, issue 15); every
// file it draws must pass, and the same text cut short anywhere must not.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isClosedMarkup } from '../../src/write/closedMarkup.js';

const OUTPUT = path.resolve('output');
const drawn = readdirSync(OUTPUT).filter((name) => /\.(svg|html)$/.test(name));
const kindOf = (name: string) => path.extname(name).slice(1) as 'svg' | 'html';

describe('isClosedMarkup', () => {
  it('accepts every SVG and HTML file of the committed build (snippets, artboards, the gallery page)', () => {
    expect(drawn.some((name) => name.endsWith('.svg')) && drawn.some((name) => name.endsWith('.html'))).toBe(true);
    for (const name of drawn) expect(isClosedMarkup(readFileSync(path.join(OUTPUT, name), 'utf8'), kindOf(name)), name).toBe(true);
  });

  it('refuses each of those files cut short, at 200 places from the first byte to the last', () => {
    for (const name of drawn) {
      const text = readFileSync(path.join(OUTPUT, name), 'utf8');
      const end = text.trimEnd().length;
      for (let step = 0; step < 200; step += 1) {
        const keep = Math.floor((end * step) / 200) + (step % 7);
        if (keep >= end) continue;
        expect(isClosedMarkup(text.slice(0, keep), kindOf(name)), `${name} cut to ${keep} of ${text.length}`).toBe(false);
      }
      expect(isClosedMarkup(text.slice(0, end - 1), kindOf(name)), `${name} without its last character`).toBe(false);
    }
  });

  it('skips a declaration, doctype and comments; an empty root is whole; an SVG must open with <svg>', () => {
    expect(isClosedMarkup('<?xml version="1.0"?>\n<!-- drawn -->\n<svg><g/></svg>\n', 'svg')).toBe(true);
    expect(isClosedMarkup('<svg/>', 'svg')).toBe(true);
    expect(isClosedMarkup('<svg><g>', 'svg')).toBe(false);
    expect(isClosedMarkup('<g></g>', 'svg')).toBe(false);
    expect(isClosedMarkup('<!-- cut', 'svg')).toBe(false);
    expect(isClosedMarkup('', 'svg')).toBe(false);
    expect(isClosedMarkup('<!DOCTYPE html>\n<HTML><body></body></html>', 'html')).toBe(true);
    expect(isClosedMarkup('<figure class="citechart-embed"><svg></svg>', 'html')).toBe(false);
  });
});
