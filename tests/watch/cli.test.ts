// The built CLI's `watch`: flags, usage errors, and a clean stop.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';
import { makeProject, minimalProject } from '../helpers/fixtureProject.js';

describe('citechart watch (CLI)', () => {
  it.each(['abc', '-1', '70000', '80.5'])('refuses --port %s as a usage error', async (port) => {
    const result = await runCli(['watch', '--port', port], { cwd: makeProject(minimalProject) });
    expect(result.code).toBe(2);
    expect(result.errLines).toEqual([`citechart: --port "${port}" is not a port number (0 to 65535; 0 picks a free port)`]);
  });

  it('says so when the port is taken, with exit 2', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const result = await runCli(['watch', '--port', String(port)], { cwd: makeProject(minimalProject) });
      expect(result.errLines).toEqual([`citechart: port ${port} is in use: pass another --port, or --port 0 for any free port`]);
      expect(result.code).toBe(2);
    } finally {
      blocker.close();
    }
  });

  it('refuses a folder that is not a project', async () => {
    const result = await runCli(['watch', '--port', '0'], { cwd: makeProject({ 'README.md': 'hi' }) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not a citechart project');
  });

  it('prints the loopback URL and each build, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, 'watch', '--port', '0'], { cwd: makeProject(minimalProject), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        if (/rebuilt exports in \d+ ms/.test(stdout)) resolve();
      });
      child.once('exit', () => reject(new Error(`exited early: ${stdout}`)));
    });
    expect(stdout).toMatch(/^previewing at http:\/\/127\.0\.0\.1:\d+\/ \(Ctrl-C to stop\)\n/);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('says a chart whose files match its inputs is up to date, not rebuilt (issue 13)', async () => {
    const cwd = makeProject(minimalProject);
    expect((await runCli(['build'], { cwd })).code).toBe(0);
    const child = spawn(process.execPath, [CLI, 'watch', '--port', '0'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        if (/exports is up to date|rebuilt exports/.test(stdout)) resolve();
      });
      child.once('exit', () => reject(new Error(`exited early: ${stdout}`)));
    });
    expect(stdout).toContain('exports is up to date (its files in output/ match its inputs)\n');
    expect(stdout).not.toContain('rebuilt');
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
