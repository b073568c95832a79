import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { packageVersion } from '../provenance/versions.js';

type Sharp = typeof import('sharp').default;

/** The file scripts/bundle.mjs writes beside dist/bundle/sharp.cjs: the version of sharp it bundled. */
export interface BundledSharpStamp {
  version: string;
}

let loading: Promise<Sharp> | undefined;

/**
 * sharp, loaded once per thread: from its JavaScript bundled into one file
 * by `npm run build` (dist/bundle/sharp.cjs: sharp's modules with semver,
 * detect-libc and @img/colour, ≈60 files) when that file was made from the
 * sharp installed now (dist/bundle/sharp.json: same version), else as the
 * package. Loading the package resolved and compiled every file of it, and
 * all 47 of semver's: ≈40 ms of CPU of each one-chart build and of each
 * render worker, ≈25 ms as one file (issue 15, cold start). The native part
 * (@img/sharp-PLATFORM, libvips) is required from sharp's own folder as
 * sharp requires it, so the bundle runs the same code on the same binary.
 */
export function loadSharp(): Promise<Sharp> {
  return (loading ??= (async () => (loaded = bundledSharp() ?? (await import('sharp')).default))());
}

let loaded: Sharp | undefined;

/** sharp when loadSharp has already loaded it on this thread, else undefined (nothing is loaded). */
export function loadedSharp(): Sharp | undefined {
  return loaded;
}

/**
 * sharp from `dist/bundle/sharp.cjs` (`dist` the folder URL, with its
 * trailing slash; this module's dist/ by default) when `dist/bundle/sharp.json`
 * names the version of the sharp installed; undefined when either file is
 * missing or the versions differ. Throws what sharp throws as it loads (no
 * binary for this platform).
 */
export function bundledSharp(dist: URL = new URL('../', import.meta.url)): Sharp | undefined {
  let bundle: string;
  let entry: string;
  try {
    const stamp = JSON.parse(readFileSync(fileURLToPath(new URL('bundle/sharp.json', dist)), 'utf8')) as Partial<BundledSharpStamp>;
    // Another sharp installed since `npm run build` (an update without a build): its own files, never older JavaScript on a newer binary.
    if (stamp.version !== packageVersion('sharp')) return undefined;
    bundle = fileURLToPath(new URL('bundle/sharp.cjs', dist));
    entry = createRequire(import.meta.url).resolve('sharp');
  } catch {
    // No bundle (tests run from src/, or a build without it): the package.
    return undefined;
  }
  // The bundle exports a function of the `require` its native and optional parts are loaded with (scripts/bundle.mjs).
  const load = createRequire(import.meta.url)(bundle) as (sharpRequire: NodeJS.Require) => Sharp;
  return load(createRequire(entry));
}
