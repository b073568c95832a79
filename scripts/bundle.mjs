// The command line as a bundle (issue 15, item 3: cold start): `npm run
// build` compiles src/ with tsc into dist/ (the library, dist/index.js, and
// every module as it is), then this script replaces dist/cli.js with
// esbuild's bundle of the same sources, split into shared chunks in
// dist/bundle/, with the render workers' entries beside them. A command
// then reads and compiles a few large files instead of ~270 modules of
// citechart and ~50 of small pure-JavaScript packages (d3, htmlparser2,
// commander…): `citechart build NAME --force` −13 % of CPU (measured with
// /usr/bin/time, bench corpus, 2026-11-30).
//
// Kept out of the bundle (left to Node to load at run time): native addons
// (sharp, resvg, polars), packages that read their own files or WebAssembly
// beside them (fontkit, subset-font, fontverter, PDFKit, ajv's generated
// validator, i18n-iso-countries' languages, the atlases), and Vega and
// Vega-Lite, which src/vegaBuilds.ts loads as their own single-file builds.
//
// `import.meta.url` in a bundled module is rewritten to the URL its tsc
// output has in dist/ (dist/compile/validateSpec.js…), so every path a
// module builds from it (generated/, package.json, fonts, locales) is the
// same as unbundled; the two worker paths point at the bundled workers.
import { build } from 'esbuild';
import { latin1Only } from './latin1Only.mjs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { chmodSync, existsSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');

/** Packages bundled: pure JavaScript, nothing read from their own folder at run time. */
const BUNDLED = new Set([
  'bidi-js', 'commander', 'countries-list', 'd3', 'd3-format', 'd3-time-format', 'dom-serializer', 'domelementtype',
  'domhandler', 'domutils', 'entities', 'fastest-levenshtein', 'htmlparser2', 'jsonc-parser', 're2js',
  'topojson-client', 'topojson-simplify', 'write-file-atomic', 'signal-exit', 'imurmurhash',
]);
const packageName = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
const isD3 = (name) => /^d3-[a-z-]+$/.test(name) || name === 'delaunator' || name === 'robust-predicates' || name === 'internmap';

/** Source text replacements that send the worker pool to the bundled workers (each must match once). */
const WORKER_PATHS = new Map([
  [path.join(SRC, 'pool', 'workerPool.ts'), ["new URL('./workerMain.js', import.meta.url)", "new URL('bundle/workerMain.js', __citechartDist)"]],
  [path.join(SRC, 'commands', 'build.ts'), ["new URL('../pool/renderWorker.js', import.meta.url)", "new URL('bundle/renderWorker.js', __citechartDist)"]],
  // Vega and Vega-Lite's single-file builds as Latin-1 copies (VEGA_COPIES).
  [path.join(SRC, 'vegaBuilds.ts'), [
    "await import(bundle('vega', 'vega.js'));\n    await import(bundle('vega-lite', 'vega-lite.min.js'));",
    "await import(new URL('bundle/vega.js', __citechartDist).href);\n    await import(new URL('bundle/vega-lite.js', __citechartDist).href);",
  ]],
]);

const VEGA_JS = path.join(ROOT, 'node_modules', 'vega', 'build', 'vega.js');
const VEGA_LITE_JS = path.join(ROOT, 'node_modules', 'vega-lite', 'build', 'vega-lite.min.js');

/** Rewrites each of `files` (JavaScript written above) with latin1Only, when it has anything to escape. */
function keepLatin1(files) {
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (/[^\u0000-\u00ff]/.test(text)) writeFileSync(file, latin1Only(text, file));
  }
}

