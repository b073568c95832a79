// Each package's version is read once per process (issue 15, cold start: a
// one-chart build asked for some three times, each trying Node's lookup folders).
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { packageVersion } from '../../src/provenance/versions.js';
import { fallbackVersions } from '../../src/text/fallbackFonts.js';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return { ...fs, readFileSync: vi.fn(fs.readFileSync) };
});
const reads = vi.mocked(readFileSync);
const readsOf = (ending: string) => reads.mock.calls.filter(([file]) => String(file).replaceAll('\\', '/').endsWith(ending)).length;

describe('package versions', () => {
  it('reads a package.json once, however often its version is asked for', () => {
    const first = packageVersion('d3-format');
    expect(first).toMatch(/^\d+\.\d+\.\d+/);
    // The first look tries each of Node's lookup folders in turn (a read that fails in all but one).
    const looked = readsOf('/d3-format/package.json');
    expect(looked).toBeGreaterThan(0);
    expect(packageVersion('d3-format')).toBe(first);
    expect(packageVersion('d3-format')).toBe(first);
    expect(readsOf('/d3-format/package.json')).toBe(looked);
  });

  it('reads each fallback font package once, and hands out copies', () => {
    const first = fallbackVersions();
    expect(first.length).toBeGreaterThan(0);
    first.push('changed');
    expect(fallbackVersions()).toEqual(first.slice(0, -1));
    expect(readsOf('/noto-sans-jp/package.json')).toBe(1);
  });
});
