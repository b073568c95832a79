import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { installBoundedExpressions } from './render/boundedExpressions.js';
import { installListExpression } from './locale/listExpression.js';

// Vega and Vega-Lite as their single-file builds (vega/build/vega.js,
// vega-lite/build/vega-lite.min.js: the same versions' code, bundled)
// instead of the packages' module graphs of ~30 vega-* and d3-* packages
// (Vega-Lite's module imports four helpers from 'vega', which pulls in all
// of it): two files to read and compile instead of hundreds. Measured in a
// fresh process: importing both packages 180–270 ms, these two files ≈60 ms;
// the charts' bytes are the same (tests/output.test.ts, snapshots).
//
// Both files are UMD bundles. Their packages are "type": "module", so Node
// runs them as modules, where a UMD bundle has no `exports` and hands its
// namespace to `globalThis.vega` / `globalThis.vegaLite`; Vega-Lite's takes
// Vega from `globalThis.vega`, so it gets this same Vega. Both are taken from
// there once and the globals removed, so nothing else can reach or change them.
type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');

const packageRequire = createRequire(import.meta.url);
const scope = globalThis as { vega?: Vega; vegaLite?: VegaLite };
const bundle = (pkg: string, file: string) => pathToFileURL(path.join(path.dirname(packageRequire.resolve(pkg)), file)).href;

async function loadBundles(): Promise<{ vega?: Vega; vegaLite?: VegaLite }> {
  const saved = { vega: scope.vega, vegaLite: scope.vegaLite };
  try {
    await import(bundle('vega', 'vega.js'));
    await import(bundle('vega-lite', 'vega-lite.min.js'));
    return { vega: scope.vega, vegaLite: scope.vegaLite };
  } finally {
    for (const key of ['vega', 'vegaLite'] as const) {
      if (saved[key] === undefined) delete scope[key];
      else Object.assign(scope, { [key]: saved[key] });
    }
  }
}

const loaded = await loadBundles();
if (typeof loaded.vega?.View !== 'function' || typeof loaded.vegaLite?.compile !== 'function') {
  throw new Error('the single-file builds of vega and vega-lite did not load');
}

// Linear-time regular expressions and bounded generators in every expression (issue 9).
installBoundedExpressions(loaded.vega);
// joinList(array): a list in the chart's language ("A, B and C").
installListExpression(loaded.vega);

export const vega: Vega = loaded.vega;
export const vl: VegaLite = loaded.vegaLite;