/** In the snapshot (CommonJS, no top-level await): Vega and Vega-Lite's single-file builds required, not imported by URL. */
// Both files are run as modules there too ("type": "module"), so they hand their namespaces over through globalThis, as loadBundles() expects.
const SNAPSHOT_VEGA = [
  "await import(bundle('vega', 'vega.js'));\n    await import(bundle('vega-lite', 'vega-lite.min.js'));",
  `require(${JSON.stringify(VEGA_JS)});\n    require(${JSON.stringify(VEGA_LITE_JS)});`,
  'const loaded = await loadBundles();',
  'const loaded = loadBundles();',
  'async function loadBundles(): Promise<{ vega?: Vega; vegaLite?: VegaLite }> {',
  'function loadBundles(): { vega?: Vega; vegaLite?: VegaLite } {',
];

const layout = (snapshot) => ({
  name: 'citechart-layout',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { external: true };
      // Vega-Lite's build requires "vega": the same single-file build, in the snapshot.
      if (snapshot && args.path === 'vega' && args.importer === VEGA_LITE_JS) return { path: VEGA_JS };
      const name = packageName(args.path);
      return BUNDLED.has(name) || isD3(name) ? undefined : { external: true };
    });
    esbuild.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!args.path.startsWith(SRC + path.sep)) return undefined;
      let text = readFileSync(args.path, 'utf8');
      const fix = snapshot && args.path === path.join(SRC, 'vegaBuilds.ts') ? SNAPSHOT_VEGA : WORKER_PATHS.get(args.path);
      for (let i = 0; fix && i < fix.length; i += 2) {
        if (text.split(fix[i]).length !== 2) throw new Error(`scripts/bundle.mjs: expected ${fix[i]} once in ${args.path}`);
        text = text.replace(fix[i], fix[i + 1]);
      }
      const asCompiled = path.relative(SRC, args.path).replace(/\.ts$/, '.js').split(path.sep).join('/');
      text = text.replaceAll('import.meta.url', `new URL(${JSON.stringify(asCompiled)}, __citechartDist).href`);
      return { contents: text, loader: 'ts' };
    });
  },
});

/** The options both bundles share: Node 20, packages' ES module builds (jsonc-parser's "main" is a UMD file that requires by computed paths), quiet. */
const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  legalComments: 'none',
};

/** What every ES module output shares: format, layout, the `__filename` fix and the banner. */
const ESM_OUTPUT = {
  format: 'esm',
  plugins: [layout(false)],
  // CommonJS packages bundled here read `__filename`, which an ES module does not have: write-file-atomic
  // salts its temporary names with it, and threw on every write (ReferenceError, swallowed by the callers),
  // so no font subset made in a render worker was ever kept and each build made them all again, loading
  // harfbuzz's and WOFF2's WebAssembly (≈100 MB) into every worker (issue 15, peak memory).
  define: { __filename: '__citechartFilename' },
  // Every output file: where dist/ is (from dist/cli.js or dist/bundle/*.js), this file's path, and a `require` for the CommonJS packages bundled.
  banner: {
    js: [
      "import { createRequire as __citechartCreateRequire } from 'node:module';",
      "import { fileURLToPath as __citechartFileURLToPath } from 'node:url';",
      'const __citechartFilename = __citechartFileURLToPath(import.meta.url);',
      "const __citechartDist = new URL(/\\/bundle\\/[^/]*$/.test(import.meta.url) ? '../' : './', import.meta.url);",
      'const require = __citechartCreateRequire(import.meta.url);',
    ].join('\n'),
  },
};

rmSync(path.join(DIST, 'bundle'), { recursive: true, force: true });
/** What the launcher (src/cli.ts) imports only on the path that runs it: the command line, and the up-to-date check of a plain `citechart build`. */
const LAUNCHED = new Map([
  ['./cliProgram.js', 'cliProgram'],
  ['./startup/upToDateBuild.js', 'upToDateBuild'],
]);
const commandLine = await build({
  ...NODE_BUNDLE,
  ...ESM_OUTPUT,
  entryPoints: { 'bundle/cliProgram': path.join(SRC, 'cliProgram.ts') },
  outdir: DIST,
  chunkNames: 'bundle/[name]-[hash]',
  splitting: true,
  metafile: true,
});

