// V8's code cache of sharp's bundled JavaScript (issue 15, item 3: cold
// start). Loading dist/bundle/sharp.cjs in a one-chart build cost ≈23 ms of
// CPU, of which compiling its ≈270 KB (the file, then each function of
// sharp, semver, @img/colour… the first time it is called) was about a
// third. `npm run build` loads it once as a build does and draws a small PNG,
// then keeps what V8 compiled meanwhile in dist/bundle/sharp.cache; a run
// gives it to V8 with the source (loadSharp.ts), which deserialises it
// instead of compiling. V8 refuses a cache made by another V8 or under other
// V8 flags (it compiles the source then): the cache is made under the
// flags of the snapshot child's main thread (startup/v8Flags.ts and the
// interrupt budget of startup/jitBudget.ts), where a one-chart build loads
// sharp. The render workers run after build.ts changes two V8 flags, so
// V8 refuses it there and they compile sharp as before.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { compileSharpBundle, runSharpBundle } from './loadSharp.js';
import { writeSharpCodeCache } from './sharpCodeCacheFile.js';

/**
 * Makes `dist/bundle/sharp.cache` from `dist/bundle/sharp.cjs` (`dist` the
 * folder URL, trailing slash) in this process, with this process's V8 flags
 * (sharpCodeCacheFile.ts: the file records sharp.cjs's mtime).
 * The PNG it draws (raw pixels, premultiplied or not, 144 dpi, XMP, zlib
 * level 6) takes sharp through what renderPng.ts calls, so those functions
 * are compiled into the cache too.
 * @throws when sharp.cjs cannot be read or sharp cannot load.
 */
export async function makeSharpCodeCache(dist: URL): Promise<void> {
  const bundle = fileURLToPath(new URL('bundle/sharp.cjs', dist));
  const script = compileSharpBundle(bundle);
  const sharp = runSharpBundle(script, createRequire(createRequire(import.meta.url).resolve('sharp')));
  const pixels = Buffer.alloc(8 * 8 * 4, 255);
  for (const premultiplied of [false, true]) {
    await sharp(pixels, { raw: { width: 8, height: 8, channels: 4, premultiplied } }).withDensity(144).png({ compressionLevel: 6 }).withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"/>').toBuffer();
  }
  writeSharpCodeCache(bundle, fileURLToPath(new URL('bundle/sharp.cache', dist)), script.createCachedData());
}
