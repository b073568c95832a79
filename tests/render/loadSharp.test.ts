// sharp loaded from its JavaScript bundled into one file by `npm run build`
// (dist/bundle/sharp.cjs), only when that file was made from the sharp
// installed (issue 15, cold start: ≈40 → ≈25 ms of CPU to load it).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledSharp } from '../../src/render/loadSharp.js';

const BUILT = path.resolve('dist/bundle/sharp.cjs');
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A dist/ folder holding the built bundle and a stamp naming `version`. */
function distWith(version: string | undefined): URL {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'citechart-sharp-'));
  made.push(dist);
  mkdirSync(path.join(dist, 'bundle'));
  copyFileSync(BUILT, path.join(dist, 'bundle', 'sharp.cjs'));
  if (version !== undefined) writeFileSync(path.join(dist, 'bundle', 'sharp.json'), JSON.stringify({ version }));
  return pathToFileURL(dist + path.sep);
}

// The bundle is made by `npm run build` (the test script runs it first).
describe.skipIf(!existsSync(BUILT))('bundledSharp', () => {
  it('is sharp, drawing the same PNG bytes as the package, when the stamp names the installed version', async () => {
    const bundled = bundledSharp(distWith(sharp.versions.sharp));
    expect(bundled).toBeTypeOf('function');
    expect(bundled!.versions).toEqual(sharp.versions);
    const raw = Buffer.alloc(16 * 8 * 4, 0);
    for (let i = 0; i < raw.length; i += 4) raw.set([i % 251, (i * 7) % 256, 90, 255], i);
    const png = (lib: typeof sharp) => lib(raw, { raw: { width: 16, height: 8, channels: 4 } }).png({ compressionLevel: 9 }).withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"/>').toBuffer();
    expect(await png(bundled!)).toEqual(await png(sharp));
  });

  it('is none when another sharp is installed than the one bundled, or no stamp says which', () => {
    expect(bundledSharp(distWith('0.0.1'))).toBeUndefined();
    expect(bundledSharp(distWith(undefined))).toBeUndefined();
  });
});
