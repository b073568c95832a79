// sharp loaded from its JavaScript bundled into one file by `npm run build`
// (dist/bundle/sharp.cjs), only when that file was made from the sharp
// installed (issue 15, cold start: ≈40 → ≈25 ms of CPU to load it).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledSharp, sharpCodeCacheUse } from '../../src/render/loadSharp.js';
import { makeSharpCodeCache } from '../../src/render/sharpCodeCache.js';
import { readSharpCodeCache } from '../../src/render/sharpCodeCacheFile.js';

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

/** tsc's output of src/ (`npm run build`), for the fresh processes below. */
const DIST_MODULES = pathToFileURL(path.resolve('dist') + path.sep).href;

/** What a new Node started with the V8 options `flags` prints running the ES module `script`. */
function inFreshNode(flags: string[], script: string): Promise<string> {
  const child = spawn(process.execPath, [...flags, '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  return new Promise((resolve) => child.on('close', () => resolve(stdout.trim())));
}

/** The script that loads sharp from `dist` and prints what became of its code cache, and what it loaded. */
const useCache = (dist: URL) =>
  `const m = await import(${JSON.stringify(DIST_MODULES + 'render/loadSharp.js')}); const sharp = m.bundledSharp(new URL(${JSON.stringify(dist.href)})); console.log(m.sharpCodeCacheUse(), typeof sharp);`;

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

  // In fresh processes: V8 keeps what one compiles for the process (its compilation cache), so a second compile of the same file here would not look at the cache.
  it('compiles the bundle with the code cache `npm run build` makes, which V8 takes only under the V8 flags it was made with', async () => {
    const dist = distWith(sharp.versions.sharp);
    expect(await inFreshNode([], `await (await import(${JSON.stringify(DIST_MODULES + 'render/sharpCodeCache.js')})).makeSharpCodeCache(new URL(${JSON.stringify(dist.href)}));`)).toBe('');
    expect(existsSync(path.join(fileURLToPath(dist), 'bundle', 'sharp.cache'))).toBe(true);
    expect(await inFreshNode([], useCache(dist))).toBe('used function');
    expect(await inFreshNode(['--max-semi-space-size=4'], useCache(dist))).toBe('rejected function');
  });

  it('does not give V8 a cache made from another sharp.cjs than the one there now (V8 checks only its length)', async () => {
    const dist = distWith(sharp.versions.sharp);
    await makeSharpCodeCache(dist);
    const bundle = path.join(fileURLToPath(dist), 'bundle', 'sharp.cjs');
    utimesSync(bundle, new Date(), new Date(Date.now() + 5_000));
    expect(readSharpCodeCache(bundle, path.join(fileURLToPath(dist), 'bundle', 'sharp.cache'))).toBeUndefined();
    const bundled = bundledSharp(dist);
    expect(sharpCodeCacheUse()).toBe('none');
    const raw = Buffer.alloc(8 * 8 * 4, 200);
    const png = (lib: typeof sharp) => lib(raw, { raw: { width: 8, height: 8, channels: 4, premultiplied: true } }).withDensity(144).png({ compressionLevel: 6 }).toBuffer();
    expect(await png(bundled!)).toEqual(await png(sharp));
  });

  it('is none when another sharp is installed than the one bundled, or no stamp says which', () => {
    expect(bundledSharp(distWith('0.0.1'))).toBeUndefined();
    expect(bundledSharp(distWith(undefined))).toBeUndefined();
  });
});
