import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { packageVersion } from '../provenance/versions.js';
import { readSharpCodeCache } from './sharpCodeCacheFile.js';

type Sharp = typeof import('sharp').default;

/** The file scripts/bundle.mjs writes beside dist/bundle/sharp.cjs: the version of sharp it bundled. */
export interface BundledSharpStamp {
  version: string;
}

/** What became of the code cache in the last bundledSharp() of this thread: given to V8 and taken, refused by V8 (another V8, other V8 flags), or none given. */
export type SharpCodeCacheUse = 'used' | 'rejected' | 'none';

let loading: Promise<Sharp> | undefined;
let lastCodeCache: SharpCodeCacheUse = 'none';

/**
 * sharp, loaded once per thread: from its JavaScript bundled into one file
 * by `npm run build` (dist/bundle/sharp.cjs: sharp's modules with semver,
 * detect-libc and @img/colour, ≈60 files) when that file was made from the
 * sharp installed now (dist/bundle/sharp.json: same version), else as the
 * package. Loading the package resolved and compiled every file of it, and
 * all 47 of semver's: ≈40 ms of CPU of each one-chart build and of each
 * render worker, ≈25 ms as one file (issue 15, cold start), less with V8's
 * code cache of it (sharpCodeCache.ts). The native part
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
 * missing or the versions differ. The file is compiled with V8's code cache
 * `dist/bundle/sharp.cache` when that was made from the file as it is now
 * (sharpCodeCacheFile.ts); V8 itself refuses one made by another V8 or under
 * other V8 flags, and compiles the source (sharpCodeCacheUse() says which).
 * Throws what sharp throws as it loads (no binary for this platform).
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
  const script = compileSharpBundle(bundle, readSharpCodeCache(bundle, fileURLToPath(new URL('bundle/sharp.cache', dist))));
  // The bundle exports a function of the `require` its native and optional parts are loaded with (scripts/bundle.mjs).
  return runSharpBundle(script, createRequire(entry));
}

/** What became of the code cache in this thread's last bundledSharp() (SharpCodeCacheUse). */
export function sharpCodeCacheUse(): SharpCodeCacheUse {
  return lastCodeCache;
}

/**
 * Compiles the bundle at `bundle` (a path) in CommonJS's wrapper, a
 * function of (module, exports), with `cachedData` (V8's code cache) when
 * given, noting whether V8 took it (sharpCodeCacheUse).
 * node:vm is required here, at run time, not as this module loads: it is not
 * among the built-in modules Node verifies in a startup snapshot.
 */
export function compileSharpBundle(bundle: string, cachedData?: Buffer): import('node:vm').Script {
  const { Script } = createRequire(import.meta.url)('node:vm') as typeof import('node:vm');
  // On the file's first line, so line numbers in sharp's stack traces stay the file's.
  const script = new Script(`(function (module, exports) {${readFileSync(bundle, 'utf8')}\n})`, { filename: bundle, cachedData });
  lastCodeCache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  return script;
}

/** Runs a compiled bundle: sharp, its native and optional parts required with `sharpRequire` (one made in sharp's own folder). */
export function runSharpBundle(script: import('node:vm').Script, sharpRequire: NodeJS.Require): Sharp {
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (module: { exports: unknown }, exports: unknown) => void)(module, module.exports);
  return (module.exports as (sharpRequire: NodeJS.Require) => Sharp)(sharpRequire);
}
