// How the command is called: usage mistakes exit 2 with the problem on
// stderr (and nothing built); --help exits 0 and documents the options.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, STACK_FRAME } from '../helpers/cli.js';
import { makeProject, minimalProject } from '../helpers/fixtureProject.js';

let cwd: string;
beforeAll(() => {
  cwd = makeProject({ ...minimalProject, 'specs/prices.vl.json': minimalProject['specs/exports.vl.json']! });
});

describe.concurrent('usage errors exit 2', () => {
  it('an unknown command', async () => {
    const result = await runCli(['frobnicate'], { cwd });
    expect(result.errLines[0]).toBe("error: unknown command 'frobnicate'");
    expect(result.stderr).toContain('Usage: citechart');
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });

  it('an unknown chart name, listing the charts there are, and building none of the others', async () => {
    const result = await runCli(['build', 'exports', 'nosuch'], { cwd });
    expect(result.errLines).toEqual(['citechart: no spec named "nosuch" in specs/ (charts: exports, prices)']);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
    expect(existsSync(path.join(cwd, 'output'))).toBe(false);
  });

  it('an unknown flag, with the command\'s usage', async () => {
    const result = await runCli(['build', '--frobnicate'], { cwd });
    expect(result.errLines[0]).toBe("error: unknown option '--frobnicate'");
    expect(result.stderr).toContain('Usage: citechart build');
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });

  it('a flag without its value', async () => {
    const result = await runCli(['build', '--out'], { cwd });
    expect(result.errLines[0]).toBe("error: option '--out <dir>' argument missing");
    expect(result.code).toBe(2);
  });

  it('a folder that is not a citechart project', async () => {
    const empty = realpathSync(makeProject({ 'README.md': '# not a project\n' }));
    const result = await runCli(['build'], { cwd: empty });
    expect(result.errLines).toEqual([`citechart: ${empty} is not a citechart project: it has no data/ or specs/ folder`]);
    expect(result.stderr).not.toContain(STACK_FRAME);
    expect(result.code).toBe(2);
  });
});

describe.concurrent('--help', () => {
  it('build --help exits 0 and documents --out and chart names', async () => {
    const result = await runCli(['build', '--help'], { cwd });
    expect(result.outLines[0]).toBe('Usage: citechart build [options] [names...]');
    expect(result.stdout).toMatch(/^\s+--out <dir>\s+output folder \(default: "output"\)$/m);
    expect(result.stdout).toMatch(/^\s+names\s+chart names/m);
    expect(result.stdout).toMatch(/^\s+-h, --help\s/m);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(path.join(cwd, 'output'))).toBe(false);
  });

  it('check --help exits 0 and documents what check does and its options', async () => {
    const result = await runCli(['check', '--help'], { cwd });
    expect(result.outLines[0]).toBe('Usage: citechart check [options]');
    expect(result.stdout).toContain('validate every file and warn like a graphics editor; write nothing');
    expect(result.stdout).toMatch(/^Options:\n\s+--format <format>\s[\s\S]*\n\s+-h, --help\s/m);
    expect(result.stdout).toMatch(/^Editorial warnings \(rule ids\):\n\s+zero-baseline\s/m);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('the installed command', () => {
  // `npx citechart …` runs dist/cli.js through its shebang: without the execute
  // bit a fresh clone's `npx citechart build` fails with "Permission denied".
  it('is executable and runs through npx', async () => {
    const { execFileSync } = await import('node:child_process');
    const { statSync } = await import('node:fs');
    const root = path.resolve(import.meta.dirname, '../..');
    expect(statSync(path.join(root, 'dist/cli.js')).mode & 0o111).not.toBe(0);
    expect(execFileSync('npx', ['--no-install', 'citechart', '--version'], { cwd: root, encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

// From the break-it pass: `--out data` wrote graphics, manifest.json,
// index.html, the cache and the lock among the inputs.
describe('--out inside data/ or specs/', () => {
  it('is a usage error (exit 2), and nothing is written there', async () => {
    const { makeProject, minimalProject, listFiles } = await import('../helpers/fixtureProject.js');
    const cwd = makeProject(minimalProject);
    for (const out of ['data', 'specs', 'data/out', 'specs/../data']) {
      const result = await runCli(['build', '--out', out, '--formats', 'svg'], { cwd });
      expect(result.code, out).toBe(2);
      expect(result.stderr).toMatch(/the output folder would be (inside )?(data|specs)\/, among the project's inputs/);
    }
    expect(listFiles(cwd).filter((file) => !file.endsWith('.csv') && !file.endsWith('.json'))).toEqual([]);
    expect(listFiles(cwd).filter((file) => /manifest|index/.test(file))).toEqual([]);
  });
});