/**
 * The up-to-date check (src/startup/upToDateBuild.ts) as one file,
 * dist/bundle/upToDateBuild.js: the modules it imports, dynamically or not,
 * in it, but not what those import dynamically (the renderer, the project's
 * readers, the gallery: a build with work to do goes to the snapshot child
 * before it needs them), which it takes from the command line's chunks
 * above. As one of the command line's entries it shared their chunks, and
 * Node's module loader resolved, read, compiled and linked 33 files
 * (≈250 KB) before the launcher could hash a file; one file of ≈180 KB:
 * the in-process cost of a no-change `citechart build` of the bench's 200
 * charts 190 → 168 ms of CPU (11 interleaved runs, issue 15: the no-change
 * rebuild). A module it shares with those chunks is loaded a second time
 * only when the check takes one of them: a bundled atlas (`citechart:…`,
 * geo/readBoundary.ts) or a big table hashed, the gallery drawn again (a
 * leftover file removed). The project in this repository, with an atlas:
 * 0.12 → 0.11 s, wall and CPU (15 interleaved runs of each).
 */
const chunkOf = new Map(
  Object.entries(commandLine.metafile.outputs)
    .filter(([, output]) => output.entryPoint)
    .map(([file, output]) => [path.resolve(output.entryPoint), path.resolve(file)]),
);
const UP_TO_DATE = path.join(SRC, 'startup', 'upToDateBuild.ts');
const toChunks = {
  name: 'citechart-up-to-date',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== 'dynamic-import' || args.importer === UP_TO_DATE) return undefined;
      const source = path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
      const chunk = chunkOf.get(source);
      if (!chunk) throw new Error(`scripts/bundle.mjs: no chunk of the command line for ${args.path} (imported by ${args.importer})`);
      return { path: './' + path.relative(path.join(DIST, 'bundle'), chunk).split(path.sep).join('/'), external: true };
    });
  },
};
await build({
  ...NODE_BUNDLE,
  ...ESM_OUTPUT,
  plugins: [toChunks, ...ESM_OUTPUT.plugins],
  entryPoints: { 'bundle/upToDateBuild': UP_TO_DATE },
  outdir: DIST,
  splitting: false,
});

/**
 * The launcher, dist/cli.js: src/cli.ts and the few modules it imports
 * statically (runFromSnapshot.ts's), as one file with none of the other
 * files' banner (its `createRequire` and path helpers), its dynamic imports
 * sent to the entries above. Node's ES module loader resolved, read,
 * compiled and linked three files (cli.js and two shared chunks, with their
 * banners) before the launcher could start the snapshot child; one small
 * file: the launcher's start to spawn −2.4 ms of CPU (21 interleaved runs of
 * a copy stopping at the spawn, 72.5 → 70.1 ms, `node -e 0` in an ES
 * module 66.8).
 */
await build({
  ...NODE_BUNDLE,
  entryPoints: [path.join(SRC, 'cli.ts')],
  outfile: path.join(DIST, 'cli.js'),
  format: 'esm',
  plugins: [
    {
      name: 'citechart-launcher',
      setup(esbuild) {
        esbuild.onResolve({ filter: /^\.\// }, (args) => {
          const entry = args.importer === path.join(SRC, 'cli.ts') ? LAUNCHED.get(args.path) : undefined;
          return entry ? { path: `./bundle/${entry}.js`, external: true } : undefined;
        });
      },
    },
    layout(false),
  ],
  // Where dist/ is: the layout plugin writes each module's import.meta.url from it.
  banner: { js: "const __citechartDist = new URL('./', import.meta.url);" },
});
chmodSync(path.join(DIST, 'cli.js'), 0o755);

