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
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
]);

const layout = {
  name: 'citechart-layout',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { external: true };
      const name = packageName(args.path);
      return BUNDLED.has(name) || isD3(name) ? undefined : { external: true };
    });
    esbuild.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!args.path.startsWith(SRC + path.sep)) return undefined;
      let text = readFileSync(args.path, 'utf8');
      const fix = WORKER_PATHS.get(args.path);
      if (fix) {
        if (text.split(fix[0]).length !== 2) throw new Error(`scripts/bundle.mjs: expected ${fix[0]} once in ${args.path}`);
        text = text.replace(fix[0], fix[1]);
      }
      const asCompiled = path.relative(SRC, args.path).replace(/\.ts$/, '.js').split(path.sep).join('/');
      text = text.replaceAll('import.meta.url', `new URL(${JSON.stringify(asCompiled)}, __citechartDist).href`);
      return { contents: text, loader: 'ts' };
    });
  },
};

rmSync(path.join(DIST, 'bundle'), { recursive: true, force: true });
await build({
  entryPoints: {
    cli: path.join(SRC, 'cli.ts'),
    'bundle/workerMain': path.join(SRC, 'pool', 'workerMain.ts'),
    'bundle/renderWorker': path.join(SRC, 'pool', 'renderWorker.ts'),
  },
  outdir: DIST,
  chunkNames: 'bundle/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Packages' ES module builds (jsonc-parser's "main" is a UMD file that requires by computed paths).
  mainFields: ['module', 'main'],
  plugins: [layout],
  // Every output file: where dist/ is (from dist/cli.js or dist/bundle/*.js), and a `require` for the CommonJS packages bundled.
  banner: {
    js: [
      "import { createRequire as __citechartCreateRequire } from 'node:module';",
      "const __citechartDist = new URL(/\\/bundle\\/[^/]*$/.test(import.meta.url) ? '../' : './', import.meta.url);",
      'const require = __citechartCreateRequire(import.meta.url);',
    ].join('\n'),
  },
  logLevel: 'warning',
  legalComments: 'none',
});
chmodSync(path.join(DIST, 'cli.js'), 0o755);
