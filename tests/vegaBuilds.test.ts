import { describe, expect, it } from 'vitest';
import { vega } from '../src/vegaBuilds.js';

describe('vega (single-file build)', () => {
  it('is the installed vega version, and leaves no global behind', async () => {
    const { toolVersions } = await import('../src/provenance/versions.js');
    expect(vega.version).toBe(toolVersions().vega);
    expect((globalThis as { vega?: unknown }).vega).toBeUndefined();
  });

  it('renders a spec to SVG', async () => {
    const spec = { width: 20, height: 20, marks: [{ type: 'rect', encode: { enter: { width: { value: 5 }, height: { value: 5 } } } }] };
    const svg = await new vega.View(vega.parse(spec), { renderer: 'none' }).toSVG();
    expect(svg).toMatch(/^<svg[^>]*width="20" height="20"/);
    expect(svg).toContain('<path d="M0,0h5v5h-5Z"');
  });
});
