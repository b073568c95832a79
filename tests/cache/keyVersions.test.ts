// An upgrade of a library that changes a graphic's bytes must change every
// chart's cache key, or the old graphics pass for fresh.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyVersions } from '../../src/cache/keyVersions.js';
import { toolVersions } from '../../src/provenance/versions.js';

// Read from node_modules directly: fontkit's package exports no ./package.json.
const installed = (name: string) =>
  (JSON.parse(readFileSync(path.join(import.meta.dirname, '../../node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

describe('keyVersions', () => {
  it('covers the versions recorded in graphics', () => {
    expect(keyVersions()).toMatchObject(toolVersions());
  });

  it('covers fontkit (text widths) and the d3 packages (footer numbers and dates, dark palette), as installed', () => {
    for (const name of ['fontkit', 'd3', 'd3-format', 'd3-time-format']) expect(keyVersions()[name], name).toBe(installed(name));
  });
});