/**
 * The render workers' entries, each one file with everything it imports
 * (its dynamic imports too), not the command line's shared chunks: a worker
 * loaded 2 files instead of ≈62 ES modules, each resolved, read, compiled,
 * linked and evaluated by Node's module loader on each worker's thread
 * (issue 15, item 4: the pool's start-up). Measured on the bench's 200
 * charts, `citechart build --force`, store warm, 4 interleaved rounds,
 * user+sys CPU, medians (min–max), load 13–15: 14.31 (13.97–14.59) s
 * against 14.48 (14.11–15.44) s; bench/compareBuilds.mjs, 3 rounds, load
 * 14–16: warm 15.41 (15.03–15.52) s against 15.62 (15.52–15.89) s, lower in
 * each round; cold 20.88 (20.79–21.67) s against 21.36 (20.47–21.66) s; the
 * process tree's peak the same (cold 468 (447–471) MB against 459
 * (456–472) MB).
 * A worker is its own isolate, so sharing chunks with the main thread saved
 * no memory.
 */
await build({
  ...NODE_BUNDLE,
  ...ESM_OUTPUT,
  entryPoints: {
    'bundle/workerMain': path.join(SRC, 'pool', 'workerMain.ts'),
    'bundle/renderWorker': path.join(SRC, 'pool', 'renderWorker.ts'),
  },
  outdir: DIST,
  splitting: false,
});

/**
 * Vega's and Vega-Lite's single-file builds, which each render worker (and
 * a run without the snapshot) imports, copied beside the bundle through
 * latin1Only: vega.js is 1.4 M characters, held at two bytes each for the
 * 47 curly quotes and signs in its comments and one string. The same code:
 * a fresh isolate importing vega.js holds 4.84 MB more heap, its copy 3.49 MB
 * (measured with v8.getHeapStatistics after a full collection); each of the
 * pool's workers −1.4 MB, before its heap's growth factor. Every chunk
 * above, and the snapshot's script below, goes through it too (its five
 * regular expressions with `…`, `–`, `€` held the snapshot's 2.4 M
 * characters at two bytes each: snapshot.blob 13.3 → 10.9 MB).
 */
const VEGA_COPIES = new Map([[VEGA_JS, 'vega.js'], [VEGA_LITE_JS, 'vega-lite.js']]);
for (const [from, name] of VEGA_COPIES) writeFileSync(path.join(DIST, 'bundle', name), latin1Only(readFileSync(from, 'utf8'), from));
keepLatin1([path.join(DIST, 'cli.js'), ...readdirSync(path.join(DIST, 'bundle')).filter((name) => name.endsWith('.js')).map((name) => path.join(DIST, 'bundle', name))]);

// ---------------------------------------------------------------- sharp as one file

/**
 * sharp's JavaScript (its ≈15 modules, semver's 47, detect-libc, @img/colour)
 * as one file, dist/bundle/sharp.cjs, which src/render/loadSharp.ts loads
 * instead of the package when dist/bundle/sharp.json names the sharp
 * installed: resolving and compiling the ≈60 files cost ≈40 ms of CPU of
 * each one-chart build and each render worker, one file ≈25 (issue 15).
 * The file exports a function of a `require` made in sharp's own folder, by
 * which the parts left out are loaded as sharp loads them: the native
 * binding (@img/sharp-PLATFORM, libvips) and what only installing or
 * building from source reads. sharp's package.json is bundled: the version
 * check in loadSharp.ts keeps it the installed one's.
 */
