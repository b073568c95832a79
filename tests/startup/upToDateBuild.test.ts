// The launcher's up-to-date check (src/startup/upToDateBuild.ts): it does a
// plain `citechart build` only when that build has nothing to draw, prints
// what the command line prints then, and for every other case falls through
// having printed and written nothing, so the command runs as before. Each
// kind of input is changed in turn (issue 15: a fast path must never skip a
// build the full path would do). The CLI's side is in tests/e2e/upToDateBuild.
import { spawn, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { build, NotUpToDate } from '../../src/commands/build.js';
import { formatDiagnostic } from '../../src/errors.js';
import * as messages from '../../src/messages.js';
import { buildIfUpToDate, isPlainBuild } from '../../src/startup/upToDateBuild.js';
import { barSpec, makeProject, minimalProject, readText, SOURCES_CSV } from '../helpers/fixtureProject.js';

// The code hash in every key: a test changes it as a new citechart build would (keyVersions is otherwise read once per process).
const code = vi.hoisted(() => ({ hash: 'code-1' }));
vi.mock('../../src/cache/keyVersions.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/cache/keyVersions.js')>();
  return { keyVersions: () => ({ ...real.keyVersions(), 'citechart code': code.hash }) };
});

const ARGV = ['node', 'cli.js', 'build'];
let cwd: string;

/** What buildIfUpToDate printed (stdout and stderr, in order) and returned, and the output folder's files with their mtimes after it. */
async function fastPath(argv = ARGV, env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' }) {
  const printed: string[] = [];
  const capture = (stream: NodeJS.WriteStream, name: string) =>
    vi.spyOn(stream, 'write').mockImplementation((text: string | Uint8Array) => (printed.push(`${name}:${String(text)}`), true));
  capture(process.stdout, 'out');
  capture(process.stderr, 'err');
  const exitCode = process.exitCode;
  let ran: boolean;
  try {
    ran = await buildIfUpToDate(argv, cwd, env);
  } finally {
    vi.restoreAllMocks();
  }
  const code = process.exitCode;
  process.exitCode = exitCode;
  return { ran, printed, code };
}

/** Each file of output/ with its size and mtime: what a fall-through must leave as it was. */
const outputState = () =>
  readdirSync(path.join(cwd, 'output'))
    .sort()
    .map((name) => {
      const info = statSync(path.join(cwd, 'output', name));
      return `${name} ${info.size} ${info.mtimeMs}`;
    });

/** A full build (in this process), which must draw `expected` charts. */
async function fullBuild(expected: string[]) {
  const result = await build({ cwd, jobs: 1 });
  expect(result.charts.every((chart) => chart.ok)).toBe(true);
  expect(result.charts.filter((chart) => chart.ok && !chart.upToDate).map((chart) => chart.name)).toEqual(expected);
}

/** The up-to-date check falls through, leaving output/ and the terminal alone; then the full build draws `drawn`. */
async function fallsThrough(drawn: string[], argv = ARGV, env?: NodeJS.ProcessEnv) {
  const before = outputState();
  const result = await fastPath(argv, env);
  expect(result).toEqual({ ran: false, printed: [], code: undefined });
  expect(outputState()).toEqual(before);
  await fullBuild(drawn);
}

const edit = (file: string, text: string) => writeFileSync(path.join(cwd, file), text);

beforeAll(async () => {
  cwd = makeProject({ ...minimalProject, 'specs/second.vl.json': barSpec({ title: 'Second' }) });
  await fullBuild(['exports', 'second']);
});

afterEach(() => {
  process.exitCode = undefined;
});

describe('isPlainBuild', () => {
  it('is `citechart build` alone: no chart name, flag or other command', () => {
    expect(isPlainBuild(ARGV)).toBe(true);
    for (const args of [['build', 'exports'], ['build', '--force'], ['build', '--out', 'site'], ['build', '--theme', 'dark'], ['check'], ['watch'], ['--version'], ['build', '--'], []]) {
      expect(isPlainBuild(['node', 'cli.js', ...args])).toBe(false);
    }
  });
});

