// The typed API reads no file of a project: run in a child process whose
// node:fs refuses every path but citechart's own (its compiled code, its
// dependencies' files, fonts included, and its font caches in the temporary
// folder), with a decoy project as the working folder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const tool = realpathSync(fileURLToPath(new URL('../../', import.meta.url)));
const guard = path.join(tool, 'tests/helpers/denyFileAccess.mjs');
const repo = (file: string) => readFileSync(path.join(tool, file), 'utf8');

const allowed = [
  ...['node_modules', 'dist', 'generated'].map((folder) => path.join(tool, folder) + path.sep),
  path.join(tool, 'package.json'),
  // Font caches (fontconfig's for sharp, measured text widths, subsets): src/text.
  path.join(realpathSync(os.tmpdir()), 'citechart-'),
  path.join(os.tmpdir(), 'citechart-'),
  // detect-libc (sharp's and polars' loaders) probes the C library once: not a file of any project.
  '/proc/self/exe',
  '/usr/bin/ldd',
];

const decoys: string[] = [];
afterAll(() => {
  for (const folder of decoys) rmSync(folder, { recursive: true, force: true });
});

/** Runs `script` (an ES module body with `renderChart` and `input` in scope) in the guarded child; its stdout and stderr. */
function guarded(script: string, input: unknown, env: Record<string, string> = {}) {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'api-decoy-'));
  decoys.push(cwd);
  // A decoy project in the working folder: reading it would be a bug (and is refused).
  mkdirSync(path.join(cwd, 'data'));
  mkdirSync(path.join(cwd, 'specs'));
  writeFileSync(path.join(cwd, 'data/sources.csv'), 'id\ndecoy\n');
  writeFileSync(path.join(cwd, 'specs/theme.json'), '{}');
  const body = `const { renderChart } = await import(${JSON.stringify(path.join(tool, 'dist/index.js'))});\nconst input = JSON.parse(process.env.API_INPUT);\n${script}`;
  // The script is given with -e, not as a file: the loader would read a file through node:fs.
  return spawnSync(process.execPath, ['--import', guard, '--input-type=module', '-e', body], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CITECHART_ALLOW: JSON.stringify(allowed), API_INPUT: JSON.stringify(input), ...env },
    timeout: 60_000,
  });
}

describe('renderChart reads no project file', () => {
  const name = 'microelectronics-imports';
  const input = { spec: repo(`specs/${name}.vl.json`), tables: { [name]: repo(`data/${name}.csv`) }, sources: repo('data/sources.csv'), theme: repo('specs/theme.json'), options: { name } };

  it('draws SVG, PNG and HTML with node:fs refusing every path outside citechart itself', () => {
    const run = guarded(
      `const result = await renderChart(input);
       const again = await renderChart(input);
       process.stdout.write(JSON.stringify({ ok: result.ok, svg: result.svg, png: result.png?.length, html: result.html?.length, same: again.svg === result.svg && again.png.equals(result.png) }));`,
      input,
    );
    expect(run.stderr).not.toMatch(/DENIED/);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { ok: boolean; svg: string; png: number; html: number; same: boolean };
    expect(out.ok).toBe(true);
    expect(out.svg).toBe(repo(`output/${name}.svg`));
    expect(out.png).toBeGreaterThan(10_000);
    expect(out.html).toBeGreaterThan(1_000);
    expect(out.same).toBe(true);
  }, 90_000);

  it('reads the font files once: a second chart in the same process opens none', () => {
    const run = guarded(
      `await renderChart(input);
       process.stderr.write('--- second render\\n');
       const again = await renderChart(input);
       process.stdout.write(String(again.ok));`,
      input,
      { CITECHART_ACCESS_LOG: '1' },
    );
    expect(run.stdout).toBe('true');
    const [first, second] = run.stderr.split('--- second render\n');
    const fonts = (log: string) => log.split('\n').filter((line) => /^ALLOWED .*\.(ttf|otf|woff2?)$/.test(line));
    expect(fonts(first!).length).toBeGreaterThan(0);
    expect(fonts(second!)).toEqual([]);
  }, 90_000);

  it('the guard does refuse: a read of the decoy project is seen', () => {
    const run = guarded(`const fs = await import('node:fs'); try { fs.readFileSync('data/sources.csv'); } catch {} process.stdout.write('done');`, input);
    expect(run.stdout).toBe('done');
    expect(run.stderr).toMatch(/^DENIED readFileSync .*api-decoy-.*\/data\/sources\.csv$/m);
  });
});