const SHARP_ENTRY = createRequire(path.join(ROOT, 'package.json')).resolve('sharp');
const SHARP_DIST = path.dirname(SHARP_ENTRY);
await build({
  ...NODE_BUNDLE,
  entryPoints: [SHARP_ENTRY],
  outfile: path.join(DIST, 'bundle', 'sharp.cjs'),
  format: 'cjs',
  plugins: [{
    name: 'citechart-sharp',
    setup(esbuild) {
      // Native binaries and platform packages: required at run time from sharp's folder.
      esbuild.onResolve({ filter: /\.node$|^@img\/sharp-/ }, (args) => ({ path: args.path, external: true }));
      // sharp.cjs requires its binary by template strings, which esbuild would try to expand into files.
      esbuild.onLoad({ filter: /\.cjs$/ }, (args) => {
        if (path.dirname(args.path) !== SHARP_DIST) return undefined;
        return { contents: readFileSync(args.path, 'utf8').replaceAll('require(`', '__sharpRequire(`'), loader: 'js' };
      });
    },
  }],
  banner: { js: 'module.exports = function loadSharp(require) {\nvar __sharpRequire = require;\nvar module = { exports: {} }, exports = module.exports;' },
  footer: { js: 'return module.exports;\n};' },
});
writeFileSync(path.join(DIST, 'bundle', 'sharp.json'), JSON.stringify({ version: JSON.parse(readFileSync(path.join(SHARP_DIST, '..', 'package.json'), 'utf8')).version }) + '\n');

// ---------------------------------------------------------------- startup snapshot

/**
 * The snapshot's script: the same sources as one CommonJS file (what
 * `node --build-snapshot` runs). Its `require` is Node's built-ins-only one
 * while the snapshot is made; the banner's replaces it with one that loads
 * packages (sharp, resvg…) from node_modules when a run asks for them.
 */
const SNAPSHOT_SCRIPT = path.join(DIST, 'bundle', 'snapshotEntry.cjs');
await build({
  ...NODE_BUNDLE,
  entryPoints: [path.join(SRC, 'startup', 'snapshotEntry.ts')],
  outfile: SNAPSHOT_SCRIPT,
  format: 'cjs',
  // Without white space, comments and redundant syntax (names kept: Vega and commander read constructor names):
  // 3.6 → 2.4 MB of source, which every run's snapshot holds and re-scans as it compiles each function it calls
  // (a one-chart build −8 to −12 ms of CPU, 12 interleaved runs of the child; renaming too gave −5 to −19, within the noise).
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [layout(true)],
  // A run started from a snapshot has no callback for import(): packages are required instead.
  supported: { 'dynamic-import': false },
  banner: {
    js: [
      "var __citechartDist = require('node:url').pathToFileURL(require('node:path').join(__dirname, '..') + '/');",
      'var __citechartBuiltin = require;',
      'var __citechartPackages;',
      'var require = Object.assign(function (id) {',
      // write-file-atomic reads worker_threads' threadId as it loads: the main thread's is 0. Loaded while the
      // snapshot is made, worker_threads would start workers without the main thread's shared state (their process.cwd() throws).
      "  if (/^(node:)?worker_threads$/.test(id) && __citechartBuiltin('node:v8').startupSnapshot.isBuildingSnapshot()) return { threadId: 0, isMainThread: true };",
      "  if (__citechartBuiltin('node:module').isBuiltin(id)) return __citechartBuiltin(id);",
      "  return (__citechartPackages ??= __citechartBuiltin('node:module').createRequire(__filename))(id);",
      '}, {',
      "  resolve: (id, options) => (__citechartPackages ??= __citechartBuiltin('node:module').createRequire(__filename)).resolve(id, options),",
      '});',
    ].join('\n'),
  },
});

