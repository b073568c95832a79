// Issue 9, item 2: reads outside data/. A spec drew a project's .env into its
// SVG and HTML as invisible text through a data url that was a signal, and
// /etc/passwd through a symbolic link in data/; a FIFO in data/ made `check`
// wait forever. Every way in is refused at the spec's line:col by both
// `check` and `build` (exit 1), and the secret reaches no output.
import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorLines, runCli, STACK_FRAME, type CliResult } from '../helpers/cli.js';
import { barSpec, makeProject, minimalProject, where } from '../helpers/fixtureProject.js';

const SPEC = 'specs/exports.vl.json';
const SECRET = 'hunter2-7f3a9c';
const ENV = `API_TOKEN=${SECRET}\n`;

/** Everything the user or a reader could see: both streams and every file in output/. */
function everythingShown(cwd: string, ...results: CliResult[]): string {
  const out = path.join(cwd, 'output');
  const files = existsSync(out) ? readdirSync(out).map((f) => readFileSync(path.join(out, f), 'latin1')) : [];
  return [...results.flatMap((r) => [r.stdout, r.stderr]), ...files].join('\n');
}

/** Runs check then build; both must refuse with exactly `expected` error lines (plus build's own failure line). */
async function expectRefused(cwd: string, expected: string[]) {
  // A FIFO once made check wait forever: runCli kills a run after 90 s (code null, a failure here), far beyond a loaded machine's slowest.
  const check = await runCli(['check'], { cwd, timeoutMs: 90_000 });
  const build = await runCli(['build'], { cwd, timeoutMs: 90_000 });
  for (const result of [check, build]) {
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain(STACK_FRAME);
    expect([...new Set(errorLines(result))]).toEqual(expected);
  }
  expect(existsSync(path.join(cwd, 'output', 'exports.svg'))).toBe(false);
  expect(everythingShown(cwd, check, build)).not.toContain(SECRET);
}

// The layer that read .env in the report: a data url made by a signal, read
// as one column, drawn as invisible text.
const leakLayer = (url: unknown) => ({
  data: { url, format: { type: 'csv' } },
  mark: { type: 'text', opacity: 0 },
  encoding: { text: { field: 'country' } },
});
const layered = (extra: Record<string, unknown>) =>
  JSON.stringify(
    {
      data: { url: 'data/exports.csv' },
      layer: [
        { mark: 'bar', encoding: { y: { field: 'country', type: 'nominal' }, x: { field: 'exports', type: 'quantitative', title: 'Exports (units)' } } },
        ...(extra.layer as unknown[]),
      ],
      ...(extra.params ? { params: extra.params } : {}),
    },
    null,
    2,
  ) + '\n';

describe('reads outside data/ are refused at the spec', () => {
  it('a data url that is a signal naming .env', async () => {
    const spec = layered({ layer: [leakLayer({ signal: "'.env'" })] });
    const cwd = makeProject({ ...minimalProject, [SPEC]: spec, '.env': ENV });
    await expectRefused(cwd, [
      `${where(SPEC, spec, '"url"', 1)}: error: a data url must be a literal "data/NAME.csv" string, not {"signal": …}: a signal or expression could load any file or URL`,
    ]);
  });

  it('a data url that is a param expression', async () => {
    const spec = layered({ params: [{ name: 'f', expr: "'.e' + 'nv'" }], layer: [leakLayer({ expr: 'f' })] });
    const cwd = makeProject({ ...minimalProject, [SPEC]: spec, '.env': ENV });
    await expectRefused(cwd, [
      `${where(SPEC, spec, '"url"', 1)}: error: a data url must be a literal "data/NAME.csv" string, not {"expr": …}: a signal or expression could load any file or URL`,
    ]);
  });

  it('a lookup from a signal url', async () => {
    const spec = barSpec({ transform: [{ lookup: 'country', from: { data: { url: { signal: "'.env'" } }, key: 'country', fields: ['x'] } }] });
    const cwd = makeProject({ ...minimalProject, [SPEC]: spec, '.env': ENV });
    await expectRefused(cwd, [
      `${where(SPEC, spec, '"url"', 1)}: error: a data url must be a literal "data/NAME.csv" string, not {"signal": …}: a signal or expression could load any file or URL`,
    ]);
  });

  it('an image url in a mark and in an encoding', async () => {
    const spec = layered({
      layer: [
        { mark: { type: 'point', url: '.env' } },
        { mark: 'point', encoding: { url: { value: 'data/exports.csv' } } },
      ],
    });
    const cwd = makeProject({ ...minimalProject, [SPEC]: spec, '.env': ENV });
    const message = 'error: a "url" is allowed only as "data": {"url": "data/NAME.csv"}; anywhere else it would load a file or URL into the graphic';
    await expectRefused(cwd, [`${where(SPEC, spec, '"url"', 1)}: ${message}`, `${where(SPEC, spec, '"url"', 2)}: ${message}`]);
  });

  it.skipIf(process.platform === 'win32')('a symbolic link in data/ to /etc/passwd, and to the project\'s .env', async () => {
    const spec = layered({ layer: [{ data: { url: 'data/passwd.csv' }, mark: 'text', encoding: { text: { field: 'country' } } }] });
    const cwd = makeProject({ ...minimalProject, [SPEC]: spec, '.env': ENV });
    symlinkSync('/etc/passwd', path.join(cwd, 'data', 'passwd.csv'));
    await expectRefused(cwd, [
      `${where(SPEC, spec, '"url"', 1)}: error: data url "data/passwd.csv" is a link to /etc/passwd, outside the project's data/ folder; copy the file into data/ instead`,
    ]);
    const envSpec = spec.replace('data/passwd.csv', 'data/env.csv');
    const envCwd = makeProject({ ...minimalProject, [SPEC]: envSpec, '.env': ENV });
    symlinkSync('../.env', path.join(envCwd, 'data', 'env.csv'));
    const check = await runCli(['check'], { cwd: envCwd });
    expect(check.code).toBe(1);
    expect(errorLines(check)).toEqual([expect.stringMatching(new RegExp(`^${where(SPEC, envSpec, '"url"', 1)}: error: data url "data/env.csv" is a link to .*/\\.env, outside the project's data/ folder`))]);
    expect(everythingShown(envCwd, check)).not.toContain(SECRET);
  });

  it.skipIf(process.platform === 'win32')('a FIFO in data/ is refused without waiting for a writer', async () => {
    const spec = barSpec({ file: 'data/pipe.csv' });
    const cwd = makeProject({ ...minimalProject, [SPEC]: spec });
    mkfifoSync(path.join(cwd, 'data', 'pipe.csv'));
    // Before the fix `check` blocked forever: runCli killed it (exit code null, not 1).
    await expectRefused(cwd, [
      `${where(SPEC, spec, '"url"')}: error: data url "data/pipe.csv" is a named pipe (FIFO), not a file; citechart reads only regular CSV files in data/`,
    ]);
  }, 200_000);

  it.skipIf(process.platform === 'win32')('a FIFO as sources.csv or as a sidecar is refused, not waited on', async () => {
    const cwd = makeProject({ ...minimalProject });
    mkfifoSync(path.join(cwd, 'data', 'exports.schema.json'));
    const check = await runCli(['check'], { cwd, timeoutMs: 90_000 });
    expect(check.code).toBe(1);
    expect(errorLines(check)).toEqual([
      'data/exports.schema.json: error: data/exports.schema.json is a named pipe (FIFO), not a file; citechart reads only regular files, so replace it with the file itself',
    ]);
  });
});

function mkfifoSync(file: string): void {
  execFileSync('mkfifo', [file]);
}