// In order: each step starts from the state the one before left.
describe('buildIfUpToDate', () => {
  it('nothing changed: does the build here, printing the summary the command line prints, exit 0', async () => {
    const before = outputState();
    const { ran, printed, code } = await fastPath();
    expect(ran).toBe(true);
    expect(code).toBe(0);
    expect(printed.map((line) => line.replace(/ in \d+\.\d s\n$/, ' in X s\n'))).toEqual([
      `out:${messages.build.buildSummary({ built: 0, upToDate: 2, failed: 0, seconds: 0 }).replace(/ in \d+\.\d s$/, ' in X s')}\n`,
    ]);
    // It wrote nothing: every file as it was.
    expect(outputState()).toEqual(before);
  });

  it('a project never built: falls through, leaving no output folder behind', async () => {
    const built = cwd;
    cwd = makeProject(minimalProject);
    try {
      expect(await fastPath()).toEqual({ ran: false, printed: [], code: undefined });
      expect(existsSync(path.join(cwd, 'output'))).toBe(false);
    } finally {
      cwd = built;
    }
  });

  it('other command lines: falls through without looking', async () => {
    for (const args of [['build', 'exports'], ['build', '--force'], ['check']]) {
      expect(await fastPath(['node', 'cli.js', ...args])).toEqual({ ran: false, printed: [], code: undefined });
    }
    // build() itself never skips a forced build in this mode.
    await expect(build({ cwd, force: true, upToDateOnly: true })).rejects.toBeInstanceOf(NotUpToDate);
  });

  it('a changed spec', async () => {
    edit('specs/second.vl.json', barSpec({ title: 'Second, retitled' }));
    await fallsThrough(['second']);
  });

  it('a changed CSV', async () => {
    edit('data/exports.csv', readText(cwd, 'data/exports.csv').replace('Norway,120', 'Norway,121'));
    await fallsThrough(['exports', 'second']);
  });

  it('a schema sidecar that appears', async () => {
    edit('data/exports.schema.json', JSON.stringify({ fields: [{ name: 'country', type: 'string' }] }));
    await fallsThrough(['exports', 'second']);
  });

  it('a changed sources.csv (the sources and notes the footer cites)', async () => {
    edit('data/sources.csv', SOURCES_CSV.replace('Widget exports 2024', 'Widget exports in 2024'));
    await fallsThrough(['exports', 'second']);
  });

  it('a changed theme (fonts, colours, config)', async () => {
    edit('specs/theme.json', readText(cwd, 'specs/theme.json').replace('"padding": 16', '"padding": 14'));
    await fallsThrough(['exports', 'second']);
  });

  it('a new citechart (another code hash)', async () => {
    code.hash = 'code-2';
    await fallsThrough(['exports', 'second']);
  });

  it('an output edited in place, same size', async () => {
    const svg = path.join(cwd, 'output/second.svg');
    const text = readFileSync(svg, 'utf8');
    writeFileSync(svg, text.replace('Second', 'Sekond'));
    expect(statSync(svg).size).toBe(Buffer.byteLength(text));
    await fallsThrough(['second']);
  });

  it('a deleted output, a deleted gallery', async () => {
    rmSync(path.join(cwd, 'output/exports.png'));
    await fallsThrough(['exports']);
    rmSync(path.join(cwd, 'output/index.html'));
    await fallsThrough([]);
  });

  it('a malformed CITECHART_* setting: left to the command line to report', async () => {
    await fallsThrough([], ARGV, { ...process.env, CI: 'true', CITECHART_CHART_HEAP_MB: 'lots' });
  });

  it('the output folder locked by another live build: left to the command line to report', async () => {
    const holder: ChildProcess = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const lock = path.join(cwd, 'output', '.citechart.lock');
      writeFileSync(lock, JSON.stringify({ pid: holder.pid, host: hostname() }));
      const before = outputState();
      expect(await fastPath()).toEqual({ ran: false, printed: [], code: undefined });
      expect(outputState()).toEqual(before);
      rmSync(lock);
    } finally {
      holder.kill();
    }
  });

  it('a deleted manifest: written here, as the full build writes it', async () => {
    const manifest = readText(cwd, 'output/manifest.json');
    rmSync(path.join(cwd, 'output/manifest.json'));
    const { ran, code } = await fastPath();
    expect([ran, code]).toEqual([true, 0]);
    expect(readText(cwd, 'output/manifest.json')).toBe(manifest);
  });

  it('a spec removed: falls through (the gallery is drawn again)', async () => {
    rmSync(path.join(cwd, 'specs/second.vl.json'));
    const before = outputState();
    expect(await fastPath()).toEqual({ ran: false, printed: [], code: undefined });
    expect(outputState()).toEqual(before);
    const result = await build({ cwd, jobs: 1 });
    expect(result.removed).toEqual(['output/second.html', 'output/second.png', 'output/second.svg']);
  });

  it("warnings of the last build are printed again, as the command line prints them", async () => {
    // A source with no url: a warning of sources.csv, replayed from the cache on every build.
    edit('data/sources.csv', SOURCES_CSV.replace('https://example.org/survey-2023', ''));
    const drawn = await build({ cwd, jobs: 1 });
    const warnings = drawn.diagnostics.map(formatDiagnostic);
    expect(warnings.length).toBeGreaterThan(0);
    const { ran, printed, code } = await fastPath();
    expect([ran, code]).toEqual([true, 0]);
    expect(printed.slice(0, -1)).toEqual(warnings.map((line) => `err:${line}\n`));
    expect(printed.at(-1)).toMatch(/^out:0 charts built, 1 up to date in \d+\.\d s\n$/);
  });
});