// The snapshot itself, and the stamp src/startup/runFromSnapshot.ts checks
// before using it. A snapshot is an optimisation: when Node cannot make one,
// the build says so and `citechart` runs without (the bundle above).
// Latin-1 source in the snapshot's heap (VEGA_COPIES).
keepLatin1([SNAPSHOT_SCRIPT]);
const BLOB = path.join(DIST, 'snapshot.blob');
const STAMP = path.join(DIST, 'snapshot.json');
// The same facts for bin/citechart, the shell script that starts the snapshot itself: lines it reads with `read`.
const LAUNCH = path.join(DIST, 'snapshot.launch');
for (const file of [BLOB, STAMP, LAUNCH]) rmSync(file, { force: true });
// Made with the V8 options the child is started with (a snapshot loads only under the same ones).
const { SNAPSHOT_V8_FLAGS } = await import(pathToFileURL(path.join(DIST, 'startup', 'v8Flags.js')).href);
const made = spawnSync(process.execPath, [...SNAPSHOT_V8_FLAGS, '--snapshot-blob', BLOB, '--build-snapshot', SNAPSHOT_SCRIPT], { cwd: ROOT, encoding: 'utf8' });
// Node 20 warns of built-in modules "not yet fully verified" in a snapshot: these three are checked by the
// tests run from it (module: createRequire; child_process: spawn at run time; async_hooks: the read ledger).
const VERIFIED = /^\(node:\d+\) Warning: It's not yet fully verified whether built-in module "node:(module|child_process|async_hooks)"|^It may still work in some cases|^To request support for the module|^\(Use `node --trace-warnings/;
const said = (made.stderr ?? '').split('\n').filter((line) => line && !VERIFIED.test(line));
if (said.length) console.error(said.join('\n'));
if (made.status === 0 && existsSync(BLOB)) {
  const stamp = { node: process.version, platform: process.platform, arch: process.arch, cliMtimeMs: statSync(path.join(DIST, 'cli.js')).mtimeMs, dist: DIST + path.sep };
  writeFileSync(STAMP, JSON.stringify(stamp, null, 2) + '\n');
  // A dist/ whose real path has a line break in it gets no launch file: the script could not read it back.
  const { MALLOC_ARENAS } = await import(pathToFileURL(path.join(DIST, 'startup', 'runFromSnapshot.js')).href);
  const launch = [process.version, realpathSync(DIST), SNAPSHOT_V8_FLAGS.join(' '), MALLOC_ARENAS];
  if (!launch.some((line) => /[\r\n]/.test(line))) writeFileSync(LAUNCH, launch.join('\n') + '\n');
} else {
  rmSync(BLOB, { force: true });
  console.error(`scripts/bundle.mjs: no startup snapshot (node --build-snapshot exited ${made.status}); citechart runs without one`);
}

// ---------------------------------------------------------------- sharp's code cache

// V8's code cache of dist/bundle/sharp.cjs (src/render/sharpCodeCache.ts),
// made in a Node started with the snapshot child's V8 flags and interrupt
// budget: V8 takes a cache only under the flags it was made with.
// Measured (a Node with those flags loading sharp.cjs, 31 interleaved runs,
// user+sys of the process): 72.3 → 66.2 ms. Like the snapshot, an
// optimisation: without it sharp.cjs is compiled as before.
const SHARP_CACHE_MAKER = [
  `import { raiseInterruptBudget } from ${JSON.stringify(pathToFileURL(path.join(DIST, 'startup', 'jitBudget.js')).href)};`,
  `import { makeSharpCodeCache } from ${JSON.stringify(pathToFileURL(path.join(DIST, 'render', 'sharpCodeCache.js')).href)};`,
  'raiseInterruptBudget();',
  `await makeSharpCodeCache(new URL(${JSON.stringify(pathToFileURL(DIST + path.sep).href)}));`,
].join('\n');
rmSync(path.join(DIST, 'bundle', 'sharp.cache'), { force: true });
const cached = spawnSync(process.execPath, [...SNAPSHOT_V8_FLAGS, '--input-type=module', '-e', SHARP_CACHE_MAKER], { cwd: ROOT, encoding: 'utf8' });
if (cached.status !== 0) console.error(`scripts/bundle.mjs: no code cache for sharp (${(cached.stderr ?? '').trim() || `exit ${cached.status}`}); sharp.cjs is compiled at run time`);

// ---------------------------------------------------------------- code hash stamp

// Last, once nothing else in dist/ changes: the hash of citechart's own code
// that every build cache key holds (src/cache/codeHash.ts), with the size and
// time of each file it covers. A run trusts it while those still match,
// instead of reading and hashing ≈6 MB of code (80–160 ms of each build).
const { writeCodeHashStamp } = await import(pathToFileURL(path.join(DIST, 'cache', 'codeHash.js')).href);
writeCodeHashStamp(DIST);
