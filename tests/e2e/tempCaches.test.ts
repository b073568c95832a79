// The caches citechart keeps in the temporary folder (font subsets, the
// text-width store) are written by the bundled command line, in its render
// workers and without the startup snapshot too. In the esbuild bundle
// write-file-atomic threw on every write (`__filename` is not defined in an
// ES module) and its callers swallow errors, so each build made every font
// subset again, loading harfbuzz's and WOFF2's WebAssembly into each worker
// (issue 15: ≈100 MB a worker at the peak, and the CPU of the subsets).
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { barSpec, makeProject, minimalProject } from '../helpers/fixtureProject.js';

/** Three charts: enough for `build` to draw them on worker threads (PARALLEL_FROM). */
const threeCharts = {
  ...minimalProject,
  'specs/exports-b.vl.json': barSpec({ title: 'Widget exports, second view' }),
  'specs/exports-c.vl.json': barSpec({ title: 'Widget exports, third view' }),
};

/** The font subsets (.ttf for the PNG, .woff2 for the SVG) and width-store files in a temporary folder. */
function cached(tmp: string): { subsets: string[]; widthStores: string[] } {
  const entries = readdirSync(tmp);
  const subsets = entries.filter((name) => name.startsWith('citechart-subsets-')).flatMap((dir) => readdirSync(path.join(tmp, dir)));
  return { subsets, widthStores: entries.filter((name) => /^citechart-text-widths-.*\.json$/.test(name)) };
}

describe('caches in the temporary folder', () => {
  // Workers ask the main thread for schema checks and subsets (pool/answerWorker.ts): a spec the
  // main thread finds invalid is still checked and worded in the worker, at its line and column.
  it('a schema error in a worker build is still named at its line and column', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'citechart-temp-caches-'));
    const spec = JSON.parse(barSpec({ title: 'Widget exports, broken view' })) as { mark: unknown };
    spec.mark = 'barr';
    const project = { ...threeCharts, 'specs/exports-c.vl.json': JSON.stringify(spec, null, 2) };
    const result = await runCli(['build', '--jobs', '2'], { cwd: makeProject(project), env: { TMPDIR: tmp } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^specs\/exports-c\.vl\.json:\d+:\d+: error: .*barr/m);
    // The two valid charts were drawn, their subsets made on the main thread and kept.
    expect(cached(tmp).subsets.length).toBeGreaterThan(0);
  });

  for (const [how, env] of [
    ['from the startup snapshot', {}],
    ['without the snapshot', { CITECHART_SNAPSHOT: 'off' }],
  ] as const) {
    it(`are written by a build on worker threads, ${how}`, async () => {
      const tmp = mkdtempSync(path.join(os.tmpdir(), 'citechart-temp-caches-'));
      const result = await runCli(['build', '--jobs', '2'], { cwd: makeProject(threeCharts), env: { ...env, TMPDIR: tmp } });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const { subsets, widthStores } = cached(tmp);
      expect(subsets.filter((name) => name.endsWith('.ttf')).length).toBeGreaterThan(0);
      expect(subsets.filter((name) => name.endsWith('.woff2')).length).toBeGreaterThan(0);
      expect(widthStores).toHaveLength(1);
    });
  }
});
