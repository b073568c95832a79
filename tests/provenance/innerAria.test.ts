// The published SVG is one role="img" named and described by its own <title>
// and <desc>, in the chart's language; its children are presentational
// (WAI-ARIA 1.2, role "img"), so Vega's inner aria-labels are never read,
// and a sanitiser that strips `role` would expose them. They were English
// and field names in French graphics ("Title text '…'", "used for: …",
// "properties.longitude: …", "text mark": a Reuters/FT review, 2026).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markDecorative } from '../../src/provenance/markDecorative.js';

const output = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'output');
const french = readdirSync(output).filter((file) => /\.fr[-.].*svg$|\.fr\.svg$/.test(file));

/** Every ARIA attribute (and role) of every element but the root `<svg>`, as `name="value"`. */
const innerAria = (svg: string) => [...svg.slice(svg.indexOf('>') + 1).matchAll(/\s((?:aria-[\w-]+|role)="[^"]*")/g)].map((m) => m[1]!);

describe('a French graphic\'s SVG', () => {
  it('exists in the example project, with artboards', () => expect(french.length).toBeGreaterThanOrEqual(8));

  it.each(french)('%s: speaks French only, through its root', (file) => {
    const svg = readFileSync(path.join(output, file), 'utf8');
    // Inside it, nothing but aria-hidden (decorative parts hidden) and the root's own <title>/<desc> ids.
    const inner = innerAria(svg).filter((attribute) => attribute !== 'aria-hidden="true"');
    expect(inner).toEqual([]);
    const values = [...svg.matchAll(/\s(?:aria-[\w-]+|role)="([^"]*)"/g)].map((m) => m[1]!).join(' | ');
    for (const english of ['Title text', 'Subtitle text', 'used for', 'properties.', 'mark container', 'text mark', 'geoshape']) expect(values).not.toContain(english);
    // The root keeps its accessible name and description: role="img" labelled by its <title> and <desc>, in French.
    const root = /^<svg\b[^>]*>/.exec(svg)![0];
    expect(root).toMatch(/\srole="img"/);
    expect(root).toMatch(/\slang="fr"/);
    const ids = /\saria-labelledby="([^"]*)"/.exec(root)![1]!.split(' ');
    expect(ids).toHaveLength(2);
    const [title, desc] = ids.map((id) => new RegExp(`<(title|desc) id="${id}">([^<]+)</`).exec(svg));
    expect(title?.[1]).toBe('title');
    expect(desc?.[1]).toBe('desc');
    expect(title![2]!.length).toBeGreaterThan(10);
    expect(desc![2]!.length).toBeGreaterThan(10);
  });
});

describe('markDecorative', () => {
  it('drops Vega\'s inner roles, aria-labels and role descriptions, and hides decorative parts', () => {
    const vega = '<rect width="10"/><g class="mark-text role-title-text" role="graphics-symbol" aria-roledescription="title" aria-label="Title text \'T\'"><text aria-label="used for: x" aria-roledescription="text mark">x</text></g><path class="background" d="M0,0"/>';
    expect(markDecorative(vega)).toBe('<rect width="10" aria-hidden="true"/><g class="mark-text role-title-text"><text>x</text></g><path class="background" d="M0,0" aria-hidden="true"/>');
  });
});
